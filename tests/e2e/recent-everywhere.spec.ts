/**
 * 最近打开 and 复制函件 everywhere (issue #15): a letter goes to the top of 最近打开 however it
 * was opened (created, copied, a search hit, the recent menu itself, a menu command), trashed
 * letters drop out, and the application menu's 最近打开 (Alt+R) and 复制函件 (Ctrl+D) work from
 * the register and from an open letter, the same as their shortcuts.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { RegisterPage } from './pages/RegisterPage';
import { noAxeViolations } from './scaled';

test.describe.configure({ timeout: 180_000 });

const letterHeading = (page: Page) => page.locator('#letter-heading');
const recentMenu = (page: Page) => page.getByRole('menu', { name: '最近打开的函件' });
/** The titles 最近打开 lists, newest first, as core keeps them. */
const recentTitles = async (app: { core: { api: { lettersRecent(): Promise<{ title: string }[]> } } }) => (await app.core.api.lettersRecent()).map((r) => r.title);

test('every way a letter opens puts it first in 最近打开; trashed letters drop out', async ({ app }) => {
  for (const title of ['甲函', '乙函']) await app.core.api.lettersCreate({ title });
  const page = await app.restart();
  const register = new RegisterPage(page);
  await expect(register.rows).toHaveCount(2);

  // Created in the new-letter dialog.
  await register.create('新建的函');
  await expect.poll(() => recentTitles(app)).toEqual(['新建的函']);

  // Copied from the register (the copy opens).
  await register.row('甲函').focus();
  await page.keyboard.press('Control+d');
  await expect(letterHeading(page)).toHaveText('甲函（副本）');
  await expect.poll(() => recentTitles(app)).toEqual(['甲函（副本）', '新建的函']);

  // A search hit.
  await page.getByRole('button', { name: '返回登记簿' }).click();
  await register.partyFilter.fill('乙函');
  await register.partyFilter.press('Enter');
  await expect(register.rows).toHaveCount(1);
  await register.rows.first().locator('.title-link').click();
  await expect(letterHeading(page)).toHaveText('乙函');
  await expect.poll(() => recentTitles(app)).toEqual(['乙函', '甲函（副本）', '新建的函']);

  // The recent menu itself, from the open letter by Alt+R: the register shows with the menu open.
  await page.keyboard.press('Alt+r');
  await expect(recentMenu(page).getByRole('menuitem')).toHaveText([/^乙函/, /^甲函（副本）/, /^新建的函/]);
  await expect(recentMenu(page).getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(letterHeading(page)).toHaveText('新建的函');
  await expect.poll(() => recentTitles(app)).toEqual(['新建的函', '乙函', '甲函（副本）']);

  // Copied from the editor by Ctrl+D: the copy opens and is first.
  await page.getByRole('textbox', { name: '函件正文' }).click();
  await page.keyboard.press('Control+d');
  await expect(letterHeading(page)).toHaveText('新建的函（副本）');
  await expect.poll(() => recentTitles(app)).toEqual(['新建的函（副本）', '新建的函', '乙函', '甲函（副本）']);

  // Trashed: it leaves the list (core keeps the entry; restored, it comes back).
  const copy = (await app.core.api.registerList({})).items.find((r) => r.title === '新建的函（副本）')!;
  await app.core.api.lettersTrash({ id: copy.id });
  await page.getByRole('button', { name: '返回登记簿' }).click();
  await page.keyboard.press('Alt+r');
  await expect(recentMenu(page).getByRole('menuitem')).toHaveText([/^新建的函/, /^乙函/, /^甲函（副本）/]);
  await page.keyboard.press('Escape');
  await app.core.api.lettersRestore({ id: copy.id });
  expect(await recentTitles(app)).toEqual(['新建的函（副本）', '新建的函', '乙函', '甲函（副本）']);
});

test('the menu\'s 最近打开 and 复制函件 work from the register, an open letter and another view', async ({ app }) => {
  for (const title of ['丙函', '丁函']) await app.core.api.lettersCreate({ title });
  const page = await app.restart();
  const register = new RegisterPage(page);
  await expect(register.rows).toHaveCount(2);

  // 复制函件 on the register with nothing chosen says what to do and copies nothing.
  await app.sendCommand('copy-letter');
  await expect(register.notices).toContainText('复制函件：请先在登记簿中选中一封函件。');
  expect((await app.core.api.registerList({})).total).toBe(2);
  // In the trash nothing can be copied: it says so (restore first).
  await register.trash('丁函');
  await register.trashToggle.click();
  await expect(register.row('丁函')).toBeVisible();
  await app.sendCommand('copy-letter');
  await expect(register.notices).toContainText('复制函件：回收站中的函件不能复制，请先恢复它。');
  expect((await app.core.api.registerList({ trashed: true })).total).toBe(1);
  await register.trashToggle.click();
  // With one letter chosen it copies that one, and the copy opens.
  await register.row('丙函').locator('input[type="checkbox"]').check();
  await app.sendCommand('copy-letter');
  await expect(letterHeading(page)).toHaveText('丙函（副本）');

  // 复制函件 in an open letter copies it, with what was typed last.
  const body = page.getByRole('textbox', { name: '函件正文' });
  await body.click();
  await page.keyboard.type('最后一句');
  await app.sendCommand('copy-letter');
  await expect(letterHeading(page)).toHaveText('丙函（副本）（副本）');
  const copyOfCopy = (await app.core.api.registerList({})).items.find((r) => r.title === '丙函（副本）（副本）')!;
  expect(JSON.stringify((await app.core.api.lettersContentGet({ id: copyOfCopy.id })).content.doc)).toContain('最后一句');

  // 最近打开 from an open letter and from the settings: the register, with the menu open on the newest.
  for (const from of ['letter', 'settings'] as const) {
    if (from === 'settings') {
      await page.keyboard.press('Escape');
      await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
    }
    await app.sendCommand('recent-letters');
    await expect(recentMenu(page).getByRole('menuitem').first()).toBeFocused();
    await expect(recentMenu(page).getByRole('menuitem')).toHaveText([/^丙函（副本）（副本）/, /^丙函（副本）/]);
  }
  await noAxeViolations(page, 'the recent menu opened by the menu command');
  // Escape closes it and leaves the clerk on its button.
  await page.keyboard.press('Escape');
  await expect(recentMenu(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '最近打开' })).toBeFocused();
  // Alt+R from the templates view too.
  await page.getByRole('navigation').getByRole('button', { name: '模板' }).click();
  await expect(page.locator('#templates-heading')).toHaveText('模板库');
  await page.keyboard.press('Alt+r');
  await expect(recentMenu(page).getByRole('menuitem').first()).toBeFocused();
});

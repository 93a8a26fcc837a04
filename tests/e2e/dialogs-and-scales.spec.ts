/**
 * Every dialog closes on Escape and gives focus back to what opened it (issue #15), and every
 * view fits a 1366×768 laptop at 125 % and 150 %: no page scrolling sideways, no cut labels or
 * buttons, no overlapping header buttons. Screenshots: test-artifacts/views/<view>@125/150.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';
import { RegisterPage, exportForSignature, readyLetter } from './pages/RegisterPage';
import { minimalPng } from '../helpers/scan-files';
import { atScale, clipped } from './scaled';

test.describe.configure({ timeout: 240_000 });

/** Opens a dialog from `opener` by keyboard, closes it with Escape, and checks where focus went. */
async function escapeReturns(page: Page, opener: Locator, dialog: Locator, what: string): Promise<void> {
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(dialog, `${what} opens`).toBeVisible();
  // Focus is inside the dialog (modal: focus trapped there).
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement)), { message: `${what} has the focus` }).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog, `${what} closes on Escape`).toHaveCount(0);
  await expect(opener, `focus back on the opener of ${what}`).toBeFocused();
}

/** What is visibly wrong with a view at a scale: sideways scrolling, cut text, overlapping buttons. */
async function fits(page: Page, at: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > innerWidth + 1) out.push(`page scrolls sideways: ${root.scrollWidth} > ${innerWidth}`);
    // A panel that scrolls sideways hides the ends of its fields (the signature form at 150 %).
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const x = getComputedStyle(el).overflowX;
      if ((x === 'auto' || x === 'scroll') && el.offsetParent && el.scrollWidth > el.clientWidth + 1) out.push(`scrolls sideways: ${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    const headerButtons = [...document.querySelectorAll<HTMLElement>('.view-header button, .view-header select, .letter-header button, .letter-header select')].filter((b) => b.offsetParent);
    const boxes = headerButtons.map((b) => b.getBoundingClientRect());
    boxes.forEach((a, i) =>
      boxes.forEach((b, j) => {
        if (j > i && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push(`overlap: ${headerButtons[i]!.textContent} / ${headerButtons[j]!.textContent}`);
      }),
    );
    for (const el of headerButtons) {
      const r = el.getBoundingClientRect();
      if (r.right > innerWidth + 1 || r.left < -1) out.push(`off screen: ${el.textContent}`);
    }
    // A timeline event's mark (✎) starts the line its text starts on, never a line of its own.
    for (const head of document.querySelectorAll<HTMLElement>('.timeline-event .timeline-head')) {
      const mark = head.querySelector('.event-mark')?.getBoundingClientRect();
      const text = head.querySelector('strong')?.getClientRects()[0];
      if (mark && text && text.top >= mark.bottom - 1) out.push(`event mark alone on a line: ${head.textContent}`);
    }
    return out;
  });
  expect(problems, at).toEqual([]);
  expect(await clipped(page, 'button:not(.title-link), h1, h2, label, .nav-item, [role="tab"]'), `cut text ${at}`).toEqual([]);
}

async function eachScale(page: Page, name: string): Promise<void> {
  for (const scale of [1.25, 1.5]) await atScale(page, scale, name, () => fits(page, `${name} at ${scale * 100} %`));
}

test('register and its dialogs: Escape closes each and focus returns; the register fits at 125/150 %', async ({ app }) => {
  const numbered = await readyLetter(app.core.api, { title: '已编号的函件' });
  await exportForSignature(app, numbered.id);
  await app.core.api.lettersCreate({ title: '草稿函件' });
  const page = await app.restart();
  const register = new RegisterPage(page);
  await expect(register.rows).toHaveCount(2);

  await escapeReturns(page, register.newButton, page.getByRole('dialog', { name: '新建函件' }), '新建函件');
  await escapeReturns(page, page.getByRole('button', { name: '导入…' }), page.getByRole('dialog', { name: '导入函件或模板' }), '导入');
  await escapeReturns(page, page.getByRole('button', { name: '核验纸质函件' }), page.getByRole('dialog'), '核验纸质函件');
  await escapeReturns(page, register.row('草稿函件').getByRole('button', { name: '重命名' }), page.getByRole('dialog'), '重命名');
  await escapeReturns(page, register.row('已编号的函件').getByRole('button', { name: '移到回收站' }), page.getByRole('dialog'), '移到回收站 (confirm)');
  await eachScale(page, 'register');
});

test('the letter\'s dialogs and viewers: Escape closes each and focus returns; the editor fits at 125/150 %', async ({ app }) => {
  const letter = await readyLetter(app.core.api, { title: '对话框测试函' });
  await exportForSignature(app, letter.id);
  const scan = path.join(app.dataDir, 'scan.png');
  fs.writeFileSync(scan, minimalPng());
  app.dialogs.nextOpenPath = scan;
  await app.core.api.signAttachScan({ id: letter.id });
  app.dialogs.nextOpenPath = null;
  await app.page.reload();
  const letterPage = new LetterPage(app.page);
  await letterPage.openFromRegister(letter.title);
  const page = app.page;
  const header = page.locator('.letter-header');

  await escapeReturns(page, header.getByRole('button', { name: '导出', exact: true }), page.getByRole('dialog'), '导出');
  await escapeReturns(page, header.getByRole('button', { name: '存为模板' }), page.getByRole('dialog'), '存为模板');
  await escapeReturns(page, page.getByRole('button', { name: '插入字段' }), page.getByRole('dialog'), '插入字段');
  await eachScale(page, 'letter-fields');

  await page.getByRole('tab', { name: '版本' }).click();
  await escapeReturns(page, page.getByRole('button', { name: '保存版本' }), page.getByRole('dialog'), '保存版本');
  await escapeReturns(page, page.getByRole('button', { name: '与当前内容比较' }).first(), page.getByRole('dialog'), '比较');
  await eachScale(page, 'letter-versions');

  await page.getByRole('tab', { name: '签署' }).click();
  await escapeReturns(page, page.locator('.scan-list').getByRole('button', { name: 'scan.png' }), page.getByRole('dialog', { name: 'scan.png' }), '扫描件');
  await eachScale(page, 'letter-sign');
});

test('templates and settings: Escape closes their dialogs and focus returns; both fit at 125/150 %', async ({ app }) => {
  await app.core.api.backupsCreate();
  const page = app.page;
  await page.getByRole('navigation').getByRole('button', { name: '模板' }).click();
  await expect(page.locator('.template-detail .preview')).toBeVisible();
  await escapeReturns(page, page.getByRole('button', { name: '用此模板新建函件' }), page.getByRole('dialog'), '用此模板新建函件');
  await escapeReturns(page, page.getByRole('button', { name: '导入…' }), page.getByRole('dialog', { name: '导入函件或模板' }), '导入 (templates)');
  await eachScale(page, 'templates');

  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  const restore = page.getByTestId('backup-row').filter({ hasText: '手动' }).getByRole('button', { name: '恢复' });
  await escapeReturns(page, restore, page.getByRole('dialog'), '恢复备份 (confirm)');
  await eachScale(page, 'settings');
});

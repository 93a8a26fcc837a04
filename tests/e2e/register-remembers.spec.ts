/**
 * The register remembers (issue #15): after a visit to a letter, its filters, sort, scroll
 * position and selected row are as the clerk left them; a menu request (新建函件) is answered
 * once, not again on every return.
 */
import { test, expect } from './harness';
import { RegisterPage } from './pages/RegisterPage';

test('filters, sort, scroll position and the selected row survive a visit to a letter', async ({ app }) => {
  for (let i = 1; i <= 80; i++) await app.core.api.lettersCreate({ title: `函件${String(i).padStart(3, '0')}` });
  const signedAway = await app.core.api.lettersCreate({ title: '不在筛选内' });
  await app.core.api.lettersTrash({ id: signedAway.id });
  const page = await app.restart();
  const register = new RegisterPage(page);
  await expect(register.count).toHaveText('共 80 份');

  await register.toggleStatus('草稿');
  await register.sortBy('标题');
  await expect.poll(() => register.titles().then((t) => t[0])).toBe('函件001');
  await register.scroller.evaluate((el) => (el.scrollTop = 1200));
  const row = register.row('函件040');
  await row.click({ position: { x: 5, y: 5 } });
  await expect(row).toBeFocused();
  const scrolled = await register.scroller.evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(600);

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('函件040');
  await page.keyboard.press('Control+1');
  await expect(register.heading).toHaveText('函件登记');

  await expect(register.filters.getByRole('checkbox', { name: '草稿' })).toBeChecked();
  await expect(page.getByRole('columnheader', { name: /标题/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => register.scroller.evaluate((el) => el.scrollTop)).toBe(scrolled);
  await expect(register.row('函件040')).toBeFocused();
});

test('Ctrl+N opens the new-letter dialog once; coming back to the register does not open it again', async ({ app }) => {
  const l = await app.core.api.lettersCreate({ title: '已有函件' });
  const page = await app.restart();
  const register = new RegisterPage(page);
  await expect(register.rows).toHaveCount(1);
  await page.keyboard.press('Control+n');
  await expect(register.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(register.dialog).toHaveCount(0);
  for (let visit = 0; visit < 3; visit++) {
    await register.row('已有函件').locator('.title-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('已有函件');
    await page.keyboard.press('Control+1');
    await expect(register.heading).toHaveText('函件登记');
    await page.waitForTimeout(200);
    await expect(register.dialog).toHaveCount(0);
  }
  // From a letter, Ctrl+N goes to the register and asks once.
  await register.row('已有函件').locator('.title-link').click();
  await page.keyboard.press('Control+n');
  await expect(register.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await register.row('已有函件').locator('.title-link').click();
  await page.keyboard.press('Control+1');
  await page.waitForTimeout(200);
  await expect(register.dialog).toHaveCount(0);
  expect(l.id).toBeGreaterThan(0);
});

/**
 * One date box everywhere a date is entered (issue #15): the register's 修改日期 filters and
 * the day a letter was signed are the form's date box with its calendar, not the browser's
 * date picker. Typed in any form clerks use or picked by keyboard; the filter bar keeps its
 * shape on a 1366×768 laptop at 100 %, 125 % and 150 % (screenshots in test-artifacts/views/).
 */
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';
import { RegisterPage, exportForSignature, readyLetter } from './pages/RegisterPage';
import { SCALES, atScale, clipped, noAxeViolations } from './scaled';

test.describe.configure({ timeout: 180_000 });

test('the register filters by 修改日期 typed or picked in the date box, and the bar keeps one line per unit at 100/125/150 %', async ({ app }) => {
  const setChanged = app.core.db.prepare(`UPDATE letters SET updated_at = ? WHERE id = ?`);
  for (const [title, at] of [
    ['一月的函', '2026-01-10T04:00:00.000Z'],
    ['三月的函', '2026-03-15T04:00:00.000Z'],
    ['五月的函', '2026-05-20T04:00:00.000Z'],
  ] as const) {
    const letter = await app.core.api.lettersCreate({ title });
    setChanged.run(at, letter.id);
  }
  const page = await app.restart();
  const register = new RegisterPage(page);
  await expect(register.rows).toHaveCount(3);
  // No browser date picker is left anywhere on the screen.
  await expect(page.locator('input[type="date"]')).toHaveCount(0);

  const from = register.filters.getByRole('textbox', { name: '修改日期从' });
  const to = register.filters.getByRole('textbox', { name: '至' });
  // Typed: the filter applies when the clerk leaves the box, shown as it prints.
  await from.fill('2026/2/1');
  await from.press('Enter');
  await expect(from).toHaveValue('2026年2月1日');
  await expect(register.rows).toHaveCount(2);
  await expect(register.row('一月的函')).toHaveCount(0);

  // Picked by keyboard in the calendar: the end of the range, 2026-04-30.
  const opener = register.filters.getByRole('button', { name: '修改日期止：打开日历' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const calendar = page.getByRole('dialog', { name: '修改日期止：选择日期' });
  await expect(calendar).toBeVisible();
  await noAxeViolations(page, 'the filter calendar');
  await page.keyboard.press('Escape');
  await expect(calendar).toHaveCount(0);
  await expect(opener).toBeFocused();
  await to.fill('2026-04-30');
  await opener.click();
  await expect(calendar.getByRole('button', { name: '2026年4月30日' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(calendar).toHaveCount(0);
  await expect(to).toHaveValue('2026年4月30日');
  await expect(register.rows).toHaveCount(1);
  await expect(register.row('三月的函')).toHaveCount(1);

  // A day that does not exist says why and leaves the filter as it was.
  await to.fill('2026-02-30');
  await to.press('Tab');
  const error = register.filters.getByRole('alert');
  await expect(error).toHaveText('2026年2月只有 28 天，没有 30 日。');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(register.rows).toHaveCount(1);
  // A month is not a day.
  await to.fill('2026年5月');
  await to.press('Enter');
  await expect(error).toHaveText('请写完整的年、月、日，例如 2026-05-08。');
  await to.fill('2026-05-31');
  await to.press('Enter');
  await expect(error).toHaveCount(0);
  await expect(register.rows).toHaveCount(2);
  await noAxeViolations(page, 'the register with date filters');

  for (const scale of SCALES) {
    await atScale(page, scale, 'register-filters', async () => {
      const layout = await page.evaluate(() => {
        const box = (el: Element) => el.getBoundingClientRect();
        const range = document.querySelector('.date-range')!;
        const parts = [...range.querySelectorAll('label, input, button')].map(box);
        const bar = box(document.querySelector('.register-filters')!);
        const children = [...document.querySelector('.register-filters')!.children].map(box);
        const overlaps = children.some((a, i) => children.some((b, j) => j > i && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1));
        return {
          // 修改日期从 [box] 至 [box]: one line, 至 never alone.
          rangeOneLine: Math.max(...parts.map((p) => p.top)) - Math.min(...parts.map((p) => p.top)) < 6,
          inside: children.every((c) => c.right <= bar.right + 1 && c.left >= bar.left - 1),
          overlaps,
          // Controls are centred on their line: one centre per line.
          lines: children.map((c) => (c.top + c.bottom) / 2).sort((a, b) => a - b).filter((c, i, all) => i === 0 || c - all[i - 1]! > 8).length,
        };
      });
      expect(layout.rangeOneLine, `date range on one line at ${scale * 100} %`).toBe(true);
      expect(layout.inside, `filter bar inside its width at ${scale * 100} %`).toBe(true);
      expect(layout.overlaps, `filter controls overlap at ${scale * 100} %`).toBe(false);
      // The bar may wrap into whole units, never into a ragged column.
      expect(layout.lines, `filter bar lines at ${scale * 100} %`).toBeLessThanOrEqual(3);
      expect(await clipped(page, '.register-filters input:not([type="checkbox"])'), `cut dates at ${scale * 100} %`).toEqual([]);
    });
  }

  // 清除筛选 empties both boxes.
  await register.filters.getByRole('button', { name: '清除筛选' }).click();
  await expect(from).toHaveValue('');
  await expect(to).toHaveValue('');
  await expect(register.rows).toHaveCount(3);
});

test('the day a letter was signed is typed or picked in the date box; a refused day cannot be recorded', async ({ app }) => {
  const letter = await readyLetter(app.core.api, { title: '签署日期测试函' });
  await exportForSignature(app, letter.id);
  await app.page.reload();
  const letterPage = new LetterPage(app.page);
  await letterPage.openFromRegister(letter.title);
  const page = app.page;
  await page.getByRole('tab', { name: '签署' }).click();
  const form = page.getByRole('form', { name: '记录签署' });
  await expect(page.locator('input[type="date"]')).toHaveCount(0);
  const date = form.getByRole('textbox', { name: '签署日期' });
  const today = new Date();
  // It starts on today, as it prints.
  await expect(date).toHaveValue(`${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`);

  await form.getByLabel('姓名').fill('张三');
  await date.fill('2026-02-30');
  await date.press('Tab');
  await expect(form.getByRole('alert')).toHaveText('2026年2月只有 28 天，没有 30 日。');
  const submit = form.getByRole('button', { name: '记录签署' });
  await expect(submit).toBeDisabled();

  await date.fill('2026/5/8');
  await date.press('Tab');
  await expect(date).toHaveValue('2026年5月8日');
  await expect(form.getByRole('alert')).toHaveCount(0);
  // The calendar opens on that day; Escape closes it and gives focus back to its button.
  const opener = form.getByRole('button', { name: '签署日期：打开日历' });
  await opener.click();
  const calendar = page.getByRole('dialog', { name: '签署日期：选择日期' });
  await expect(calendar.getByRole('button', { name: '2026年5月8日' })).toBeFocused();
  await expect(calendar).toBeInViewport({ ratio: 1 });
  await noAxeViolations(page, 'the signature date calendar');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(date).toHaveValue('2026年5月15日');
  await expect(opener).toBeFocused();
  await submit.click();
  await expect(page.locator('.notices')).toContainText('张三');
  const state = await app.core.api.signState({ id: letter.id });
  expect(state.signatures.map((s) => [s.name, s.dateSigned])).toEqual([['张三', '2026-05-15']]);
});

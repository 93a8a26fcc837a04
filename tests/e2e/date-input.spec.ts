/**
 * The form's one date box (issue #15): a clerk types a date in any of the forms clerks use, or
 * picks it in the calendar with the keyboard; the letter shows 2026年5月8日 and the database
 * holds {y, m, d}. A date that does not exist says which part is wrong and is never printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';

const TEMPLATE = 'builtin-group-policy-phased-plan';

test('dates typed in each form and picked in the calendar are stored as dates and printed as 2026年5月8日', async ({ app }) => {
  test.setTimeout(240_000);
  const letter = await app.core.api.lettersCreate({ templateId: TEMPLATE });
  const { content } = await app.core.api.lettersContentGet({ id: letter.id });
  const label = (key: string) => content.fields.find((f) => f.key === key)!.label;
  await app.page.reload();
  const letterPage = new LetterPage(app.page);
  await letterPage.openFromRegister(letter.title);
  const page = app.page;
  const box = (key: string) => letterPage.fieldBox(key).getByRole('textbox');

  const typed: [string, string, { y: number; m: number; d: number }][] = [
    ['policyStart', '2026-05-08', { y: 2026, m: 5, d: 8 }],
    ['policyEnd', '2027/5/7', { y: 2027, m: 5, d: 7 }],
    ['phase1End', '2026年8月31日', { y: 2026, m: 8, d: 31 }],
    ['phase2Start', '20260901', { y: 2026, m: 9, d: 1 }],
  ];
  for (const [key, text] of typed) {
    await box(key).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  }
  for (const [key, , v] of typed) await expect(box(key)).toHaveValue(`${v.y}年${v.m}月${v.d}日`);

  // The calendar, by keyboard only: open it, go one week on and one month on, pick the day.
  const opener = letterPage.fieldBox('phase2End').getByRole('button', { name: `${label('phase2End')}：打开日历` });
  await opener.focus();
  await page.keyboard.press('Enter');
  const calendar = page.getByRole('dialog', { name: `${label('phase2End')}：选择日期` });
  await expect(calendar).toBeVisible();
  const today = new Date();
  await expect(calendar.getByRole('button', { name: `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日` })).toBeFocused();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  fs.mkdirSync(path.resolve(__dirname, '../../test-artifacts/views'), { recursive: true });
  await page.screenshot({ path: path.resolve(__dirname, '../../test-artifacts/views/date-calendar@100.png') });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('PageDown');
  // Today + 7 days, then one month on (clamped to that month's last day).
  const weekOn = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 7);
  const monthOn = new Date(weekOn.getFullYear(), weekOn.getMonth() + 1, 1);
  const day = Math.min(weekOn.getDate(), new Date(monthOn.getFullYear(), monthOn.getMonth() + 1, 0).getDate());
  const expected = { y: monthOn.getFullYear(), m: monthOn.getMonth() + 1, d: day };
  await expect(calendar.getByRole('button', { name: `${expected.y}年${expected.m}月${expected.d}日` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(calendar).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(box('phase2End')).toHaveValue(`${expected.y}年${expected.m}月${expected.d}日`);

  // And by mouse: open, a click on the 15th of the shown month.
  await letterPage.fieldBox('phase3Start').getByRole('button', { name: /打开日历/ }).click();
  const calendar2 = page.getByRole('dialog', { name: `${label('phase3Start')}：选择日期` });
  await calendar2.getByRole('button', { name: `${today.getFullYear()}年${today.getMonth() + 1}月15日` }).click();
  await expect(box('phase3Start')).toHaveValue(`${today.getFullYear()}年${today.getMonth() + 1}月15日`);

  await letterPage.waitSaved();
  const stored = (await app.core.api.lettersContentGet({ id: letter.id })).content.values;
  for (const [key, , v] of typed) expect(stored[key]).toEqual(v);
  expect(stored['phase2End']).toEqual(expected);
  expect(stored['phase3Start']).toEqual({ y: today.getFullYear(), m: today.getMonth() + 1, d: 15 });
  await expect(letterPage.editor).toContainText('2026年5月8日');
  await expect(letterPage.editor).toContainText('2026年8月31日');

  // A day that does not exist: the message names it, the value is flagged and never printed.
  await box('termEnd').fill('2027-02-29');
  await box('termEnd').press('Tab');
  const error = letterPage.fieldBox('termEnd').getByRole('alert');
  await expect(error).toHaveText('2027年2月只有 28 天，没有 29 日。');
  await expect(box('termEnd')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('invalid-values')).toContainText(label('termEnd'));
  await expect(letterPage.editor).not.toContainText('2027年2月29日');
  await box('termEnd').fill('2027年2月28日');
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('invalid-values')).toHaveCount(0);
  await letterPage.waitSaved();
  expect((await app.core.api.lettersContentGet({ id: letter.id })).content.values['termEnd']).toEqual({ y: 2027, m: 2, d: 28 });
});

/**
 * Issue #15: find (Ctrl+F) and replace (Ctrl+H) inside a letter, in the real renderer against
 * the real core: count and current match, next/previous with wrapping, replace one, replace all
 * as one undo step, a replace in a field's value through the field's validation (form panel,
 * exported .docx), refused values skipped with a reason, Escape back to the text, and a
 * read-only letter that can be searched but not changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import type { DocJSON } from '../../electron/shared/doc-schema';
import type { FieldDef, FieldValues } from '../../electron/shared/fields';
import type { MenuCommand } from '../../electron/shared/menu-commands';
import { COMMAND_FUNCTION } from '../../electron/browser-shell/page-scripts';
import { test, expect, type LetterdeskApp } from './harness';
import { LetterPage } from './pages/LetterPage';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

const FIELDS: FieldDef[] = [
  { key: 'days', label: '理赔时限', type: 'number', required: true, options: { unit: '个工作日', integer: true, min: 1, max: 30 } },
  { key: 'company', label: '承诺方', type: 'text', required: true },
];
const VALUES: FieldValues = { days: 3, company: '安康理赔服务有限公司' };

const p = (...content: unknown[]) => ({ type: 'paragraph', attrs: { align: null, indent: true }, content });
const txt = (text: string) => ({ type: 'text', text });
const field = (key: string) => ({ type: 'field', attrs: { key } });
/** '理赔' four times in the text and once in the 承诺方 value: five matches. */
const DOC = {
  type: 'doc',
  content: [
    { type: 'title', content: [txt('服务承诺书')] },
    p(txt('本公司承诺：理赔材料齐全后，在'), field('days'), txt('内完成审核。理赔结果以书面通知。')),
    p(txt('承诺方：'), field('company')),
    p(txt('理赔热线由理赔专员接听。')),
  ],
} as unknown as DocJSON;

async function openLetter(app: LetterdeskApp, title: string, after?: (id: number) => Promise<void>): Promise<{ id: number; page: Page; letter: LetterPage }> {
  const created = await app.core.api.lettersCreate({ title });
  const { letter } = await app.core.api.lettersContentGet({ id: created.id });
  await app.core.api.lettersContentSave({ id: created.id, revision: letter.revision, doc: DOC, fields: FIELDS, values: VALUES, pageStyle: 'business' });
  await after?.(created.id);
  const page = await app.restart();
  const letterPage = new LetterPage(page);
  await letterPage.openFromRegister(title);
  return { id: created.id, page, letter: letterPage };
}

const count = (page: Page) => page.getByTestId('find-count');

/** A menu command as the shell sends it (the browser shell's page function; the Electron preload's channel has the same listeners). */
const menu = (page: Page, command: MenuCommand) =>
  page.evaluate(([fn, c]) => (globalThis as unknown as Record<string, (c: string) => void>)[fn]!(c), [COMMAND_FUNCTION, command] as const);

test.describe('find and replace in a letter', () => {
  test('Ctrl+F finds in the text and in field values; Enter/F3 and Shift+Enter/Shift+F3 wrap; Escape returns to the match', async ({ app }) => {
    const { page, letter } = await openLetter(app, '查找测试函');
    // The text has the focus once the letter shows; find starts from the caret, here the top.
    await expect(letter.editor).toBeFocused();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+f');
    const bar = page.getByTestId('find-bar');
    await expect(bar).toBeVisible();
    const query = page.getByTestId('find-query');
    await expect(query).toBeFocused();
    // Find only: no replace row until asked for.
    await expect(page.getByTestId('find-replacement')).toHaveCount(0);
    await query.fill('理赔');
    await expect(count(page)).toHaveText('1/5');
    // Every match is highlighted, the current one apart; the one in the field value too.
    await expect(letter.editor.locator('.ld-find-match')).toHaveCount(5);
    await expect(letter.editor.locator('.ld-find-current')).toHaveCount(1);
    await expect(letter.editor.locator('[data-field="company"] .ld-find-match')).toHaveText('理赔');
    await page.keyboard.press('Enter');
    await expect(count(page)).toHaveText('2/5');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    await expect(count(page)).toHaveText('5/5');
    await page.keyboard.press('Enter');
    await expect(count(page)).toHaveText('1/5');
    await page.keyboard.press('F3');
    await page.keyboard.press('F3');
    await page.keyboard.press('F3');
    await expect(count(page)).toHaveText('4/5');
    await page.keyboard.press('Shift+F3');
    await expect(count(page)).toHaveText('3/5');
    // The third match is inside the 承诺方 field's value.
    await expect(letter.editor.locator('[data-field="company"] .ld-find-current')).toHaveText('理赔');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'find-bar.png') });

    await query.fill('无此文字');
    await expect(count(page)).toHaveText('无结果');
    // Searching again goes on from the current match (the third), as typing does in Word.
    await query.fill('理赔');
    await expect(count(page)).toHaveText('3/5');
    await page.keyboard.press('Shift+Enter');
    await expect(count(page)).toHaveText('2/5');

    // Escape closes the bar; the caret is in the text at the current match, highlights gone.
    await page.keyboard.press('Escape');
    await expect(bar).toHaveCount(0);
    await expect(letter.editor).toBeFocused();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('理赔');
    await expect(letter.editor.locator('.ld-find-match')).toHaveCount(0);
    // Typing replaces the selected match: the caret really is there.
    await page.keyboard.type('核赔');
    await expect(letter.editor).toContainText('理赔材料齐全后，在3个工作日内完成审核。核赔结果');
  });

  test('Ctrl+H: replace one, replace all as one undo step, and a field value changed through its validation', async ({ app }) => {
    const { id, page, letter } = await openLetter(app, '替换测试函');
    // The text has the focus once the letter shows; find starts from the caret, here the top.
    await expect(letter.editor).toBeFocused();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+h');
    const query = page.getByTestId('find-query');
    const replacement = page.getByTestId('find-replacement');
    await expect(query).toBeFocused();
    await query.fill('理赔');
    await replacement.fill('赔付');
    await expect(count(page)).toHaveText('1/5');
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await expect(count(page)).toHaveText('1/4');
    await expect(letter.editor).toContainText('本公司承诺：赔付材料齐全后');
    await expect(page.getByTestId('find-message')).toHaveText('已替换 1 处。');
    const afterOne = await letter.editor.textContent();

    await page.getByRole('button', { name: '全部替换' }).click();
    await expect(page.getByTestId('find-message')).toHaveText('已替换 4 处。');
    await expect(count(page)).toHaveText('无结果');
    await expect(letter.editor).not.toContainText('理赔');
    // The 承诺方 value changed as if typed in the form.
    await expect(letter.fieldBox('company').locator('input')).toHaveValue('安康赔付服务有限公司');
    await letter.waitSaved();
    expect((await app.core.api.lettersContentGet({ id })).content.values['company']).toBe('安康赔付服务有限公司');
    await page.screenshot({ path: path.join(ARTIFACTS, 'find-bar-replace.png') });

    // One Ctrl+Z undoes the whole replace all: text and the field value.
    await page.keyboard.press('Escape');
    await expect(letter.editor).toBeFocused();
    await page.keyboard.press('Control+z');
    expect(await letter.editor.textContent()).toBe(afterOne);
    await expect(letter.fieldBox('company').locator('input')).toHaveValue('安康理赔服务有限公司');
    await letter.waitSaved();
    const stored = await app.core.api.lettersContentGet({ id });
    expect(stored.content.values['company']).toBe('安康理赔服务有限公司');
    expect(JSON.stringify(stored.content.doc)).toContain('本公司承诺：赔付材料');
    expect(JSON.stringify(stored.content.doc).match(/理赔/g)).toHaveLength(3);
  });

  test('a number field takes a valid replacement (form and exported .docx) and refuses an invalid one with a reason', async ({ app }) => {
    const { id, page, letter } = await openLetter(app, '字段替换函');
    // The text has the focus once the letter shows; find starts from the caret, here the top.
    await expect(letter.editor).toBeFocused();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+h');
    await page.getByTestId('find-query').fill('3');
    await expect(count(page)).toHaveText('1/1');
    await page.getByTestId('find-replacement').fill('5');
    await page.getByRole('button', { name: '全部替换' }).click();
    await expect(page.getByTestId('find-message')).toHaveText('已替换 1 处。');
    await expect(letter.fieldBox('days').locator('input')).toHaveValue('5');
    await expect(letter.editor.locator('[data-field="days"]')).toHaveText('5个工作日');
    await letter.waitSaved();
    expect((await app.core.api.lettersContentGet({ id })).content.values['days']).toBe(5);
    const out = path.join(app.dataDir, 'replaced.docx');
    app.dialogs.nextSavePath = out;
    await app.core.api.lettersExport({ id, format: 'docx', draft: true });
    const xml = strFromU8(unzipSync(fs.readFileSync(out))['word/document.xml']!);
    expect(xml.replace(/<[^>]+>/g, '')).toContain('在5个工作日内完成审核');

    // 五 is no number, 99 is over the field's maximum: neither is written; the bar says why.
    await page.getByTestId('find-query').fill('5');
    await page.getByTestId('find-replacement').fill('五');
    await page.getByRole('button', { name: '全部替换' }).click();
    await expect(page.getByTestId('find-message')).toHaveText('已替换 0 处。 1 处未替换：字段“理赔时限”1 处，替换后不是这个字段能读的值。');
    await page.getByTestId('find-replacement').fill('99');
    await page.getByRole('button', { name: '替换', exact: true }).click();
    await expect(page.getByTestId('find-message')).toContainText('数值太大');
    await expect(letter.fieldBox('days').locator('input')).toHaveValue('5');
    await expect(letter.editor.locator('[data-field="days"]')).toHaveText('5个工作日');
    // The unit is the template's text, not the value: found, never replaced.
    await page.getByTestId('find-query').fill('工作日');
    await page.getByTestId('find-replacement').fill('自然日');
    await page.getByRole('button', { name: '全部替换' }).click();
    await expect(page.getByTestId('find-message')).toContainText('固定文字');
    await letter.waitSaved();
    expect((await app.core.api.lettersContentGet({ id })).content.values['days']).toBe(5);
  });

  test('a read-only (void) letter can be searched, not replaced', async ({ app }) => {
    const { page, letter } = await openLetter(app, '作废的查找函', async (id) => {
      await app.core.api.signVoid({ id, reason: '不再需要' });
    });
    await expect(page.getByTestId('read-only-banner')).toBeVisible();
    // A read-only text takes the focus too; its caret starts at the top.
    await expect(letter.editor).toBeFocused();
    await page.keyboard.press('Control+h');
    await expect(page.getByTestId('find-bar')).toBeVisible();
    await expect(page.getByTestId('find-replacement')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '全部替换' })).toHaveCount(0);
    await expect(page.getByTestId('find-bar')).toContainText('只读函件：只能查找，不能替换。');
    await page.getByTestId('find-query').fill('理赔');
    await expect(count(page)).toHaveText('1/5');
    await page.keyboard.press('Enter');
    await expect(count(page)).toHaveText('2/5');
    await page.screenshot({ path: path.join(ARTIFACTS, 'find-bar-read-only.png') });
    await page.keyboard.press('Escape');
    await expect(letter.editor).toBeFocused();
  });

  test('the menu\'s 查找 and 替换 open the bar in an open letter instead of leaving it', async ({ app }) => {
    const { page, letter } = await openLetter(app, '菜单查找函');
    await menu(page, 'search');
    await expect(page.getByTestId('find-query')).toBeFocused();
    await expect(page.getByTestId('find-replacement')).toHaveCount(0);
    await expect(letter.editor).toBeVisible();
    await menu(page, 'replace');
    await expect(page.getByTestId('find-replacement')).toBeVisible();
    await expect(page.getByTestId('find-query')).toBeFocused();
  });
});


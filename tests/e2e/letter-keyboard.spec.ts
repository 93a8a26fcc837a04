/**
 * Issue #15, the letter by keyboard: Escape (or Ctrl+Shift+F6) leaves the text even inside a
 * numbered clause where Tab indents; Shift+Escape goes back to the toolbar; a new letter opens
 * with the caret in its text; the side panel folds away (button or Ctrl+\) and stays folded
 * after a reload.
 */
import type { Page } from '@playwright/test';
import type { DocJSON } from '../../electron/shared/doc-schema';
import { test, expect, type LetterdeskApp } from './harness';
import { LetterPage } from './pages/LetterPage';

const clause = (text: string, level = 0) => ({ type: 'clause', attrs: { scheme: 'cn', level }, content: [{ type: 'text', text }] });

async function clauseLetter(app: LetterdeskApp, title: string): Promise<{ id: number; page: Page; letter: LetterPage }> {
  const created = await app.core.api.lettersCreate({ title });
  const { letter } = await app.core.api.lettersContentGet({ id: created.id });
  const doc = { type: 'doc', content: [clause('服务内容'), clause('理赔服务')] } as unknown as DocJSON;
  await app.core.api.lettersContentSave({ id: created.id, revision: letter.revision, doc, fields: [], values: {}, pageStyle: 'business' });
  const page = await app.restart();
  const letterPage = new LetterPage(page);
  await letterPage.openFromRegister(title);
  return { id: created.id, page, letter: letterPage };
}

test.describe('the letter by keyboard', () => {
  test('Escape leaves a numbered clause for the next control; Shift+Escape for the toolbar; Ctrl+Shift+F6 too', async ({ app }) => {
    const { id, page, letter } = await clauseLetter(app, '键盘离开条款');
    await expect(letter.editor).toBeFocused();
    await page.keyboard.press('Control+End');
    // Tab still indents the clause: （一） under 一、
    await page.keyboard.press('Tab');
    await expect(letter.editor).toBeFocused();
    await expect.poll(async () => JSON.stringify((await app.core.api.lettersContentGet({ id })).content.doc)).toContain('"level":1');
    await page.keyboard.press('Escape');
    await expect(letter.editor).not.toBeFocused();
    await expect(page.getByTestId('side-toggle')).toBeFocused();
    // Shift+Tab comes back into the text; Shift+Escape leaves it the other way, into the toolbar.
    await page.keyboard.press('Shift+Tab');
    await expect(letter.editor).toBeFocused();
    await page.keyboard.press('Shift+Escape');
    await expect(letter.toolbar.locator(':focus')).toHaveCount(1);
    await letter.editor.focus();
    await page.keyboard.press('Control+Shift+F6');
    await expect(page.getByTestId('side-toggle')).toBeFocused();
  });

  test('after creating a letter the caret is in its text', async ({ app }) => {
    const page = app.page;
    await page.getByRole('button', { name: '新建函件' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').fill('键盘新建函');
    await dialog.getByRole('button', { name: '创建' }).click();
    const letter = new LetterPage(page);
    await expect(letter.editor).toBeFocused();
    await page.keyboard.type('致某某医院');
    await expect(letter.editor).toContainText('致某某医院');
  });

  test('the side panel collapses by button or Ctrl+\\ and stays so after a reload', async ({ app }) => {
    const { page, letter } = await clauseLetter(app, '侧栏收起函');
    const toggle = page.getByTestId('side-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(letter.form).toBeVisible();
    const narrow = (await page.getByTestId('paper-scroll').boundingBox())!.width;
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(letter.form).toBeHidden();
    await expect(page.getByRole('tab', { name: '字段' })).toBeHidden();
    // The letter takes the room.
    expect((await page.getByTestId('paper-scroll').boundingBox())!.width).toBeGreaterThan(narrow + 150);

    await page.reload();
    await letter.openFromRegister('侧栏收起函');
    await expect(page.getByTestId('side-toggle')).toHaveAttribute('aria-expanded', 'false');
    await expect(letter.form).toBeHidden();

    await expect(letter.editor).toBeFocused();
    await page.keyboard.press('Control+\\');
    await expect(page.getByTestId('side-toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect(letter.form).toBeVisible();
    await page.reload();
    await letter.openFromRegister('侧栏收起函');
    await expect(letter.form).toBeVisible();
  });
});

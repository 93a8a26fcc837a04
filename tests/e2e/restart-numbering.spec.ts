/// <reference lib="dom" />
/**
 * Restarted clause numbering end to end (issue #12, a Word list that starts again at 1): in
 * the editor, Ctrl+Alt+N or the toolbar's 1↺ button makes a clause start again at 1 and
 * continue again; the stored letter carries `start` only on that clause. In the import
 * preview, text whose list starts again shows it restarted, and the box there undoes it.
 */
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';
import type { DocJSON } from '../../electron/shared/doc-schema';

const settle = (page: import('@playwright/test').Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));

type Node = { type: string; attrs?: Record<string, unknown> };
const clause = (text: string): Node & { content: unknown[] } => ({ type: 'clause', attrs: { scheme: 'decimal', level: 0 }, content: [{ type: 'text', text }] });

test.describe('restarted numbering', () => {
  test('Ctrl+Alt+N and the toolbar button restart a clause at 1 and continue it again; Enter continues the restarted list', async ({ app }) => {
    const page = app.page;
    const letter = await app.core.api.lettersCreate({ title: '编号测试' });
    const doc: DocJSON = {
      type: 'doc',
      content: [clause('服务内容'), clause('服务标准'), { type: 'paragraph', attrs: { align: null, indent: true }, content: [{ type: 'text', text: '附则如下：' }] }, clause('生效'), clause('解释')],
    };
    const { content } = await app.core.api.lettersContentGet({ id: letter.id });
    await app.core.api.lettersContentSave({ id: letter.id, revision: letter.revision, ...content, doc });
    await page.reload();
    const letterPage = new LetterPage(page);
    await letterPage.openFromRegister('编号测试');
    const numbers = () => letterPage.editor.locator('.ld-clause-number').allTextContents();
    await expect.poll(numbers).toEqual(['1.', '2.', '3.', '4.']);
    const button = letterPage.toolbar.getByRole('button', { name: '重新从 1 开始编号' });

    // Outside a clause the button does nothing.
    await letterPage.editor.getByText('附则如下：').click();
    await expect(button).toBeDisabled();

    await letterPage.editor.getByText('生效').click();
    await settle(page);
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('Control+Alt+n');
    await expect.poll(numbers).toEqual(['1.', '2.', '1.', '2.']);
    await expect(letterPage.editor.locator('.ld-clause-number.ld-restart')).toHaveCount(1);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: 'test-artifacts/restart-numbering.png' });
    await letterPage.waitSaved();
    let stored = (await app.core.api.lettersContentGet({ id: letter.id })).content.doc.content as Node[];
    expect(stored.filter((n) => n.type === 'clause').map((n) => n.attrs)).toEqual([
      { scheme: 'decimal', level: 0 },
      { scheme: 'decimal', level: 0 },
      { scheme: 'decimal', level: 0, start: 1 },
      { scheme: 'decimal', level: 0 },
    ]);

    // Enter at the end of the restarted clause: the new clause counts on (2.), it does not restart too.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('附件');
    await expect.poll(numbers).toEqual(['1.', '2.', '1.', '2.', '3.']);
    await expect(letterPage.editor.locator('.ld-clause-number.ld-restart')).toHaveCount(1);

    // The button (reached from the keyboard) continues the numbering again.
    await letterPage.editor.getByText('生效').click();
    await settle(page);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(numbers).toEqual(['1.', '2.', '3.', '4.', '5.']);
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await letterPage.waitSaved();
    stored = (await app.core.api.lettersContentGet({ id: letter.id })).content.doc.content as Node[];
    // Continued: no attribute left at all, as if it had never restarted.
    expect(JSON.stringify(stored)).not.toContain('"start"');
  });

  test('the import preview shows a list that starts again, and its box makes it count on', async ({ app }) => {
    const page = app.page;
    await page.getByRole('button', { name: '导入…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入函件或模板' });
    await dialog.getByLabel('函件文本').fill('服务承诺书\n一、服务内容\n1.建立售后体系。\n2.提供多渠道服务。\n以上为服务内容。\n1.响应时间不超过两小时。\n2.处理时间不超过一日。\n二、执行标准\n1.理赔时效。');
    await dialog.getByRole('button', { name: '识别结构' }).click();
    const markers = dialog.locator('.import-block .marker');
    await expect(markers).toHaveText(['一、', '1.', '2.', '1.', '2.', '二、', '1.']);
    const boxes = dialog.getByRole('checkbox', { name: /重新从 1 开始编号/ });
    await expect(boxes).toHaveCount(7);
    await expect(boxes.nth(3)).toBeChecked();
    await expect(boxes.nth(2)).not.toBeChecked();
    await page.screenshot({ path: 'test-artifacts/import-restart-preview.png' });
    await boxes.nth(3).uncheck();
    await expect(markers).toHaveText(['一、', '1.', '2.', '3.', '4.', '二、', '1.']);
    await boxes.nth(3).check();
    await expect(markers).toHaveText(['一、', '1.', '2.', '1.', '2.', '二、', '1.']);
    await dialog.getByRole('button', { name: '创建函件' }).click();
    const letterPage = new LetterPage(page);
    await expect(letterPage.editor).toBeVisible();
    await expect.poll(() => letterPage.editor.locator('.ld-clause-number').allTextContents()).toEqual(['一、', '1.', '2.', '1.', '2.', '二、', '1.']);
  });
});

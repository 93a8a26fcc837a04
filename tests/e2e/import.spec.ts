/**
 * Import end to end (issue #12): flattened text pasted into the app becomes, in one preview,
 * a template with typed fields; a letter from it is filled and exported. Pasting such text
 * into the editor offers 识别结构; a Word file opens through the same preview.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';
import { claimsLetter, flattened } from '../fixtures/import/letters';

test.describe('import', () => {
  test('paste flattened text, check the preview, create a template, then a letter from it; fill and export', async ({ app }) => {
    const page = app.page;
    await page.getByRole('navigation').getByRole('button', { name: '模板' }).click();
    await page.getByRole('button', { name: '导入…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入函件或模板' });
    await dialog.getByLabel('函件文本').fill(flattened(claimsLetter));
    await dialog.getByRole('button', { name: '识别结构' }).click();

    // The preview: clauses numbered as they will print, with their levels; fields typed and labelled.
    await expect(dialog.getByText('识别出 9 个条款、12 个字段。', { exact: false })).toBeVisible();
    const markers = dialog.locator('.import-block .marker');
    await expect(markers).toHaveText(['1.', '（1）', '（2）', '2.', '（1）', '（2）', '2.1', '2.1.1', '2.1.2']);
    await expect(dialog.locator('.import-block').nth(13)).toContainText('7×24小时受理报案');
    await expect(dialog.getByLabel('理赔时效（个工作日） 类型')).toHaveValue('number');
    await expect(dialog.getByLabel('客户满意度 类型')).toHaveValue('percent');
    await expect(dialog.getByLabel('承诺书编号 作用')).toHaveValue('own-number');
    await expect(dialog.getByLabel('签订日期 签署方')).toHaveValue('承诺方');

    // A field's source is highlighted in the original text.
    await dialog.locator('.chip', { hasText: '服务热线' }).click();
    await expect(dialog.locator('.import-source mark.selected')).toHaveText('__________');

    // Edit: rename a field, change a clause's level, merge the closing formula into the paragraph before it and split it off again.
    await dialog.getByLabel('f5 名称').fill('服务热线号码');
    await dialog.getByLabel('f5 名称').press('Tab');
    await expect(dialog.locator('.chip', { hasText: '服务热线号码' })).toBeVisible();
    await dialog.getByLabel('第 14 块 层级').selectOption('1');
    await expect(markers.nth(7)).toHaveText('2.2');
    await dialog.getByLabel('第 14 块 层级').selectOption('2');
    await expect(markers.nth(7)).toHaveText('2.1.1');

    await dialog.getByLabel('名称', { exact: true }).fill('导入的理赔承诺书');
    await dialog.getByRole('button', { name: '创建模板' }).click();
    await expect(page.locator('.notices')).toContainText('已创建模板“导入的理赔承诺书”');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    const summary = (await app.core.api.templatesList()).find((t) => t.name === '导入的理赔承诺书')!;
    const template = await app.core.api.templatesGet({ id: summary.id });
    expect(template.fields.map((f) => f.type)).toEqual(['docnumber', 'party', 'party', 'choice', 'text', 'number', 'percent', 'money', 'number', 'date', 'handwritten', 'handwritten']);
    expect(template.fields.find((f) => f.role === 'own-number')?.label).toBe('承诺书编号');

    // A letter from the new template, filled through the form, exported.
    await expect(page.locator('.template-detail')).toContainText('导入的理赔承诺书');
    await page.getByRole('button', { name: '用此模板新建函件' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    const letterPage = new LetterPage(page);
    await expect(letterPage.editor).toBeVisible();
    const letter = (await app.core.api.lettersList({})).items[0]!;
    const { content } = await app.core.api.lettersContentGet({ id: letter.id });
    for (const def of content.fields) if (def.role !== 'own-number') await letterPage.fill(def);
    await letterPage.waitSaved();
    await page.keyboard.press('Control+e');
    const file = path.join(app.dataDir, '导入函件.docx');
    app.dialogs.nextSavePath = file;
    await page.getByRole('dialog').getByRole('button', { name: '导出', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText('文件已保存到');
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['word/document.xml']!);
    expect(xml).toContain('7×24小时受理报案');
    expect(xml).toContain('服务热线号码值');
  });

  test('pasting flattened text into the editor offers 识别结构; the preview closes with Escape', async ({ app }) => {
    const letter = await app.core.api.lettersCreate({ title: '空白函件' });
    await app.page.reload();
    const page = app.page;
    const letterPage = new LetterPage(page);
    await letterPage.openFromRegister(letter.title);
    await letterPage.editor.click();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('.ld-doc')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, flattened(claimsLetter));
    const offer = page.getByTestId('smart-paste-offer');
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: '识别结构' }).click();
    const dialog = page.getByRole('dialog', { name: '导入函件或模板' });
    await expect(dialog.locator('.import-block .marker').first()).toHaveText('1.');
    await expect(dialog.getByLabel('名称', { exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    // Nothing was created: only the blank letter exists.
    expect((await app.core.api.lettersList({})).total).toBe(1);
  });

  test('open a Word file through the same preview and create a letter', async ({ app }) => {
    const page = app.page;
    app.dialogs.nextOpenPath = '/work/shared/fixtures/real-docx/supplier-commitment.docx';
    await page.getByRole('button', { name: '导入…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入函件或模板' });
    await dialog.getByRole('button', { name: '打开文件（.txt / .docx）…' }).click();
    await expect(dialog.locator('.import-block').first()).toContainText('军队供应商承诺书');
    await expect(dialog.locator('.import-block .marker')).toHaveText(['一、', '二、', '三、', '四、']);
    await expect(dialog.getByLabel('名称', { exact: true })).toHaveValue('军队供应商承诺书');
    await dialog.getByRole('button', { name: '创建函件' }).click();
    await expect(new LetterPage(page).editor).toBeVisible();
    await expect(new LetterPage(page).editor).toContainText('军队供应商承诺书');

    // A password-protected file is named as such.
    const locked = path.join(app.dataDir, 'locked.docx');
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]), 512);
    fs.writeFileSync(locked, bytes);
    app.dialogs.nextOpenPath = locked;
    await page.getByRole('navigation').getByRole('button', { name: '函件' }).click();
    await page.getByRole('button', { name: '导入…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '打开文件（.txt / .docx）…' }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('设有打开密码');
  });
});

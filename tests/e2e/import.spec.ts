/**
 * Import end to end (issue #12): flattened text pasted into the app becomes, in one preview,
 * a template with typed fields; a letter from it is filled and exported. Pasting such text
 * into the editor offers 识别结构; a Word file opens through the same preview. A long import
 * (a 300-page text file) shows its progress and can be stopped; the preview restructures in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';
import { claimsLetter, flattened } from '../fixtures/import/letters';
import { longLetterText } from '../fixtures/import/long-letter';

test.describe('import', () => {
  test('paste flattened text, check the preview, create a template, then a letter from it; fill and export', async ({ app }) => {
    // The whole journey (preview, template, letter, a dozen fields, export) outlasts 60 s on a shared, loaded machine.
    test.slow();
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

  test('a long import shows its progress and can be stopped, saving nothing; the next import runs', async ({ app }) => {
    const page = app.page;
    // The largest text accepted (~300 pages, flattened), as a .txt: Chromium takes many seconds
    // just to lay that much out in a text box on a busy machine, so the file button brings it in.
    const file = path.join(app.dataDir, '三百页.txt');
    fs.writeFileSync(file, longLetterText(300).replace(/\n/g, ''));
    app.dialogs.nextOpenPath = file;
    await page.getByRole('button', { name: '导入…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入函件或模板' });
    // Start it and press 停止识别 as soon as it shows, in the page itself: a round trip of the test
    // driver can take longer than the import on an idle machine.
    const seen = await page.evaluate(async () => {
      const box = document.querySelector('dialog.import-dialog')!;
      const button = (name: string) => [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
      button('打开文件（.txt / .docx）…')!.click();
      return new Promise<{ progressbar: boolean; busyLabel: boolean }>((resolve) => {
        const look = () => {
          const stop = button('停止识别');
          if (!stop) return requestAnimationFrame(look);
          const state = { progressbar: !!box.querySelector('progress[aria-label="识别进度"]'), busyLabel: !!button('正在识别…')?.disabled };
          stop.click();
          resolve(state);
        };
        look();
      });
    });
    expect(seen).toEqual({ progressbar: true, busyLabel: true });
    await expect(dialog.getByRole('status').filter({ hasText: '已停止识别' })).toHaveText('已停止识别，未作任何更改。');
    await expect(dialog.getByRole('progressbar')).toHaveCount(0);
    await page.screenshot({ path: 'test-artifacts/import-stopped.png' });
    // Back where it was: no preview, nothing saved, nothing running.
    await expect(dialog.locator('.import-block')).toHaveCount(0);
    expect((await app.core.api.lettersList({})).total).toBe(0);
    expect(await app.core.api.importProgress()).toBeNull();

    await dialog.getByLabel('函件文本').fill('服务承诺书\n一、按期交付。\n二、质量合格。');
    await dialog.getByRole('button', { name: '识别结构' }).click();
    await expect(dialog.locator('.import-block .marker')).toHaveText(['一、', '二、']);
  });

  test('restructure in the preview: numbering, level, merge and split, field type, options and one field used twice', async ({ app }) => {
    const page = app.page;
    await page.getByRole('button', { name: '导入…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入函件或模板' });
    const text = '服务承诺书\n承诺方：__________\n一、服务时效\n（一）在____个工作日内完成初审。\n（二）热线接通率达到____%以上。\n二、违约责任\n承诺方名称再次确认：__________\n交付方式：□快递□自提';
    await dialog.getByLabel('函件文本').fill(text);
    await dialog.getByRole('button', { name: '识别结构' }).click();
    const markers = dialog.locator('.import-block .marker');
    await expect(markers).toHaveText(['一、', '（一）', '（二）', '二、']);

    // A clause's numbering and level.
    await dialog.getByLabel('第 4 块 编号方式').selectOption('decimal');
    await expect(markers).toHaveText(['一、', '1.', '（一）', '二、']);
    await dialog.getByLabel('第 6 块 层级').selectOption('1');
    await expect(markers).toHaveText(['一、', '1.', '（一）', '一、']);

    // Merge two clauses, then split them again after the first sentence.
    await dialog.locator('.import-block').nth(3).getByRole('button', { name: '与下一块合并' }).click();
    await expect(dialog.locator('.import-block').nth(3)).toContainText('完成初审。热线接通率达到');
    await dialog.locator('.import-block').nth(3).getByRole('button', { name: '拆分…' }).click();
    await dialog.getByRole('button', { name: /完成初审。”之后拆分$/ }).click();
    await expect(dialog.locator('.import-block').nth(4)).toHaveAttribute('data-kind', 'paragraph');
    await expect(dialog.locator('.import-block').nth(4)).toContainText('热线接通率达到');

    // A field's type and options; the second 承诺方 blank made the same field as the first.
    await dialog.getByLabel('交付方式 选项（用顿号分隔）').fill('快递、自提、上门');
    await dialog.getByLabel('交付方式 选项（用顿号分隔）').press('Tab');
    await dialog.getByLabel('承诺方名称再次确认 类型').selectOption('party');
    await dialog.getByRole('button', { name: '承诺方名称再次确认 与其他字段合并' }).click();
    await dialog.getByRole('combobox', { name: '承诺方名称再次确认 与其他字段合并' }).selectOption({ label: '并入“承诺方名称”' });
    await expect(dialog.getByRole('heading', { name: '字段（4 个）' })).toBeVisible();
    await expect(dialog.locator('.import-block').nth(6).locator('.chip')).toHaveText('承诺方名称');
    await page.screenshot({ path: 'test-artifacts/import-restructure.png' });

    await dialog.getByRole('button', { name: '创建模板' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const summary = (await app.core.api.templatesList()).find((t) => t.name === '服务承诺书')!;
    const template = await app.core.api.templatesGet({ id: summary.id });
    expect(template.fields.map((f) => `${f.label}:${f.type}`)).toEqual(['承诺方名称:party', '完成初审时限（个工作日）:number', '热线接通率:percent', '交付方式:choice']);
    expect(template.fields.find((f) => f.type === 'choice')?.options?.choices).toEqual(['快递', '自提', '上门']);
    const nodes = (template.doc as { content?: { type: string; attrs?: Record<string, unknown> }[] }).content ?? [];
    const clauses = nodes.filter((n) => n.type === 'clause').map((n) => `${n.attrs?.['scheme']}:${n.attrs?.['level']}`);
    expect(clauses).toEqual(['cn:0', 'decimal:1', 'cn:1']);
  });
});

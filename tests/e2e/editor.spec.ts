/// <reference lib="dom" />
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';
import { printField, type FieldDef, type FieldValue } from '../../electron/shared/fields';
import { letterBlocks, letterPlainText } from '../../electron/shared/letter-model';

const strip = (s: string) => s.replace(/\s+/g, '');

/**
 * Lets the editor see a caret moved by a navigation key. The browser moves the DOM selection
 * at once but reports it in a later selectionchange task; a synthetic key sent before that
 * (only a test types that fast, under load) would act on the old position.
 */
const settle = (page: import('@playwright/test').Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));
/** The printed text of a field without its blanks (the editor shows labels in blanks). */
const printedText = (def: FieldDef, value: FieldValue | undefined) =>
  strip(printField(def, value).map((p) => (p.kind === 'text' ? p.text : '')).join(''));

test.describe('letters from built-in templates', () => {
  test('there are 8 built-in templates in the library', async ({ app }) => {
    await app.page.getByRole('navigation').getByRole('button', { name: '模板' }).click();
    await expect(app.page.locator('.template-list li')).toHaveCount(8);
  });

  for (let index = 0; index < 8; index++) {
    test(`template ${index + 1}: create, fill every field through the form, reload`, async ({ app }) => {
      const templates = await app.core.api.templatesList();
      const summary = templates.filter((tp) => tp.builtin)[index]!;
      const template = await app.core.api.templatesGet({ id: summary.id });
      const page = app.page;

      // Create the letter from the template in the UI.
      await page.getByRole('button', { name: '新建函件' }).first().click();
      await page.getByLabel('模板').selectOption(template.id);
      await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
      const letterPage = new LetterPage(page);
      await expect(letterPage.editor).toBeVisible();
      await expect(letterPage.editor).toContainText(strip(template.name).slice(0, 2));

      for (const def of template.fields) {
        if (def.type === 'handwritten') continue;
        await letterPage.fill(def);
      }
      await expect(page.getByTestId('all-required-filled')).toBeVisible();
      await letterPage.waitSaved();

      // The text shows every value as it will print; the database holds them.
      const [letter] = (await app.core.api.lettersList({})).items;
      const stored = await app.core.api.lettersContentGet({ id: letter!.id });
      const editorText = strip((await letterPage.editor.textContent()) ?? '');
      for (const def of template.fields) {
        if (def.type === 'handwritten') continue;
        expect(stored.content.values[def.key], def.label).not.toBeUndefined();
        expect(editorText, def.label).toContain(printedText(def, stored.content.values[def.key]));
      }
      const expected = strip(letterPlainText(letterBlocks(stored.content.doc, stored.content.fields, stored.content.values)));
      expect(expected.length).toBeGreaterThan(100);

      // After a restart the values are still there, in the form and in the text.
      const again = await app.restart();
      const reopened = new LetterPage(again);
      await reopened.openFromRegister(letter!.title);
      const textAfter = strip((await reopened.editor.textContent()) ?? '');
      for (const def of template.fields) {
        if (def.type === 'handwritten') continue;
        expect(textAfter, def.label).toContain(printedText(def, stored.content.values[def.key]));
      }
      await expect(again.getByTestId('all-required-filled')).toBeVisible();
    });
  }
});

test.describe('editing', () => {
  async function openBlank(app: Parameters<Parameters<typeof test>[2]>[0]['app']) {
    const letter = await app.core.api.lettersCreate({ title: '条款测试' });
    await app.page.reload();
    const letterPage = new LetterPage(app.page);
    await letterPage.openFromRegister('条款测试');
    return { letter, letterPage };
  }

  test('clauses number themselves; Tab indents and the numbers change', async ({ app }) => {
    const { letter, letterPage } = await openBlank(app);
    const page = app.page;
    await letterPage.editor.click();
    await letterPage.toolbar.getByLabel('段落样式').selectOption('cn');
    await page.keyboard.type('服务内容');
    await page.keyboard.press('Enter');
    await page.keyboard.type('理赔时效');
    await page.keyboard.press('Enter');
    await page.keyboard.type('投诉处理');
    const numbers = () => letterPage.editor.locator('.ld-clause-number').allTextContents();
    await expect.poll(numbers).toEqual(['一、', '二、', '三、']);
    // Indent the second clause: it becomes （一） under 一、 and 投诉处理 becomes 二、
    // Keyboard only (no clicks, no vertical moves from mid-line): start of the text, one line down.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown'); // into 理赔时效
    await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.textContent ?? '')).toContain('理赔时效');
    await settle(page);
    await page.keyboard.press('Tab');
    await expect.poll(numbers).toEqual(['一、', '（一）', '二、']);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(numbers).toEqual(['一、', '二、', '三、']);
    // Move the last clause up: the numbers follow the new order.
    await page.keyboard.press('Control+End'); // into 投诉处理, the last clause
    await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.textContent ?? '')).toContain('投诉处理');
    await settle(page);
    await page.keyboard.press('Alt+ArrowUp');
    await expect(letterPage.editor.locator('.ld-clause').nth(1)).toContainText('投诉处理');
    await expect.poll(numbers).toEqual(['一、', '二、', '三、']);
    await letterPage.waitSaved();
    const stored = await app.core.api.lettersContentGet({ id: letter.id });
    const text = letterPlainText(letterBlocks(stored.content.doc, [], {}));
    expect(text).toContain('一、服务内容\n二、投诉处理\n三、理赔时效');
    // Numbers are structure: the stored text has no typed numbers.
    expect(JSON.stringify(stored.content.doc)).not.toContain('一、');
  });

  test('Chinese typed through an input method (composition events) arrives once', async ({ app }) => {
    const { letter, letterPage } = await openBlank(app);
    const page = app.page;
    await letterPage.editor.click();
    await letterPage.toolbar.getByLabel('段落样式').selectOption('decimal');
    await page.keyboard.type('承诺方应在');
    const cdp = await page.context().newCDPSession(page);
    // Pinyin composition: marked text grows, then is committed as 理赔.
    await cdp.send('Input.imeSetComposition', { text: 'l', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'lip', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: 'lipei', selectionStart: 5, selectionEnd: 5 });
    await cdp.send('Input.imeSetComposition', { text: '理赔', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '理赔' });
    await page.keyboard.type('后');
    await expect(letterPage.editor.locator('.ld-clause').first()).toHaveText('1.承诺方应在理赔后');
    await letterPage.waitSaved();
    const stored = await app.core.api.lettersContentGet({ id: letter.id });
    expect(letterPlainText(letterBlocks(stored.content.doc, [], {}))).toBe('1.承诺方应在理赔后');
  });

  test('insert a field, fill it from the form, clicking it in the text focuses its input', async ({ app }) => {
    const { letter, letterPage } = await openBlank(app);
    const page = app.page;
    await letterPage.editor.click();
    await page.keyboard.type('在');
    await letterPage.toolbar.getByRole('button', { name: '插入字段' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('字段名称').fill('理赔初审时限');
    await dialog.getByLabel('类型').selectOption('number');
    await dialog.getByLabel('单位').selectOption('个工作日');
    await dialog.getByLabel('必填').check();
    await dialog.getByRole('button', { name: '插入' }).click();
    await expect(page.getByTestId('missing-required')).toContainText('理赔初审时限');
    await letterPage.editor.locator('.ld-field').first().click();
    await expect(letterPage.form.getByLabel('理赔初审时限')).toBeFocused();
    await page.keyboard.type('5');
    await expect(letterPage.editor).toContainText('在5个工作日');
    await expect(page.getByTestId('all-required-filled')).toBeVisible();
    await letterPage.waitSaved();
    const stored = await app.core.api.lettersContentGet({ id: letter.id });
    expect(stored.content.fields).toEqual([expect.objectContaining({ label: '理赔初审时限', type: 'number', required: true })]);
    expect(Object.values(stored.content.values)).toEqual([5]);
  });

  test('an out-of-range value is explained in Chinese', async ({ app }) => {
    const templates = await app.core.api.templatesList();
    const withPercent = [];
    for (const tp of templates) {
      const full = await app.core.api.templatesGet({ id: tp.id });
      const def = full.fields.find((f) => f.type === 'percent');
      if (def) withPercent.push({ tp: full, def });
    }
    const { tp, def } = withPercent[0]!;
    const letter = await app.core.api.lettersCreate({ templateId: tp.id });
    await app.page.reload();
    const letterPage = new LetterPage(app.page);
    await letterPage.openFromRegister(letter.title);
    await letterPage.fieldBox(def.key).locator('input').fill('150');
    await expect(letterPage.fieldBox(def.key)).toContainText('数值太大');
  });

  test('undo and redo', async ({ app }) => {
    const { letterPage } = await openBlank(app);
    const page = app.page;
    await letterPage.editor.click();
    await page.keyboard.type('承诺书');
    await expect(letterPage.editor).toContainText('承诺书');
    await page.keyboard.press('Control+z');
    await expect(letterPage.editor).not.toContainText('承诺书');
    await page.keyboard.press('Control+y');
    await expect(letterPage.editor).toContainText('承诺书');
  });

  test('pasting from Word keeps paragraphs and bold, drops the rest', async ({ app }) => {
    const { letter, letterPage } = await openBlank(app);
    const page = app.page;
    await letterPage.editor.click();
    const html =
      '<p class=MsoNormal style="color:red;font-family:Arial"><b>第一段</b>加粗后<span style="font-size:20pt">正文</span></p>' +
      '<p class=MsoNormal><i>第二段</i><a href="https://example.com">链接</a>\u000b控制</p><img src="x.png"><script>alert(1)</script>';
    await page.evaluate((h) => {
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', '第一段加粗后正文\n第二段链接控制');
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      document.querySelector('.ld-doc')!.dispatchEvent(event);
    }, html);
    await expect(letterPage.editor.locator('strong')).toHaveText('第一段');
    await letterPage.waitSaved();
    const stored = await app.core.api.lettersContentGet({ id: letter.id });
    const json = JSON.stringify(stored.content.doc);
    expect(json).toContain('"bold"');
    expect(json).not.toMatch(/href|img|script|color|Arial/);
    const text = letterPlainText(letterBlocks(stored.content.doc, [], {}));
    expect(text).toContain('第一段加粗后正文');
    expect(text).toContain('第二段链接控制');
    expect(text).not.toContain('\u000b');
  });
});

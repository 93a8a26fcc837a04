/**
 * "No network" (issue #11): every request the page makes through a whole workflow — open,
 * draft, version, export .docx and PDF, export for signature, sign, attach a scan, register,
 * search — is one of the app's own files (or a data:/blob: URL the page made itself). Then the
 * print HTML of a letter holding crafted content is loaded the way the PDF renderer loads it
 * (a file: URL in Chromium, render-pdf.ts) and printed: no request beyond the document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Request } from '@playwright/test';
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';
import { RegisterPage } from './pages/RegisterPage';
import { requiredValues } from '../helpers/sample-values';
import { minimalPng } from '../helpers/scan-files';
import { buildPrintHtml } from '../../electron/core/export';
import type { LetterContent } from '../../electron/shared/letter-content';
import { HOSTILE_TEXT, META } from '../helpers/render-docx';
import { APP_ORIGIN } from '../../electron/browser-shell/app-files';

/** Closes the class attribute, hides what follows and asks for a URL (the reported attack). */
const EVIL_ALIGN = `center"><img src="http://127.0.0.1:9/pixel"><link rel="stylesheet" href="https://example.com/x.css"><p class="`;

function isOwn(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  const u = new URL(url);
  return u.origin === APP_ORIGIN && (u.pathname === '/' || u.pathname === '/index.html' || /^\/assets\/[\w.-]+$/.test(u.pathname));
}

test('the page requests only the app’s own files through a whole workflow', async ({ app }) => {
  test.setTimeout(180_000);
  const requests: string[] = [];
  const record = (r: Request) => requests.push(r.url());
  app.page.context().on('request', record);
  const page = app.page;
  await page.reload();

  const letter = await app.core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
  const { content } = await app.core.api.lettersContentGet({ id: letter.id });
  await app.core.api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
  await page.reload();
  const letterPage = new LetterPage(page);
  await letterPage.openFromRegister(letter.title);
  await letterPage.editor.locator('.ld-clause').first().click();
  await page.keyboard.type('（补充）<img src=http://127.0.0.1:9/x>');
  await letterPage.waitSaved();
  await page.keyboard.press('Control+s');
  await page.getByLabel('备注（可选）').fill('初稿');
  await page.getByLabel('备注（可选）').press('Enter');
  await expect(page.locator('.notices')).toContainText('已保存版本');

  // .docx, then PDF (the PDF is rendered in the test process by the same print HTML).
  for (const format of ['docx', 'pdf'] as const) {
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('格式').selectOption(format);
    app.dialogs.nextSavePath = path.join(app.dataDir, `letter.${format}`);
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    await expect(dialog).toContainText('文件已保存到', { timeout: 60_000 });
    await dialog.getByRole('button', { name: '关闭' }).click();
  }

  await page.getByRole('tab', { name: '签署' }).click();
  app.dialogs.nextSavePath = path.join(app.dataDir, 'for-signature.docx');
  await page.getByRole('button', { name: '导出供签署' }).click();
  await expect(page.locator('.notices')).toContainText('已导出供签署');
  const form = page.getByRole('form', { name: '记录签署' });
  await form.getByLabel('角色').selectOption('承诺方');
  await form.getByLabel('姓名').fill('张三');
  await form.getByLabel('方式').selectOption('签字并盖章');
  await form.getByRole('button', { name: '记录签署' }).click();
  await expect(page.locator('.notices')).toContainText('已记录承诺方：张三');
  const scan = path.join(app.dataDir, 'signed-scan.png');
  fs.writeFileSync(scan, minimalPng());
  app.dialogs.nextOpenPath = scan;
  await page.getByRole('button', { name: '附加扫描件' }).click();
  await expect(page.locator('.scan-list')).toContainText('signed-scan.png');

  // The register and a search.
  await page.reload();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('补充');
  await expect(new RegisterPage(page).count).toHaveText('1 份符合条件');

  app.page.context().off('request', record);
  expect(requests.length).toBeGreaterThan(2); // the page and its script and style were seen
  expect(requests.filter((u) => !isOwn(u))).toEqual([]);
});

test('the PDF renderer loads crafted print HTML without a single request beyond the document', async ({ browser }, testInfo) => {
  // Content as it would be if it skipped the save checks: export must still not fetch anything.
  const crafted: LetterContent = {
    doc: {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: `承诺书${HOSTILE_TEXT}` }] },
        { type: 'paragraph', attrs: { align: EVIL_ALIGN, indent: true }, content: [{ type: 'text', text: '<img src="http://127.0.0.1:9/t"> url(http://127.0.0.1:9/c)' }] },
        { type: 'table', attrs: { kind: 'grid" style="background:url(http://127.0.0.1:9/b)' }, content: [{ type: 'table_row', content: [{ type: 'table_cell', attrs: { colspan: 1e6, rowspan: 1, colwidth: null }, content: [{ type: 'paragraph', attrs: { align: EVIL_ALIGN, indent: false }, content: [{ type: 'text', text: '格' }] }] }] }] },
      ],
    },
    fields: [],
    values: {},
    pageStyle: 'business',
  };
  const file = testInfo.outputPath('print.html');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buildPrintHtml(crafted, META));
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready.then(() => true));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(await page.locator('img, link, script, iframe').count()).toBe(0);
  await context.close();
  expect(requests).toEqual([url]);
});

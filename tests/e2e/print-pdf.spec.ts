/**
 * Print / PDF: the print HTML of a letter rendered by Chromium's own PDF path —
 * `page.pdf({ preferCSSPageSize: true })`, the code path behind Electron's printToPDF —
 * and read back with poppler: A4 from the CSS, pages counted in the page-margin footer,
 * the filled values and clause numbers on paper. Also the CLI's renderPdfWithChromium.
 */
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { buildPrintHtml, renderPdfWithChromium } from '../../electron/core/export';
import type { LetterContent } from '../../electron/shared/letter-content';
import { letterBlocks } from '../../electron/shared/letter-model';
import { bodyText, fillAll, longLetter, META, numberingLetter, pdfInfo, pdfPages, printedValues, renderTools, sampleLetter, squash } from '../helpers/render-docx';
import { CHROMIUM_PATH, chromiumExecutable } from './chromium';

const tools = renderTools();

test.beforeEach(() => {
  // Under CI=true chromiumExecutable() throws instead, so a missing browser fails the run.
  test.skip(!chromiumExecutable(), `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  if (!tools.ok && process.env['CI']) throw new Error(tools.reason);
  test.skip(!tools.ok, tools.reason);
});

function filled(content: LetterContent): LetterContent {
  return { ...content, values: fillAll(content.fields) };
}

function expectA4(pdf: string): number {
  const info = pdfInfo(pdf);
  expect(info.width).toBeCloseTo(595, 0);
  expect(info.height).toBeCloseTo(842, 0);
  expect(info.pages).toBeGreaterThan(0);
  return info.pages;
}

for (const style of ['business', 'official'] as const) {
  test(`prints a filled letter on A4 with its values, numbers and page footer (${style})`, async ({ page }, testInfo) => {
    const content = filled(sampleLetter());
    await page.setContent(buildPrintHtml(content, META, { style }));
    const pdf = testInfo.outputPath(`letter-${style}.pdf`);
    fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));

    const pages = expectA4(pdf);
    const texts = pdfPages(pdf);
    expect(texts).toHaveLength(pages);
    texts.forEach((t, i) => expect(squash(t)).toContain(`第${i + 1}页（共${pages}页）`));
    expect(squash(texts[0]!)).toContain('编号HB-2026-0518·v3·校验码9f2c4e1a7b3d');
    const text = bodyText(texts);
    for (const value of printedValues(content)) expect(text).toContain(value);
    expect(text).toContain('一、服务内容保证');
    expect(text).toContain('（一）建立全面的客户服务体系');
    expect(text).toContain('☑企业☐个人☐其他');
    expect(text).not.toContain('_');
  });
}

test('prints every clause number the editor shows, restarts included', async ({ page }, testInfo) => {
  const content = numberingLetter();
  await page.setContent(buildPrintHtml(content, META));
  const pdf = testInfo.outputPath('numbering.pdf');
  fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  expectA4(pdf);
  const text = bodyText(pdfPages(pdf));
  let at = 0;
  for (const b of letterBlocks(content.doc, [], {})) {
    if (b.type !== 'clause') continue;
    const head = squash(b.number + b.runs.map((r) => r.text).join('')).slice(0, 12);
    const i = text.indexOf(head, at);
    expect(i, head).toBeGreaterThanOrEqual(0);
    at = i + head.length;
  }
});

test('counts the pages of a 60-page letter in every footer', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setContent(buildPrintHtml(longLetter(60), { ...META, draft: true }));
  const pdf = testInfo.outputPath('long.pdf');
  fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  const pages = expectA4(pdf);
  expect(pages).toBeGreaterThan(40);
  const texts = pdfPages(pdf);
  expect(squash(texts[pages - 1]!)).toContain(`第${pages}页（共${pages}页）`);
  for (const t of texts) expect(squash(t)).toContain('草稿');
});

test('renderPdfWithChromium writes the PDF for the CLI', async ({}, testInfo) => {
  const pdf = testInfo.outputPath('cli.pdf');
  await renderPdfWithChromium(buildPrintHtml(filled(sampleLetter()), META), pdf, chromiumExecutable());
  expectA4(pdf);
  expect(squash(pdfPages(pdf)[0]!)).toContain('健康保险售后服务保证承诺书');
  expect(fs.readdirSync(testInfo.outputDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

/**
 * The CLI's PDF: Chromium's DevTools protocol over a pipe, no test library at run time. It must
 * print what Playwright's page.pdf printed before (the reference, a devDependency used here
 * only): A4 from the print CSS's @page, the same pages, the page footer from the margin boxes.
 * One browser serves several files.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPrintHtml } from '../../electron/core/export';
import { CHROMIUM_PRINT_ARGS, findChromium, launchPdfRenderer, renderPdfWithChromium } from '../../electron/core/export/render-pdf';
import { chromiumExecutable } from '../e2e/chromium';
import { longLetter, META, sampleLetter } from '../helpers/render-docx';
import { makeTempDir } from '../helpers/temp-dir';

const chromium = chromiumExecutable();
const poppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('letterdesk-pdf-')));
afterEach(() => cleanup());

const info = (pdf: string) => {
  const text = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(text)![1]), size: /Page size:\s+(.*)/.exec(text)![1]!.trim() };
};
const textOf = (pdf: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

describe.skipIf(!chromium || !poppler)('PDF through Chromium’s own printing', () => {
  it('prints what Playwright printed: A4, the same pages and text, the page footer', { timeout: 240_000 }, async () => {
    const html = buildPrintHtml(longLetter(3), META);
    const ours = path.join(dir, 'pipe.pdf');
    await renderPdfWithChromium(html, ours, chromium);

    const { chromium: playwright } = await import('@playwright/test');
    const browser = await playwright.launch({ executablePath: chromium, args: CHROMIUM_PRINT_ARGS });
    const reference = path.join(dir, 'playwright.pdf');
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      fs.writeFileSync(reference, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      await browser.close();
    }

    expect(info(ours)).toEqual(info(reference));
    expect(info(ours).size).toContain('(A4)');
    const pages = info(ours).pages;
    expect(pages).toBeGreaterThan(1);
    const text = textOf(ours);
    expect(text).toBe(textOf(reference));
    for (let p = 1; p <= pages; p++) expect(text).toContain(`第 ${p} 页（共 ${pages} 页）`);
  });

  it('one browser renders several files, each written whole', { timeout: 120_000 }, async () => {
    const renderer = await launchPdfRenderer(chromium!);
    try {
      for (const style of ['business', 'official'] as const) {
        await renderer.render(buildPrintHtml(sampleLetter(style), META), path.join(dir, `${style}.pdf`));
      }
    } finally {
      await renderer.close();
    }
    for (const style of ['business', 'official']) {
      const pdf = path.join(dir, `${style}.pdf`);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(info(pdf).size).toContain('(A4)');
      expect(textOf(pdf)).toContain('第 1 页');
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['business.pdf', 'official.pdf']); // no temp files left beside them
  });
});

describe('finding the browser', () => {
  it('LETTERDESK_CHROMIUM wins; otherwise the usual install paths', () => {
    expect(findChromium({ LETTERDESK_CHROMIUM: '/opt/chrome/chrome' }, 'linux')).toBe('/opt/chrome/chrome');
    const found = findChromium({}, 'linux');
    if (found) expect(fs.existsSync(found)).toBe(true);
    expect(findChromium({ PROGRAMFILES: path.join(dir, 'none') }, 'win32')).toBeNull();
  });

  it('a missing browser is a clear error, not a hang', async () => {
    await expect(renderPdfWithChromium('<p>x</p>', path.join(dir, 'x.pdf'), path.join(dir, 'no-chromium'))).rejects.toThrow(/LETTERDESK_CHROMIUM/);
  });
});

/**
 * PDF of the print HTML through headless Chromium, for the CLI and tests; the app prints
 * the same HTML with Electron's printToPDF. `preferCSSPageSize` makes the HTML's
 * `@page { size: A4; margin: … }` the single source of the page.
 */
import { writeFileAtomic } from './write-atomic';

type Playwright = typeof import('@playwright/test');

/** Debian Chromium headless on a machine with no network: no sandbox (root), no background traffic. */
export const CHROMIUM_PRINT_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function renderPdfWithChromium(html: string, outPath: string, executablePath = '/usr/bin/chromium'): Promise<void> {
  // A devDependency, loaded only when called; a specifier in a variable keeps bundlers
  // (the CLI's esbuild, electron-vite) from pulling Playwright into the app.
  const specifier = '@playwright/test';
  const { chromium } = (await import(specifier)) as Playwright;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_PRINT_ARGS });
  try {
    const page = await browser.newPage();
    // The print HTML has no scripts and no external URLs; nothing is left to load after this.
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileAtomic(outPath, pdf);
  } finally {
    await browser.close();
  }
}

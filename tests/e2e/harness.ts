/**
 * End-to-end harness: the built renderer (out/renderer) served from a local static server,
 * in Debian's Chromium, with its API transport bound to the real core (real SQLite file in a
 * fresh temp folder) running in this test process. Only the dialogs port is a test double.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { openCore, type Core } from '../../electron/core/create-api';
import type { DialogsPort, PdfPort, PrinterPort } from '../../electron/core/ports';
import { renderPdfWithChromium } from '../../electron/core/export';
import { chromiumExecutable, CHROMIUM_PATH } from './chromium';
import { makeTempDir } from '../helpers/temp-dir';

const root = path.resolve(__dirname, '../..');
const rendererDir = path.join(root, 'out/renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npm run build` before the e2e tests.');
  }
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // Browsers ask a web server for /favicon.ico unprompted (the app window, loaded from files,
    // does not); a 404 would be logged as a console error, which fails the test.
    if (urlPath === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = path.normalize(path.join(rendererDir, urlPath === '/' ? 'index.html' : urlPath));
    if (!file.startsWith(rendererDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

let clientScript: string | null = null;
function clientBundle(): string {
  clientScript ??= buildSync({
    entryPoints: [path.join(__dirname, 'client-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  }).outputFiles[0]!.text;
  return clientScript;
}

export interface TestDialogs extends DialogsPort {
  nextSavePath: string | null;
  nextOpenPath: string | null;
}

export interface LetterdeskApp {
  dataDir: string;
  /** PDFs the print port produced (what the printer would have received). */
  printed: string[];
  core: Core;
  page: Page;
  dialogs: TestDialogs;
  /** Close the page and the core, reopen both on the same data folder (an app restart). */
  restart(): Promise<Page>;
  /**
   * Uncaught page errors and console errors seen so far; any left at the end fails the test
   * (issue 9: the page throws no error during the whole suite). A test that provokes one on
   * purpose lists it in expectedPageErrors.
   */
  pageErrors: string[];
  expectedPageErrors: RegExp[];
}

export const test = base.extend<{ app: LetterdeskApp }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ browser, rendererUrl }, use) => {
    // Under CI=true chromiumExecutable() throws instead, so a missing browser fails the run.
    test.skip(!chromiumExecutable(), `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    const tmp = makeTempDir('letterdesk-e2e-');
    const dialogs: TestDialogs = {
      nextSavePath: null,
      nextOpenPath: null,
      saveFile: async () => dialogs.nextSavePath,
      openFile: async () => dialogs.nextOpenPath,
    };
    // The shell's PDF and print ports: the same print HTML rendered by Debian's Chromium in the
    // test process (the app uses Electron's printToPDF / print on it).
    const printed: string[] = [];
    const pdf: PdfPort = { renderPdf: (html, out) => renderPdfWithChromium(html, out, chromiumExecutable()) };
    const printer: PrinterPort = {
      print: async (html) => {
        const out = path.join(tmp.dir, `printed-${printed.length + 1}.pdf`);
        await renderPdfWithChromium(html, out, chromiumExecutable());
        printed.push(out);
        return true;
      },
    };
    const ports = { dialogs, pdf, printer };
    let core = openCore({ dataDir: tmp.dir, appVersion: 'e2e', recoverDamaged: true, ...ports });
    let context: BrowserContext;
    const pageErrors: string[] = [];
    const open = async (): Promise<Page> => {
      context = await browser.newContext();
      await context.exposeBinding('__letterdeskInvoke', (_source, method: unknown, args: unknown) => core.dispatch(method, args));
      await context.addInitScript({ content: clientBundle() });
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.stack ?? err.message}`));
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const at = msg.location();
        pageErrors.push(`console.error: ${msg.text()}${at.url ? ` (${at.url}:${at.lineNumber})` : ''}`);
      });
      await page.goto(rendererUrl);
      return page;
    };
    const app: LetterdeskApp = {
      dataDir: tmp.dir,
      printed,
      core,
      dialogs,
      pageErrors,
      expectedPageErrors: [],
      page: await open(),
      async restart() {
        await context.close();
        core.close();
        core = openCore({ dataDir: tmp.dir, appVersion: 'e2e', recoverDamaged: true, ...ports });
        app.core = core;
        app.page = await open();
        return app.page;
      },
    };
    await use(app);
    await context!.close();
    core.close();
    tmp.cleanup();
    const unexpected = pageErrors.filter((e) => !app.expectedPageErrors.some((re) => re.test(e)));
    expect(unexpected, `the page threw or logged errors:\n${unexpected.join('\n')}`).toEqual([]);
  },
});

export { expect };

/**
 * End-to-end harness: the shipped browser shell (electron/browser-shell, what `npm start` runs
 * without Electron) started headless in Debian's Chromium on a fresh temp data folder — its real
 * core and SQLite file, its request interception and its DevTools-pipe transport (BRIDGE_SCRIPT),
 * its PDF renderer. Only the file pickers are answered by the test (the dialogs port), and the
 * printer, which stands for the OS print dialog, writes a PDF.
 *
 * Playwright cannot attach over the shell's pipe, so the harness starts it with the test-only
 * `testDebugPort` (DevTools on a loopback port the system picks; `npm start` never opens one) and
 * drives the page the shell opened through `chromium.connectOverCDP`.
 */
import path from 'node:path';
import { test as base, expect, chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { startShell, type RunningShell } from '../../electron/browser-shell/shell';
import type { Core } from '../../electron/core/create-api';
import type { DialogsPort, PrinterPort } from '../../electron/core/ports';
import type { MenuCommand } from '../../electron/shared/menu-commands';
import { renderPdfWithChromium } from '../../electron/core/export';
import { chromiumExecutable, CHROMIUM_PATH } from './chromium';
import { makeTempDir } from '../helpers/temp-dir';

const root = path.resolve(__dirname, '../..');
const rendererDir = path.join(root, 'out/renderer');
/** The viewport the specs were written for (a 1280×860 window's page at 100 %). */
const VIEWPORT = { width: 1280, height: 860 };

export interface TestDialogs extends DialogsPort {
  nextSavePath: string | null;
  nextOpenPath: string | null;
}

export interface LetterdeskApp {
  dataDir: string;
  /** PDFs the print port produced (what the printer would have received). */
  printed: string[];
  /** The running shell's core (the same one the page calls). */
  core: Core;
  page: Page;
  dialogs: TestDialogs;
  /** Quit the shell (the page saves its pending draft) and start it again on the same data folder. */
  restart(): Promise<Page>;
  /** Sends a menu command to the page as the shell does (the commands the Electron menu sends). */
  sendCommand(command: MenuCommand): Promise<void>;
  /**
   * Uncaught page errors and console errors seen so far; any left at the end fails the test
   * (issue 9: the page throws no error during the whole suite). A test that provokes one on
   * purpose lists it in expectedPageErrors.
   */
  pageErrors: string[];
  expectedPageErrors: RegExp[];
}

type Running = { shell: RunningShell; browser: Browser; page: Page };

/** What a DevTools console or exception event says, as Playwright's page events word it. */
function describeConsole(params: { type: string; args: { value?: unknown; description?: string }[]; stackTrace?: { callFrames: { url: string; lineNumber: number }[] } }): string {
  const text = params.args.map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? ''))).join(' ');
  const at = params.stackTrace?.callFrames[0];
  return `console.error: ${text}${at?.url ? ` (${at.url}:${at.lineNumber})` : ''}`;
}

/**
 * Errors the page logged before Playwright attached (while the shell loaded it): V8 keeps a
 * document's console messages and reports them to a session that enables Runtime. Later ones
 * arrive through Playwright's page events.
 */
async function errorsSoFar(session: CDPSession): Promise<string[]> {
  const seen: string[] = [];
  session.on('Runtime.consoleAPICalled', (p) => {
    if (p.type === 'error' || p.type === 'assert') seen.push(describeConsole(p));
  });
  session.on('Runtime.exceptionThrown', (p) => seen.push(`pageerror: ${p.exceptionDetails.exception?.description ?? p.exceptionDetails.text}`));
  await session.send('Runtime.enable');
  await session.send('Runtime.disable');
  return seen;
}

/**
 * A reload in the tests reopens the page on the same running core. The shipped shell reads the
 * page's first beforeunload as the window's close (the user has no reload: its keys are off), so
 * for the test's reload only the bridge's close guard is taken off the current document first —
 * the page's own unload handlers still run, and the reloaded document gets the guard again.
 */
async function reloadable(page: Page, session: CDPSession): Promise<void> {
  const reload = page.reload.bind(page);
  page.reload = async (options) => {
    const { result } = await session.send('Runtime.evaluate', {
      includeCommandLineAPI: true,
      returnByValue: true,
      expression: `(() => {
        const guards = getEventListeners(window).beforeunload?.filter((l) => String(l.listener).includes('if (closing')) ?? [];
        for (const l of guards) removeEventListener('beforeunload', l.listener, l.useCapture);
        return guards.length;
      })()`,
    });
    if (result.value !== 1) throw new Error(`the shell's close guard was not found on the page (${String(result.value)})`);
    return reload(options);
  };
}

export const test = base.extend<{ app: LetterdeskApp }>({
  app: [async ({}, use, testInfo) => {
    // Under CI=true chromiumExecutable() throws instead, so a missing browser fails the run.
    test.skip(!chromiumExecutable(), `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    const tmp = makeTempDir('letterdesk-e2e-');
    const dataDir = tmp.dir;
    const dialogs: TestDialogs = {
      nextSavePath: null,
      nextOpenPath: null,
      saveFile: async () => dialogs.nextSavePath,
      openFile: async () => dialogs.nextOpenPath,
    };
    // The OS print dialog's stand-in: the print HTML the shell hands over, printed to a PDF.
    const printed: string[] = [];
    const printer: PrinterPort = {
      print: async (html) => {
        const out = path.join(tmp.dir, `printed-${printed.length + 1}.pdf`);
        await renderPdfWithChromium(html, out, chromiumExecutable());
        printed.push(out);
        return true;
      },
    };
    const pageErrors: string[] = [];
    const shellLog: string[] = [];
    const start = async (): Promise<Running> => {
      const t0 = Date.now();
      const shell = await startShell({
        browser: { path: CHROMIUM_PATH, name: 'Chromium', source: 'installed' },
        dataDir,
        rendererDir,
        resourcesDir: path.join(root, 'resources'),
        appVersion: 'e2e',
        headless: true,
        isRoot: process.getuid?.() === 0,
        dialogs,
        printer,
        log: (m) => shellLog.push(m),
        testDebugPort: true,
        // No backup timer races a test (npm start runs them: the daily backup 5 s after start).
        autoBackup: false,
      });
      try {
        const browser = await chromium.connectOverCDP(shell.debugEndpoint!);
        const pages = browser.contexts()[0]?.pages() ?? [];
        if (pages.length !== 1) throw new Error(`the shell's browser shows ${pages.length} pages, not its one window`);
        const page = pages[0]!;
        page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.stack ?? err.message}`));
        page.on('console', (msg) => {
          if (msg.type() !== 'error') return;
          const at = msg.location();
          pageErrors.push(`console.error: ${msg.text()}${at.url ? ` (${at.url}:${at.lineNumber})` : ''}`);
        });
        const session = await page.context().newCDPSession(page);
        pageErrors.push(...(await errorsSoFar(session)));
        await reloadable(page, session);
        await page.setViewportSize(VIEWPORT);
        if (process.env['LETTERDESK_E2E_TIMING']) console.log(`shell start ${Date.now() - t0} ms`);
        return { shell, browser, page };
      } catch (err) {
        await shell.quit();
        throw err;
      }
    };
    const stop = async ({ shell, browser }: Running) => {
      const t0 = Date.now();
      await shell.quit();
      const t1 = Date.now();
      await browser.close();
      if (process.env['LETTERDESK_E2E_TIMING']) console.log(`shell quit ${t1 - t0} ms, disconnect ${Date.now() - t1} ms`);
    };
    let running = await start();
    const app: LetterdeskApp = {
      dataDir,
      printed,
      core: running.shell.core,
      dialogs,
      pageErrors,
      expectedPageErrors: [],
      page: running.page,
      sendCommand: (command) => running.shell.sendCommand(command),
      async restart() {
        await stop(running);
        running = await start();
        app.core = running.shell.core;
        app.page = running.page;
        return app.page;
      },
    };
    try {
      await use(app);
      if (testInfo.status !== testInfo.expectedStatus && !app.page.isClosed())
        await app.page.screenshot({ path: testInfo.outputPath('shell-page-at-failure.png') }).catch(() => {});
    } finally {
      await stop(running);
      tmp.cleanup();
    }
    const unexpected = pageErrors.filter((e) => !app.expectedPageErrors.some((re) => re.test(e)));
    expect(unexpected, `the page threw or logged errors:\n${unexpected.join('\n')}\n(shell: ${shellLog.join('; ')})`).toEqual([]);
  },
  // Starting and quitting a browser is the fixture's own time, not the test's (a loaded PC takes seconds).
  { timeout: 90_000 }],
});

export { expect };

/**
 * PDF of the print HTML through headless Chromium, for the CLI and tests; the app prints
 * the same HTML with Electron's printToPDF. `preferCSSPageSize` makes the HTML's
 * `@page { size: A4; margin: … }` (and its margin boxes: the page footer) the single source of the page.
 *
 * No library: Chromium's own DevTools protocol over `--remote-debugging-pipe` (fd 3 in, fd 4 out,
 * NUL-separated JSON) — no port is opened, nothing is downloaded, and an install without
 * devDependencies can print. One browser serves many files (`launchPdfRenderer`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pdfInfoOfPrintHtml, withPdfInfo } from './pdf-info';
import { connectCdpPipe } from '../cdp-pipe';
import { writeFileAtomic } from './write-atomic';

/** Debian Chromium headless on a machine with no network: no sandbox (root), no background traffic. */
export const CHROMIUM_PRINT_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A busy 2-core office PC can take long to lay out a long letter; a dead browser is reported sooner, through 'exit'. */
const STEP_TIMEOUT_MS = 120_000;

/** Where an installed Chromium, Chrome or Edge usually is; LETTERDESK_CHROMIUM wins. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const given = env['LETTERDESK_CHROMIUM']?.trim();
  if (given) return given;
  const programFiles = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((d): d is string => !!d);
  const candidates =
    platform === 'win32'
      ? programFiles.flatMap((d) => [
          path.join(d, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          path.join(d, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          path.join(d, 'Chromium', 'Application', 'chrome.exe'),
        ])
      : platform === 'darwin'
        ? ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
        : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export interface PdfRenderer {
  /** Renders one print HTML document to `outPath` (written atomically). */
  render(html: string, outPath: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts one headless browser; every render opens and closes a tab in it. */
export async function launchPdfRenderer(executablePath: string): Promise<PdfRenderer> {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Chromium, Chrome or Edge, or set LETTERDESK_CHROMIUM`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'letterdesk-pdf-'));
  const child = spawn(executablePath, [...CHROMIUM_PRINT_ARGS, '--headless', '--remote-debugging-pipe', `--user-data-dir=${path.join(tmp, 'profile')}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const cdp = connectCdpPipe(child, { stepTimeoutMs: STEP_TIMEOUT_MS, stderrTail: () => stderr });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) => cdp.send(method, params, sessionId);
  const nextEvent = (method: string, sessionId: string): Promise<unknown> => cdp.nextEvent(method, sessionId);

  let count = 0;
  const render = async (html: string, outPath: string): Promise<void> => {
    const file = path.join(tmp, `letter-${++count}.html`);
    fs.writeFileSync(file, html);
    const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    try {
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      await send('Page.enable', {}, sessionId);
      const loaded = nextEvent('Page.loadEventFired', sessionId);
      const nav = (await send('Page.navigate', { url: pathToFileURL(file).href }, sessionId)) as { errorText?: string };
      if (nav.errorText) throw new Error(`Chromium could not open the print HTML: ${nav.errorText}`);
      await loaded;
      // The print HTML names installed fonts only; wait until they are laid out.
      await send('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true }, sessionId);
      // The same parameters Playwright's page.pdf({ preferCSSPageSize, printBackground }) sends.
      const { data } = (await send(
        'Page.printToPDF',
        {
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: false,
          paperWidth: 8.5,
          paperHeight: 11,
          marginTop: 0,
          marginBottom: 0,
          marginLeft: 0,
          marginRight: 0,
          generateTaggedPDF: false,
          transferMode: 'ReturnAsBase64',
        },
        sessionId,
      )) as { data: string };
      // Title, author, subject (number · version · fingerprint) and creator: pdf-info.ts.
      writeFileAtomic(outPath, withPdfInfo(Buffer.from(data, 'base64'), pdfInfoOfPrintHtml(html)));
    } finally {
      await send('Target.closeTarget', { targetId }).catch(() => {});
      fs.rmSync(file, { force: true });
    }
  };

  const close = async (): Promise<void> => {
    if (!cdp.exited) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await send('Browser.close').catch(() => {});
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await send('Browser.getVersion'); // the pipe answers: the browser is up
  } catch (err) {
    child.kill('SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    throw err;
  }
  return { render, close };
}

/** One document, one browser: starts Chromium, renders, closes it. */
export async function renderPdfWithChromium(html: string, outPath: string, executablePath = '/usr/bin/chromium'): Promise<void> {
  const renderer = await launchPdfRenderer(executablePath);
  try {
    await renderer.render(html, outPath);
  } finally {
    await renderer.close();
  }
}

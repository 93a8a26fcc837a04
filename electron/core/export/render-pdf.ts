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
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
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

type Message = { id?: number; method?: string; params?: Record<string, unknown>; sessionId?: string; result?: Record<string, unknown>; error?: { message: string } };

/** Starts one headless browser; every render opens and closes a tab in it. */
export async function launchPdfRenderer(executablePath: string): Promise<PdfRenderer> {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Chromium, Chrome or Edge, or set LETTERDESK_CHROMIUM`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'letterdesk-pdf-'));
  const child = spawn(executablePath, [...CHROMIUM_PRINT_ARGS, '--headless', '--remote-debugging-pipe', `--user-data-dir=${path.join(tmp, 'profile')}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));

  let nextId = 1;
  let exited: Error | null = null;
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  const listeners = new Set<(m: Message) => void>();
  const failAll = (err: Error) => {
    exited ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  child.on('error', (err) => failAll(err));
  child.on('exit', (code, signal) => failAll(new Error(`Chromium exited (${signal ?? code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`)));
  toBrowser.on('error', () => {}); // reported through 'exit'

  // Messages are NUL-terminated JSON; a PDF arrives as one message of many chunks.
  let parts: string[] = [];
  const deliver = (text: string) => {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return; // not ours to answer; a reply we wait for times out with a clear message
    }
    const waiter = message.id !== undefined ? pending.get(message.id) : undefined;
    if (waiter) {
      pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(`Chromium: ${message.error.message}`));
      else waiter.resolve(message);
    } else for (const listener of listeners) listener(message);
  };
  fromBrowser.setEncoding('utf8'); // keeps a character split across chunks whole
  fromBrowser.on('data', (chunk: string) => {
    let start = 0;
    for (let end = chunk.indexOf('\0'); end >= 0; end = chunk.indexOf('\0', start)) {
      parts.push(chunk.slice(start, end));
      deliver(parts.join(''));
      parts = [];
      start = end + 1;
    }
    if (start < chunk.length) parts.push(chunk.slice(start));
  });

  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    const reply = new Promise<Message>((resolve, reject) => pending.set(id, { resolve, reject }));
    toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }) + '\0');
    return withTimeout(reply, method).then((m) => m.result ?? {});
  };
  const nextEvent = (method: string, sessionId: string): Promise<void> => {
    let listener!: (m: Message) => void;
    const event = new Promise<void>((resolve) => {
      listener = (m) => m.method === method && m.sessionId === sessionId && resolve();
      listeners.add(listener);
    });
    return withTimeout(event, method).finally(() => listeners.delete(listener));
  };

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
      writeFileAtomic(outPath, Buffer.from(data, 'base64'));
    } finally {
      await send('Target.closeTarget', { targetId }).catch(() => {});
      fs.rmSync(file, { force: true });
    }
  };

  const close = async (): Promise<void> => {
    if (!exited) {
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

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Chromium did not answer ${what} within ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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

/**
 * The browser shell: Letterdesk's page in an installed Chromium, Chrome or Edge app window, bound
 * to the real core in this Node process over the DevTools pipe (fds 3 and 4) — no TCP port, no
 * HTTP server. What the Electron shell guarantees, as far as a browser allows:
 *   - the page's files come from APP_ORIGIN through request interception, with the same CSP;
 *     every other request (any target: page, popup, print window) is refused;
 *   - navigation away, new windows and downloads are refused; permission prompts are denied;
 *   - the API binding answers only the main frame of our page at APP_ORIGIN;
 *   - closing the window: the page saves its pending draft on visibilitychange/pagehide (as in
 *     Electron), every call that reached the shell is finished before the database closes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { connectCdpPipe, type CdpConnection, type CdpMessage } from '../core/cdp-pipe';
import { openCore, type Core } from '../core/create-api';
import { CHROMIUM_PRINT_ARGS, launchPdfRenderer, type PdfRenderer } from '../core/export/render-pdf';
import type { DialogsPort, PdfPort, PrinterPort } from '../core/ports';
import type { Envelope } from '../shared/errors';
import { isMenuCommand, type MenuCommand } from '../shared/menu-commands';
import { APP_ORIGIN, APP_URL, PRINT_PATH, appResponse } from './app-files';
import type { FoundBrowser } from './discover';
import { browserFailed, looksLikeNoDisplay, noDisplay, rendererMissing } from './failures';
import { createFileDialogs, type DialogMessage, type FileDialogs } from './file-dialog';
import {
  BRIDGE_SCRIPT,
  CLOSE_BINDING,
  COMMAND_FUNCTION,
  FILE_DIALOG_BINDING,
  FILE_DIALOG_OBJECT,
  FILE_DIALOG_SCRIPT,
  FILE_DIALOG_WORLD,
  INVOKE_BINDING,
  REPLY_FUNCTION,
} from './page-scripts';

export interface ShellOptions {
  browser: FoundBrowser;
  dataDir: string;
  rendererDir: string;
  resourcesDir?: string;
  appVersion: string;
  headless?: boolean;
  /** Replaces the in-app file dialog (tests answering the pickers). */
  dialogs?: DialogsPort;
  /** Replaces the PDF renderer (default: a headless instance of the same browser, started when first needed). */
  pdf?: PdfPort;
  /** Replaces printing (default: the print HTML in a window of its own, and the browser's print dialog). */
  printer?: PrinterPort;
  log?: (message: string) => void;
  isRoot?: boolean;
  windowSize?: { width: number; height: number };
  /** The browser's environment (default: this process's); tests name their own display. */
  env?: NodeJS.ProcessEnv;
  /**
   * TEST ONLY (tests/e2e/harness.ts; `npm start` never sets it): also opens DevTools on a port of
   * the loopback interface that the system picks, so Playwright can drive the page the shell
   * opened (it cannot attach over the pipe). RunningShell.debugEndpoint names it.
   */
  testDebugPort?: boolean;
  /**
   * The daily backup soon after start and the 30-minute tick, as in the Electron app (default on).
   * The end-to-end tests turn the timers off so that no backup starts in the middle of a test;
   * their backups are the ones a test asks for.
   */
  autoBackup?: boolean;
}

export interface RunningShell {
  core: Core;
  cdp: CdpConnection;
  /** The browser's process id. */
  browserPid: number;
  /** The DevTools session of the app page (tests evaluate in it). */
  pageSession: string;
  dataDir: string;
  profileDir: string;
  /** With testDebugPort only: the browser's DevTools WebSocket address on the loopback interface. */
  debugEndpoint?: string;
  /** Sends a menu command to the page (the same commands the Electron menu sends). */
  sendCommand(command: MenuCommand): Promise<void>;
  /** Brings the window forward (a second start asks for this). */
  raise(): Promise<void>;
  /** Closes the window as its close button does: the page's unload handlers run. */
  closeWindow(): Promise<void>;
  /** Resolves once the browser is gone, every call has been answered and the database is closed. */
  done: Promise<void>;
  /** Quits: the page is asked to save (up to 3 s), then the browser closes. */
  quit(): Promise<void>;
}

/** The flags of the CLI's PDF renderer without --no-sandbox (added for root only), plus an app window's. */
export function browserArgs(options: { profileDir: string; headless: boolean; isRoot: boolean; windowSize: { width: number; height: number }; testDebugPort?: boolean }): string[] {
  return [
    ...CHROMIUM_PRINT_ARGS.filter((a) => a !== '--no-sandbox'),
    ...(options.isRoot ? ['--no-sandbox'] : []),
    '--remote-debugging-pipe',
    `--user-data-dir=${options.profileDir}`,
    '--disable-extensions',
    '--disable-default-apps',
    '--disable-sync',
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,InterestFeedContentSuggestions',
    '--no-default-browser-check',
    '--no-pings',
    '--metrics-recording-only',
    '--password-store=basic',
    '--deny-permission-prompts',
    `--window-size=${options.windowSize.width},${options.windowSize.height}`,
    ...(options.headless ? ['--headless'] : []),
    // Test only (see ShellOptions.testDebugPort): a port the system picks, on 127.0.0.1 only.
    ...(options.testDebugPort ? ['--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1'] : []),
    '--app=about:blank',
  ];
}

type ContextInfo = { id: number; origin: string; name: string; frameId: string; isDefault: boolean; sessionId: string };

export async function startShell(options: ShellOptions): Promise<RunningShell> {
  const log = options.log ?? (() => {});
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) throw rendererMissing(options.rendererDir);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const profileDir = path.join(options.dataDir, 'browser-profile');
  fs.mkdirSync(profileDir, { recursive: true });

  // Filled in once the page is up; the ports are called only after that.
  let view: PageView | null = null;
  const fileDialogs: FileDialogs = createFileDialogs({
    open: async (request) => view!.dialogCall('open', request),
    show: async (listing) => view!.dialogCall('show', listing),
    close: async () => view?.dialogCall('close').catch(() => {}),
  });
  const pdfState: { renderer: Promise<PdfRenderer> | null } = { renderer: null };
  const pdf: PdfPort = options.pdf ?? {
    renderPdf: async (html, out) => {
      pdfState.renderer ??= launchPdfRenderer(options.browser.path);
      await (await pdfState.renderer).render(html, out);
    },
  };
  const printer: PrinterPort = options.printer ?? { print: (html) => view!.print(html) };
  const core = openCore({
    dataDir: options.dataDir,
    ...(options.resourcesDir && { resourcesDir: options.resourcesDir }),
    appVersion: options.appVersion,
    dialogs: options.dialogs ?? fileDialogs.port,
    pdf,
    printer,
    // As the Electron app: a damaged database opens the recovery screen; backups run while it is open.
    recoverDamaged: true,
    autoBackup: options.autoBackup ?? true,
  });

  let child: ChildProcess;
  let cdp: CdpConnection;
  let stderr = '';
  // The browser writes the port it took here (a file left by an earlier start would name an old one).
  const portFile = path.join(profileDir, 'DevToolsActivePort');
  if (options.testDebugPort) fs.rmSync(portFile, { force: true });
  try {
    child = spawn(
      options.browser.path,
      browserArgs({
        profileDir,
        headless: !!options.headless,
        isRoot: !!options.isRoot,
        windowSize: options.windowSize ?? { width: 1280, height: 860 },
        testDebugPort: !!options.testDebugPort,
      }),
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], env: options.env ?? process.env },
    );
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    cdp = connectCdpPipe(child, { stepTimeoutMs: 60_000, stderrTail: () => stderr });
    const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
    await Promise.race([cdp.send('Browser.getVersion'), spawnError]);
  } catch (err) {
    core.close();
    if (looksLikeNoDisplay(stderr)) throw noDisplay(options.env?.['DISPLAY'] ?? process.env['DISPLAY'] ?? options.env?.['WAYLAND_DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
    // The cause last: the one line keeps the end of the detail.
    throw browserFailed(options.browser.name, `${stderr} ${err instanceof Error ? err.message : String(err)}`);
  }

  const browserExited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  try {
    view = await bindPage(cdp, { ...options, log, core, fileDialogs });
  } catch (err) {
    child.kill('SIGKILL');
    await browserExited;
    core.close();
    if (looksLikeNoDisplay(stderr)) throw noDisplay(options.env?.['DISPLAY'] ?? process.env['DISPLAY'] ?? options.env?.['WAYLAND_DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
    // The cause last: the one line keeps the end of the detail.
    throw browserFailed(options.browser.name, `${stderr} ${err instanceof Error ? err.message : String(err)}`);
  }
  const page = view;
  let debugEndpoint: string | undefined;
  if (options.testDebugPort) {
    try {
      debugEndpoint = await readDebugEndpoint(portFile);
    } catch (err) {
      child.kill('SIGKILL');
      await browserExited;
      core.close();
      throw err;
    }
  }

  const done = (async () => {
    await Promise.race([browserExited, page.windowClosed.then(() => cdp.send('Browser.close').catch(() => {}))]);
    await browserExited;
    fileDialogs.cancelAll();
    await page.settle();
    if (pdfState.renderer) await (await pdfState.renderer.catch(() => null))?.close();
    core.close();
  })();

  return {
    core,
    cdp,
    browserPid: child.pid!,
    pageSession: page.sessionId,
    dataDir: options.dataDir,
    profileDir,
    ...(debugEndpoint && { debugEndpoint }),
    sendCommand: (command) => page.sendCommand(command),
    raise: () => page.raise(),
    closeWindow: async () => {
      await cdp.send('Page.close', {}, page.sessionId).catch(() => {});
      await done;
    },
    done,
    async quit() {
      if (!cdp.exited) {
        // As the Electron shell: the page saves what is pending, then the window closes (at most 3 s).
        await Promise.race([page.sendCommand('before-close').then(() => page.windowClosed, () => {}), new Promise((r) => setTimeout(r, 3000))]);
        fileDialogs.cancelAll();
        await Promise.race([page.settle(), new Promise((r) => setTimeout(r, 5000))]);
        await cdp.send('Browser.close').catch(() => {});
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await browserExited;
        clearTimeout(timer);
      }
      await done;
    },
  };
}

/** DevToolsActivePort: the port on its first line, the browser target's path on its second. */
async function readDebugEndpoint(portFile: string): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const [port, target] = (fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8') : '').split('\n');
    if (port && /^\d+$/.test(port.trim()) && target?.trim().startsWith('/devtools/browser/')) return `ws://127.0.0.1:${port.trim()}${target.trim()}`;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the browser named no DevTools port');
}

interface PageView {
  sessionId: string;
  windowClosed: Promise<void>;
  dialogCall(fn: 'open' | 'show' | 'close', arg?: unknown): Promise<void>;
  print(html: string): Promise<boolean>;
  sendCommand(command: MenuCommand): Promise<void>;
  raise(): Promise<void>;
  /** Resolves when every API call received so far has been answered (its writes are done). */
  settle(): Promise<void>;
}

type BindOptions = ShellOptions & { log: (message: string) => void; core: Core; fileDialogs: FileDialogs };

async function bindPage(cdp: CdpConnection, options: BindOptions): Promise<PageView> {
  const { log, core, fileDialogs } = options;
  const printPages = new Map<string, string>();
  const contexts = new Map<string, ContextInfo>(); // `${sessionId}:${id}`
  const printCreations = new Set<Promise<string>>(); // Target.createTarget of print windows under way
  const printSessions = new Map<string, string>(); // print window target → its DevTools session
  const inFlight = new Set<Promise<unknown>>();
  let mainFrameId = '';

  // The window --app opened (about:blank, nothing loaded yet); a busy PC can take many seconds.
  const targetOf = async (): Promise<string> => {
    for (const until = Date.now() + 45_000; Date.now() < until; ) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
      const pageTarget = targetInfos.find((t) => t.type === 'page');
      if (pageTarget) return pageTarget.targetId;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the browser opened no window');
  };
  const mainTarget = await targetOf();
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: mainTarget, flatten: true })) as { sessionId: string };

  let resolveClosed!: () => void;
  const windowClosed = new Promise<void>((resolve) => (resolveClosed = resolve));

  const fulfil = (message: CdpMessage) => {
    const params = message.params as { requestId: string; request: { url: string }; resourceType: string; frameId?: string };
    const response = appResponse(options.rendererDir, params.request.url, printPages);
    if (response) {
      void cdp
        .send(
          'Fetch.fulfillRequest',
          {
            requestId: params.requestId,
            responseCode: response.status,
            responseHeaders: Object.entries(response.headers).map(([name, value]) => ({ name, value })),
            body: response.body.toString('base64'),
          },
          message.sessionId,
        )
        .catch(() => {});
      return;
    }
    // A navigation is aborted (the page stays as it is); any other request fails as blocked.
    const isDocument = params.resourceType === 'Document';
    log(`${isDocument ? 'navigation' : 'request'} refused: ${params.request.url.slice(0, 200)}`);
    void cdp.send('Fetch.failRequest', { requestId: params.requestId, errorReason: isDocument ? 'Aborted' : 'BlockedByClient' }, message.sessionId).catch(() => {});
  };

  const reply = (contextId: number, sid: string, id: number, envelope: Envelope<unknown>) =>
    cdp
      .send(
        'Runtime.callFunctionOn',
        { functionDeclaration: `function (id, envelope) { globalThis.${REPLY_FUNCTION}(id, envelope); }`, executionContextId: contextId, arguments: [{ value: id }, { value: envelope }] },
        sid,
        0,
      )
      .catch(() => {}); // the page went away before the answer: the work is done all the same

  const onBinding = (message: CdpMessage) => {
    const params = message.params as { name: string; payload: string; executionContextId: number };
    const context = contexts.get(`${message.sessionId}:${params.executionContextId}`);
    if (params.name === FILE_DIALOG_BINDING) {
      if (!context || context.name !== FILE_DIALOG_WORLD || context.frameId !== mainFrameId || message.sessionId !== sessionId) return;
      let parsed: DialogMessage = {};
      try {
        parsed = JSON.parse(params.payload) as DialogMessage;
      } catch {
        return;
      }
      void fileDialogs.handle(parsed);
      return;
    }
    if (params.name === CLOSE_BINDING) {
      if (context && message.sessionId === sessionId && context.isDefault && context.frameId === mainFrameId && context.origin === APP_ORIGIN) void closeForGood();
      return;
    }
    if (params.name !== INVOKE_BINDING) return;
    let call: { id?: unknown; method?: unknown; args?: unknown };
    try {
      call = JSON.parse(params.payload) as typeof call;
    } catch {
      return;
    }
    if (typeof call.id !== 'number') return;
    const trusted = !!context && message.sessionId === sessionId && context.isDefault && context.frameId === mainFrameId && context.origin === APP_ORIGIN;
    const work = (async () => {
      let envelope: Envelope<unknown>;
      if (!trusted) {
        log(`API ${String(call.method).slice(0, 64)} refused: untrusted caller ${context?.origin ?? '(unknown)'}`);
        envelope = { ok: false, code: 'forbidden-sender', message: 'Call refused: not from the Letterdesk window' };
      } else {
        envelope = await core.dispatch(call.method, call.args);
      }
      await reply(params.executionContextId, message.sessionId!, call.id as number, envelope);
    })();
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  // New targets start paused: a popup or window.open is closed before it loads anything; the
  // print window gets the same request interception before it runs.
  const onAttached = async (message: CdpMessage) => {
    const params = message.params as { sessionId: string; targetInfo: { targetId: string; type: string; url: string; openerId?: string }; waitingForDebugger: boolean };
    const { targetId, type } = params.targetInfo;
    const sid = params.sessionId;
    if (targetId === mainTarget) return;
    try {
      await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, sid).catch(() => {});
      // A print window is one the shell is creating now (a headed browser names its address only after it resumes).
      let isPrint = false;
      if (type === 'page' && !params.targetInfo.openerId && printCreations.size) {
        const ids = await Promise.all([...printCreations].map((p) => p.catch(() => '')));
        isPrint = ids.includes(targetId);
      }
      // The browser's print preview (chrome://print) belongs to a print window.
      const refused = type === 'page' && !isPrint && !params.targetInfo.url.startsWith('chrome://print');
      if (isPrint) printSessions.set(targetId, sid);
      if (params.waitingForDebugger) await cdp.send('Runtime.runIfWaitingForDebugger', {}, sid);
      if (refused) {
        log(`new window refused: ${params.targetInfo.url.slice(0, 200) || '(blank)'}`);
        await cdp.send('Target.closeTarget', { targetId });
      }
    } catch {
      // the target is already gone
    }
  };

  const contextIn = (world: string): ContextInfo | undefined =>
    [...contexts.values()].find((c) => c.sessionId === sessionId && c.frameId === mainFrameId && (world ? c.name === world : c.isDefault) && (world || c.origin === APP_ORIGIN));
  const sendCommand = async (command: MenuCommand): Promise<void> => {
    if (!isMenuCommand(command)) return;
    const context = contextIn('');
    if (!context) return;
    await cdp.send(
      'Runtime.callFunctionOn',
      { functionDeclaration: `function (command) { globalThis.${COMMAND_FUNCTION}(command); }`, executionContextId: context.id, arguments: [{ value: command }] },
      sessionId,
    );
  };

  const settle = async () => {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  };

  // The window's close: held once, the page saves, then closed for good (at most 3 s later, as in Electron).
  let closeTimer: NodeJS.Timeout | null = null;
  let closedForGood = false;
  const closeForGood = async () => {
    if (closedForGood) return;
    closedForGood = true;
    if (closeTimer) clearTimeout(closeTimer);
    fileDialogs.cancelAll(); // a dialog left open answers "cancelled", so its call can finish
    // Every call that reached the shell is answered first (a save is written); a print dialog left open does not hold the close.
    await Promise.race([settle(), new Promise((r) => setTimeout(r, 5000))]);
    await cdp.send('Page.close', {}, sessionId).catch(() => {});
  };
  const holdClose = async () => {
    await cdp.send('Page.handleJavaScriptDialog', { accept: false }, sessionId).catch(() => {});
    if (closeTimer || closedForGood) return;
    closeTimer = setTimeout(() => void closeForGood(), 3000);
    await sendCommand('before-close').catch(() => void closeForGood());
  };

  cdp.onEvent((message) => {
    switch (message.method) {
      case 'Fetch.requestPaused':
        return fulfil(message);
      case 'Runtime.bindingCalled':
        return onBinding(message);
      case 'Runtime.executionContextCreated': {
        const c = (message.params as { context: { id: number; origin: string; name: string; auxData?: { frameId?: string; isDefault?: boolean } } }).context;
        contexts.set(`${message.sessionId}:${c.id}`, { id: c.id, origin: c.origin, name: c.name, frameId: c.auxData?.frameId ?? '', isDefault: !!c.auxData?.isDefault, sessionId: message.sessionId ?? '' });
        return;
      }
      case 'Runtime.executionContextDestroyed':
        contexts.delete(`${message.sessionId}:${(message.params as { executionContextId: number }).executionContextId}`);
        return;
      case 'Runtime.executionContextsCleared':
        for (const key of [...contexts.keys()]) if (key.startsWith(`${message.sessionId}:`)) contexts.delete(key);
        return;
      case 'Target.attachedToTarget':
        if (!message.sessionId) void onAttached(message);
        return;
      case 'Target.targetDestroyed':
      case 'Target.detachedFromTarget': {
        const p = message.params as { targetId?: string; sessionId?: string };
        if (p.targetId === mainTarget || p.sessionId === sessionId) resolveClosed();
        return;
      }
      case 'Target.targetCrashed':
        if ((message.params as { targetId?: string }).targetId === mainTarget) log('the page crashed');
        return;
      case 'Page.javascriptDialogOpening':
        if (message.sessionId === sessionId && (message.params as { type?: string }).type === 'beforeunload') void holdClose();
        return;
      case 'Page.frameNavigated': {
        const frame = (message.params as { frame: { id: string; parentId?: string } }).frame;
        if (message.sessionId === sessionId && !frame.parentId) mainFrameId = frame.id;
        return;
      }
    }
  });

  const send = (method: string, params: Record<string, unknown> = {}) => cdp.send(method, params, sessionId);
  // Sent together (the browser answers them in order): on a busy PC each round trip counts.
  const [, , , , , tree] = await Promise.all([
    cdp.send('Browser.setDownloadBehavior', { behavior: 'deny' }),
    cdp.send('Target.setDiscoverTargets', { discover: true }),
    send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
    send('Page.enable'),
    send('Runtime.enable'),
    send('Page.getFrameTree'),
    send('Page.addScriptToEvaluateOnNewDocument', { source: BRIDGE_SCRIPT }),
    send('Page.addScriptToEvaluateOnNewDocument', { source: FILE_DIALOG_SCRIPT, worldName: FILE_DIALOG_WORLD }),
    send('Runtime.addBinding', { name: INVOKE_BINDING }),
    send('Runtime.addBinding', { name: CLOSE_BINDING }),
    send('Runtime.addBinding', { name: FILE_DIALOG_BINDING, executionContextName: FILE_DIALOG_WORLD }),
    cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }),
  ]);
  mainFrameId = (tree as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
  const loaded = cdp.nextEvent('Page.loadEventFired', sessionId);
  const nav = (await send('Page.navigate', { url: APP_URL })) as { errorText?: string };
  if (nav.errorText) throw new Error(`the app page did not open: ${nav.errorText}`);
  await loaded;

  return {
    sessionId,
    windowClosed,
    async dialogCall(fn, arg) {
      const context = contextIn(FILE_DIALOG_WORLD);
      if (!context) throw new Error('the file dialog is not available in this window');
      await cdp.send(
        'Runtime.callFunctionOn',
        { functionDeclaration: `function (arg) { globalThis.${FILE_DIALOG_OBJECT}.${fn}(arg); }`, executionContextId: context.id, arguments: [{ value: arg ?? null }] },
        sessionId,
      );
    },
    async print(html) {
      const token = crypto.randomBytes(16).toString('hex');
      const url = `${APP_ORIGIN}${PRINT_PATH}${token}`;
      printPages.set(token, html);
      try {
        // The new window starts paused; onAttached knows it as ours, intercepts its requests and resumes it.
        const creation = cdp.send('Target.createTarget', { url, newWindow: true }).then((r) => (r as { targetId: string }).targetId);
        printCreations.add(creation);
        let targetId: string;
        try {
          targetId = await creation;
        } finally {
          setTimeout(() => printCreations.delete(creation), 10_000); // its attach event may still be on the way
        }
        let sid = printSessions.get(targetId);
        for (let waited = 0; !sid && waited < 30_000; waited += 50) {
          await new Promise((r) => setTimeout(r, 50));
          sid = printSessions.get(targetId);
        }
        if (!sid) throw new Error('the print window did not open');
        try {
          // Loaded when its own address shows, complete (the window starts at about:blank; a context may go mid-call).
          for (let waited = 0; ; waited += 100) {
            const state = await cdp
              .send('Runtime.evaluate', { expression: 'location.href + " " + document.readyState', returnByValue: true }, sid)
              .then((r) => (r as { result: { value?: string } }).result.value ?? '', () => '');
            if (state === `${url} complete`) break;
            if (waited > 30_000) throw new Error('the print page did not load');
            await new Promise((r) => setTimeout(r, 100));
          }
          // The browser's own print dialog; the call returns when the dialog closes, or the user closes the window.
          let off = () => {};
          const windowGone = new Promise<void>((resolve) => {
            off = cdp.onEvent((m) => m.method === 'Target.detachedFromTarget' && (m.params as { sessionId?: string }).sessionId === sid && resolve());
          });
          await Promise.race([cdp.send('Runtime.evaluate', { expression: 'window.print()', userGesture: true }, sid, 0).catch(() => {}), windowGone]).finally(() => off());
        } finally {
          printSessions.delete(targetId);
          await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
        }
        return true;
      } finally {
        printPages.delete(token);
      }
    },
    sendCommand,
    async raise() {
      await send('Page.bringToFront').catch(() => {});
      try {
        const { windowId } = (await cdp.send('Browser.getWindowForTarget', { targetId: mainTarget })) as { windowId: number };
        await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
      } catch {
        // a headless browser has no window state
      }
    },
    settle,
  };
}

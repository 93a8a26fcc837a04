/**
 * The browser shell with a real browser (issue 16): Debian's Chromium, the built renderer and the
 * real core on a fresh data folder.
 *   - headless: the page's API over the DevTools pipe (errors as envelope data), the CSP header,
 *     navigation / new windows / downloads / permissions refused, other requests blocked, untrusted
 *     callers refused, the in-app file dialog saving and opening real files;
 *   - headed under Xvfb: the window appears (screenshot in test-artifacts/), a letter is created and
 *     typed into through the UI, the window is closed at once and the typed text is in the SQLite
 *     file; the process tree has no listening TCP or UDP socket;
 *   - `npm start -- --browser` for real (build/scripts/start.mjs → out/browser-shell): its one line,
 *     a second start answered by the first, no listening socket, a clean exit on SIGTERM.
 * Chromium and xvfb-run are required under CI=true; elsewhere the tests skip when they are missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL } from '../../electron/browser-shell/app-files';
import { LOCK_FILE } from '../../electron/browser-shell/instance-lock';
import { startShell, type RunningShell } from '../../electron/browser-shell/shell';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { makeTempDir } from '../helpers/temp-dir';

const root = path.resolve(__dirname, '../..');
const CHROMIUM = process.env['LETTERDESK_CHROMIUM'] ?? '/usr/bin/chromium';
const XVFB_RUN = '/usr/bin/xvfb-run';
const rendererDir = path.join(root, 'out', 'renderer');
const artifacts = path.join(root, 'test-artifacts');

const missing = [
  !fs.existsSync(CHROMIUM) && `Chromium at ${CHROMIUM} (apt-get install -y chromium)`,
  !fs.existsSync(XVFB_RUN) && 'xvfb-run (apt-get install -y xvfb)',
].filter(Boolean);
if (missing.length && process.env['CI']) throw new Error(`required under CI=true: ${missing.join(', ')}`);
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');

const isRoot = process.getuid?.() === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function evaluate<T>(shell: RunningShell, expression: string, userGesture = false): Promise<T> {
  const result = (await shell.cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture }, shell.pageSession)) as {
    result: { value: T };
    exceptionDetails?: { exception?: { description?: string }; text: string };
  };
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value;
}

async function waitFor(shell: RunningShell, expression: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await evaluate<boolean>(shell, `!!(${expression})`))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
    await sleep(100);
  }
}

async function clickAt(shell: RunningShell, selector: string, text?: string): Promise<void> {
  const point = await evaluate<{ x: number; y: number } | null>(
    shell,
    `(() => {
      const el = [...document.querySelectorAll(${JSON.stringify(selector)})].find((e) => ${text === undefined ? 'true' : `e.textContent.trim().includes(${JSON.stringify(text)})`});
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + Math.min(8, r.width / 2), y: r.top + r.height / 2 };
    })()`,
  );
  if (!point) throw new Error(`nothing to click: ${selector} ${text ?? ''}`);
  for (const type of ['mousePressed', 'mouseReleased'])
    await shell.cdp.send('Input.dispatchMouseEvent', { type, x: point.x, y: point.y, button: 'left', clickCount: 1 }, shell.pageSession);
}

const typeText = (shell: RunningShell, text: string) => shell.cdp.send('Input.insertText', { text }, shell.pageSession);
async function pressEnter(shell: RunningShell): Promise<void> {
  for (const type of ['keyDown', 'keyUp'])
    await shell.cdp.send('Input.dispatchKeyEvent', { type, key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, ...(type === 'keyDown' && { text: '\r' }) }, shell.pageSession);
}

/** Pids of `pid` and all its descendants. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const all: number[] = [];
  for (let queue = [pid]; queue.length; ) {
    const p = queue.shift()!;
    all.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return all;
}

/** Listening TCP sockets and bound UDP sockets held by any of `pids` ("proto local-address" each). */
function listeningSockets(pids: number[]): string[] {
  const listening = new Map<string, string>(); // inode → description
  for (const proto of ['tcp', 'tcp6', 'udp', 'udp6']) {
    const file = `/proc/net/${proto}`;
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const [, local, , state] = cols;
      const inode = cols[9]!;
      // TCP: 0A is LISTEN. UDP has no listen state: any socket bound to a local port receives.
      if ((proto.startsWith('tcp') && state === '0A') || proto.startsWith('udp')) listening.set(inode, `${proto} ${local}`);
    }
  }
  const held: string[] = [];
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && listening.has(m[1]!)) held.push(`pid ${pid}: ${listening.get(m[1]!)}`);
      } catch {
        // closed meanwhile
      }
    }
  }
  return held;
}

/** An X display from xvfb-run, for as long as the tests need it. */
async function startDisplay(): Promise<{ env: NodeJS.ProcessEnv; stop: () => void; pid: number }> {
  const child = spawn(XVFB_RUN, ['-a', '-s', '-screen 0 1400x1000x24', 'sh', '-c', 'echo "$DISPLAY $XAUTHORITY"; exec sleep 600'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`xvfb-run exited (${code})`)));
  });
  const [display, xauthority] = line.trim().split(' ');
  return {
    env: { ...process.env, DISPLAY: display, XAUTHORITY: xauthority },
    pid: child.pid!,
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

const browser = { path: CHROMIUM, name: 'Chromium', source: 'installed' as const };

describe.skipIf(missing.length > 0)('browser shell, headless', () => {
  const tmp = makeTempDir('letterdesk-shell-');
  const home = path.join(tmp.dir, 'home');
  const logs: string[] = [];
  let shell: RunningShell;

  beforeAll(async () => {
    fs.mkdirSync(home);
    shell = await startShell({
      browser,
      dataDir: path.join(tmp.dir, 'data'),
      rendererDir,
      resourcesDir: path.join(root, 'resources'),
      appVersion: 'test',
      headless: true,
      isRoot,
      env: { ...process.env, HOME: home },
      log: (m) => logs.push(m),
    });
  }, 60_000);
  afterAll(async () => {
    await shell?.quit();
    tmp.cleanup();
  }, 30_000);

  it('serves the page from its own origin with the Electron shell’s CSP in the response, a secure context', async () => {
    const responses: { url: string; headers: Record<string, string> }[] = [];
    const off = shell.cdp.onEvent((m) => {
      if (m.method === 'Network.responseReceived' && m.sessionId === shell.pageSession) {
        const r = (m.params as { response: { url: string; headers: Record<string, string> } }).response;
        responses.push({ url: r.url, headers: r.headers });
      }
    });
    await shell.cdp.send('Network.enable', {}, shell.pageSession);
    const loaded = shell.cdp.nextEvent('Page.loadEventFired', shell.pageSession);
    await shell.cdp.send('Page.navigate', { url: APP_URL }, shell.pageSession);
    await loaded;
    off();
    await shell.cdp.send('Network.disable', {}, shell.pageSession);
    const doc = responses.find((r) => r.url === APP_URL)!;
    expect(doc.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(responses.length).toBeGreaterThan(1); // the page's scripts and styles, all from the app origin
    for (const r of responses) expect(r.url.startsWith(APP_URL), r.url).toBe(true);
    expect(await evaluate(shell, 'location.href')).toBe(APP_URL);
    expect(await evaluate(shell, 'isSecureContext')).toBe(true);
    await waitFor(shell, `document.querySelector('nav')`);
  });

  it('window.letterdesk.invoke answers with envelopes; errors cross as data', async () => {
    const settings = await evaluate<{ ok: boolean; value: { locale: string } }>(shell, `letterdesk.invoke('settingsGet', [])`);
    expect(settings.ok).toBe(true);
    expect(settings.value.locale).toBe('zh-CN');
    expect(await evaluate(shell, `letterdesk.invoke('lettersGet', [{ id: 424242 }])`)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await evaluate(shell, `letterdesk.invoke('noSuchMethod', [])`)).toMatchObject({ ok: false, code: 'unknown-method' });
    expect(await evaluate(shell, `letterdesk.invoke('lettersGet', 'x')`)).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await evaluate(shell, `letterdesk.invoke('lettersCreate', [{ nonsense: true }])`)).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await evaluate(shell, `typeof letterdeskMenu.onCommand`)).toBe('function');
    // The file dialog's binding lives in its own world: the page cannot list folders.
    expect(await evaluate(shell, `typeof globalThis.__letterdeskShellFs`)).toBe('undefined');
  });

  it('a call from a world that is not the page’s own is refused', async () => {
    const { frameTree } = (await shell.cdp.send('Page.getFrameTree', {}, shell.pageSession)) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await shell.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'intruder' }, shell.pageSession)) as { executionContextId: number };
    await shell.cdp.send('Runtime.evaluate', { expression: `__letterdeskInvoke(JSON.stringify({ id: 1, method: 'settingsGet', args: [] }))`, contextId: executionContextId }, shell.pageSession);
    await expect.poll(() => logs.some((l) => /API settingsGet refused: untrusted caller/.test(l))).toBe(true);
  });

  it('refuses navigation away, new windows, other origins’ requests, downloads and permissions', async () => {
    const nav = (await shell.cdp.send('Page.navigate', { url: 'https://example.com/' }, shell.pageSession)) as { errorText?: string };
    expect(nav.errorText).toBe('net::ERR_ABORTED');
    expect(await evaluate(shell, 'location.href')).toBe(APP_URL);
    expect(logs).toContain('navigation refused: https://example.com/');

    await evaluate(shell, `(window.open('https://example.com/popup'), true)`, true);
    await expect.poll(() => logs.some((l) => l.startsWith('new window refused'))).toBe(true);
    await expect
      .poll(async () => ((await shell.cdp.send('Target.getTargets')) as { targetInfos: { type: string }[] }).targetInfos.filter((t) => t.type === 'page').length)
      .toBe(1);

    // Even where the CSP would let a request through (a same-origin file that does not exist), it is refused.
    expect(await evaluate(shell, `new Promise((r) => { const i = new Image(); i.onload = () => r('loaded'); i.onerror = () => r('refused'); i.src = '/not-an-app-file.png'; document.body.append(i); })`)).toBe('refused');
    expect(await evaluate(shell, `fetch('https://example.com/').then(() => 'fetched', () => 'refused')`)).toBe('refused');

    await evaluate(
      shell,
      `(() => { const a = document.createElement('a'); a.href = URL.createObjectURL(new Blob(['x'])); a.download = 'x.txt'; document.body.append(a); a.click(); a.remove(); return true; })()`,
      true,
    );
    await sleep(1000);
    const downloaded = fs.readdirSync(home, { recursive: true }).map(String).filter((f) => f.endsWith('x.txt'));
    expect(downloaded).toEqual([]);

    expect(await evaluate(shell, `Notification.requestPermission()`, true)).toBe('denied');
    expect(await evaluate(shell, `new Promise((r) => navigator.geolocation.getCurrentPosition(() => r('granted'), (e) => r(e.code === e.PERMISSION_DENIED ? 'denied' : 'error ' + e.code)))`, true)).toBe('denied');
    expect(await evaluate(shell, `navigator.mediaDevices ? navigator.mediaDevices.getUserMedia({ audio: true }).then(() => 'granted', (e) => e.name) : 'NotAllowedError'`, true)).toMatch(/NotAllowedError|NotFoundError/);
  });

  it('the in-app file dialog saves and opens real files the user names', async () => {
    const folder = path.join(tmp.dir, '我的文件');
    fs.mkdirSync(folder);
    // A template of the office's own (a pack may not replace a built-in one).
    const ids = await evaluate<string[]>(
      shell,
      `letterdesk.invoke('templatesList', []).then((e) => letterdesk.invoke('templatesDuplicate', [{ id: e.value.find((t) => t.builtin).id, name: '本司模板' }])).then((e) => [e.value.id])`,
    );
    // Saving: the page asks for a template pack; the dialog opens with the suggested name selected.
    await evaluate(shell, `(globalThis.__saved = letterdesk.invoke('templatesExportPack', [{ ids: ${JSON.stringify(ids)} }]), true)`);
    await waitFor(shell, `document.querySelector('letterdesk-file-dialog')`);
    expect(await evaluate(shell, `document.querySelector('letterdesk-file-dialog').shadowRoot`)).toBeNull(); // closed to the page
    await typeText(shell, path.join(folder, '本司模板'));
    await pressEnter(shell);
    const saved = await evaluate<{ ok: boolean; value: { path: string; count: number } }>(shell, `globalThis.__saved`);
    expect(saved).toEqual({ ok: true, value: { path: path.join(folder, '本司模板.json'), count: 1 } });
    expect(JSON.parse(fs.readFileSync(path.join(folder, '本司模板.json'), 'utf8'))).toBeTruthy();
    expect(await evaluate(shell, `!!document.querySelector('letterdesk-file-dialog')`)).toBe(false);

    // Cancelling (Escape) answers "no file".
    await evaluate(shell, `(globalThis.__cancelled = letterdesk.invoke('templatesImportPack', []), true)`);
    await waitFor(shell, `document.querySelector('letterdesk-file-dialog')`);
    for (const type of ['keyDown', 'keyUp']) await shell.cdp.send('Input.dispatchKeyEvent', { type, key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 }, shell.pageSession);
    expect(await evaluate(shell, `globalThis.__cancelled`)).toMatchObject({ ok: true, value: { path: null, imported: 0 } });

    // Opening: the dialog starts in the folder last saved to; the file's name is enough.
    await evaluate(shell, `(globalThis.__opened = letterdesk.invoke('templatesImportPack', []), true)`);
    await waitFor(shell, `document.querySelector('letterdesk-file-dialog')`);
    await typeText(shell, '本司模板.json');
    await pressEnter(shell);
    const opened = await evaluate<{ ok: boolean; value: { path: string; imported: number; replaced: number } }>(shell, `globalThis.__opened`);
    expect(opened).toMatchObject({ ok: true, value: { path: path.join(folder, '本司模板.json') } });
    expect(opened.value.imported + opened.value.replaced).toBeGreaterThan(0);
  });
  it('print: the print HTML opens in a window of its own from a one-off address, the browser’s print is called there, and the window and address are gone after', async () => {
    const seen: { targetId: string; url: string }[] = [];
    const destroyed: string[] = [];
    const off = shell.cdp.onEvent((m) => {
      if (m.method === 'Target.targetInfoChanged' || m.method === 'Target.targetCreated') {
        const info = (m.params as { targetInfo: { targetId: string; url: string; type: string } }).targetInfo;
        if (info.type === 'page') seen.push(info);
      }
      if (m.method === 'Target.targetDestroyed') destroyed.push((m.params as { targetId: string }).targetId);
    });
    const letter = await evaluate<{ ok: boolean; value: { id: number } }>(shell, `letterdesk.invoke('lettersCreate', [{ title: '打印测试函' }])`);
    expect(letter.ok).toBe(true);
    const printed = await evaluate(shell, `letterdesk.invoke('lettersPrint', [{ id: ${letter.value.id} }])`);
    off();
    expect(printed).toEqual({ ok: true, value: { printed: true } });
    const printTarget = seen.find((t) => t.url.startsWith(`${APP_URL}__print/`));
    expect(printTarget, JSON.stringify(seen)).toBeTruthy();
    await expect.poll(() => destroyed.includes(printTarget!.targetId)).toBe(true);
    // The one-off print page is gone once printed.
    expect(await evaluate(shell, `fetch(${JSON.stringify(printTarget!.url)}).then(() => 'served', () => 'refused')`)).toBe('refused');
  });

  it('the page’s own location.reload() (after a restore or an import) reloads the page; the window stays and the API answers', async () => {
    // Last in this block (the page keeps the user's gesture after it). A used page: its beforeunload
    // guard would otherwise hold the reload as the window's close.
    expect(await evaluate(shell, `(globalThis.__beforeReload = 1, navigator.userActivation.hasBeenActive)`, true)).toBe(true);
    const loaded = shell.cdp.nextEvent('Page.loadEventFired', shell.pageSession);
    await evaluate(shell, `setTimeout(() => location.reload(), 0)`, true);
    await loaded;
    expect(await evaluate(shell, `typeof globalThis.__beforeReload`)).toBe('undefined');
    expect(shell.cdp.exited).toBeNull();
    expect(await evaluate(shell, `letterdesk.invoke('settingsGet', []).then((e) => e.ok)`)).toBe(true);
    await waitFor(shell, `document.querySelector('nav')`);
  });
});

describe.skipIf(missing.length > 0)('browser shell, headed under Xvfb', () => {
  let display: Awaited<ReturnType<typeof startDisplay>>;
  beforeAll(async () => {
    display = await startDisplay();
  }, 30_000);
  afterAll(() => display?.stop());

  it('a window appears; a letter created and typed into through the UI is in the SQLite file after the window is closed at once; no listening socket', async () => {
    const tmp = makeTempDir('letterdesk-shell-');
    try {
      const dataDir = path.join(tmp.dir, 'data');
      const shell = await startShell({ browser, dataDir, rendererDir, resourcesDir: path.join(root, 'resources'), appVersion: 'test', isRoot, env: display.env });
      await waitFor(shell, `[...document.querySelectorAll('button')].some((b) => b.textContent.includes('新建函件'))`);

      // The window is on the X display, titled as the app.
      const windows = spawnSync('xwininfo', ['-root', '-tree'], { env: display.env, encoding: 'utf8' }).stdout;
      expect(windows).toContain('函件台 Letterdesk');
      fs.mkdirSync(artifacts, { recursive: true });
      const { data } = (await shell.cdp.send('Page.captureScreenshot', { format: 'png' }, shell.pageSession)) as { data: string };
      fs.writeFileSync(path.join(artifacts, 'browser-shell-window.png'), Buffer.from(data, 'base64'));

      // While it runs: no listening TCP or UDP socket in the browser's process tree or this one.
      const tree = [...processTree(shell.browserPid), process.pid];
      expect(tree.length).toBeGreaterThan(2);
      expect(listeningSockets(tree)).toEqual([]);

      // 新建函件 → a template → a title → 创建, then type into the letter's text.
      await clickAt(shell, 'button', '新建函件');
      await waitFor(shell, `document.querySelector('dialog[open], [role=dialog]')`);
      await evaluate(shell, `(() => { const s = document.querySelector('dialog[open] select, [role=dialog] select'); s.selectedIndex = 1; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
      await clickAt(shell, 'dialog[open] input[type=text], [role=dialog] input[type=text], dialog[open] input:not([type]), [role=dialog] input:not([type])');
      await typeText(shell, '烟雾测试函');
      await clickAt(shell, 'dialog[open] button, [role=dialog] button', '创建');
      await waitFor(shell, `document.querySelector('[aria-label="函件正文"] p.ld-para')`);
      await clickAt(shell, '[aria-label="函件正文"] p.ld-para');
      await typeText(shell, '关窗前最后输入的一句');
      expect(await evaluate(shell, `document.querySelector('[aria-label="函件正文"]').textContent.includes('关窗前最后输入的一句')`)).toBe(true);
      const { data: typed } = (await shell.cdp.send('Page.captureScreenshot', { format: 'png' }, shell.pageSession)) as { data: string };
      fs.writeFileSync(path.join(artifacts, 'browser-shell-letter.png'), Buffer.from(typed, 'base64'));
      expect(await evaluate(shell, `document.querySelector('[data-testid=save-status]').textContent`)).not.toBe('已保存');
      expect(listeningSockets([...processTree(shell.browserPid), process.pid])).toEqual([]);

      // Closed at once, before the autosave: the page saves first, then the window goes.
      await shell.closeWindow();
      const db = new Database(path.join(dataDir, 'letterdesk.sqlite'), { readonly: true });
      try {
        const rows = db.prepare('SELECT title, doc_json FROM letters').all() as { title: string; doc_json: string }[];
        expect(rows.map((r) => r.title)).toEqual(['烟雾测试函']);
        expect(rows[0]!.doc_json).toContain('关窗前最后输入的一句');
      } finally {
        db.close();
      }
    } finally {
      tmp.cleanup();
    }
  }, 90_000);

  it('print, headed: the print page opens in a window of its own with the browser’s print preview; closing that window ends the call', async () => {
    const tmp = makeTempDir('letterdesk-shell-');
    const shell = await startShell({ browser, dataDir: path.join(tmp.dir, 'data'), rendererDir, resourcesDir: path.join(root, 'resources'), appVersion: 'test', isRoot, env: display.env });
    try {
      const letter = await evaluate<{ value: { id: number } }>(shell, `letterdesk.invoke('lettersCreate', [{ title: '打印预览函' }])`);
      await evaluate(shell, `(globalThis.__printed = letterdesk.invoke('lettersPrint', [{ id: ${letter.value.id} }]), true)`);
      const pages = async () => ((await shell.cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] }).targetInfos.filter((t) => t.type === 'page');
      await expect.poll(async () => (await pages()).some((t) => t.url.startsWith('chrome://print')), { timeout: 20_000 }).toBe(true);
      expect((await pages()).some((t) => /__print\/[0-9a-f]{32}$/.test(t.url))).toBe(true);
      expect(await evaluate(shell, `Promise.race([globalThis.__printed, new Promise((r) => setTimeout(() => r('waiting'), 300))])`)).toBe('waiting');
      const printWindow = (await pages()).find((t) => t.url.startsWith(`${APP_URL}__print/`))!;
      await shell.cdp.send('Target.closeTarget', { targetId: printWindow.targetId });
      expect(await evaluate(shell, `globalThis.__printed`)).toEqual({ ok: true, value: { printed: true } });
    } finally {
      await shell.quit();
      tmp.cleanup();
    }
  }, 60_000);

  it('npm start -- --browser: one line says which shell and why; a second start is answered by the first; SIGTERM quits cleanly', async () => {
    const built = path.join(root, 'out', 'browser-shell', 'index.cjs');
    if (!fs.existsSync(built)) throw new Error('out/browser-shell is missing: run `npm run build` first');
    const tmp = makeTempDir('letterdesk-start-');
    const dataDir = path.join(tmp.dir, 'data');
    const run = (args: string[]): { child: ChildProcess; out: () => string; err: () => string } => {
      const child = spawn(process.execPath, [path.join(root, 'build/scripts/start.mjs'), '--browser', '--data-dir', dataDir, ...args], { env: display.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
      return { child, out: () => out, err: () => err };
    };
    const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
    try {
      const first = run([]);
      await expect.poll(first.out, { timeout: 30_000 }).toMatch(/Letterdesk is open in a Chromium window/);
      const lines = first.out().trim().split('\n');
      expect(lines[0]).toBe('letterdesk: 按 --browser 以浏览器窗口启动。Starting in a browser window: --browser was given.');
      expect(lines).toHaveLength(2);
      expect(first.err()).toBe('');
      expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
      expect(spawnSync('xwininfo', ['-root', '-tree'], { env: display.env, encoding: 'utf8' }).stdout).toContain('函件台 Letterdesk');
      expect(listeningSockets(processTree(first.child.pid!))).toEqual([]);

      const second = run([]);
      expect(await exited(second.child)).toBe(0);
      expect(second.out()).toMatch(/已在运行.*already running for this data folder \(pid \d+\)/);

      first.child.kill('SIGTERM');
      expect(await exited(first.child)).toBe(0);
      expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'letterdesk.sqlite'))).toBe(true);
    } finally {
      tmp.cleanup();
    }
  }, 90_000);
});

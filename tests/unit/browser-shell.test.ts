/**
 * The browser shell's pure parts (issue 16): finding a browser on Linux and Windows, the one-line
 * start failures, the single-instance lock, the files it serves (and refuses) with the Electron
 * shell's CSP, and the file dialog's decisions on a real folder. The shell with a real browser is
 * tested in browser-shell-smoke.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ORIGIN, PRINT_CSP, appResponse } from '../../electron/browser-shell/app-files';
import { browserCandidates, findBrowser } from '../../electron/browser-shell/discover';
import { browserFailed, hasDisplay, looksLikeNoDisplay, noBrowser, noDisplay, oneLine } from '../../electron/browser-shell/failures';
import { createFileDialogs, listFolder, type DialogListing, type DialogRequest } from '../../electron/browser-shell/file-dialog';
import { LOCK_FILE, RAISE_FILE, acquireInstanceLock } from '../../electron/browser-shell/instance-lock';
import { main } from '../../electron/browser-shell/index';
import { browserArgs } from '../../electron/browser-shell/shell';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { makeTempDir } from '../helpers/temp-dir';

const root = path.resolve(__dirname, '../..');

const temps: { cleanup: () => void }[] = [];
const temp = (prefix: string) => {
  const t = makeTempDir(prefix);
  temps.push(t);
  return t.dir;
};
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('browser discovery', () => {
  it('LETTERDESK_CHROMIUM wins over every installed browser', () => {
    const found = findBrowser({ env: { LETTERDESK_CHROMIUM: ' /opt/my/chrome ' }, platform: 'linux', exists: () => true });
    expect(found).toEqual({ path: '/opt/my/chrome', name: 'chrome', source: 'env' });
  });

  it('Linux: Chromium in /usr/bin first, then Chrome, then Edge; the PATH is searched too', () => {
    const only = (files: string[]) => (f: string) => files.includes(f);
    expect(findBrowser({ env: {}, platform: 'linux', exists: only(['/usr/bin/chromium', '/usr/bin/google-chrome']) })).toEqual({ path: '/usr/bin/chromium', name: 'Chromium', source: 'installed' });
    expect(findBrowser({ env: {}, platform: 'linux', exists: only(['/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge']) })?.name).toBe('Google Chrome');
    expect(findBrowser({ env: {}, platform: 'linux', exists: only(['/usr/bin/microsoft-edge-stable']) })).toEqual({ path: '/usr/bin/microsoft-edge-stable', name: 'Microsoft Edge', source: 'installed' });
    expect(findBrowser({ env: {}, platform: 'linux', exists: only(['/snap/bin/chromium']) })?.path).toBe('/snap/bin/chromium');
    expect(findBrowser({ env: {}, platform: 'linux', exists: only(['/opt/google/chrome/chrome']) })?.path).toBe('/opt/google/chrome/chrome');
    expect(findBrowser({ env: { PATH: '/home/u/bin:/usr/bin' }, platform: 'linux', exists: only(['/home/u/bin/chromium-browser']) })?.path).toBe('/home/u/bin/chromium-browser');
    expect(findBrowser({ env: {}, platform: 'linux', exists: () => false })).toBeNull();
  });

  it('Windows: Chrome, Chromium or Edge under Program Files, Program Files (x86) or the user folder', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\wang\\AppData\\Local' };
    const only = (files: string[]) => (f: string) => files.includes(f);
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ env, platform: 'win32', exists: only([edge]) })).toEqual({ path: edge, name: 'Microsoft Edge', source: 'installed' });
    const userChrome = 'C:\\Users\\wang\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ env, platform: 'win32', exists: only([edge, userChrome]) })?.path).toBe(userChrome);
    expect(findBrowser({ env, platform: 'win32', exists: () => false })).toBeNull();
    // Only Windows paths are looked at on Windows, and only existing roots.
    const candidates = browserCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32').map((c) => c.path);
    expect(candidates).toEqual([
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    ]);
  });

  it('finds this machine’s Chromium by the real file system', () => {
    if (!fs.existsSync('/usr/bin/chromium')) {
      if (process.env['CI']) throw new Error('Chromium is required under CI=true (apt-get install -y chromium)');
      return;
    }
    expect(findBrowser({ env: {}, platform: 'linux' })?.path).toBe('/usr/bin/chromium');
  });
});

describe('one-line failures', () => {
  it('each says what is missing and what to do, in Chinese then English, on one line', () => {
    for (const failure of [noBrowser('linux'), noBrowser('win32'), noDisplay(), noDisplay(':57'), browserFailed('Chromium', 'line 1\nline 2\n  at x (y.js:1:1)')]) {
      expect(failure.message).not.toContain('\n');
      expect(failure.message).toMatch(/^函件台无法启动/);
      expect(failure.message).toMatch(/Letterdesk cannot start/);
    }
    expect(noBrowser('linux').message).toContain('apt-get install chromium');
    expect(noBrowser('linux').message).toContain('LETTERDESK_CHROMIUM');
    expect(noBrowser('win32').message).toContain('Microsoft Edge');
    expect(noDisplay().message).toContain('xvfb-run');
    expect(noDisplay(':57').message).toContain('无法连接显示 :57');
    expect(noDisplay(':57').message).toContain('the display :57 cannot be reached');
    expect(oneLine(new Error('boom\n    at foo (bar.js:1:2)'))).not.toContain('\n');
  });

  it('knows when there is no display', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
    expect(looksLikeNoDisplay('[123:ERROR:ozone_platform_x11.cc] Missing X server or $DISPLAY')).toBe(true);
    expect(looksLikeNoDisplay('some other failure')).toBe(false);
  });

  it('the entry point prints exactly one line and exits 1 when no browser is found, or there is no display', async () => {
    const lines: string[] = [];
    const base = { argv: [], out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), exists: () => false };
    expect(await main({ ...base, env: { DISPLAY: ':0' }, platform: 'linux' })).toBe(1);
    expect(lines).toEqual([noBrowser('linux').message]);
    lines.length = 0;
    expect(await main({ ...base, env: { LETTERDESK_CHROMIUM: '/nowhere/chrome', DISPLAY: ':0' }, platform: 'linux' })).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('/nowhere/chrome');
    lines.length = 0;
    expect(await main({ ...base, env: {}, platform: 'linux', exists: (f) => f === '/usr/bin/chromium' })).toBe(1);
    expect(lines).toEqual([noDisplay().message]);
  });

  it('the built shell run by node says so in one line on stderr, no stack trace', () => {
    const built = path.resolve(__dirname, '../../out/browser-shell/index.cjs');
    if (!fs.existsSync(built)) throw new Error('out/browser-shell/index.cjs is missing: run `npm run build` first');
    const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [built, '--data-dir', temp('letterdesk-shell-')], { env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env }, encoding: 'utf8' });
    const noBrowserRun = run({ LETTERDESK_CHROMIUM: '/nowhere/chromium', DISPLAY: ':99' });
    expect(noBrowserRun.status).toBe(1);
    expect(noBrowserRun.stdout).toBe('');
    expect(noBrowserRun.stderr.trim().split('\n')).toHaveLength(1);
    expect(noBrowserRun.stderr).toContain('LETTERDESK_CHROMIUM');
    expect(noBrowserRun.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    const noDisplayRun = run({ LETTERDESK_CHROMIUM: process.execPath });
    expect(noDisplayRun.status).toBe(1);
    expect(noDisplayRun.stderr.trim()).toBe(noDisplay().message);
    // A display that is set but cannot be reached: the browser says so and the shell says it in one line.
    if (fs.existsSync('/usr/bin/chromium')) {
      const unreachable = run({ LETTERDESK_CHROMIUM: '/usr/bin/chromium', DISPLAY: ':97' });
      expect(unreachable.status).toBe(1);
      expect(unreachable.stderr.trim()).toBe(noDisplay(':97').message);
    } else if (process.env['CI']) throw new Error('Chromium is required under CI=true (apt-get install -y chromium)');
  });
});

describe('browser flags', () => {
  it('a profile of its own, the DevTools pipe, no extensions or background networking; no sandbox only for root', () => {
    const args = browserArgs({ profileDir: '/data/browser-profile', headless: false, isRoot: false, windowSize: { width: 1280, height: 860 } });
    for (const flag of ['--remote-debugging-pipe', '--user-data-dir=/data/browser-profile', '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu', '--deny-permission-prompts'])
      expect(args).toContain(flag);
    expect(args.some((a) => a.startsWith('--app='))).toBe(true);
    expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
    expect(args).not.toContain('--no-sandbox');
    expect(args).not.toContain('--headless');
    expect(browserArgs({ profileDir: '/p', headless: true, isRoot: true, windowSize: { width: 1, height: 1 } })).toEqual(expect.arrayContaining(['--no-sandbox', '--headless']));
  });

  it('the DevTools port is for the end-to-end tests only: on loopback, and never asked for by npm start', () => {
    const production = browserArgs({ profileDir: '/p', headless: true, isRoot: false, windowSize: { width: 1, height: 1 }, testDebugPort: false });
    expect(production.filter((a) => a.startsWith('--remote-debugging-'))).toEqual(['--remote-debugging-pipe']);
    const forTests = browserArgs({ profileDir: '/p', headless: true, isRoot: false, windowSize: { width: 1, height: 1 }, testDebugPort: true });
    expect(forTests.filter((a) => a.startsWith('--remote-debugging-'))).toEqual(['--remote-debugging-pipe', '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1']);
    // Only the shell itself knows the option; npm start's entry (index.ts) and every other shipped file never set it.
    const shipped = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? shipped(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const mentioning = shipped(path.join(root, 'electron'))
      .filter((f) => /\.(ts|cjs|mjs|js)$/.test(f) && /testDebugPort|remote-debugging-port/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(mentioning).toEqual([path.join('electron', 'browser-shell', 'shell.ts')]);
    expect(fs.readFileSync(path.join(root, 'build/scripts/start.mjs'), 'utf8')).not.toMatch(/testDebugPort|remote-debugging-port/);
    // Nor does it turn off the backup timers (only the end-to-end tests do).
    expect(fs.readFileSync(path.join(root, 'electron/browser-shell/index.ts'), 'utf8')).not.toMatch(/autoBackup/);
  });
});

describe('single instance per data folder', () => {
  it('a second start is refused with the first one’s pid and asks it to come forward; a stale lock is taken over', async () => {
    const dir = temp('letterdesk-lock-');
    const first = acquireInstanceLock(dir);
    expect(first.acquired).toBe(true);
    if (!first.acquired) return;
    let raised = 0;
    const stop = first.lock.watchRaise(() => raised++);
    // Another process (another pid) asks: refused, told who runs.
    const second = acquireInstanceLock(dir, process.pid + 1);
    expect(second).toEqual({ acquired: false, pid: process.pid });
    await expect.poll(() => raised, { timeout: 3000 }).toBe(1);
    stop();
    first.lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    // A lock left by a process that is gone is taken over.
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const third = acquireInstanceLock(dir);
    expect(third.acquired).toBe(true);
    if (third.acquired) third.lock.release();
    expect(fs.existsSync(path.join(dir, RAISE_FILE))).toBe(true);
  });
});

describe('the files the shell serves', () => {
  it('serves out/renderer from the app origin with the Electron shell’s CSP and refuses everything else', () => {
    const dir = temp('letterdesk-renderer-');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), 'secret');
    const index = appResponse(dir, `${APP_ORIGIN}/`)!;
    expect(index.status).toBe(200);
    expect(index.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(index.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(appResponse(dir, `${APP_ORIGIN}/assets/app.js`)!.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(appResponse(dir, `${APP_ORIGIN}/assets/app.js?v=1`)?.body.toString()).toBe('console.log(1)');
    for (const url of [
      'https://example.com/',
      'http://letterdesk.invalid/',
      `${APP_ORIGIN}/missing.js`,
      `${APP_ORIGIN}/assets`,
      `${APP_ORIGIN}/..%2f${path.basename(dir)}-secret.txt`,
      `${APP_ORIGIN}/%2e%2e/${path.basename(dir)}-secret.txt`,
      `${APP_ORIGIN}/__print/unknown`,
      'file:///etc/passwd',
      'data:text/html,x',
    ])
      expect(appResponse(dir, url), url).toBeNull();
    fs.rmSync(path.join(dir, '..', `${path.basename(dir)}-secret.txt`));
    const print = appResponse(dir, `${APP_ORIGIN}/__print/tok`, new Map([['tok', '<p>letter</p>']]))!;
    expect(print.body.toString()).toBe('<p>letter</p>');
    expect(print.headers['Content-Security-Policy']).toBe(PRINT_CSP);
    expect(PRINT_CSP).not.toContain('script-src');
    // The icon the browser asks for unprompted: nothing, and no error in the page's console.
    const icon = appResponse(dir, `${APP_ORIGIN}/favicon.ico`)!;
    expect([icon.status, icon.body.length, icon.headers['Content-Security-Policy']]).toEqual([204, 0, CONTENT_SECURITY_POLICY]);
    expect(appResponse(dir, 'https://example.com/favicon.ico')).toBeNull();
  });

  it('the CSP the shell sends is the one in the built page’s meta tag (plus frame-ancestors, which a meta tag cannot carry)', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
    expect(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')).toBe(meta);
  });
});

describe('the in-app file dialog', () => {
  function fakeView() {
    const shown: DialogListing[] = [];
    const opened: DialogRequest[] = [];
    let closed = 0;
    return {
      shown,
      opened,
      closed: () => closed,
      view: {
        open: async (r: DialogRequest) => void opened.push(r),
        show: async (l: DialogListing) => void shown.push(l),
        close: async () => void closed++,
      },
    };
  }

  it('lists folders first, then the files the filters take; hidden files are left out', () => {
    const dir = temp('letterdesk-dialog-');
    fs.mkdirSync(path.join(dir, '函件'));
    fs.mkdirSync(path.join(dir, '.hidden'));
    fs.writeFileSync(path.join(dir, 'b.docx'), '');
    fs.writeFileSync(path.join(dir, 'a.DOCX'), '');
    fs.writeFileSync(path.join(dir, 'c.pdf'), '');
    expect(listFolder(dir, [{ name: 'Word', extensions: ['docx'] }])).toEqual([
      { name: '函件', dir: true },
      { name: 'a.DOCX', dir: false },
      { name: 'b.docx', dir: false },
    ]);
    expect(listFolder(dir, [{ name: 'All', extensions: ['*'] }]).map((e) => e.name)).toEqual(['函件', 'a.DOCX', 'b.docx', 'c.pdf']);
  });

  it('saving: the suggested name, into a folder the user goes to, the extension added, replacing only after a second press', async () => {
    const dir = temp('letterdesk-dialog-');
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'out', 'old.docx'), 'old');
    const v = fakeView();
    const dialogs = createFileDialogs(v.view, { startDir: dir });
    const answer = dialogs.port.saveFile({ defaultName: '承诺书.docx', filters: [{ name: 'Word', extensions: ['docx'] }] });
    await expect.poll(() => v.shown.length).toBe(1);
    expect(v.opened[0]).toMatchObject({ mode: 'save', dir, name: '承诺书.docx' });
    const id = v.opened[0]!.id;
    await dialogs.handle({ id, op: 'list', dir, name: 'out' });
    expect(v.shown.at(-1)).toMatchObject({ dir: path.join(dir, 'out'), entries: [{ name: 'old.docx', dir: false }] });
    await dialogs.handle({ id, op: 'choose', dir: path.join(dir, 'out'), name: 'old' });
    expect(v.shown.at(-1)!.message).toMatch(/已存在/);
    await dialogs.handle({ id, op: 'choose', dir: path.join(dir, 'out'), name: 'old' });
    expect(await answer).toBe(path.join(dir, 'out', 'old.docx'));
    expect(v.closed()).toBe(1);
    // The next dialog starts where the last one saved; a whole path typed in the box is taken as it is.
    const next = dialogs.port.saveFile({ defaultName: 'x.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });
    await expect.poll(() => v.opened.length).toBe(2);
    expect(v.opened[1]!.dir).toBe(path.join(dir, 'out'));
    await dialogs.handle({ id: v.opened[1]!.id, op: 'choose', dir: path.join(dir, 'out'), name: path.join(dir, 'report') });
    expect(await next).toBe(path.join(dir, 'report.csv'));
    // A folder that does not exist is said, not created.
    const third = dialogs.port.saveFile({ defaultName: 'x.csv' });
    await expect.poll(() => v.opened.length).toBe(3);
    await dialogs.handle({ id: v.opened[2]!.id, op: 'choose', dir, name: 'nope/x.csv' });
    expect(v.shown.at(-1)!.message).toMatch(/文件夹不存在/);
    await dialogs.handle({ id: v.opened[2]!.id, op: 'cancel' });
    expect(await third).toBeNull();
  });

  it('opening: only an existing file the filters take; a stale message id is ignored', async () => {
    const dir = temp('letterdesk-dialog-');
    fs.writeFileSync(path.join(dir, 'scan.pdf'), '%PDF');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    const v = fakeView();
    const dialogs = createFileDialogs(v.view, { startDir: dir });
    const answer = dialogs.port.openFile({ filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    await expect.poll(() => v.shown.length).toBe(1);
    const id = v.opened[0]!.id;
    expect(v.shown[0]!.entries).toEqual([{ name: 'scan.pdf', dir: false }]);
    await dialogs.handle({ id: id + 100, op: 'choose', dir, name: 'scan.pdf' });
    await dialogs.handle({ id, op: 'choose', dir, name: 'missing.pdf' });
    expect(v.shown.at(-1)!.message).toMatch(/文件不存在/);
    await dialogs.handle({ id, op: 'choose', dir, name: 'notes.txt' });
    expect(v.shown.at(-1)!.message).toMatch(/\.pdf/);
    await dialogs.handle({ id, op: 'choose', dir, name: 'scan.pdf' });
    expect(await answer).toBe(path.join(dir, 'scan.pdf'));
  });
});

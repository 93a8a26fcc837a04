/**
 * Boots electron/main/index.ts against a stubbed `electron` module: the real core opens a
 * real SQLite file; only Electron's objects are fakes that record what main asked of them.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../electron/shared/api';
import { channelOf } from '../../../electron/shared/bridge';
import { makeTempDir } from '../../helpers/temp-dir';

const stub = vi.hoisted(() => ({ current: null as null | ReturnType<typeof makeElectronStub> }));

function makeElectronStub(opts: { gotLock: boolean }) {
  const appEvents = new EventEmitter();
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const windows: BrowserWindow[] = [];
  class BrowserWindow extends EventEmitter {
    webContents: { id: number; mainFrame: { url: string }; send: ReturnType<typeof vi.fn> };
    loaded: string[] = [];
    focus = vi.fn();
    constructor(public options: Record<string, unknown>) {
      super();
      this.webContents = { id: 11, mainFrame: { url: '' }, send: vi.fn() };
      windows.push(this);
    }
    loadFile(file: string) {
      this.loaded.push(file);
      this.webContents.mainFrame.url = `file://${file}`;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded.push(url);
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    destroy() {}
    restore() {}
    show() {}
  }
  const menuTemplates: unknown[] = [];
  const schemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  return {
    appEvents,
    resolveReady,
    handlers,
    windows,
    menuTemplates,
    schemes,
    protocolHandlers,
    module: {
      protocol: {
        registerSchemesAsPrivileged: (s: typeof schemes) => schemes.push(...s),
        handle: (scheme: string, h: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, h),
      },
      app: Object.assign(appEvents, {
        isPackaged: false,
        setName: vi.fn(),
        enableSandbox: vi.fn(),
        requestSingleInstanceLock: () => opts.gotLock,
        quit: vi.fn(),
        exit: vi.fn(),
        whenReady: () => ready,
        getPath: () => '/nonexistent-userdata',
        getAppPath: () => process.cwd(),
        getVersion: () => '0.1.0-test',
      }),
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, h: (...args: unknown[]) => Promise<unknown>) => handlers.set(channel, h),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (t: unknown) => (menuTemplates.push(t), t) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
        },
      },
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
      shell: { openPath: vi.fn() },
    },
  };
}

// Each getter reads the stub of the current test, so vi.resetModules() + a new stub re-boots main.
vi.mock('electron', () => {
  const m = () => stub.current!.module;
  return {
    get app() { return m().app; },
    get BrowserWindow() { return m().BrowserWindow; },
    get ipcMain() { return m().ipcMain; },
    get Menu() { return m().Menu; },
    get session() { return m().session; },
    get dialog() { return m().dialog; },
    get shell() { return m().shell; },
    get protocol() { return m().protocol; },
  };
});

let cleanup: () => void;
beforeEach(() => {
  vi.resetModules();
  const t = makeTempDir();
  cleanup = t.cleanup;
  vi.stubEnv('LETTERDESK_DATA_DIR', t.dir);
});
afterEach(() => {
  stub.current?.appEvents.emit('will-quit');
  vi.unstubAllEnvs();
  cleanup();
});

async function boot(gotLock = true) {
  stub.current = makeElectronStub({ gotLock });
  await import('../../../electron/main/index');
  stub.current.resolveReady();
  await new Promise((r) => setTimeout(r, 20));
  return stub.current;
}

describe('main process boot', () => {
  it('opens one sandboxed, isolated window and registers every API channel', async () => {
    const e = await boot();
    expect(e.module.app.enableSandbox).toHaveBeenCalled();
    expect(e.windows).toHaveLength(1);
    const prefs = e.windows[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.js$/);
    expect([...e.handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
    expect(e.module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(e.module.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
  });

  it('loads the page from app://letterdesk/ (never file:), served from out/renderer with the CSP', async () => {
    const e = await boot();
    expect(e.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) })]);
    expect(e.windows[0]!.loaded).toEqual(['app://letterdesk/index.html']);
    const serve = e.protocolHandlers.get('app')!;
    // main's __dirname is electron/main here, so the renderer folder is electron/renderer: absent.
    const missing = await serve(new Request('app://letterdesk/index.html'));
    expect(missing.status).toBe(404);
    expect((await serve(new Request('app://letterdesk/../../package.json'))).status).toBe(404);
  });

  it('answers calls from its own window through the real core, refuses others', async () => {
    const e = await boot();
    const win = e.windows[0]!;
    const own = { sender: { id: win.webContents.id }, senderFrame: win.webContents.mainFrame };
    const create = e.handlers.get(channelOf('lettersCreate'))!;
    expect(await create(own, { title: '经办承诺书' })).toMatchObject({ ok: true, value: { title: '经办承诺书' } });
    expect(await create({ sender: { id: 99 }, senderFrame: { url: 'https://evil.example' } }, { title: 'x' })).toMatchObject({
      ok: false,
      code: 'forbidden-sender',
    });
    const list = await e.handlers.get(channelOf('lettersList'))!(own, {});
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('builds the Chinese menu 文件/编辑/视图/帮助 with the usual shortcuts', async () => {
    const e = await boot();
    const template = e.menuTemplates[0] as { label: string; submenu: { label?: string; accelerator?: string }[] }[];
    expect(template.map((m) => m.label.replace(/\(&\w\)/, ''))).toEqual(['文件', '编辑', '视图', '帮助']);
    const items = template.flatMap((m) => m.submenu);
    expect(items).toContainEqual(expect.objectContaining({ label: '新建函件', accelerator: 'CmdOrCtrl+N' }));
    expect(items).toContainEqual(expect.objectContaining({ label: '查找', accelerator: 'CmdOrCtrl+F' }));
    expect(items.filter((i) => i.label === '撤销' || i.label === '粘贴')).toHaveLength(2);
  });

  it('the menu has 复制函件 (Ctrl+D) and 最近打开 (Alt+R), the page\'s own shortcuts, sent through the command channel', async () => {
    const e = await boot();
    const template = e.menuTemplates[0] as { submenu: { label?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void }[] }[];
    const items = template.flatMap((m) => m.submenu);
    const win = e.windows[0]!;
    for (const [label, accelerator, command] of [
      ['复制函件', 'CmdOrCtrl+D', 'copy-letter'],
      ['最近打开', 'Alt+R', 'recent-letters'],
    ] as const) {
      const item = items.find((i) => i.label === label);
      expect(item).toMatchObject({ accelerator, registerAccelerator: false });
      item!.click!();
      expect(win.webContents.send).toHaveBeenLastCalledWith('letterdesk:command', command);
    }
  });

  it('a second instance quits at once and opens nothing', async () => {
    const e = await boot(false);
    expect(e.module.app.quit).toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
    expect(e.handlers.size).toBe(0);
  });

  it('closing the window first asks the page to save its pending draft', async () => {
    const e = await boot();
    const win = e.windows[0]!;
    const preventDefault = vi.fn();
    win.emit('close', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledWith('letterdesk:command', 'before-close');
    // The page's window.close() comes back as a second close, which is let through.
    const second = vi.fn();
    win.emit('close', { preventDefault: second });
    expect(second).not.toHaveBeenCalled();
  });

  it('a second start focuses the existing window', async () => {
    const e = await boot();
    const win = e.windows[0]!;
    e.appEvents.emit('second-instance');
    expect(win.focus).toHaveBeenCalled();
  });
});

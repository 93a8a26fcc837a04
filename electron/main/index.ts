/** Boot order only. Each concern lives in its own module. */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { openCore, type Core } from '../core/create-api';
import { LetterdeskError } from '../shared/errors';
import { MENU_COMMAND_CHANNEL } from '../shared/menu-commands';
import { resolveDataDir } from './data-dir';
import { electronDialogs } from './dialogs';
import { electronPdf, electronPrinter } from './print';
import { makeSenderCheck, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { makeAppUrlCheck, secureContents, secureSession } from './security';
import { APP_INDEX_URL, handleAppProtocol, registerAppScheme } from './app-protocol';
import { mainWindowOptions } from './window-options';

const log = (message: string) => console.log(`[letterdesk] ${message}`);
const rendererRoot = path.join(__dirname, '../renderer');
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const isAppUrl = makeAppUrlCheck(devServerUrl);

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

// A plain ASCII app name keeps userData at …/Letterdesk on every OS (the CLI reads the same folder).
app.setName('Letterdesk');
app.enableSandbox();
// app://letterdesk/ serves out/renderer (app-protocol.ts); the scheme must be known before ready.
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => secureContents(contents, log));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  app.whenReady().then(start, (err) => fatal(err));
}

function start(): void {
  secureSession(session.defaultSession, isAppUrl, log);
  handleAppProtocol(protocol, rendererRoot, log);
  const dataDir = resolveDataDir({ isPackaged: app.isPackaged, userData: app.getPath('userData'), env: process.env });
  try {
    core = openCore({
      dataDir,
      resourcesDir: path.join(app.getAppPath(), 'resources'),
      appVersion: app.getVersion(),
      dialogs: electronDialogs(() => mainWindow),
      pdf: electronPdf,
      printer: electronPrinter,
      // A damaged database is moved aside and the window opens on the recovery screen; backups
      // run at start (once a day) and every 30 minutes while there were changes (issue 11).
      recoverDamaged: true,
      autoBackup: true,
    });
  } catch (err) {
    fatal(err, dataDir);
    return;
  }
  registerIpc(ipcMain, core.dispatch, makeSenderCheck(() => mainWindow?.webContents ?? null, isAppUrl), log);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        send: (command) => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command),
        about: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: '关于函件台',
            message: `函件台 Letterdesk ${app.getVersion()}`,
            detail: `数据文件夹 Data folder:\n${dataDir}`,
          }),
        openDataFolder: () => void shell.openPath(dataDir),
        quit: () => app.quit(),
        isDev: !app.isPackaged,
      }),
    ),
  );
  mainWindow = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.js')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  // Closing waits (up to 3 s) for the page to save its pending draft; nothing typed is lost.
  let closing = false;
  mainWindow.on('close', (event) => {
    if (closing || !mainWindow) return;
    closing = true;
    event.preventDefault();
    mainWindow.webContents.send(MENU_COMMAND_CHANNEL, 'before-close');
    setTimeout(() => mainWindow?.destroy(), 3000);
  });
  if (devServerUrl) void mainWindow.loadURL(devServerUrl);
  else void mainWindow.loadURL(APP_INDEX_URL);
}

/** A start-up failure the user can act on (damaged or newer database, unwritable folder). */
function fatal(err: unknown, dataDir?: string): void {
  const code = err instanceof LetterdeskError ? err.code : 'internal';
  const reasons: Record<string, string> = {
    'db-newer-than-app': '数据库由更新版本的函件台创建，请升级本程序。The database was written by a newer Letterdesk; please update.',
    'db-corrupt': '数据库文件已损坏。请从备份恢复（数据文件夹中的 backups）。The database file is damaged; restore it from a backup (backups in the data folder).',
    'db-empty': '数据文件 letterdesk.sqlite 是空文件，不是函件台数据库；函件台没有改动它。请移走它或从备份恢复。The data file is empty, not a Letterdesk database; it was left as it is. Move it away or restore a backup.',
    'db-not-letterdesk': '数据文件 letterdesk.sqlite 是其他程序的数据库；函件台没有改动它。请移走它。The data file belongs to another program; it was left as it is. Move it away.',
    'db-busy': '数据库被另一个程序锁定（可能是另一个函件台、杀毒软件或备份软件）；函件台没有改动它。请关闭该程序后重试。The database is locked by another program (another Letterdesk, an antivirus or backup tool); it was left as it is. Close that program and try again.',
    'read-only': '数据文件夹不可写；函件台没有改动任何文件。The data folder is not writable; nothing was changed.',
    'disk-full': '磁盘已满。The disk is full.',
  };
  const reason = reasons[code] ?? '启动失败。Letterdesk could not start.';
  dialog.showErrorBox('函件台无法启动', `${reason}\n\n${dataDir ?? ''}\n${err instanceof Error ? err.message : String(err)}`);
  app.exit(1);
}

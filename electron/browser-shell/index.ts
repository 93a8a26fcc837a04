/**
 * Entry point of the browser shell (`npm start` without Electron, or `npm start -- --browser`;
 * built to out/browser-shell/index.cjs, run with plain node). Finds a browser, takes the data
 * folder's single-instance lock, opens the window and waits until it is closed. Any failure to
 * start is one line on stderr and exit code 1; a second start for the same data folder brings the
 * first window forward, says so and exits 0.
 *
 * Options: --data-dir <folder> (else LETTERDESK_DATA_DIR, else the app's usual folder),
 * --headless (no window; tests and machines without a display).
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../cli/default-data-dir';
import { findBrowser } from './discover';
import { browserMissing, hasDisplay, noBrowser, noDisplay, oneLine } from './failures';
import { acquireInstanceLock, type InstanceLock } from './instance-lock';
import { startShell } from './shell';

export interface MainOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  out: (line: string) => void;
  err: (line: string) => void;
  exists?: (file: string) => boolean;
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** The project root: two folders up from out/browser-shell when built and from electron/browser-shell in sources. */
const projectRoot = path.resolve(__dirname, '../..');

function appVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Runs the shell until its window closes; resolves with the exit code. */
export async function main(options: MainOptions): Promise<number> {
  let lock: InstanceLock | null = null;
  try {
    const headless = options.argv.includes('--headless');
    const browser = findBrowser({ env: options.env, platform: options.platform, exists: options.exists });
    if (!browser) throw noBrowser(options.platform);
    if (browser.source === 'env' && !(options.exists ?? fs.existsSync)(browser.path)) throw browserMissing(browser.path);
    if (!headless && !hasDisplay(options.env, options.platform)) throw noDisplay();
    const dataDir = path.resolve(argValue(options.argv, '--data-dir') ?? defaultDataDir(options.env, options.platform));
    fs.mkdirSync(dataDir, { recursive: true });
    const taken = acquireInstanceLock(dataDir);
    if (!taken.acquired) {
      options.out(`函件台已在运行（进程 ${taken.pid}，数据文件夹 ${dataDir}），已请它把窗口提到前面。Letterdesk is already running for this data folder (pid ${taken.pid}); its window was asked to come forward.`);
      return 0;
    }
    lock = taken.lock;
    // Ctrl+C or SIGTERM while the window is still opening: quit as soon as it is open.
    let stopRequested = false;
    let quit = () => void (stopRequested = true);
    const onSignal = () => quit();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const shell = await startShell({
      browser,
      dataDir,
      rendererDir: path.join(projectRoot, 'out', 'renderer'),
      resourcesDir: path.join(projectRoot, 'resources'),
      appVersion: appVersion(),
      headless,
      isRoot: process.getuid?.() === 0,
      log: options.env['LETTERDESK_SHELL_LOG'] ? (m) => options.err(`[letterdesk] ${m}`) : undefined,
    });
    options.out(`函件台已在 ${browser.name} 窗口中打开（数据文件夹 ${dataDir}）。Letterdesk is open in a ${browser.name} window (browser pid ${shell.browserPid}, data folder ${dataDir}).`);
    const stopWatching = lock.watchRaise(() => void shell.raise());
    quit = () => void shell.quit();
    if (stopRequested) quit();
    await shell.done;
    stopWatching();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    return 0;
  } catch (err) {
    options.err(oneLine(err));
    return 1;
  } finally {
    lock?.release();
  }
}

if (require.main === module) {
  void main({
    argv: process.argv.slice(2),
    env: process.env,
    platform: process.platform,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then((code) => process.exit(code));
}

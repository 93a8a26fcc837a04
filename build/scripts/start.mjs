// `npm start` (after `npm run build`): the built app in Electron when its binary is here (or can be
// downloaded), else — or with `npm start -- --browser` — in the browser shell: an installed
// Chromium, Google Chrome or Microsoft Edge window bound to the same core (out/browser-shell).
// One line says which shell starts and why. Other arguments go to the shell.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const rest = args.filter((a) => a !== '--browser');

function electronBinary() {
  let electronDir;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { bin: null, reason: 'the electron package is not installed' };
  }
  const binaryPath = () => {
    const pathFile = path.join(electronDir, 'path.txt');
    const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : null;
    if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
    return rel ? path.join(electronDir, 'dist', rel) : null;
  };
  let bin = binaryPath();
  if (bin && fs.existsSync(bin)) return { bin, reason: "Electron's binary is installed" };
  // Electron downloads its binary on first use, not at install time; offline this fails within seconds.
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 60_000 });
  bin = binaryPath();
  if (result.status === 0 && bin && fs.existsSync(bin)) return { bin, reason: "Electron's binary was just downloaded" };
  return { bin: null, reason: "Electron's binary is not installed and could not be downloaded (no internet?)" };
}

function run(command, commandArgs, label) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
  child.on('error', (err) => {
    console.error(`letterdesk: ${label} 无法启动 could not start: ${err.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const browserShell = path.join(root, 'out', 'browser-shell', 'index.cjs');
if (!forceBrowser) {
  const { bin, reason } = electronBinary();
  if (bin) {
    console.log(`letterdesk: 以 Electron 启动（${reason}）。Starting in Electron: ${reason}.`);
    run(bin, ['.', ...rest], 'Electron');
  } else {
    console.log(`letterdesk: Electron 不可用，改用浏览器窗口启动。Starting in a browser window: ${reason}.`);
    run(process.execPath, [browserShell, ...rest], 'browser shell');
  }
} else {
  console.log('letterdesk: 按 --browser 以浏览器窗口启动。Starting in a browser window: --browser was given.');
  run(process.execPath, [browserShell, ...rest], 'browser shell');
}

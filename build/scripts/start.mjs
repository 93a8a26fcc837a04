// `npm start`: launch the built app in Electron. Where the Electron binary is missing and
// cannot be downloaded, say so in one line and exit non-zero (no stack trace).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

function binaryPath() {
  const pathFile = path.join(electronDir, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
  return rel ? path.join(electronDir, 'dist', rel) : null;
}

let bin = binaryPath();
if (!bin || !fs.existsSync(bin)) {
  // Electron 42 downloads its binary on first use, not at install time.
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 10 * 60_000 });
  bin = binaryPath();
  if (result.status !== 0 || !bin || !fs.existsSync(bin)) {
    console.error(
      'letterdesk: 无法启动 — Electron 程序文件不在本机且无法下载（需要联网）。Cannot start: the Electron binary is not installed and could not be downloaded; connect to the internet and run `npm start` again, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding Electron ' +
        require('electron/package.json').version +
        '.',
    );
    process.exit(1);
  }
}

const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

/**
 * What the browser shell says when it cannot start: one line, Chinese first then English, what is
 * missing and what to do — never a stack trace. `ShellFailure` carries it from anywhere in the
 * start-up to the entry point, which prints it and exits 1.
 */

export type FailureCode = 'no-browser' | 'no-display' | 'browser-failed' | 'browser-missing' | 'data-folder' | 'renderer-missing';

export class ShellFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'ShellFailure';
  }
}

export function noBrowser(platform: NodeJS.Platform): ShellFailure {
  const install =
    platform === 'win32'
      ? '请安装 Microsoft Edge 或 Google Chrome。Install Microsoft Edge or Google Chrome'
      : platform === 'darwin'
        ? '请安装 Google Chrome 或 Chromium。Install Google Chrome or Chromium'
        : '请安装 Chromium（Debian/Ubuntu: sudo apt-get install chromium）。Install Chromium (Debian/Ubuntu: sudo apt-get install chromium), Google Chrome or Microsoft Edge';
  return new ShellFailure(
    'no-browser',
    `函件台无法启动：本机未找到 Chromium、Google Chrome 或 Microsoft Edge。${install}, or set LETTERDESK_CHROMIUM to the browser's program file. Letterdesk cannot start: no Chromium, Google Chrome or Microsoft Edge was found.`,
  );
}

export function browserMissing(file: string): ShellFailure {
  return new ShellFailure('browser-missing', `函件台无法启动：LETTERDESK_CHROMIUM 指向的浏览器不存在（${file}）。Letterdesk cannot start: LETTERDESK_CHROMIUM names a browser that does not exist (${file}).`);
}

export function noDisplay(display?: string): ShellFailure {
  const why = display ? `无法连接显示 ${display}` : '没有图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY）';
  const whyEn = display ? `the display ${display} cannot be reached` : 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  return new ShellFailure(
    'no-display',
    `函件台无法启动：${why}。请在桌面会话中运行，或用 xvfb-run npm start（sudo apt-get install xvfb）；命令行 npx letterdesk 无需显示。Letterdesk cannot start: ${whyEn}; run it in a desktop session or under xvfb-run (apt-get install xvfb) — the command line, npx letterdesk, needs none.`,
  );
}

export function browserFailed(name: string, detail: string): ShellFailure {
  const last = detail.replace(/\s+/g, ' ').trim().slice(-300);
  return new ShellFailure('browser-failed', `函件台无法启动：${name} 启动后立即退出。Letterdesk cannot start: ${name} quit at once${last ? ` (${last})` : ''}.`);
}

export function rendererMissing(dir: string): ShellFailure {
  return new ShellFailure('renderer-missing', `函件台无法启动：界面文件不在 ${dir}，请先运行 npm run build。Letterdesk cannot start: the page files are missing from ${dir}; run npm run build first.`);
}

/** Whether Chromium's last words say it found no display. */
export function looksLikeNoDisplay(stderr: string): boolean {
  return /Missing X server or \$DISPLAY|cannot open display|Failed to connect to Wayland display|ozone_platform.*(x11|wayland).*fail/i.test(stderr);
}

/** Whether this platform needs DISPLAY or WAYLAND_DISPLAY for a window (Linux and the BSDs; not Windows or macOS). */
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return !!(env['DISPLAY']?.trim() || env['WAYLAND_DISPLAY']?.trim());
}

/** The one line for any start-up error: a ShellFailure's own text, anything else with its message only. */
export function oneLine(err: unknown): string {
  if (err instanceof ShellFailure) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `函件台无法启动。Letterdesk could not start: ${message.replace(/\s+/g, ' ').trim().slice(0, 400)}`;
}

import type { Session, WebContents } from 'electron';

/** Deny-by-default CSP; mirrored by the <meta> tag in renderer/index.html. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // ProseMirror and Svelte set style attributes; no remote styles are ever allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * True for URLs the app itself serves: app://letterdesk/… (app-protocol.ts; never file:), or
 * the dev server in development. A path that climbs or hides a climb is refused here already.
 */
/** The Content-Type of an app file by its extension (both shells serve out/renderer with these). */
const APP_FILE_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** `fileName`'s Content-Type; anything unknown is opaque bytes (and `nosniff` keeps it so). */
export function appFileType(fileName: string): string {
  // The extension of the last path segment only: a folder may have a dot in its name.
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return (dot >= 0 && APP_FILE_TYPES[base.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

export function makeAppUrlCheck(devServerUrl?: string) {
  return (url: string): boolean => {
    if (url.startsWith('devtools://')) return true;
    if (devServerUrl && url.startsWith(devServerUrl)) return true;
    try {
      const parsed = new URL(url);
      const raw = url.slice(url.indexOf('//') + 2);
      return (
        parsed.protocol === 'app:' &&
        parsed.host === 'letterdesk' &&
        !parsed.username &&
        !parsed.password &&
        !parsed.port &&
        !/\.\.|%2e|%2f|%5c|\\/i.test(raw)
      );
    } catch {
      return false;
    }
  };
}

type Log = (message: string) => void;

/** Session-wide rules: no permissions, no network, CSP on every response. */
export function secureSession(session: Session, isAppUrl: (url: string) => boolean, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission request refused: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url);
    if (!allowed) log(`request cancelled: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** Per-window rules: the page can never navigate away, open windows or attach webviews. */
export function secureContents(contents: WebContents, log: Log): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) {
      log(`navigation refused: ${url.slice(0, 200)}`);
      event.preventDefault();
    }
  });
  contents.on('will-redirect', (event, url) => {
    log(`redirect refused: ${url.slice(0, 200)}`);
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    log('webview refused');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`window.open refused: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

import fs from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { appFileType, CONTENT_SECURITY_POLICY } from './security';

/**
 * The app's own files under `app://letterdesk/…` instead of `file://` (Electron security
 * checklist #18, issue #11): a file: page may read any file: URL the OS lets it, and every
 * file: page shares one origin. Here the handler answers only for files inside the renderer
 * folder, with the CSP on every response; anything else is a 404.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'letterdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must run before the app is ready: a standard, secure scheme (own origin, secure context,
 * ES modules load), no fetch API and no service workers for it.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, corsEnabled: true, supportFetchAPI: false, allowServiceWorkers: false, bypassCSP: false, stream: false } },
  ]);
}

/**
 * The file inside `root` that `url` names, or null: another scheme or host, a path that leaves
 * the folder (also when percent-encoded), a NUL byte, a folder or a missing file.
 */
export function appFileFor(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password || parsed.port) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  if (!file.startsWith(base + path.sep)) return null;
  try {
    // Resolved again after symlinks: a link inside the folder may not point outside it.
    const real = fs.realpathSync(file);
    if (!real.startsWith(fs.realpathSync(base) + path.sep) || !fs.statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

/** The response for one request to the app scheme. */
export async function appResponse(root: string, url: string): Promise<Response> {
  const file = appFileFor(root, url);
  if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const body = await fs.promises.readFile(file);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': appFileType(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

/** Serves `root` under app://letterdesk/ (call once the app is ready). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string, log: (message: string) => void): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const res = await appResponse(root, request.url);
    if (res.status !== 200) log(`app file refused: ${request.url.slice(0, 200)}`);
    return res;
  });
}

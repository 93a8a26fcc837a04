/**
 * The app's files as the browser shell serves them: from one fixed origin that no network can
 * answer (`.invalid` is reserved, RFC 6761) and that is a secure context (https), every response
 * built here from out/renderer through DevTools request interception — there is no HTTP server.
 * Each response carries the Electron shell's CSP; anything else the page asks for is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appFileType, CONTENT_SECURITY_POLICY } from '../main/security';

export const APP_ORIGIN = 'https://letterdesk.invalid';
export const APP_URL = `${APP_ORIGIN}/`;
/** Print HTML is served under this path (one-off tokens), with a CSP that lets no script run. */
export const PRINT_PATH = '/__print/';
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

export { CONTENT_SECURITY_POLICY };

export type AppResponse = { status: number; headers: Record<string, string>; body: Buffer } | null;

/** Headers every app response carries. */
export function appHeaders(contentType: string, csp = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * The response for `url`, or null when the request is not the app's own file (then it is refused).
 * `/` is index.html; a path leaving the renderer folder, a folder, or a missing file is null.
 */
export function appResponse(rendererDir: string, url: string, printPages?: Map<string, string>): AppResponse {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== APP_ORIGIN) return null;
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // The browser asks for an icon unprompted; refusing it would put an error in the page's console.
  if (urlPath === '/favicon.ico') return { status: 204, headers: appHeaders('image/x-icon'), body: Buffer.alloc(0) };
  if (urlPath.startsWith(PRINT_PATH)) {
    const html = printPages?.get(urlPath.slice(PRINT_PATH.length));
    return html === undefined ? null : { status: 200, headers: appHeaders(appFileType('.html'), PRINT_CSP), body: Buffer.from(html, 'utf8') };
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + (urlPath === '/' ? '/index.html' : urlPath));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return null;
  return { status: 200, headers: appHeaders(appFileType(file)), body: fs.readFileSync(file) };
}

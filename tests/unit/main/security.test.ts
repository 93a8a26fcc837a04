import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options';
import { appFileType, CONTENT_SECURITY_POLICY, makeAppUrlCheck, secureContents, secureSession } from '../../../electron/main/security';
import type { Session, WebContents } from 'electron';

const appRoot = '/opt/letterdesk/resources/app.asar/out/renderer';
const isAppUrl = makeAppUrlCheck();

describe('main window security settings', () => {
  it('isolates the page: contextIsolation, sandbox, no Node anywhere, no webview', () => {
    const prefs = mainWindowOptions('/x/preload/index.js').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload/index.js',
    });
  });

  it('CSP denies by default, allows only own scripts and no connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('app URL check', () => {
  it.each([
    ['app://letterdesk/index.html', true],
    ['app://letterdesk/assets/index-abc.js', true],
    ['devtools://devtools/bundled/inspector.html', true],
    // The app is loaded from app:// only (issue #11): its own files by file: URL are refused too.
    [`file://${appRoot}/index.html`, false],
    ['file:///etc/passwd', false],
    ['app://letterdesk/../../../etc/passwd', false],
    ['app://letterdesk/%2e%2e/%2e%2e/etc/passwd', false],
    ['app://letterdesk/a\\..\\b', false],
    ['app://evil/index.html', false],
    ['app://letterdesk:80/index.html', false],
    ['app://user@letterdesk/index.html', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:8080/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAppUrl(url)).toBe(allowed);
  });
});

function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (h: never) => (handlers['permission'] = h),
    setPermissionCheckHandler: (h: never) => (handlers['check'] = h),
    webRequest: {
      onBeforeRequest: (h: never) => (handlers['before'] = h),
      onHeadersReceived: (h: never) => (handlers['headers'] = h),
    },
  };
  return { session: session as unknown as Session, handlers: handlers as Record<string, (...args: unknown[]) => unknown> };
}

describe('session rules', () => {
  it('refuses every permission request and check', () => {
    const { session, handlers } = fakeSession();
    const log = vi.fn();
    secureSession(session, isAppUrl, log);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers['permission']!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(handlers['check']!({}, 'media')).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('permission request refused'));
  });

  it('cancels every request that is not the app’s own file, and adds the CSP header', () => {
    const { session, handlers } = fakeSession();
    secureSession(session, isAppUrl, () => {});
    const decide = (url: string) => {
      const callback = vi.fn();
      handlers['before']!({ url }, callback);
      return callback.mock.calls[0]![0];
    };
    expect(decide('https://update.example.com/check')).toEqual({ cancel: true });
    expect(decide('http://localhost:3000/')).toEqual({ cancel: true });
    expect(decide('app://letterdesk/index.html')).toEqual({ cancel: false });
    expect(decide(`file://${appRoot}/index.html`)).toEqual({ cancel: true });
    const callback = vi.fn();
    handlers['headers']!({ responseHeaders: { a: ['b'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { a: ['b'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

describe('web contents rules', () => {
  function fakeContents() {
    const emitter = new EventEmitter();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = Object.assign(emitter, {
      getURL: () => 'app://letterdesk/index.html',
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    });
    return { contents: contents as unknown as WebContents, open: (url: string) => openHandler!({ url }) };
  }

  it('prevents navigation away from the page, redirects and webviews', () => {
    const { contents } = fakeContents();
    secureContents(contents, () => {});
    for (const event of ['will-navigate', 'will-redirect']) {
      const preventDefault = vi.fn();
      contents.emit(event as 'will-navigate', { preventDefault }, 'https://evil.example/');
      expect(preventDefault).toHaveBeenCalled();
    }
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview' as 'will-navigate', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies window.open for any URL', () => {
    const { contents, open } = fakeContents();
    secureContents(contents, () => {});
    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(open(`file://${appRoot}/index.html`)).toEqual({ action: 'deny' });
  });
});

describe('app file types (one table for both shells)', () => {
  it('by the last segment’s extension; anything else is opaque bytes', () => {
    expect(appFileType('/out/renderer/index.html')).toBe('text/html; charset=utf-8');
    expect(appFileType('C:\\Letterdesk\\out\\renderer\\assets\\index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(appFileType('/work/main.d/out/renderer/LICENSE')).toBe('application/octet-stream');
    expect(appFileType('/out/renderer/evil.exe')).toBe('application/octet-stream');
  });
});

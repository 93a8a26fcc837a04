/**
 * app://letterdesk/ (issue #11, Electron checklist #18): the app's files from the renderer
 * folder with the CSP, nothing outside it — no climbing out, no symlink out, no other host.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appFileFor, appResponse } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { makeTempDir } from '../../helpers/temp-dir';

let root: string;
let outside: string;
let cleanup: () => void;
beforeEach(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  root = path.join(t.dir, 'renderer');
  outside = path.join(t.dir, 'secret.txt');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-1.js'), 'console.log(1)');
  fs.writeFileSync(outside, 'secret');
  fs.symlinkSync(outside, path.join(root, 'assets', 'link.js'));
  fs.mkdirSync(path.join(t.dir, 'renderer-evil'));
  fs.writeFileSync(path.join(t.dir, 'renderer-evil', 'x.js'), 'evil');
});
afterEach(() => cleanup());

describe('app protocol', () => {
  it('serves the app’s files with their type, the CSP and nosniff', async () => {
    const res = await appResponse(root, APP_INDEX_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>x</title>');
    const js = await appResponse(root, 'app://letterdesk/assets/index-1.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(appFileFor(root, 'app://letterdesk/')).toBe(fs.realpathSync(path.join(root, 'index.html')));
  });

  it.each([
    'app://letterdesk/../secret.txt',
    'app://letterdesk/%2e%2e/secret.txt',
    'app://letterdesk/%2E%2E%2Fsecret.txt',
    'app://letterdesk/..%5csecret.txt',
    'app://letterdesk/assets/link.js',
    'app://letterdesk/../renderer-evil/x.js',
    'app://letterdesk/assets',
    'app://letterdesk/missing.js',
    'app://letterdesk/index.html%00.js',
    'app://other/index.html',
    'app://letterdesk:1/index.html',
    'app://u:p@letterdesk/index.html',
    'file:///etc/passwd',
    'https://letterdesk/index.html',
    'not a url',
  ])('refuses %s with a 404', async (url) => {
    expect(appFileFor(root, url)).toBeNull();
    expect((await appResponse(root, url)).status).toBe(404);
  });
});

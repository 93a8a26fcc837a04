import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
}

describe('layering: a file’s folder says which APIs it may touch', () => {
  it('electron/shared imports no electron, no node:*, no Node built-ins and uses no DOM', () => {
    const files = sourceFiles('electron/shared');
    expect(files.length).toBeGreaterThan(3);
    const builtins = new Set(['fs', 'path', 'os', 'crypto', 'child_process', 'util', 'url', 'stream', 'buffer', 'events']);
    for (const file of files) {
      for (const spec of imports(file)) {
        expect(spec, file).not.toBe('electron');
        expect(spec.startsWith('node:'), `${file} imports ${spec}`).toBe(false);
        expect(builtins.has(spec), `${file} imports ${spec}`).toBe(false);
        expect(spec.startsWith('../core') || spec.startsWith('../main') || spec.includes('renderer'), `${file} imports ${spec}`).toBe(false);
      }
      const code = fs.readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      expect(/\b(window|document|navigator|localStorage)\s*[.[]/.test(code), `${file} touches the DOM`).toBe(false);
    }
  });

  it('electron/core never imports electron (directly or from electron/main)', () => {
    const files = sourceFiles('electron/core');
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      for (const spec of imports(file)) {
        expect(spec === 'electron' || spec.startsWith('electron/'), `${file} imports ${spec}`).toBe(false);
        expect(spec.includes('/main/') || spec.endsWith('/main'), `${file} imports ${spec}`).toBe(false);
      }
    }
  });

  it('the renderer reaches core only through the API contract', () => {
    for (const file of sourceFiles('renderer/src')) {
      for (const spec of imports(file)) {
        expect(spec.includes('electron/core') || spec.includes('electron/main') || spec === 'electron', `${file} imports ${spec}`).toBe(false);
      }
    }
  });
});

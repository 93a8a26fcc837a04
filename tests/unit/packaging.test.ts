import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// electron-builder's own loader and JSON-schema validation (app-builder-lib/scheme.json), offline.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const root = path.resolve(__dirname, '../..');

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validation really rejects a broken config (the check can fail)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-eb-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"x","version":"1.0.0"}');
    fs.writeFileSync(path.join(dir, 'bad.yml'), 'appId: x\nwin:\n  target: 42\nnotAnOption: true\n');
    const config = await getConfig(dir, 'bad.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('targets NSIS x64, AppImage and deb, unpacks better-sqlite3, sets the fuses', async () => {
    const config = (await getConfig(root, 'electron-builder.yml', null)) as Record<string, any>; // -- why: untyped YAML
    expect(config['productName']).toBe('函件台 Letterdesk');
    expect(config['win'].target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config['linux'].target).toEqual(['AppImage', 'deb']);
    expect(config['asarUnpack']).toContain('**/node_modules/better-sqlite3/**');
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    for (const excluded of ['!tests/**', '!electron/**', '!renderer/**']) expect(JSON.stringify(config['files'])).toContain(excluded);
  });

  it('electron-builder flips exactly our fuses into an Electron-shaped binary, read back with @electron/fuses', async () => {
    // No Electron binary can be downloaded here, so the binary is one shaped like Electron 42's:
    // its fuse sentinel followed by wire version 1 and Electron's default eight fuses. The fuses
    // are flipped by electron-builder's own afterPack code (PlatformPackager.generateFuseConfig +
    // addElectronFuses, what `npm run dist` runs) and read back the way a release check would.
    const { PlatformPackager } = await import('app-builder-lib');
    const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
    const ENABLE = '1'.charCodeAt(0); // @electron/fuses' FuseState: the wire's bytes '1' and '0'
    const DISABLE = '0'.charCodeAt(0);
    const config = (await getConfig(root, 'electron-builder.yml', null)) as Record<string, any>; // -- why: untyped YAML
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-fuses-'));
    try {
      const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
      const electronDefaults = '10110001'; // RunAsNode, -, NODE_OPTIONS, --inspect on; …; file:// privileges on
      const binary = path.join(dir, 'letterdesk');
      fs.writeFileSync(binary, Buffer.concat([Buffer.alloc(4096, 0x7f), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(electronDefaults), Buffer.alloc(4096, 0x7f)]));
      // -- why: only the two afterPack methods are used; a whole packager needs a project to build.
      const packager = Object.assign(Object.create(PlatformPackager.prototype), { appInfo: { productFilename: 'letterdesk' } }) as {
        generateFuseConfig(fuses: unknown): Promise<unknown>;
        addElectronFuses(context: unknown, fuses: unknown): Promise<unknown>;
      };
      const fuseConfig = await packager.generateFuseConfig(config['electronFuses']);
      await packager.addElectronFuses({ appOutDir: dir, electronPlatformName: 'linux' }, fuseConfig);
      const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
      const on = (o: number) => wire[o] === ENABLE;
      const off = (o: number) => wire[o] === DISABLE;
      expect(off(FuseV1Options.RunAsNode), 'RunAsNode').toBe(true);
      expect(on(FuseV1Options.EnableCookieEncryption), 'EnableCookieEncryption').toBe(true);
      expect(off(FuseV1Options.EnableNodeOptionsEnvironmentVariable), 'NODE_OPTIONS').toBe(true);
      expect(off(FuseV1Options.EnableNodeCliInspectArguments), '--inspect').toBe(true);
      expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation), 'asar integrity').toBe(true);
      expect(on(FuseV1Options.OnlyLoadAppFromAsar), 'only the asar').toBe(true);
      expect(off(FuseV1Options.GrantFileProtocolExtraPrivileges), 'file:// privileges').toBe(true);
      // Nothing outside the wire changed.
      const after = fs.readFileSync(binary);
      expect(after.subarray(0, 4096).every((b) => b === 0x7f) && after.subarray(-4096).every((b) => b === 0x7f)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never rebuilds native modules at install time', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.postinstall).toBeUndefined();
    expect(pkg.scripts.install).toBeUndefined();
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(String(version), `${name} must be pinned exactly`).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe('npm start without the Electron binary', () => {
  const hasBinary = fs.existsSync(path.join(root, 'node_modules/electron/path.txt'));
  // Issue #16: without Electron, npm start says so and starts the browser shell; with no display
  // either, that shell explains in one line what to do, exits non-zero, and prints no stack trace.
  it.skipIf(hasBinary)('falls back to the browser window, and with no display explains in one line, with no stack trace', () => {
    const env = { ...process.env };
    delete env['DISPLAY'];
    delete env['WAYLAND_DISPLAY'];
    const result = spawnSync(process.execPath, [path.join(root, 'build/scripts/start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env,
    });
    expect(result.status).toBe(1);
    const said = result.stdout.trim().split('\n');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/Electron 不可用.*Starting in a browser window/);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/no display|DISPLAY/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

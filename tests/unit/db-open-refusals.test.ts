/**
 * Files Letterdesk must refuse are left byte for byte as they were (issue 11): an empty file,
 * another program's SQLite file, a newer database (in rollback-journal mode: refused before
 * the journal mode is touched), a read-only data folder, a database locked by another process.
 * A damaged database is found at open (quick_check) and never written to.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/create-api';
import { APP_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { DB_FILE_NAME, openDatabase } from '../../electron/core/db/open-db';
import { checkDataFolder } from '../../electron/core/db/check-db';
import { LetterdeskError } from '../../electron/shared/errors';
import { makeTempDir } from '../helpers/temp-dir';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('letterdesk-refuse-')));
afterEach(() => cleanup());

const file = () => path.join(dir, DB_FILE_NAME);
const hash = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');
/** Every file of the folder with its hash: nothing added, removed or changed. */
const snapshot = () => Object.fromEntries(fs.readdirSync(dir).map((n) => [n, hash(path.join(dir, n))]));

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LetterdeskError);
    return (err as LetterdeskError).code;
  }
  throw new Error('expected a refusal');
}

describe('files Letterdesk refuses, untouched', () => {
  it('an empty file: db-empty', () => {
    fs.writeFileSync(file(), '');
    const before = snapshot();
    expect(codeOf(() => openDatabase(dir))).toBe('db-empty');
    expect(snapshot()).toEqual(before);
    expect(fs.statSync(file()).size).toBe(0);
  });

  it("another program's SQLite file: db-not-letterdesk, no table added", () => {
    const other = new Database(file());
    other.exec(`CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos (path) VALUES ('a.jpg');`);
    other.close();
    const before = snapshot();
    expect(codeOf(() => openDatabase(dir))).toBe('db-not-letterdesk');
    expect(codeOf(() => openCore({ dataDir: dir, recoverDamaged: true }))).toBe('db-not-letterdesk');
    expect(snapshot()).toEqual(before);
  });

  it('another program with a user_version and a table named letters but no settings: db-not-letterdesk', () => {
    const other = new Database(file());
    other.exec(`CREATE TABLE letters (x); PRAGMA user_version = 3;`);
    other.close();
    const before = snapshot();
    expect(codeOf(() => openDatabase(dir))).toBe('db-not-letterdesk');
    expect(snapshot()).toEqual(before);
  });

  it('a newer database in rollback-journal mode is refused before its journal mode changes', () => {
    openDatabase(dir).close();
    const raw = new Database(file());
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${APP_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = snapshot();
    expect(fs.readFileSync(file()).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
    expect(codeOf(() => openDatabase(dir))).toBe('db-newer-than-app');
    expect(codeOf(() => openCore({ dataDir: dir, recoverDamaged: true }))).toBe('db-newer-than-app');
    expect(snapshot()).toEqual(before);
  });

  it('a newer database in WAL mode: refused, main file unchanged', () => {
    openDatabase(dir).close();
    const raw = new Database(file());
    raw.pragma(`user_version = ${APP_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = hash(file());
    expect(codeOf(() => openDatabase(dir))).toBe('db-newer-than-app');
    expect(hash(file())).toBe(before);
  });

  it('a read-only data folder: read-only, nothing changed', () => {
    openDatabase(dir).close();
    const before = snapshot();
    // Tests run as root here, for whom permissions do not apply: the immutable flag does.
    const asRoot = process.getuid?.() === 0;
    const lock = () => (asRoot ? spawnSyncOk('chattr', ['+i', dir]) : fs.chmodSync(dir, 0o555));
    const unlock = () => (asRoot ? spawnSyncOk('chattr', ['-i', dir]) : fs.chmodSync(dir, 0o755));
    lock();
    try {
      expect(codeOf(() => openDatabase(dir))).toBe('read-only');
    } finally {
      unlock();
    }
    expect(snapshot()).toEqual(before);
  });

  it('a database locked by another process: db-busy, nothing changed', async () => {
    openDatabase(dir).close();
    const raw = new Database(file());
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = hash(file());
    // Another program holds an exclusive lock (as a backup tool or a second app might).
    const holder = spawn(
      process.execPath,
      ['-e', `const D=require(${JSON.stringify(require.resolve('better-sqlite3'))});const d=new D(${JSON.stringify(file())});d.exec('BEGIN EXCLUSIVE');process.stdout.write('locked\\n');setTimeout(()=>{},60000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
      expect(codeOf(() => openDatabase(dir))).toBe('db-busy');
    } finally {
      holder.kill('SIGKILL');
    }
    expect(hash(file())).toBe(before);
  });
});

/** Damages a page inside the versions table: 4 KB of garbage, as in the issue. */
function damageVersions(p: string): void {
  const db = new Database(p, { readonly: true });
  const root = (db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'versions'`).get() as { rootpage: number }).rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(p, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

async function seed(dataDir: string): Promise<number> {
  const core = openCore({ dataDir });
  const letter = await core.api.lettersCreate({ title: '损坏测试承诺书' });
  await core.api.versionsSave({ id: letter.id, note: '第一版' });
  core.close();
  return letter.id;
}

describe('a damaged database', () => {
  it('is found at open and never written to (CLI and tests: db-corrupt)', async () => {
    await seed(dir);
    damageVersions(file());
    const before = snapshot();
    expect(codeOf(() => openDatabase(dir))).toBe('db-corrupt');
    expect(codeOf(() => openCore({ dataDir: dir }))).toBe('db-corrupt');
    expect(snapshot()).toEqual(before);
  });

  it('db check reports it read-only and changes nothing', async () => {
    await seed(dir);
    damageVersions(file());
    const before = snapshot();
    const report = checkDataFolder(dir);
    expect(report.ok).toBe(false);
    expect(report.integrity.join(' ')).not.toBe('ok');
    expect(snapshot()).toEqual(before);
  });

  it('the app moves it aside unchanged, opens in recovery and restores the newest verified backup', async () => {
    await seed(dir);
    const withBackup = openCore({ dataDir: dir });
    const backup = await withBackup.api.backupsCreate();
    await withBackup.api.lettersCreate({ title: '备份之后的函件' });
    withBackup.close();
    damageVersions(file());
    const damagedHash = hash(file());

    const core = openCore({ dataDir: dir, recoverDamaged: true });
    try {
      const info = await core.api.recoveryInfo();
      expect(info).toMatchObject({ reason: 'db-corrupt', newestBackup: { id: backup.id, verified: true } });
      expect(hash(path.join(info!.movedTo, DB_FILE_NAME))).toBe(damagedHash);
      expect(fs.existsSync(file())).toBe(false);
      await expect(core.api.lettersList({})).rejects.toMatchObject({ code: 'db-recovery' });
      const envelope = await core.dispatch('lettersList', [{}]);
      expect(envelope).toMatchObject({ ok: false, code: 'db-recovery' });

      const restored = await core.api.backupsRestore({ id: backup.id });
      // Nothing was open to back up first; the damaged file stays where it was moved.
      expect(restored).toEqual({ before: null });
      expect(await core.api.recoveryInfo()).toBeNull();
      const letters = await core.api.lettersList({});
      expect(letters.items.map((l) => l.title)).toEqual(['损坏测试承诺书']);
      expect((await core.api.dbCheck()).ok).toBe(true);
      expect(hash(path.join(info!.movedTo, DB_FILE_NAME))).toBe(damagedHash);
    } finally {
      core.close();
    }
  });
});

describe('db check and db migrate', () => {
  it('db check never migrates an older file; opening (db migrate) does, after a backup', async () => {
    await seed(dir);
    const raw = new Database(file());
    raw.pragma(`user_version = ${APP_SCHEMA_VERSION - 1}`);
    raw.close();
    const before = hash(file());
    const report = checkDataFolder(dir);
    expect(report.schemaVersion).toBe(APP_SCHEMA_VERSION - 1);
    expect(report.ok).toBe(false);
    expect(hash(file())).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);

    const core = openCore({ dataDir: dir });
    try {
      expect((await core.api.appInfo()).schemaVersion).toBe(APP_SCHEMA_VERSION);
      const list = await core.api.backupsList();
      expect(list.backups).toHaveLength(1);
      expect(list.backups[0]).toMatchObject({ reason: 'pre-migration', schemaVersion: APP_SCHEMA_VERSION - 1, letters: 1, verified: true });
    } finally {
      core.close();
    }
  });
});

function spawnSyncOk(cmd: string, args: string[]): void {
  const r = require('node:child_process').spawnSync(cmd, args) as { status: number; stderr: Buffer };
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr.toString()}`);
}

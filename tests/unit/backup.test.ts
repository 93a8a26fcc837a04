/**
 * Backups (issue 11): SQLite's online backup, verified, with the chain head and letter count
 * in a manifest; restore backs up the current state first so it can be restored back; the
 * 30-minute tick backs up only after changes; a backup folder that is gone says so. And the
 * WAL is never the only copy of an acknowledged save.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import { MANIFEST_NAME, verifyBackupFolder } from '../../electron/core/backup/manifest';
import { DB_FILE_NAME } from '../../electron/core/db/open-db';
import type { BackupManifest } from '../../electron/shared/backup';
import { ACK, counterOf } from '../helpers/crash-writer';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
let cleanup: () => void;
let clock: ReturnType<typeof makeFakeClock>;
const cores: Core[] = [];
const open = (extra: Partial<Parameters<typeof openCore>[0]> = {}) => {
  const core = openCore({ dataDir: dir, clock, ...extra });
  cores.push(core);
  return core;
};
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('letterdesk-backup-'));
  clock = makeFakeClock('2026-05-08T09:00:00.000Z');
});
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  cleanup();
});

async function signedLetter(core: Core, title: string) {
  const letter = await core.api.lettersCreate({ title });
  await core.api.versionsSave({ id: letter.id, note: '定稿' });
  return letter;
}

describe('backups', () => {
  it('backs up with a verified copy, the letter count and the chain head in its manifest', async () => {
    const core = open();
    await signedLetter(core, '甲承诺书');
    await signedLetter(core, '乙承诺书');
    const info = await core.api.backupsCreate();
    expect(info).toMatchObject({ reason: 'manual', letters: 2, verified: true });
    expect(info.path.startsWith(path.join(dir, 'backups'))).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(info.path, MANIFEST_NAME), 'utf8')) as BackupManifest;
    const head = core.db.prepare(`SELECT value FROM settings WHERE key = 'chain-head'`).get() as { value: string };
    expect(manifest.chainHead).toEqual(JSON.parse(head.value));
    expect(manifest.chainHead!.id).toBeGreaterThan(0);
    expect(manifest.files.map((f) => f.path)).toEqual([DB_FILE_NAME]);
    // A self-contained file (no WAL beside it), whole by integrity_check and checksum.
    expect(fs.readdirSync(info.path).sort()).toEqual([DB_FILE_NAME, MANIFEST_NAME]);
    expect(verifyBackupFolder(info.path).letters).toBe(2);
    const copy = new Database(path.join(info.path, DB_FILE_NAME), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    const list = await core.api.backupsList();
    expect(list.available).toBe(true);
    expect(list.backups.map((b) => b.id)).toEqual([info.id]);
  });

  it('a backup whose file was altered fails verification', async () => {
    const core = open();
    await signedLetter(core, '甲承诺书');
    const info = await core.api.backupsCreate();
    const file = path.join(info.path, DB_FILE_NAME);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 100]! ^= 0xff;
    fs.writeFileSync(file, bytes);
    expect(() => verifyBackupFolder(info.path)).toThrow(expect.objectContaining({ code: 'backup-invalid' }));
    await expect(core.api.backupsRestore({ id: info.id })).rejects.toMatchObject({ code: 'backup-invalid' });
    expect((await core.api.lettersList({})).total).toBe(1);
  });

  it('restores a backup after backing up the current state, which can be restored back', async () => {
    const core = open();
    await signedLetter(core, '甲承诺书');
    const first = await core.api.backupsCreate();
    clock.advance(60_000);
    await signedLetter(core, '乙承诺书');
    clock.advance(60_000);
    const result = await core.api.backupsRestore({ id: first.id });
    expect(result?.before).toMatchObject({ reason: 'pre-restore', letters: 2, verified: true });
    expect((await core.api.lettersList({})).items.map((l) => l.title)).toEqual(['甲承诺书']);
    expect((await core.api.dbCheck()).ok).toBe(true);
    // …and back again: nothing done after the first backup was lost by restoring it.
    clock.advance(60_000);
    await core.api.backupsRestore({ id: result!.before!.id });
    expect((await core.api.lettersList({})).items.map((l) => l.title).sort()).toEqual(['乙承诺书', '甲承诺书']);
    expect((await core.api.dbCheck()).ok).toBe(true);
    // The core works on the restored file: a write lands and stays after reopening.
    await core.api.lettersCreate({ title: '丙承诺书' });
    core.close();
    const again = open();
    expect((await again.api.lettersList({})).total).toBe(3);
  });

  it('the 30-minute tick backs up only when something changed, and checkpoints the WAL', async () => {
    const core = open();
    await signedLetter(core, '甲承诺书');
    expect(await core.backups.tick()).toMatchObject({ reason: 'periodic', letters: 1 });
    clock.advance(30 * 60_000);
    expect(await core.backups.tick()).toBeNull();
    await core.api.lettersCreate({ title: '乙承诺书' });
    clock.advance(30 * 60_000);
    expect(await core.backups.tick()).toMatchObject({ reason: 'periodic', letters: 2 });
    expect(fs.statSync(path.join(dir, `${DB_FILE_NAME}-wal`)).size).toBe(0);
  });

  it('backs up at start once a day', async () => {
    const core = open();
    await signedLetter(core, '甲承诺书');
    expect(await core.backups.dailyBackup()).toMatchObject({ reason: 'daily' });
    clock.advance(3 * 3600_000);
    expect(await core.backups.dailyBackup()).toBeNull();
    clock.advance(24 * 3600_000);
    expect(await core.backups.dailyBackup()).toMatchObject({ reason: 'daily' });
  });

  it('prunes by the retention rule after each backup', async () => {
    const core = open();
    await signedLetter(core, '甲承诺书');
    for (let day = 0; day < 3; day++) {
      for (let i = 0; i < 3; i++) {
        await core.api.backupsCreate();
        clock.advance(2 * 3600_000);
      }
      clock.advance(18 * 3600_000);
    }
    await core.api.backupsCreate();
    // Days 1 and 2 keep their newest, day 3 its newest, today (day 4) its one.
    const kept = (await core.api.backupsList()).backups;
    expect(kept).toHaveLength(4);
  });

  it('a backup folder that is unavailable says so; an automatic backup falls back to the default folder', async () => {
    const core = open({
      dialogs: {
        saveFile: async () => null,
        openFile: async () => null,
        chooseFolder: async () => path.join(dir, 'usb'),
      },
    });
    await signedLetter(core, '甲承诺书');
    const chosen = await core.api.backupsFolderChoose();
    expect(chosen).toMatchObject({ folder: path.join(dir, 'usb'), available: true });
    // The drive goes away: a file where the folder was, so nothing can be written there.
    fs.rmSync(path.join(dir, 'usb'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'usb'), 'unplugged');
    expect((await core.api.backupsList()).available).toBe(false);
    await expect(core.api.backupsCreate()).rejects.toMatchObject({ code: 'backup-unavailable' });
    const fallback = await core.backups.tick();
    expect(fallback?.path.startsWith(path.join(dir, 'backups'))).toBe(true);
    expect((await core.api.backupsFolderReset()).folder).toBe(path.join(dir, 'backups'));
  });
});

describe('the full integrity check in the background', () => {
  it('finds what quick_check at open does not, shows it, and no backup of it passes as verified', async () => {
    const first = open();
    await signedLetter(first, '甲承诺书');
    first.close();
    // An index whose entries disagree with its table (made through a redefined function):
    // quick_check does not compare index and table, integrity_check does.
    const raw = new Database(path.join(dir, DB_FILE_NAME));
    raw.exec(`CREATE TABLE extra (x TEXT); CREATE INDEX extra_x ON extra (lower(x));`);
    raw.close();
    const liar = new Database(path.join(dir, DB_FILE_NAME));
    liar.function('lower', { deterministic: true }, (s: unknown) => `zz${String(s)}`);
    liar.exec(`INSERT INTO extra VALUES ('ABC'), ('DEF')`);
    liar.close();

    const core = open();
    expect((await core.api.backupsList()).integrity).toBeNull();
    const result = await core.backups.integrityCheck();
    expect(result).toMatchObject({ ok: false });
    expect(result!.problems.join(' ')).toContain('missing from index extra_x');
    expect((await core.api.backupsList()).integrity?.ok).toBe(false);
    await expect(core.api.backupsCreate()).rejects.toMatchObject({ code: 'backup-invalid' });
    expect((await core.api.backupsList()).backups).toEqual([]);
  });

  it('says ok on a sound database', async () => {
    const core = open();
    await signedLetter(core, '甲承诺书');
    expect(await core.backups.integrityCheck()).toMatchObject({ ok: true, problems: [] });
  });
});

describe('the WAL', () => {
  it('after the disk was full, the next save brings the main file up to date', async () => {
    const core = open();
    await signedLetter(core, '甲承诺书');
    // A full disk, as SQLite sees it: the database may not grow past its current size.
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    let failures = 0;
    for (let i = 0; i < 50; i++) {
      const r = await core.dispatch('lettersCreate', [{ title: `满盘${i}`.repeat(20) }]);
      if (!r.ok) {
        expect(r.code).toBe('disk-full');
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
    core.db.pragma('max_page_count = 1073741823');
    await core.api.lettersCreate({ title: '空间恢复后' });
    const total = (await core.api.lettersList({})).total;
    // The main file alone (no WAL) holds every acknowledged letter.
    fs.mkdirSync(path.join(dir, 'copy'));
    fs.copyFileSync(path.join(dir, DB_FILE_NAME), path.join(dir, 'copy', DB_FILE_NAME));
    const copy = new Database(path.join(dir, 'copy', DB_FILE_NAME), { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n).toBe(total);
    copy.close();
    await core.backups.tick();
    expect(fs.statSync(path.join(dir, `${DB_FILE_NAME}-wal`)).size).toBe(0);
  });

  it('is empty or gone after close, and a save reaches the main file as it is acknowledged', async () => {
    const core = open();
    await signedLetter(core, '甲承诺书');
    // While open: the main file alone (read from a copy without the WAL) already has the letter.
    fs.mkdirSync(path.join(dir, 'copy'));
    fs.copyFileSync(path.join(dir, DB_FILE_NAME), path.join(dir, 'copy', DB_FILE_NAME));
    const copy = new Database(path.join(dir, 'copy', DB_FILE_NAME), { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM versions').get() as { n: number }).n).toBe(1);
    copy.close();
    core.close();
    const wal = path.join(dir, `${DB_FILE_NAME}-wal`);
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
  });

  it('kill -9, then delete -wal and -shm: every acknowledged save is still there', async () => {
    for (let round = 0; round < 3; round++) {
      const acks = await runAndKill(dir, 150 + round * 100);
      expect(acks.length).toBeGreaterThan(0);
      fs.rmSync(path.join(dir, `${DB_FILE_NAME}-wal`), { force: true });
      fs.rmSync(path.join(dir, `${DB_FILE_NAME}-shm`), { force: true });
      const core = openCore({ dataDir: dir });
      try {
        const id = (await core.api.lettersList({ limit: 1 })).items[0]!.id;
        const content = await core.api.lettersContentGet({ id });
        expect(counterOf(content.content)).toBeGreaterThanOrEqual(Math.max(...acks));
        expect((await core.api.dbCheck()).ok).toBe(true);
      } finally {
        core.close();
      }
    }
  }, 60_000);
});

function runAndKill(dataDir: string, delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/crash-writer.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!armed && /^ack /m.test(out)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended on its own: ${err}`));
      resolve(out.split('\n').flatMap((l) => (ACK.exec(l) ? [Number(ACK.exec(l)![1])] : [])));
    });
  });
}

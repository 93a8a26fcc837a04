/**
 * The archive (issue 11): the whole history as one file, moved to a new PC. Import verifies
 * everything before replacing anything, reports progress, can be cancelled, and refuses a
 * tampered archive or one from a newer app — leaving the database as it was.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchive, writeArchive } from '../../electron/core/backup/archive';
import { listFiles, MANIFEST_NAME, sha256File } from '../../electron/core/backup/manifest';
import { openCore, type Core } from '../../electron/core/create-api';
import { APP_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { DB_FILE_NAME } from '../../electron/core/db/open-db';
import type { BackupJob, BackupManifest } from '../../electron/shared/backup';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';

let root: string;
let cleanup: () => void;
const cores: Core[] = [];
beforeEach(() => ({ dir: root, cleanup } = makeTempDir('letterdesk-archive-')));
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  cleanup();
});

/** A core whose save and open dialogs answer with `file`. */
function coreAt(name: string, file: () => string) {
  const core = openCore({
    dataDir: path.join(root, name),
    clock: makeFakeClock(),
    dialogs: { saveFile: async () => file(), openFile: async () => file() },
  });
  cores.push(core);
  return core;
}

async function settle(core: Core, job: BackupJob | null): Promise<BackupJob> {
  expect(job).not.toBeNull();
  return core.backups.settle(job!.id);
}

const archivePath = () => path.join(root, 'history.ldarchive');
const hashOf = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');

async function oldPc(): Promise<Core> {
  const core = coreAt('old-pc', archivePath);
  for (const title of ['甲承诺书', '乙承诺书', '丙承诺书']) {
    const l = await core.api.lettersCreate({ title });
    await core.api.versionsSave({ id: l.id, note: '定稿' });
  }
  return core;
}

describe('archive export and import', () => {
  it('moves the whole history to a new PC: letters, versions, chain head; the new PC backed up first', async () => {
    const old = await oldPc();
    const exported = await settle(old, await old.api.archiveExport());
    expect(exported).toMatchObject({ state: 'done', path: archivePath() });
    expect(exported.total).toBeGreaterThan(0);
    expect(exported.done).toBe(exported.total);
    const oldCheck = await old.api.dbCheck();

    const fresh = coreAt('new-pc', archivePath);
    await fresh.api.lettersCreate({ title: '新电脑上的草稿' });
    const imported = await settle(fresh, await fresh.api.archiveImport());
    expect(imported).toMatchObject({ state: 'done', error: null });
    expect((await fresh.api.lettersList({})).items.map((l) => l.title).sort()).toEqual(['丙承诺书', '乙承诺书', '甲承诺书']);
    const check = await fresh.api.dbCheck();
    expect(check.ok).toBe(true);
    expect(check.evidence.head).toEqual(oldCheck.evidence.head);
    // What the new PC had is kept in a backup made just before the import.
    const before = (await fresh.api.backupsList()).backups.find((b) => b.reason === 'pre-import');
    expect(before).toMatchObject({ letters: 1, verified: true });
  });

  it('refuses a tampered archive and changes nothing', async () => {
    const old = await oldPc();
    await settle(old, await old.api.archiveExport());
    const bytes = fs.readFileSync(archivePath());
    bytes[Math.floor(bytes.length / 2)]! ^= 0x55;
    fs.writeFileSync(archivePath(), bytes);

    const target = coreAt('new-pc', archivePath);
    await target.api.lettersCreate({ title: '原有函件' });
    const dbFile = path.join(root, 'new-pc', DB_FILE_NAME);
    const before = hashOf(dbFile);
    const job = await settle(target, await target.api.archiveImport());
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('backup-invalid');
    expect((await target.api.lettersList({})).items.map((l) => l.title)).toEqual(['原有函件']);
    expect(hashOf(dbFile)).toBe(before);
    expect((await target.api.backupsList()).backups).toEqual([]);
  });

  it('refuses an archive from a newer app version', async () => {
    const old = await oldPc();
    await settle(old, await old.api.archiveExport());
    // Rewrite it as a newer app would: schema version above ours, checksums all correct.
    const staged = path.join(root, 'staged');
    await readArchive(archivePath(), staged);
    const db = new Database(path.join(staged, DB_FILE_NAME));
    db.pragma(`user_version = ${APP_SCHEMA_VERSION + 1}`);
    db.close();
    const manifest = JSON.parse(fs.readFileSync(path.join(staged, MANIFEST_NAME), 'utf8')) as BackupManifest;
    manifest.schemaVersion = APP_SCHEMA_VERSION + 1;
    manifest.files = listFiles(staged).map((p) => ({ path: p, size: fs.statSync(path.join(staged, p)).size, sha256: sha256File(path.join(staged, p)) }));
    fs.writeFileSync(path.join(staged, MANIFEST_NAME), JSON.stringify(manifest));
    fs.rmSync(archivePath());
    await writeArchive(staged, archivePath());

    const target = coreAt('new-pc', archivePath);
    const job = await settle(target, await target.api.archiveImport());
    expect(job).toMatchObject({ state: 'failed', error: { code: 'db-newer-than-app' } });
    expect((await target.api.lettersList({})).total).toBe(0);
  });

  it('refuses entries that are not its manifest’s files, or that leave the folder', async () => {
    const target = coreAt('new-pc', archivePath);
    const manifest = (files: BackupManifest['files']) =>
      strToU8(JSON.stringify({ format: 'letterdesk-backup', formatVersion: 1, id: 'x', createdAt: '2026-01-01T00:00:00Z', reason: 'manual', schemaVersion: 1, letters: 0, files }));
    const entry = { path: DB_FILE_NAME, size: 4, sha256: 'a'.repeat(64) };
    const cases: Record<string, Uint8Array>[] = [
      { [MANIFEST_NAME]: manifest([entry]), [DB_FILE_NAME]: strToU8('abcd'), 'extra.txt': strToU8('x') },
      { [MANIFEST_NAME]: manifest([entry, { path: '../escape', size: 1, sha256: 'b'.repeat(64) }]), [DB_FILE_NAME]: strToU8('abcd') },
      { [DB_FILE_NAME]: strToU8('abcd'), [MANIFEST_NAME]: manifest([entry]) },
      { [MANIFEST_NAME]: manifest([entry]), [DB_FILE_NAME]: new Uint8Array(1 << 16) },
      { [MANIFEST_NAME]: strToU8('not json') },
    ];
    for (const files of cases) {
      fs.writeFileSync(archivePath(), zipSync(files));
      const job = await settle(target, await target.api.archiveImport());
      expect(job.error?.code).toBe('backup-invalid');
    }
    expect(fs.existsSync(path.join(root, 'escape'))).toBe(false);
    expect(fs.readdirSync(path.join(root, 'new-pc')).filter((n) => n.startsWith('.staging'))).toEqual([]);
  });

  it('an import can be cancelled before anything is replaced', async () => {
    const old = await oldPc();
    await settle(old, await old.api.archiveExport());
    const target = coreAt('new-pc', archivePath);
    await target.api.lettersCreate({ title: '原有函件' });
    const started = await target.api.archiveImport();
    await target.api.backupsJobCancel({ id: started!.id });
    const job = await settle(target, started);
    expect(job.state).toBe('cancelled');
    expect(job.error?.code).toBe('cancelled');
    expect((await target.api.lettersList({})).items.map((l) => l.title)).toEqual(['原有函件']);
  });

  it('reports progress while reading', async () => {
    const old = await oldPc();
    await settle(old, await old.api.archiveExport());
    const seen: number[] = [];
    await readArchive(archivePath(), path.join(root, 'staged'), { onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(fs.statSync(archivePath()).size);
  });
});

/** The CLI's backup commands (issue 11), in process over real data folders. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { DB_FILE_NAME } from '../../electron/core/db/open-db';
import { makeTempDir } from '../helpers/temp-dir';
import { runCliIn } from '../helpers/cli-run';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ dir: root, cleanup } = makeTempDir('letterdesk-backup-cli-')));
afterEach(() => cleanup());

const cli = runCliIn;

const hashOf = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');

describe('letterdesk backup commands', () => {
  it('backup, backups list, restore FILE', async () => {
    const data = path.join(root, 'data');
    expect((await cli(data, 'letters', 'create', '--title', '甲承诺书')).code).toBe(0);
    const made = await cli(data, 'backup', '--json');
    expect(made.code).toBe(0);
    const info = JSON.parse(made.out) as { id: string; path: string; letters: number; verified: boolean };
    expect(info).toMatchObject({ letters: 1, verified: true });
    expect((await cli(data, 'letters', 'create', '--title', '乙承诺书')).code).toBe(0);

    const list = JSON.parse((await cli(data, 'backups', 'list', '--json')).out) as { backups: { id: string }[]; available: boolean };
    expect(list.available).toBe(true);
    expect(list.backups.map((b) => b.id)).toEqual([info.id]);
    expect((await cli(data, 'backups', 'list')).out).toContain(info.id);

    const restored = await cli(data, 'restore', info.path);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('pre-restore');
    const letters = JSON.parse((await cli(data, 'letters', 'list', '--json')).out) as { items: { title: string }[] };
    expect(letters.items.map((l) => l.title)).toEqual(['甲承诺书']);
    // The state before the restore is a backup of its own, restorable the same way.
    const after = JSON.parse((await cli(data, 'backups', 'list', '--json')).out) as { backups: { reason: string; letters: number }[] };
    expect(after.backups.find((b) => b.reason === 'pre-restore')?.letters).toBe(2);
  });

  it('archive export FILE and archive import FILE (and backup --out FILE) move the history', async () => {
    const oldPc = path.join(root, 'old');
    const newPc = path.join(root, 'new');
    await cli(oldPc, 'letters', 'create', '--title', '甲承诺书');
    const file = path.join(root, 'history.ldarchive');
    const exported = await cli(oldPc, 'archive', 'export', file);
    expect(exported.code, exported.err).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const outFile = path.join(root, 'backup.ldarchive');
    expect((await cli(oldPc, 'backup', '--out', outFile)).code).toBe(0);
    expect(fs.existsSync(outFile)).toBe(true);

    const imported = await cli(newPc, 'archive', 'import', outFile);
    expect(imported.code, imported.err).toBe(0);
    const letters = JSON.parse((await cli(newPc, 'letters', 'list', '--json')).out) as { items: { title: string }[] };
    expect(letters.items.map((l) => l.title)).toEqual(['甲承诺书']);

    fs.writeFileSync(file, 'not an archive');
    const bad = await cli(newPc, 'archive', 'import', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('[backup-invalid]');
  });

  it('db check never migrates; db migrate does, after a backup', async () => {
    const data = path.join(root, 'data');
    await cli(data, 'letters', 'create', '--title', '甲承诺书');
    const raw = new Database(path.join(data, DB_FILE_NAME));
    raw.pragma(`user_version = ${APP_SCHEMA_VERSION - 1}`);
    raw.close();
    const before = hashOf(path.join(data, DB_FILE_NAME));
    const check = await cli(data, 'db', 'check', '--json');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.out)).toMatchObject({ schemaVersion: APP_SCHEMA_VERSION - 1, ok: false });
    expect(hashOf(path.join(data, DB_FILE_NAME))).toBe(before);

    const migrated = await cli(data, 'db', 'migrate', '--json');
    expect(migrated.code, migrated.err).toBe(0);
    expect(JSON.parse(migrated.out)).toEqual({ from: APP_SCHEMA_VERSION - 1, to: APP_SCHEMA_VERSION, migrated: true });
    expect(JSON.parse((await cli(data, 'db', 'check', '--json')).out)).toMatchObject({ ok: true, schemaVersion: APP_SCHEMA_VERSION });
    const list = JSON.parse((await cli(data, 'backups', 'list', '--json')).out) as { backups: { reason: string }[] };
    expect(list.backups.map((b) => b.reason)).toEqual(['pre-migration']);
  });

  it('refusals reach the CLI with their codes, the file untouched', async () => {
    const data = path.join(root, 'data');
    fs.mkdirSync(data);
    fs.writeFileSync(path.join(data, DB_FILE_NAME), '');
    const r = await cli(data, 'letters', 'list');
    expect(r.code).toBe(1);
    expect(r.err).toContain('[db-empty]');
    expect(fs.statSync(path.join(data, DB_FILE_NAME)).size).toBe(0);
  });
});

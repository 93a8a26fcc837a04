import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, APP_SCHEMA_VERSION, type Migration } from '../../electron/core/db/migrations';
import { DB_FILE_NAME, migrate, openDatabase, schemaVersion } from '../../electron/core/db/open-db';
import { LetterdeskError } from '../../electron/shared/errors';
import { makeTempDir } from '../helpers/temp-dir';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function tempDir() {
  const t = makeTempDir();
  cleanup = t.cleanup;
  return t.dir;
}

describe('database open and migrations', () => {
  it('runs the whole migration chain from an empty file with durable pragmas', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(APP_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['letters', 'settings']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(fs.existsSync(path.join(dir, DB_FILE_NAME))).toBe(true);
  });

  it('migration versions are strictly increasing from 1 without gaps', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('reopening an up-to-date database changes nothing', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(APP_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const dir = tempDir();
    const raw = new Database(path.join(dir, DB_FILE_NAME));
    raw.pragma(`user_version = ${APP_SCHEMA_VERSION + 5}`);
    raw.exec(`CREATE TABLE future (x)`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LetterdeskError);
    expect((error as LetterdeskError).code).toBe('db-newer-than-app');
    const after = new Database(path.join(dir, DB_FILE_NAME));
    expect(after.pragma('user_version', { simple: true })).toBe(APP_SCHEMA_VERSION + 5);
    after.close();
  });

  it('a failing migration rolls back together with its version bump', () => {
    const db = new Database(':memory:');
    const chain: Migration[] = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, chain)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(['a']);
    db.close();
  });

  it('a file that is not a database is reported as damaged, with its code', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE_NAME), 'this is not sqlite '.repeat(400));
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ code: 'db-corrupt' }));
  });

  it('an unwritable data folder gives a specific error', () => {
    const dir = tempDir();
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    expect(() => openDatabase(path.join(file, 'data'))).toThrow(LetterdeskError);
  });
});

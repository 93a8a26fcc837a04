import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LetterdeskError } from '../../shared/errors';
import { APP_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { assertWritable, inspectDatabaseFile } from './inspect-db';
import { toLetterdeskError } from './sqlite-errors';
import type { Db } from './db';

export type { Db };

export const DB_FILE_NAME = 'letterdesk.sqlite';

export interface OpenOptions {
  migrations?: readonly Migration[];
  /**
   * Called on an existing database that is about to be migrated, before the first migration
   * runs (issue 11: a backup before every migration). Throwing stops the open.
   */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
}

/**
 * Opens (creating if needed) the store in `dataDir`, sets the durability pragmas and brings
 * the schema up to date. Whatever is not a healthy Letterdesk database this app may write —
 * empty, another program's, newer, damaged, locked, read-only — is refused before anything
 * writes to it (inspect-db.ts), so the file stays byte for byte as it was.
 */
export function openDatabase(dataDir: string, opts: OpenOptions = {}): Db {
  const migrations = opts.migrations ?? MIGRATIONS;
  const appVersion = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw toLetterdeskError(err, `Cannot create data folder ${dataDir}`);
  }
  const file = path.join(dataDir, DB_FILE_NAME);
  // Writability first: a read-only folder cannot even be read in WAL mode (no -shm can be made).
  assertWritable(dataDir, file);
  const found = inspectDatabaseFile(file, appVersion);
  if (found.kind === 'absent') createDatabase(file, migrations);
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw toLetterdeskError(err, `Cannot open database ${file}`);
  }
  try {
    setPragmas(db);
    const current = schemaVersion(db);
    if (current < appVersion) opts.beforeMigrate?.(db, current, appVersion);
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw toLetterdeskError(err, `Cannot open database ${file}`);
  }
}

/**
 * A new database is built under a temporary name and renamed into place once its schema is
 * complete: a letterdesk.sqlite that exists was always a whole Letterdesk database, so an
 * empty or foreign one is never ours to adopt.
 */
function createDatabase(file: string, migrations: readonly Migration[]): void {
  const temp = `${file}.creating`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
  const db = new Database(temp);
  try {
    // Nobody else sees this file until the rename, and a crash leaves only a file that is
    // removed above: no journal or syncs while building, one fsync of the whole file after.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  syncFile(temp);
  fs.renameSync(temp, file);
  syncFolder(path.dirname(file));
}

function setPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 3000');
  // Every commit is copied into the main file before it returns (a checkpoint of the one
  // transaction just written): the WAL never holds the only copy of an acknowledged save,
  // so losing -wal (antivirus, a hand copy of the folder) loses nothing (issue 11).
  db.pragma('wal_autocheckpoint = 1');
  // After a checkpoint the WAL is cut back to this size, so a burst never leaves a big file behind.
  db.pragma('journal_size_limit = 4194304');
  // 64 MiB of pages kept in memory (SQLite's default is 2 MiB): a search reads the index's
  // doclists and its hits' rows, and at 100,000 letters (1.7 GB) the default cache is emptied by
  // one query, so the next keystroke reads the same pages from the file again.
  db.pragma('cache_size = -65536');
}

/** Copies the WAL into the main file, empties it and closes: what every shell does on exit. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A busy or full disk: close() still checkpoints what it can, and the WAL keeps the rest.
  }
  db.close();
}

/** Opens the database to read only: `db check` never migrates, never checkpoints, never writes. */
export function openDatabaseReadOnly(dataDir: string): Db {
  const file = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(file)) throw new LetterdeskError('not-found', `No database at ${file}`);
  try {
    return new Database(file, { readonly: true, fileMustExist: true, timeout: 3000 });
  } catch (err) {
    throw toLetterdeskError(err, `Cannot open database ${file}`);
  }
}

/** Flushes a written file to the disk before it is renamed into place. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every file system syncs a folder (Windows): the rename itself is still atomic.
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration, each together with its version bump in one transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const appVersion = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const current = schemaVersion(db);
  if (current > appVersion) {
    throw new LetterdeskError(
      'db-newer-than-app',
      `The database has schema version ${current}, this app knows up to ${appVersion}. Update Letterdesk.`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.up?.(db);
      // PRAGMA cannot take bound parameters; m.version is an integer from our own table.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    })();
  }
}

export { APP_SCHEMA_VERSION };

/**
 * What is this file? Decided before anything writes to it (issue 11): an empty file, another
 * program's file, a database from a newer app, a locked database or a read-only folder is
 * refused with its own code and left byte for byte as it was; a damaged Letterdesk database is
 * reported as 'db-corrupt'. Reads only: the header with fs, the rest over a read-only
 * connection (which never checkpoints, never changes the journal mode).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LetterdeskError } from '../../shared/errors';
import { APP_SCHEMA_VERSION } from './migrations';
import { toLetterdeskError } from './sqlite-errors';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Tables every Letterdesk schema since version 1 has. */
const OWN_TABLES = ['letters', 'settings'];

export type Inspection = { kind: 'absent' } | { kind: 'letterdesk'; schemaVersion: number };

/** How long a start waits for another process's lock before saying 'db-busy'. */
const BUSY_MS = 1500;

export function inspectDatabaseFile(file: string, appVersion = APP_SCHEMA_VERSION): Inspection {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw toLetterdeskError(err, `Cannot read ${file}`);
  }
  if (size === 0) throw new LetterdeskError('db-empty', `${file} is an empty file, not a Letterdesk database`);
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  // Garbage where the header belongs: a Letterdesk database damaged at its start (the file
  // has our name, in our folder) — reported as damaged, so the app offers a backup.
  if (!head.subarray(0, 16).equals(SQLITE_MAGIC)) throw new LetterdeskError('db-corrupt', `${file} has no SQLite header: damaged`);
  // In rollback-journal mode the header's user_version is the truth: refuse a newer file
  // without opening it at all (a hot journal would otherwise be rolled back by the open).
  const headerVersion = head.readUInt32BE(60);
  const walMode = head[18] === 2 && head[19] === 2;
  if (!walMode && headerVersion > appVersion) throw newer(headerVersion, appVersion);

  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_MS });
  } catch (err) {
    throw toLetterdeskError(err, `Cannot open ${file}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > appVersion) throw newer(version, appVersion);
    const tables = new Set(db.prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all().map((r) => r.name));
    if (version === 0 || OWN_TABLES.some((t) => !tables.has(t))) {
      throw new LetterdeskError('db-not-letterdesk', `${file} is an SQLite database of another program (schema ${version}, tables: ${[...tables].slice(0, 8).join(', ') || 'none'})`);
    }
    const check = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (check.length !== 1 || check[0] !== 'ok') throw new LetterdeskError('db-corrupt', `${file} is damaged: ${check.slice(0, 5).join('; ')}`);
    return { kind: 'letterdesk', schemaVersion: version };
  } catch (err) {
    throw toLetterdeskError(err, `Cannot read ${file}`);
  } finally {
    db.close();
  }
}

/** Writing needs the folder (for -wal, -shm and new files) and the database's own files. */
export function assertWritable(dataDir: string, file: string): void {
  for (const p of [dataDir, file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.accessSync(p, fs.constants.W_OK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && p !== dataDir) continue;
      throw new LetterdeskError('read-only', `${p === dataDir ? 'The data folder' : path.basename(p)} is not writable: ${p}`);
    }
  }
}

function newer(found: number, app: number): LetterdeskError {
  return new LetterdeskError('db-newer-than-app', `The database has schema version ${found}, this app knows up to ${app}. Update Letterdesk.`);
}

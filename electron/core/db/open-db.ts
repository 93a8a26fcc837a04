import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LetterdeskError } from '../../shared/errors';
import { APP_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { toLetterdeskError } from './sqlite-errors';
import type { Db } from './db';

export type { Db };

export const DB_FILE_NAME = 'letterdesk.sqlite';

/**
 * Opens (creating if needed) the store in `dataDir`, sets the durability pragmas and
 * brings the schema up to date. A database written by a newer app is refused, never touched.
 */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw toLetterdeskError(err, `Cannot create data folder ${dataDir}`);
  }
  const file = path.join(dataDir, DB_FILE_NAME);
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw toLetterdeskError(err, `Cannot open database ${file}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 3000');
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw toLetterdeskError(err, `Cannot open database ${file}`);
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

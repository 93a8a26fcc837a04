import type Database from 'better-sqlite3';

/**
 * An open Letterdesk database. In a module of its own so that a repository or a migration can
 * name the type without importing open-db.ts, which imports every migration (an import cycle).
 */
export type Db = Database.Database;

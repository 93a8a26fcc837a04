/**
 * Migration 9 (issue #13): earlier versions become searchable. Every distinct line a letter's
 * versions have had is kept per letter (`search_history`), and the index gets a column `hist`
 * for the lines the letter no longer has — searched only when the clerk asks for earlier
 * versions. FTS5 cannot add a column, so the index is made again and filled. `search_pending`
 * lets an autosave mark its letter instead of rewriting its FTS row (search-index.ts `defer`).
 */
import type Database from 'better-sqlite3';
import { forgetSearchIndex, searchIndexFor } from '../search/search-index';

/** The index tables as migration 9 made them (migration 10 keeps the history one row per line). */
export const SEARCH_TABLES_SQL = `
  CREATE TABLE IF NOT EXISTS search_docs (
    doc        INTEGER PRIMARY KEY,
    letter_id  INTEGER NOT NULL UNIQUE REFERENCES letters(id),
    updated_at TEXT NOT NULL
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    body, head, party, extra, meta, hist,
    content = '', contentless_delete = 1, tokenize = 'ascii'
  );
  CREATE TABLE IF NOT EXISTS search_history (
    letter_id  INTEGER PRIMARY KEY REFERENCES letters(id),
    lines      TEXT NOT NULL
  );
  -- Letters whose content changed since their index row was written (autosave): written by the
  -- next search, which never answers from a stale row.
  CREATE TABLE IF NOT EXISTS search_pending (
    letter_id  INTEGER PRIMARY KEY
  );
`;

export const MIGRATION_9_SQL = `
  DROP TABLE IF EXISTS search_fts;
  DELETE FROM search_docs;
  ${SEARCH_TABLES_SQL}
`;

export function migration9Up(db: Database.Database): void {
  forgetSearchIndex(db);
  const index = searchIndexFor(db);
  const withVersions = db.prepare<[], { id: number }>(`SELECT DISTINCT letter_id AS id FROM versions ORDER BY letter_id`).all();
  for (const { id } of withVersions) index.versionsChanged(id);
  // Oldest change first: the index numbers its rows by recency.
  for (const { id } of db.prepare<[], { id: number }>(`SELECT id FROM letters ORDER BY updated_at, id`).all()) index.sync(id);
  db.prepare(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`).run();
}

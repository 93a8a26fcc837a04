/**
 * Migration 8 (issue #13): the full-text search index, filled for the letters already stored.
 * The index is derived data: what it holds follows electron/core/search (tokens, columns), and
 * a later change there ships its own migration that rebuilds it.
 */
import type Database from 'better-sqlite3';
import { searchIndexFor } from '../search/search-index';

/**
 * The index tables as migration 8 made them (migration 9 makes them anew with a column for
 * earlier versions). IF NOT EXISTS: tests make an older database by lowering user_version of a
 * current one, and the fill below replaces rows.
 */
const SEARCH_TABLES_V8_SQL = `
  CREATE TABLE IF NOT EXISTS search_docs (
    doc        INTEGER PRIMARY KEY,
    letter_id  INTEGER NOT NULL UNIQUE REFERENCES letters(id),
    updated_at TEXT NOT NULL
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    body, head, party, extra, meta,
    content = '', contentless_delete = 1, tokenize = 'ascii'
  );
`;

export const MIGRATION_8_SQL = `
  ${SEARCH_TABLES_V8_SQL}
  -- The notes of a letter's versions are searchable text: read without walking every version.
  CREATE INDEX IF NOT EXISTS versions_noted ON versions (letter_id, seq) WHERE note IS NOT NULL;
`;

export function migration8Up(db: Database.Database): void {
  const index = searchIndexFor(db);
  // Oldest change first: the index numbers its rows by recency.
  for (const { id } of db.prepare<[], { id: number }>(`SELECT id FROM letters ORDER BY updated_at, id`).all()) index.sync(id);
  // One merged segment per term: the first searches read one b-tree, not hundreds of small ones.
  db.prepare(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`).run();
}

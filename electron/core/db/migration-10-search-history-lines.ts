/**
 * Migration 10: the lines of a letter's earlier versions (migration 9) are kept one row per
 * line instead of one JSON array per letter. With the array, every version kept read, parsed and
 * rewrote all the lines the letter had ever had — a letter with a long history paid more for each
 * Ctrl+S, and its row spilled over many pages. A row per line costs a lookup per line of the new
 * version and writes only the lines it adds. Pure SQL: nothing derived changes.
 *
 * IF NOT EXISTS / OR IGNORE: tests make an older database by lowering user_version of a current
 * one and migrating again.
 */

/** The history table as this and later versions have it. */
const SEARCH_HISTORY_LINES_SQL = `
  CREATE TABLE IF NOT EXISTS search_history_lines (
    letter_id  INTEGER NOT NULL REFERENCES letters(id),
    line       TEXT NOT NULL,
    PRIMARY KEY (letter_id, line)
  ) WITHOUT ROWID;
`;

export const MIGRATION_10_SQL = `
  ${SEARCH_HISTORY_LINES_SQL}
  CREATE TABLE IF NOT EXISTS search_history (letter_id INTEGER PRIMARY KEY, lines TEXT NOT NULL);
  INSERT OR IGNORE INTO search_history_lines (letter_id, line)
    SELECT h.letter_id, j.value FROM search_history h, json_each(h.lines) j WHERE j.type = 'text';
  DROP TABLE search_history;
`;

/**
 * The index tables as the running app has them: a damaged index is made again from here
 * (search-rebuild.ts). Only search_fts and search_docs are ever dropped for that.
 */
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
  ${SEARCH_HISTORY_LINES_SQL}
  CREATE TABLE IF NOT EXISTS search_pending (
    letter_id  INTEGER PRIMARY KEY
  );
`;

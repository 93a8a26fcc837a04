/**
 * The search index (issue #13): one FTS5 row per letter, replaced in the transaction of every
 * write that changes what search sees (letters-repo, letter numbers, version notes, recorded
 * signatures call `sync`). Rows are numbered by recency: a letter whose `updated_at` changed
 * gets the next number, so "newest first" is FTS5's own rowid order and a page of hits never
 * sorts the whole match set.
 */
import type { Db } from '../db/db';
import type { LetterStatus } from '../../shared/domain';
import type { LetterContent } from '../../shared/letter-content';
import { bodyLines, bodyText, signerNames, type LetterText } from './letter-text';
import { columnTokens } from './fts-text';

const STATUS_TOKEN: Record<LetterStatus, string> = {
  draft: 'sdraft',
  'awaiting-signature': 'sawaiting',
  signed: 'ssigned',
  archived: 'sarchived',
  void: 'svoid',
};

export function statusToken(status: LetterStatus): string {
  return STATUS_TOKEN[status];
}

/** Template ids may hold any character: the token is their UTF-8 in hex. */
export function templateToken(templateId: string | null): string {
  return templateId === null ? 'tnone' : `t${Buffer.from(templateId, 'utf8').toString('hex')}`;
}

type BodyContent = Pick<LetterContent, 'doc' | 'fields' | 'values'>;

export interface LetterRow {
  title: string;
  number: string | null;
  status: LetterStatus;
  template_id: string | null;
  trashed_at: string | null;
  updated_at: string;
  parties: string;
  doc_json: string;
  fields_json: string;
  values_json: string;
}

export function createSearchIndex(db: Db) {
  const letterRow = db.prepare<[number], LetterRow>(
    `SELECT title, number, status, template_id, trashed_at, updated_at, parties, doc_json, fields_json, values_json FROM letters WHERE id = ?`,
  );
  const headRow = db.prepare<[number], Omit<LetterRow, 'doc_json' | 'fields_json' | 'values_json'>>(
    `SELECT title, number, status, template_id, trashed_at, updated_at, parties FROM letters WHERE id = ?`,
  );
  const notes = db.prepare<[number], { note: string }>(`SELECT note FROM versions WHERE letter_id = ? AND note IS NOT NULL ORDER BY seq`);
  const signers = db.prepare<[number], { payload: string }>(
    `SELECT payload FROM signature_events WHERE letter_id = ? AND kind = 'signature-recorded' ORDER BY id`,
  );
  const docOf = db.prepare<[number], { doc: number; updated_at: string }>(`SELECT doc, updated_at FROM search_docs WHERE letter_id = ?`);
  const lastDoc = db.prepare<[], { doc: number | null }>(`SELECT max(doc) AS doc FROM search_docs`);
  const insertDoc = db.prepare<[number, number, string]>(`INSERT INTO search_docs (doc, letter_id, updated_at) VALUES (?, ?, ?)`);
  const moveDoc = db.prepare<[number, string, number]>(`UPDATE search_docs SET doc = ?, updated_at = ? WHERE letter_id = ?`);
  const deleteRow = db.prepare<[number]>(`DELETE FROM search_fts WHERE rowid = ?`);
  const deleteDoc = db.prepare<[number]>(`DELETE FROM search_docs WHERE doc = ?`);
  // Migration 8 made the tables without `hist`, the history and search_pending, and runs this
  // code before migration 9 adds them; migration 9 kept the history as one JSON array per letter
  // (search_history) and runs this code before migration 10 makes it a row per line.
  const tables = new Set(db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all());
  const history = tables.has('search_history_lines') ? lineHistory(db) : tables.has('search_history') ? arrayHistory(db) : null;
  const hasHistory =
    history !== null && tables.has('search_pending') && db.prepare(`SELECT * FROM search_fts LIMIT 0`).columns().some((c) => c.name === 'hist');
  const addPending = hasHistory ? db.prepare<[number]>(`INSERT OR IGNORE INTO search_pending (letter_id) VALUES (?)`) : null;
  const dropPending = hasHistory ? db.prepare<[number]>(`DELETE FROM search_pending WHERE letter_id = ?`) : null;
  // Oldest change first, so that rows keep their recency order (letters gone are dropped from the index).
  const pendingIds = hasHistory
    ? db.prepare<[], { id: number }>(
        `SELECT p.letter_id AS id FROM search_pending p LEFT JOIN letters l ON l.id = p.letter_id ORDER BY l.updated_at, p.letter_id`,
      )
    : null;
  const insertRow = db.prepare<[number, string, string, string, string, string]>(
    `INSERT INTO search_fts (rowid, body, head, party, extra, meta) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertRowWithHistory = hasHistory
    ? db.prepare<[number, string, string, string, string, string, string]>(
        `INSERT INTO search_fts (rowid, body, head, party, extra, meta, hist) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
    : null;
  const versionContents = db.prepare<[number], { content_json: string }>(`SELECT content_json FROM versions WHERE letter_id = ? ORDER BY seq`);

  // Passages of hits read the text of the same recent letters keystroke after keystroke; a
  // write drops its letter (never stores it: the write's transaction may still roll back).
  const texts = new Map<number, LetterText & { updatedAt?: string }>();
  const TEXT_CACHE_SIZE = 2000;

  /**
   * The letter's searchable text as stored (for passages), or null when there is no such letter.
   * `updatedAt`: the letter's as just read; a cached text from before (written by another
   * process, e.g. the CLI beside the app) is read again.
   */
  function textOf(letterId: number, updatedAt?: string): LetterText | null {
    const cached = cachedOnly(letterId, updatedAt);
    if (cached) return cached;
    const fresh = read(letterId);
    return fresh && remember(letterId, fresh);
  }

  /** The cached text when it is as of `updatedAt` (moved to the cache's newest end), or null. */
  function cachedOnly(letterId: number, updatedAt?: string): LetterText | null {
    const text = texts.get(letterId);
    if (!text || (updatedAt !== undefined && text.updatedAt !== updatedAt)) return null;
    texts.delete(letterId);
    texts.set(letterId, text);
    return text;
  }

  function remember(letterId: number, fresh: LetterText & { row: { updated_at: string } }): LetterText {
    // The row (with its content columns) is not kept: the cache holds up to TEXT_CACHE_SIZE letters.
    const { row, ...rest } = fresh;
    const text = { ...rest, updatedAt: row.updated_at };
    texts.delete(letterId);
    texts.set(letterId, text);
    if (texts.size > TEXT_CACHE_SIZE) texts.delete(texts.keys().next().value!);
    return text;
  }

  /**
   * The text of a letter row the caller has just read with its content columns (a search hit
   * reads its register columns and its content in one statement), cached like `textOf`.
   */
  function textOfRow(letterId: number, row: LetterRow): LetterText {
    return cachedOnly(letterId, row.updated_at) ?? remember(letterId, textFrom(letterId, row, contentOf(row)));
  }

  // Letters of one template share their field definitions: parsed once, not once per letter.
  const parsedFields = new Map<string, LetterContent['fields']>();
  function contentOf(row: LetterRow): BodyContent {
    let fields = parsedFields.get(row.fields_json);
    if (!fields) {
      fields = JSON.parse(row.fields_json) as LetterContent['fields'];
      if (parsedFields.size >= 64) parsedFields.delete(parsedFields.keys().next().value!);
      parsedFields.set(row.fields_json, fields);
    }
    return { doc: JSON.parse(row.doc_json), fields, values: JSON.parse(row.values_json) };
  }

  /** The letter's searchable text; `content` when the caller has it parsed already. */
  function read(letterId: number, content?: BodyContent): (LetterText & { row: Omit<LetterRow, 'doc_json' | 'fields_json' | 'values_json'> }) | null {
    const row = content ? headRow.get(letterId) : letterRow.get(letterId);
    if (!row) return null;
    return textFrom(letterId, row, content ?? contentOf(row as LetterRow));
  }

  function textFrom<R extends Omit<LetterRow, 'doc_json' | 'fields_json' | 'values_json'>>(letterId: number, row: R, c: BodyContent): LetterText & { row: R } {
    const body = bodyText(c.doc, c.fields, c.values);
    return {
      row,
      title: row.title,
      number: row.number,
      body,
      parties: row.parties,
      signers: signerNames(signers.all(letterId).map((r) => r.payload)),
      notes: notes.all(letterId).map((r) => r.note),
      history: oldLines(letterId, body),
    };
  }

  /** Lines of the letter's versions that its current body does not have. */
  function oldLines(letterId: number, body: string): string[] {
    if (!hasHistory) return [];
    const stored = history!.lines(letterId);
    if (!stored.length) return [];
    const current = new Set(body.split('\n'));
    return stored.filter((line) => !current.has(line));
  }

  /** Every distinct line any version of the letter has had, oldest first. */
  function linesOfVersions(letterId: number): string[] {
    const lines = new Set<string>();
    for (const { content_json } of versionContents.all(letterId)) {
      const c = JSON.parse(content_json) as LetterContent;
      for (const line of bodyLines(bodyText(c.doc, c.fields, c.values))) lines.add(line);
    }
    return [...lines];
  }

  /**
   * Brings the letter's row up to date with what is stored. Call inside the transaction of the
   * write (it writes nothing outside it); `content` saves re-reading the body just saved.
   */
  function sync(letterId: number, content?: LetterContent): void {
    // Rows are numbered by recency: the letters waiting are older changes and go first.
    flushPending();
    write(letterId, content);
  }

  /**
   * The autosave's share (issue #13): the letter is marked in the same transaction as its
   * content and written to the index by the next search (or other indexed write) — one small
   * row instead of a whole FTS row per keystroke pause. No search ever answers from a stale row.
   */
  function defer(letterId: number): void {
    if (!addPending) return sync(letterId);
    texts.delete(letterId);
    addPending.run(letterId);
  }

  /** Writes the letters marked by `defer` (each search calls this first); a no-op when none wait. */
  function flushPending(): void {
    if (!pendingIds) return;
    const ids = pendingIds.all();
    if (!ids.length) return;
    db.transaction(() => {
      for (const { id } of ids) write(id);
    })();
  }

  function write(letterId: number, content?: LetterContent): void {
    texts.delete(letterId);
    dropPending?.run(letterId);
    const text = read(letterId, content);
    const current = docOf.get(letterId);
    if (!text) {
      if (current) {
        deleteRow.run(current.doc);
        deleteDoc.run(current.doc);
      }
      return;
    }
    const { row } = text;
    let doc: number;
    if (current && current.updated_at === row.updated_at) {
      doc = current.doc;
      deleteRow.run(doc);
    } else {
      if (current) deleteRow.run(current.doc);
      doc = (lastDoc.get()!.doc ?? 0) + 1;
      if (current) moveDoc.run(doc, row.updated_at, letterId);
      else insertDoc.run(doc, letterId, row.updated_at);
    }
    const columns = [
      doc,
      columnTokens([text.body]),
      columnTokens([text.title, text.number ?? '']),
      columnTokens([text.parties]),
      columnTokens([...text.signers, ...text.notes]),
      [row.trashed_at ? 'trashed' : 'live', STATUS_TOKEN[row.status], templateToken(row.template_id)].join(' '),
    ] as const;
    if (insertRowWithHistory) insertRowWithHistory.run(...columns, columnTokens(text.history));
    else insertRow.run(...columns);
  }

  /**
   * A version was kept (`content`) or versions were pruned (no `content`): the lines of the
   * letter's earlier versions follow, and its index row with them (true when it was written).
   * Inside the write's transaction.
   */
  function versionsChanged(letterId: number, content?: LetterContent): boolean {
    if (!hasHistory) return false;
    if (!content) {
      history!.replace(letterId, linesOfVersions(letterId));
      sync(letterId);
      return true;
    }
    const added = history!.add(letterId, bodyLines(bodyText(content.doc, content.fields, content.values)));
    if (!added.length) return false;
    // A version is nearly always of the letter as it is: lines it adds that the letter still
    // has change nothing the index holds (`hist` keeps only lines the letter no longer has).
    const row = letterRow.get(letterId);
    if (row) {
      const current = new Set(bodyText(JSON.parse(row.doc_json), JSON.parse(row.fields_json), JSON.parse(row.values_json)).split('\n'));
      if (added.every((line) => current.has(line))) return false;
    }
    sync(letterId);
    return true;
  }

  return {
    sync,
    defer,
    flushPending,
    versionsChanged,
    textOf,
    textOfRow,
    /** The cached text as of `updatedAt`, or null (nothing is read). */
    cachedText: (letterId: number, updatedAt: string) => cachedOnly(letterId, updatedAt),
    /** Empties the passage cache (the bench measures passages read from the database). */
    forgetTexts: () => texts.clear(),
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;

/** Where the distinct lines of a letter's versions are kept. */
interface VersionLines {
  lines(letterId: number): string[];
  /** Keeps the lines not kept yet and returns them. */
  add(letterId: number, lines: string[]): string[];
  replace(letterId: number, lines: string[]): void;
}

/** Migration 10 on: a row per line; keeping a version writes only the lines it adds. */
function lineHistory(db: Db): VersionLines {
  const select = db.prepare<[number], string>(`SELECT line FROM search_history_lines WHERE letter_id = ?`).pluck();
  const insert = db.prepare<[number, string]>(`INSERT OR IGNORE INTO search_history_lines (letter_id, line) VALUES (?, ?)`);
  const remove = db.prepare<[number]>(`DELETE FROM search_history_lines WHERE letter_id = ?`);
  return {
    lines: (letterId) => select.all(letterId),
    add: (letterId, lines) => lines.filter((line) => insert.run(letterId, line).changes > 0),
    replace(letterId, lines) {
      remove.run(letterId);
      for (const line of lines) insert.run(letterId, line);
    },
  };
}

/** Migration 9's layout (one JSON array per letter), used only while migration 9 runs. */
function arrayHistory(db: Db): VersionLines {
  const select = db.prepare<[number], string>(`SELECT lines FROM search_history WHERE letter_id = ?`).pluck();
  const put = db.prepare<[number, string]>(
    `INSERT INTO search_history (letter_id, lines) VALUES (?, ?) ON CONFLICT (letter_id) DO UPDATE SET lines = excluded.lines`,
  );
  const lines = (letterId: number): string[] => {
    const stored = select.get(letterId);
    return stored === undefined ? [] : (JSON.parse(stored) as string[]);
  };
  return {
    lines,
    add(letterId, candidates) {
      const known = lines(letterId);
      const seen = new Set(known);
      const added = candidates.filter((line) => !seen.has(line));
      if (added.length) put.run(letterId, JSON.stringify([...known, ...added]));
      return added;
    },
    replace: (letterId, all) => void put.run(letterId, JSON.stringify(all)),
  };
}

/**
 * An index writer for a migration, prepared against the tables as that migration left them.
 * The running core builds one per open database (createVersionStore) and passes it to every
 * repository that writes searchable text; nothing looks it up behind the caller's back.
 * Migrations 8 and 9 call this and `forgetSearchIndex` by name (their source is pinned by
 * tests/unit/migrations-pinned.test.ts), so both names stay.
 */
export function searchIndexFor(db: Db): SearchIndex {
  return createSearchIndex(db);
}

/** Nothing is cached per database any more (see searchIndexFor); kept for migration 9's pinned source. */
export function forgetSearchIndex(_db: Db): void {}

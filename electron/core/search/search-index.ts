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
import { bodyText, signerNames, type LetterText } from './letter-text';
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

interface LetterRow {
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
  const insertRow = db.prepare<[number, string, string, string, string, string]>(
    `INSERT INTO search_fts (rowid, body, head, party, extra, meta) VALUES (?, ?, ?, ?, ?, ?)`,
  );

  // Passages of hits read the text of the same recent letters keystroke after keystroke; a
  // write drops its letter (never stores it: the write's transaction may still roll back).
  const texts = new Map<number, LetterText & { updatedAt?: string }>();
  const TEXT_CACHE_SIZE = 2000;

  /**
   * The letter's searchable text as stored (for passages), or null when there is no such letter.
   * `updatedAt`: the letter's as just read; a cached text from before (written by another
   * process, e.g. the CLI beside the app) is read again.
   */
  function cachedText(letterId: number, updatedAt?: string): LetterText | null {
    let text: (LetterText & { updatedAt?: string }) | null | undefined = texts.get(letterId);
    if (text && updatedAt !== undefined && text.updatedAt !== updatedAt) text = undefined;
    if (text) {
      texts.delete(letterId);
    } else {
      const fresh = read(letterId);
      if (!fresh) return null;
      text = { ...fresh, updatedAt: fresh.row.updated_at };
    }
    texts.set(letterId, text);
    if (texts.size > TEXT_CACHE_SIZE) texts.delete(texts.keys().next().value!);
    return text;
  }

  /** The letter's searchable text; `content` when the caller has it parsed already. */
  function read(letterId: number, content?: LetterContent): (LetterText & { row: Omit<LetterRow, 'doc_json' | 'fields_json' | 'values_json'> }) | null {
    const row = content ? headRow.get(letterId) : letterRow.get(letterId);
    if (!row) return null;
    const c = content ?? {
      doc: JSON.parse((row as LetterRow).doc_json),
      fields: JSON.parse((row as LetterRow).fields_json),
      values: JSON.parse((row as LetterRow).values_json),
    };
    return {
      row,
      title: row.title,
      number: row.number,
      body: bodyText(c.doc, c.fields, c.values),
      parties: row.parties,
      signers: signerNames(signers.all(letterId).map((r) => r.payload)),
      notes: notes.all(letterId).map((r) => r.note),
    };
  }

  /**
   * Brings the letter's row up to date with what is stored. Call inside the transaction of the
   * write (it writes nothing outside it); `content` saves re-reading the body just saved.
   */
  function sync(letterId: number, content?: LetterContent): void {
    texts.delete(letterId);
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
    insertRow.run(
      doc,
      columnTokens([text.body]),
      columnTokens([text.title, text.number ?? '']),
      columnTokens([text.parties]),
      columnTokens([...text.signers, ...text.notes]),
      [row.trashed_at ? 'trashed' : 'live', STATUS_TOKEN[row.status], templateToken(row.template_id)].join(' '),
    );
  }

  return {
    sync,
    textOf: cachedText,
    /** Empties the passage cache (the bench measures passages read from the database). */
    forgetTexts: () => texts.clear(),
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;

const indexes = new WeakMap<Db, SearchIndex>();

/** One index writer per open database (statements prepared once), shared by every repository. */
export function searchIndexFor(db: Db): SearchIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = createSearchIndex(db)));
  return index;
}

import type { Db } from './db/open-db';
import type { LetterStatus, Page } from '../shared/domain';
import type { RegisterQuery, RegisterRow, RegisterSort } from '../shared/register';
import { textMatch } from './search/compile-query';
import type { SearchIndex } from './search/search-index';

/** A register row as stored (search hits read the same columns). */
export interface RegisterDbRow {
  id: number;
  number: string | null;
  title: string;
  status: LetterStatus;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
  parties: string;
  template_id: string | null;
  signed_on: string | null;
}

// Whitelisted ORDER BY clauses; user input never reaches the SQL text.
const ORDER: Record<RegisterSort, string> = {
  'updated-desc': 'updated_at DESC, id DESC',
  'updated-asc': 'updated_at ASC, id ASC',
  'number-asc': 'number IS NULL, number ASC, id ASC',
  'number-desc': 'number IS NULL, number DESC, id DESC',
  'title-asc': 'title COLLATE NOCASE ASC, id ASC',
  'signed-desc': 'signed_on IS NULL, signed_on DESC, id DESC',
  'created-desc': 'created_at DESC, id DESC',
};

export const REGISTER_COLUMNS = 'id, number, title, status, created_at, updated_at, trashed_at, parties, template_id, signed_on';

export const toRegisterRow = (r: RegisterDbRow): RegisterRow => ({
  id: r.id,
  number: r.number,
  title: r.title,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  trashedAt: r.trashed_at,
  parties: r.parties,
  templateId: r.template_id,
  signedOn: r.signed_on,
});

/** The register: filtered, sorted, paged queries with bound parameters only. */
export function createRegisterRepo(db: Db, search: SearchIndex) {
  type Params = (string | number)[];
  const cache = new Map<string, { page: import('better-sqlite3').Statement<Params, RegisterDbRow>; count: import('better-sqlite3').Statement<Params, { n: number }> }>();

  function build(q: RegisterQuery) {
    const where: string[] = [q.trashed ? 'trashed_at IS NOT NULL' : 'trashed_at IS NULL'];
    const params: (string | number)[] = [];
    if (q.status?.length) {
      where.push(`status IN (${q.status.map(() => '?').join(',')})`);
      params.push(...q.status);
    }
    if (q.templateId) {
      where.push('template_id = ?');
      params.push(q.templateId);
    }
    if (q.party) {
      where.push(`instr(parties, ?) > 0`);
      params.push(q.party);
    }
    const match = q.text ? textMatch(q.text) : null;
    if (match) {
      // Letters saved since their index row was written are written first (never a stale answer).
      search.flushPending();
      // The full-text index (issue #13): title, number, body, parties, signers, notes.
      where.push(`id IN (SELECT d.letter_id FROM search_fts f JOIN search_docs d ON d.doc = f.rowid WHERE search_fts MATCH ?)`);
      params.push(match);
    }
    if (q.from) {
      where.push('updated_at >= ?');
      params.push(q.from);
    }
    if (q.to) {
      // Inclusive end date: everything before the next day.
      where.push('updated_at < ?');
      params.push(`${q.to}\uffff`);
    }
    const whereSql = where.join(' AND ');
    const key = `${whereSql}|${q.sort ?? 'updated-desc'}`;
    let stmts = cache.get(key);
    if (!stmts) {
      stmts = {
        page: db.prepare<Params, RegisterDbRow>(`SELECT ${REGISTER_COLUMNS}
                          FROM letters WHERE ${whereSql} ORDER BY ${ORDER[q.sort ?? 'updated-desc']} LIMIT ? OFFSET ?`),
        count: db.prepare<Params, { n: number }>(`SELECT count(*) AS n FROM letters WHERE ${whereSql}`),
      };
      if (cache.size > 200) cache.clear();
      cache.set(key, stmts);
    }
    return { stmts, params };
  }

  return {
    query(q: RegisterQuery): Page<RegisterRow> {
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 100;
      const { stmts, params } = build(q);
      const items = stmts.page.all(...params, limit, offset).map(toRegisterRow);
      const total = stmts.count.get(...params)!.n;
      return { items, total, offset, limit };
    },
    /** Every matching row, in batches (CSV export of the filtered register). */
    *iterate(q: RegisterQuery): Generator<RegisterRow> {
      const { stmts, params } = build(q);
      for (let offset = 0; ; offset += 1000) {
        const rows = stmts.page.all(...params, 1000, offset);
        for (const r of rows) yield toRegisterRow(r);
        if (rows.length < 1000) return;
      }
    },
  };
}

/**
 * Answers a search (issue #13) from the FTS5 index alone: every term and filter is part of the
 * MATCH expression (filters are tokens of the `meta` and `party` columns), rows come in
 * recency order straight from FTS5 (rowid DESC), so neither a page nor a count reads a letter
 * that does not match. Only the date filters join the letters table, row by matching row.
 */
import type { Db } from '../db/open-db';
import type { SearchHit, SearchPage, SearchQuery } from '../../shared/search';
import type { Term } from './query';
import type { SearchIndex } from './search-index';
import { compileQuery } from './compile-query';
import { REGISTER_COLUMNS, toRegisterRow, type RegisterDbRow } from '../register-repo';
import { segmentsOf, type LetterText } from './letter-text';
import { buildSnippet, type PassageSource } from './snippet';
import { matchText } from './match';

/** Counting stops here: "more than 1,000 letters" is all a clerk needs to narrow the query. */
export const COUNT_CAP = 1000;
export const DEFAULT_SEARCH_LIMIT = 50;

export function createSearcher(db: Db, index: SearchIndex) {
  type Params = (string | number)[];
  const cache = new Map<string, { page: import('better-sqlite3').Statement<Params, { id: number }>; count: import('better-sqlite3').Statement<Params, { n: number }> }>();
  // Folded text of the letters the index keeps cached (typing repeats them), dropped with them.
  const prepared = new WeakMap<LetterText, PassageSource[]>();
  const sourcesOf = (text: LetterText) => {
    let sources = prepared.get(text);
    if (!sources) prepared.set(text, (sources = segmentsOf(text).map((s) => ({ ...s, prepared: matchText(s.text) }))));
    return sources;
  };
  const rowById = db.prepare<[number], RegisterDbRow>(`SELECT ${REGISTER_COLUMNS} FROM letters WHERE id = ?`);

  function statements(dates: boolean) {
    const key = String(dates);
    let s = cache.get(key);
    if (!s) {
      const join = dates ? `JOIN letters l ON l.id = d.letter_id AND l.updated_at >= ? AND l.updated_at < ?` : '';
      s = {
        page: db.prepare<Params, { id: number }>(
          `SELECT d.letter_id AS id FROM search_fts f JOIN search_docs d ON d.doc = f.rowid ${join}
           WHERE search_fts MATCH ? ORDER BY f.rowid DESC LIMIT ? OFFSET ?`,
        ),
        count: db.prepare<Params, { n: number }>(
          `SELECT count(*) AS n FROM (SELECT 1 FROM search_fts f ${dates ? `JOIN search_docs d ON d.doc = f.rowid ${join}` : ''}
           WHERE search_fts MATCH ? LIMIT ?)`,
        ),
      };
      cache.set(key, s);
    }
    return s;
  }

  /** Letter ids matching `match`, newest first, and how many match (up to `cap`). */
  function run(match: string, q: SearchQuery, offset: number, limit: number, cap: number): { ids: number[]; count: number } {
    const dates = !!(q.from || q.to);
    const s = statements(dates);
    // Inclusive end date: everything before the next day (as the register).
    const range: Params = dates ? [q.from ?? '', q.to ? `${q.to}\uffff` : '\uffff'] : [];
    const ids = limit > 0 ? s.page.all(...range, match, limit, offset).map((r) => r.id) : [];
    return { ids, count: s.count.get(...range, match, cap)!.n };
  }

  function hitOf(id: number, terms: Term[], inTitle: boolean, history: boolean): SearchHit | null {
    const r = rowById.get(id);
    const text = r && index.textOf(id, r.updated_at);
    if (!r || !text) return null;
    // Lines of earlier versions give a passage only when they were searched.
    const sources = history ? sourcesOf(text) : sourcesOf(text).filter((s) => s.field !== 'history');
    const { snippet, bodyMatch } = buildSnippet(sources, terms);
    return { ...toRegisterRow(r), inTitle, snippet, bodyMatch };
  }

  return {
    /** Hits ranked: title or number matches first, then the rest; newest first within each. */
    search(q: SearchQuery): SearchPage {
      index.flushPending();
      const offset = Math.max(0, q.offset ?? 0);
      const limit = Math.max(0, q.limit ?? DEFAULT_SEARCH_LIMIT);
      const compiled = compileQuery(q);
      if (!compiled) return { items: [], total: 0, capped: false, offset, limit };
      const cap = Math.max(COUNT_CAP, offset + limit) + 1;
      const head = run(compiled.head, q, offset, limit, cap);
      const restOffset = Math.max(0, offset - head.count);
      const restLimit = Math.max(0, limit - head.ids.length);
      const rest = run(compiled.rest, q, restOffset, restLimit, cap);
      const total = Math.min(head.count + rest.count, cap);
      const items = [
        ...head.ids.map((id) => hitOf(id, compiled.terms, true, !!q.history)),
        ...rest.ids.map((id) => hitOf(id, compiled.terms, false, !!q.history)),
      ].filter((h): h is SearchHit => h !== null);
      return { items, total: Math.min(total, cap - 1), capped: total >= cap, offset, limit };
    },
  };
}


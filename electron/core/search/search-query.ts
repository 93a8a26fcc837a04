/**
 * Answers a search (issue #13) from the FTS5 index alone: every term and filter is part of the
 * MATCH expression (filters are tokens of the `meta` and `party` columns), rows come in
 * recency order straight from FTS5 (rowid DESC), so neither a page nor a count reads a letter
 * that does not match. Only the date filters join the letters table, row by matching row.
 */
import type { Db } from '../db/open-db';
import type { SearchHit, SearchPage, SearchQuery } from '../../shared/search';
import type { Term } from './query';
import type { LetterRow, SearchIndex } from './search-index';
import { compileQuery } from './compile-query';
import { REGISTER_COLUMNS, toRegisterRow, type RegisterDbRow } from '../register-repo';
import { segmentsOf, type LetterText } from './letter-text';
import { buildSnippet, type PassageSource } from './snippet';

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
    // Each segment is prepared for matching when a search first looks at it (buildSnippet).
    if (!sources) prepared.set(text, (sources = segmentsOf(text)));
    return sources;
  };
  const rowById = db.prepare<[number], RegisterDbRow>(`SELECT ${REGISTER_COLUMNS} FROM letters WHERE id = ?`);
  // A hit whose text is not cached reads its register columns and its content in one go: the
  // columns added by later migrations sit behind the content in the row (its overflow pages).
  const stampOf = db.prepare<[number], string>(`SELECT updated_at FROM letters WHERE id = ?`).pluck();
  const rowWithContent = db.prepare<[number], RegisterDbRow & LetterRow>(
    `SELECT ${REGISTER_COLUMNS}, doc_json, fields_json, values_json FROM letters WHERE id = ?`,
  );

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
    // A short page is the end of the matches: it gives the count without running the match
    // again. (The title-only match of a word that no title has reads the word's whole doclist
    // to find nothing; at 100,000 letters that is milliseconds, and it was done twice.)
    // (An empty page past offset 0 says nothing of how many came before it.)
    if (ids.length < limit && (ids.length > 0 || offset === 0)) return { ids, count: Math.min(offset + ids.length, cap) };
    return { ids, count: s.count.get(...range, match, cap)!.n };
  }

  function hitOf(id: number, terms: Term[], inTitle: boolean, history: boolean): SearchHit | null {
    const stamp = stampOf.get(id);
    if (stamp === undefined) return null;
    let r: RegisterDbRow | undefined;
    let text = index.cachedText(id, stamp);
    if (text) r = rowById.get(id);
    else {
      const full = rowWithContent.get(id);
      if (full) text = index.textOfRow(id, full);
      r = full;
    }
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


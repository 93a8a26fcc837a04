/**
 * A typed search as FTS5 MATCH expressions (issue #13): each term a phrase over the text
 * columns (fts-text.ts), the register's filters as tokens of the `meta` and `party` columns.
 */
import type { SearchQuery } from '../../shared/search';
import { parseQuery, type Term } from './query';
import { termPhrase } from './fts-text';
import { statusToken, templateToken } from './search-index';

const TEXT_COLUMNS = '{head body party extra}';
/** With the history toggle: also the lines only earlier versions have. */
const TEXT_AND_HISTORY_COLUMNS = '{head body party extra hist}';

/** Every term, as a phrase in `columns`. */
const allOf = (terms: Term[], columns: string) => terms.map((t) => `${columns} : ${termPhrase(t)}`).join(' AND ');

/** The MATCH expression for the terms of `text` alone (no filters), or null when it has none. */
export function textMatch(text: string): string | null {
  const terms = parseQuery(text);
  return terms.length ? allOf(terms, TEXT_COLUMNS) : null;
}

/** The MATCH expressions for a query, or null when it has no term to look for. */
export function compileQuery(q: Omit<SearchQuery, 'offset' | 'limit'>): { all: string; head: string; rest: string; terms: Term[] } | null {
  const terms = parseQuery(q.text);
  if (!terms.length) return null;
  const filters = [q.trashed ? 'trashed' : 'live'];
  if (q.status?.length) filters.push(`(${q.status.map((s) => `"${statusToken(s)}"`).join(' OR ')})`);
  if (q.templateId !== undefined) filters.push(`"${templateToken(q.templateId)}"`);
  const metaExpr = `{meta} : (${filters.join(' AND ')})`;
  const party = parseQuery(q.party ?? '');
  const filterExpr = party.length ? `${metaExpr} AND ${allOf(party, '{party}')}` : metaExpr;
  const all = allOf(terms, q.history ? TEXT_AND_HISTORY_COLUMNS : TEXT_COLUMNS);
  const head = allOf(terms, '{head}');
  return {
    terms,
    all: `${all} AND ${filterExpr}`,
    head: `${head} AND ${filterExpr}`,
    rest: `(${all} AND ${filterExpr}) NOT (${head})`,
  };
}

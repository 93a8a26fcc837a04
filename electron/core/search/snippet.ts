/** The passage a hit shows (issue #13): around the first match, every match in it marked by offsets. */
import type { SearchSnippet, SearchField } from '../../shared/search';
import { findTerm, matchText, type MatchText } from './match';
import type { Term } from './query';

/** Characters kept before the first match: few, so the match shows in a narrow column. */
const BEFORE = 6;
const LENGTH = 90;

/** Matches of any term in `text`, sorted, overlaps merged. */
function allMatches(prepared: MatchText, terms: Term[]): [number, number][] {
  const found = terms.flatMap((t) => findTerm(prepared, t)).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of found) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** A window of `text` that keeps surrogate pairs whole. */
function safeCut(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

export interface SnippetResult {
  snippet: SearchSnippet | null;
  /** The first match in the body, as written. */
  bodyMatch: string | null;
}

export interface PassageSource {
  field: SearchField;
  text: string;
  /** matchText(text): set here on first need, kept when the caller keeps the segment between searches. */
  prepared?: MatchText;
}

/** The first segment (in the order given) with a match gives the passage. */
export function buildSnippet(segments: PassageSource[], terms: Term[]): SnippetResult {
  let bodyMatch: string | null = null;
  for (const segment of segments) {
    const { field, text } = segment;
    // Prepared on first need and kept on the segment (a passage is mostly found in the body).
    const matches = allMatches((segment.prepared ??= matchText(text)), terms);
    if (!matches.length) continue;
    const [first] = matches as [[number, number]];
    if (field === 'body') bodyMatch = text.slice(first[0], first[1]);
    // One line of the letter: the passage does not run into the next clause.
    const lineStart = text.lastIndexOf('\n', first[0] - 1) + 1;
    const lineEndAt = text.indexOf('\n', first[1]);
    const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
    const start = safeCut(text, Math.max(lineStart, first[0] - BEFORE));
    const end = safeCut(text, Math.min(lineEnd, Math.max(first[1], start + LENGTH)));
    const highlights = matches
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): [number, number] => [s - start, e - start]);
    return {
      snippet: { field, text: text.slice(start, end), highlights, cutStart: start > 0, cutEnd: end < text.length },
      bodyMatch,
    };
  }
  return { snippet: null, bodyMatch };
}

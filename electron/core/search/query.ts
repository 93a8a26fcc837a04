/**
 * The search box's text as terms (issue #13). Terms are separated by spaces and must all match;
 * text in quotes (“…”, "…", 「…」) is one term. Inside a term, punctuation and the change
 * between Chinese and Latin/digits separate its pieces, which must follow each other in the
 * letter: 「HXCN-2026-0012」, 「5万元」, 「第1条」.
 */
import { unitsOf, type Unit } from './units';

export interface Term {
  /** The term as typed. */
  text: string;
  pieces: Unit[];
}

/** Longer text is cut: nobody types more, and each term costs a lookup. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 16;

const OPEN_TO_CLOSE: Record<string, string> = { '"': '"', '“': '”', '”': '”', '「': '」', '『': '』', '＂': '＂' };

export function parseQuery(input: string): Term[] {
  const text = input.slice(0, MAX_QUERY_LENGTH);
  const chunks: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const close = OPEN_TO_CLOSE[ch];
    if (close) {
      const end = text.indexOf(close, i + 1);
      chunks.push(text.slice(i + 1, end < 0 ? text.length : end));
      i = end < 0 ? text.length : end + 1;
    } else if (/\s/.test(ch)) {
      i++;
    } else {
      let j = i;
      while (j < text.length && !/\s/.test(text[j]!) && !OPEN_TO_CLOSE[text[j]!]) j++;
      chunks.push(text.slice(i, j));
      i = j;
    }
  }
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const chunk of chunks) {
    const pieces = unitsOf(chunk);
    const key = JSON.stringify(pieces.map((p) => [p.kind, p.chars]));
    if (!pieces.length || seen.has(key)) continue;
    seen.add(key);
    terms.push({ text: chunk.trim(), pieces });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

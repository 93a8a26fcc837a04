/**
 * What the FTS5 table stores and is asked (issue #13). SQLite's own tokenizers cannot split
 * Chinese (unicode61 makes a sentence one token; trigram finds nothing under 3 characters), so
 * text is split here and FTS5 only reads the tokens, space-separated ('ascii' tokenizer):
 *
 * - a CJK run c1…cn becomes its bigrams c1c2 … c(n-1)cn and then its last character cn (a run
 *   of one is just c1), so a run's edges are visible to phrases;
 * - a word of letters/digits is one token;
 * - segments (title, number, each note…) are kept apart by a barrier token no query can produce;
 * - after the text, each character of the column once, between barriers: a one-character
 *   query is then one token lookup (a prefix index would store every position again, ~0.6×
 *   the text), and the barriers keep these tokens out of every phrase of two or more.
 *
 * Queries become phrases over the same tokens: one character → that token; a run of 2+
 * characters → the phrase of its bigrams; a term of several pieces → the phrase of their
 * tokens, where a run that must end at a piece boundary contributes its end token, and a last
 * piece of one character is the prefix `c*` (a bigram starting with it, or its run's end).
 * match.ts states the same rules over plain text.
 */
import type { Term } from './query';
import { unitsOf, type Unit } from './units';

/** Between segments: a private-use character, which is a separator for units, so no query has it. */
export const SEGMENT_BARRIER = '\uE000';

function unitTokens(u: Unit, out: string[]): void {
  if (u.kind === 'word') {
    out.push(u.chars[0]!);
    return;
  }
  const c = u.chars;
  for (let i = 0; i + 1 < c.length; i++) out.push(c[i]! + c[i + 1]!);
  out.push(c[c.length - 1]!);
}

/** The token text of one FTS column made of `segments`. */
export function columnTokens(segments: readonly string[]): string {
  const out: string[] = [];
  const chars = new Set<string>();
  for (const segment of segments) {
    if (out.length) out.push(SEGMENT_BARRIER);
    for (const u of unitsOf(segment)) {
      unitTokens(u, out);
      if (u.kind === 'cjk') for (const c of u.chars) chars.add(c);
    }
  }
  for (const c of chars) out.push(SEGMENT_BARRIER, c);
  return out.join(' ');
}

/** The FTS5 phrase for one term (tokens never contain quotes: they are letters, digits, CJK). */
export function termPhrase(term: Term): string {
  const pieces = term.pieces;
  const last = pieces.length - 1;
  const tokens: string[] = [];
  let prefix = false;
  pieces.forEach((p, i) => {
    if (p.kind === 'word') {
      tokens.push(p.chars[0]!);
      prefix = i === last;
      return;
    }
    const c = p.chars;
    if (pieces.length === 1 && c.length === 1) {
      tokens.push(c[0]!);
      return;
    }
    for (let k = 0; k + 1 < c.length; k++) tokens.push(c[k]! + c[k + 1]!);
    if (i < last) {
      // The run ends where the next piece begins: its end token follows its bigrams.
      tokens.push(c[c.length - 1]!);
    } else if (c.length === 1) {
      // The term's last piece is one character opening a run: a bigram starting with it, or itself.
      tokens.push(c[0]!);
      prefix = true;
    }
  });
  return `"${tokens.join(' ')}"${prefix ? '*' : ''}`;
}

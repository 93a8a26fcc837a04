/**
 * Folds one character to the form the search index keeps (issue #13): compatibility forms
 * (full-width ＨＸＣＮ, ①) to their plain form, case and diacritics away, and traditional and
 * variant Chinese characters to simplified, so 理賠 finds 理赔 and the other way round.
 * One code point in, one code point out: a match found in folded text is at the same place in
 * the text as written, which the highlights rely on.
 */
/// <reference path="./opencc-dict.d.ts" />
import TRADITIONAL_TO_SIMPLIFIED from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS from 'opencc-js/dict/TWVariantsRev';
import HK_VARIANTS from 'opencc-js/dict/HKVariantsRev';

/** OpenCC's character tables ("from to[ alternatives]|…"): the first target of each single character. */
function charTable(...tables: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const table of tables) {
    for (const entry of table.split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to && [...from].length === 1 && [...to].length === 1 && !map.has(from)) map.set(from, to);
    }
  }
  return map;
}

let variants: Map<string, string> | null = null;
let simplified: Map<string, string> | null = null;
const cache = new Map<string, string>();

function single(s: string): boolean {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1);
}

/** The folded form of one code point `ch` (a string of one code point). */
export function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  // Built on first use: the tables cost a few milliseconds that a start without search never pays.
  variants ??= charTable(TW_VARIANTS, HK_VARIANTS);
  simplified ??= charTable(TRADITIONAL_TO_SIMPLIFIED);
  let c = ch;
  const compat = c.normalize('NFKC');
  if (single(compat)) c = compat;
  const lower = c.toLowerCase();
  if (single(lower)) c = lower;
  const bare = c.normalize('NFD').replace(/\p{M}+/gu, '');
  if (single(bare)) c = bare;
  c = variants.get(c) ?? c;
  c = simplified.get(c) ?? c;
  cache.set(ch, c);
  return c;
}

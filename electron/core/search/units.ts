/**
 * Text as search sees it (issue #13): after folding (fold.ts), a run of Chinese (Han, kana,
 * Hangul) characters or a word of other letters and digits is one unit; everything else
 * (spaces, punctuation, symbols, blanks) only separates units. Units keep the offsets of the
 * text as written, so a match can be highlighted there.
 */
import { foldChar } from './fold';

export interface Unit {
  kind: 'cjk' | 'word';
  /** Folded: the characters of a CJK run (one code point each), or the word as one string. */
  chars: string[];
  /** Where each character (CJK) or the word starts in the original text (UTF-16 offsets). */
  starts: number[];
  end: number;
}

type CharClass = 'cjk' | 'word' | 'sep';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;
const classes = new Map<string, CharClass>();

/** The class of a folded character (one code point). */
export function classOf(folded: string): CharClass {
  const code = folded.charCodeAt(0);
  // Fast paths for the characters letters are made of: ASCII and the CJK Unified Ideographs block.
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 'word' : 'sep';
  if (code >= 0x4e00 && code <= 0x9fff) return 'cjk';
  let c = classes.get(folded);
  if (!c) {
    c = CJK.test(folded) ? 'cjk' : WORD.test(folded) ? 'word' : 'sep';
    classes.set(folded, c);
  }
  return c;
}

/**
 * `text` folded character by character, when that keeps every offset (it nearly always does);
 * null when a character folds to one of another UTF-16 length.
 */
export function foldedText(text: string): string | null {
  // Passages fold whole letters (thousands of characters per hit): one table look-up per UTF-16
  // unit instead of a string and a Map look-up per character, and the text itself when nothing
  // folds (the usual simplified letter).
  const codes = new Uint16Array(text.length);
  let same = true;
  let lone = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const cp = text.codePointAt(i)!;
      if (cp <= 0xffff) lone = true;
      else {
        const pair = text.slice(i, i + 2);
        const folded = foldChar(pair);
        if (folded.length !== 2) return null;
        codes[i] = folded.charCodeAt(0);
        codes[i + 1] = folded.charCodeAt(1);
        if (folded !== pair) same = false;
        i++;
        continue;
      }
    }
    let to = BMP_FOLD[unit]!;
    if (to === UNKNOWN) {
      const folded = foldChar(text[i]!);
      to = folded.length === 1 ? folded.charCodeAt(0) : NOT_ONE_UNIT;
      BMP_FOLD[unit] = to;
    }
    if (to === NOT_ONE_UNIT) return null;
    codes[i] = to;
    if (to !== unit) same = false;
  }
  if (same) return text;
  // The decoder would turn a lone surrogate into U+FFFD and shift nothing, but change the text.
  if (!lone) return UTF16.decode(codes);
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.subarray(i, i + 4096));
  return out;
}

const UTF16 = new TextDecoder('utf-16le');

/** foldedText's table: the folded UTF-16 unit of each BMP character, filled on first sight. */
const UNKNOWN = -1;
const NOT_ONE_UNIT = -2;
const BMP_FOLD = new Int32Array(0x10000).fill(UNKNOWN);

/** The units of `text`, in order. */
export function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  let current: Unit | null = null;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 1 ? text[i]! : text.slice(i, i + 2);
    const folded = foldChar(ch);
    const cls = classOf(folded);
    if (cls === 'sep') {
      current = null;
    } else if (current && current.kind === cls) {
      if (cls === 'cjk') {
        current.chars.push(folded);
        current.starts.push(i);
      } else {
        current.chars[0] += folded;
      }
      current.end = i + width;
    } else {
      current = { kind: cls, chars: [folded], starts: [i], end: i + width };
      units.push(current);
    }
    i += width;
  }
  return units;
}

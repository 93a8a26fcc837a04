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
  let out = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(width === 1 ? text[i]! : text.slice(i, i + 2));
    if (folded.length !== width) return null;
    out += folded;
    i += width;
  }
  return out;
}

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

/**
 * Where a term occurs in a text, by the rules the index answers with (issue #13): Chinese
 * characters anywhere inside a run; Latin words and numbers whole, the last one of a term also
 * as a prefix (typing 「HXCN-2026-00」 already finds HXCN-2026-0012); pieces of a term in order
 * with nothing but separators between them. Used for highlights, and by the tests as the
 * brute-force answer the index must equal.
 */
import type { Term } from './query';
import { classOf, foldedText, unitsOf, type Unit } from './units';

interface Atom {
  kind: 'cjk' | 'word';
  text: string;
  /** A CJK character that begins its run (a word always stands alone). */
  runStart: boolean;
  start: number;
  end: number;
}

function atomsOf(units: Unit[]): Atom[] {
  const atoms: Atom[] = [];
  for (const u of units) {
    if (u.kind === 'word') {
      atoms.push({ kind: 'word', text: u.chars[0]!, runStart: true, start: u.starts[0]!, end: u.end });
      continue;
    }
    u.chars.forEach((ch, i) => atoms.push({ kind: 'cjk', text: ch, runStart: i === 0, start: u.starts[i]!, end: u.starts[i + 1] ?? u.end }));
  }
  return atoms;
}

/** A text prepared once for matching many terms. */
export interface MatchText {
  text: string;
  /** The text folded with the same offsets, or null (then only the atoms are used). */
  folded: string | null;
  /** Made on first need: a term of one piece is found in `folded` directly. */
  atoms: Atom[] | null;
}

export function matchText(text: string): MatchText {
  return { text, folded: foldedText(text), atoms: null };
}

const isWordAt = (s: string, i: number) => i >= 0 && i < s.length && classOf(s[i]!) === 'word';

/**
 * A term of one piece, by string search of the folded text: a Chinese run anywhere (its
 * characters are one run wherever they stand together); a word at a word's start, as a prefix
 * (it is the term's last piece), highlighted to the end of the letter's word.
 */
function findPiece(folded: string, piece: Unit, max: number): [number, number][] {
  const found: [number, number][] = [];
  const needle = piece.kind === 'cjk' ? piece.chars.join('') : piece.chars[0]!;
  for (let at = folded.indexOf(needle); at >= 0 && found.length < max; at = folded.indexOf(needle, at + 1)) {
    if (piece.kind === 'cjk') {
      found.push([at, at + needle.length]);
      continue;
    }
    if (isWordAt(folded, at - 1)) continue;
    let end = at + needle.length;
    while (isWordAt(folded, end)) end++;
    found.push([at, end]);
    at = end - 1;
  }
  return found;
}

const termAtoms = new WeakMap<Term, Atom[]>();

function atomsOfTerm(term: Term): Atom[] {
  let atoms = termAtoms.get(term);
  if (!atoms) termAtoms.set(term, (atoms = atomsOf(term.pieces)));
  return atoms;
}

function matchesAt(doc: Atom[], at: number, query: Atom[]): boolean {
  const last = query.length - 1;
  for (let j = 0; j <= last; j++) {
    const d = doc[at + j]!;
    const q = query[j]!;
    if (d.kind !== q.kind) return false;
    if (q.kind === 'word' ? !(j === last ? d.text.startsWith(q.text) : d.text === q.text) : d.text !== q.text) return false;
    if (j === 0) continue;
    // Inside one run of the term the letter's characters must be one run too; where the term
    // has a boundary (punctuation, space, Chinese next to Latin), so must the letter.
    const sameRun = q.kind === 'cjk' && !q.runStart;
    if (sameRun !== (d.kind === 'cjk' && !d.runStart)) return false;
  }
  return true;
}

/** Every occurrence of `term` in `text`, as [start, end) offsets of the text as written. */
export function findTerm(text: MatchText, term: Term, max = Infinity): [number, number][] {
  if (term.pieces.length === 1 && text.folded !== null) return findPiece(text.folded, term.pieces[0]!, max);
  const query = atomsOfTerm(term);
  const found: [number, number][] = [];
  const doc = (text.atoms ??= atomsOf(unitsOf(text.text)));
  for (let i = 0; i + query.length <= doc.length && found.length < max; i++) {
    if (matchesAt(doc, i, query)) found.push([doc[i]!.start, doc[i + query.length - 1]!.end]);
  }
  return found;
}

export function hasTerm(text: MatchText, term: Term): boolean {
  return findTerm(text, term, 1).length > 0;
}

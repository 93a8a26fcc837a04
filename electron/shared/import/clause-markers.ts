/**
 * Reading a clause marker at a position: 一、 （一） 1. （1） 1） ① 1.1 2.3.1 第一条 第一章.
 * A position may have several readings — `2.3.17×24小时` reads as 2.3.17 or as 2.3.1 followed
 * by `7×24小时` — and the clause tracker picks the one sequence continuity supports.
 */
import type { NumberingScheme } from '../numbering';
import { isCnDigit, isDigit, isSpace, parseChineseCount, parseDigits } from './text-chars';

export type MarkerKind = 'cn' | 'cn-paren' | 'decimal' | 'decimal-paren' | 'circled' | 'outline' | 'article' | 'chapter';

export interface MarkerReading {
  kind: MarkerKind;
  value: number;
  /** Outline only: every number of the chain (2.3.1 → [2,3,1]). */
  segs?: number[];
  start: number;
  /** Where the clause text begins (after the marker and the spaces after it). */
  end: number;
  /** The digits stop inside a longer number (`2.3.1` of `2.3.17`): only continuity may choose it. */
  partial?: boolean;
}

export const KIND_SCHEME: Record<MarkerKind, NumberingScheme> = {
  cn: 'cn',
  'cn-paren': 'cn-paren',
  decimal: 'decimal',
  'decimal-paren': 'decimal-paren',
  circled: 'decimal-paren',
  outline: 'outline',
  article: 'article',
  chapter: 'chapter',
};

/** Conventional nesting (GB/T 9704-2012 §7.3.3: 一、 （一） 1. （1）): a new list nests under shallower ranks. */
export const KIND_RANK: Record<MarkerKind, number> = {
  chapter: 0,
  article: 1,
  cn: 2,
  'cn-paren': 3,
  decimal: 4,
  outline: 4,
  'decimal-paren': 5,
  circled: 6,
};

const OPEN = '(（';
const CLOSE = ')）';
const DOTS = '.．';

function afterSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

function readArticle(text: string, i: number): MarkerReading | null {
  let j = i + 1;
  let k = j;
  while (k < text.length && k - j < 6 && (isCnDigit(text[k]) || isDigit(text[k]))) k++;
  if (k === j) return null;
  const word = text.slice(j, k);
  const value = isDigit(word[0]) ? (/^[0-9０-９]+$/.test(word) ? parseDigits(word) : null) : parseChineseCount(word);
  if (!value) return null;
  const kind = text[k] === '条' ? 'article' : text[k] === '章' ? 'chapter' : null;
  if (!kind) return null;
  return { kind, value, start: i, end: afterSpaces(text, k + 1) };
}

function readParen(text: string, i: number): MarkerReading | null {
  let j = afterSpaces(text, i + 1);
  let k = j;
  const cn = isCnDigit(text[j]);
  while (k < text.length && k - j < 4 && (cn ? isCnDigit(text[k]) : isDigit(text[k]))) k++;
  if (k === j) return null;
  const close = afterSpaces(text, k);
  if (!CLOSE.includes(text[close] ?? '')) return null;
  const word = text.slice(j, k);
  const value = cn ? parseChineseCount(word) : parseDigits(word);
  if (!value || value > 99) return null;
  return { kind: cn ? 'cn-paren' : 'decimal-paren', value, start: i, end: afterSpaces(text, close + 1) };
}

function readCn(text: string, i: number): MarkerReading | null {
  let k = i;
  while (k < text.length && k - i < 4 && isCnDigit(text[k])) k++;
  if (text[k] !== '、' && !DOTS.includes(text[k] ?? '')) return null;
  const value = parseChineseCount(text.slice(i, k));
  if (!value || value > 99) return null;
  return { kind: 'cn', value, start: i, end: afterSpaces(text, k + 1) };
}

function readNumber(text: string, i: number, out: MarkerReading[]): void {
  const segs: string[] = [];
  let k = i;
  for (;;) {
    const j = k;
    while (k < text.length && k - j < 3 && isDigit(text[k])) k++;
    if (k === j || isDigit(text[k])) return; // no digits, or a number of 4+ digits (a year, an amount)
    segs.push(text.slice(j, k));
    if (DOTS.includes(text[k] ?? '') && isDigit(text[k + 1])) {
      k++;
      continue;
    }
    break;
  }
  const values = segs.map(parseDigits);
  if (values.some((v) => v === 0)) return;
  if (segs.length === 1) {
    const c = text[k];
    if ((c === '、' || DOTS.includes(c ?? '')) && !isDigit(text[k + 1])) out.push({ kind: 'decimal', value: values[0]!, start: i, end: afterSpaces(text, k + 1) });
    else if (CLOSE.includes(c ?? '') && values[0]! <= 99) out.push({ kind: 'decimal-paren', value: values[0]!, start: i, end: afterSpaces(text, k + 1) });
    return;
  }
  // Outline 2.3.1: the whole chain, then shorter readings of the last number (2.3.17 → 2.3.1 + "7").
  const last = segs[segs.length - 1]!;
  let end = k;
  if (DOTS.includes(text[end] ?? '') && !isDigit(text[end + 1])) end++;
  out.push({ kind: 'outline', value: values[values.length - 1]!, segs: values, start: i, end: afterSpaces(text, end) });
  for (let len = last.length - 1; len >= 1; len--) {
    const v = parseDigits(last.slice(0, len));
    if (v === 0) continue;
    const segsShort = [...values.slice(0, -1), v];
    out.push({ kind: 'outline', value: v, segs: segsShort, start: i, end: k - (last.length - len), partial: true });
  }
}

/** Every reading of a clause marker starting at i (none when there is no marker there). */
export function readMarkers(text: string, i: number): MarkerReading[] {
  const c = text[i];
  if (c === undefined) return [];
  const out: MarkerReading[] = [];
  if (c === '第') {
    const r = readArticle(text, i);
    if (r) out.push(r);
  } else if (OPEN.includes(c)) {
    const r = readParen(text, i);
    if (r) out.push(r);
  } else if (isCnDigit(c)) {
    const r = readCn(text, i);
    if (r) out.push(r);
  } else if (isDigit(c)) {
    readNumber(text, i, out);
  } else if (c >= '①' && c <= '⑳') {
    out.push({ kind: 'circled', value: c.charCodeAt(0) - 0x2460 + 1, start: i, end: afterSpaces(text, i + 1) });
  }
  return out;
}

/** Could a marker start here? Cheap test before readMarkers, for the scan over a whole text. */
export function mayStartMarker(c: string | undefined): boolean {
  return c !== undefined && (c === '第' || OPEN.includes(c) || isCnDigit(c) || isDigit(c) || (c >= '①' && c <= '⑳'));
}

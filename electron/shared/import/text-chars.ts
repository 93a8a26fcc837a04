/** Character classes the structuring reads; full-width and half-width forms alike. */

export const CN_DIGITS = '零〇一二两三四五六七八九十百';

/** Ends a sentence or a label: a clause marker after one of these starts a new clause. */
const BOUNDARY = new Set([...'。；;！!？?：:\n']);
/** Characters that end a clause heading or a phrase (used for labels and headings). */
const PHRASE_PUNCT = new Set([...'。；;！!？?：:，,、\n']);

export function isBoundaryChar(c: string | undefined): boolean {
  return c === undefined || BOUNDARY.has(c);
}

export function isPhrasePunct(c: string | undefined): boolean {
  return c !== undefined && PHRASE_PUNCT.has(c);
}

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0';
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));
}

export function isCnDigit(c: string | undefined): boolean {
  return c !== undefined && CN_DIGITS.includes(c);
}

export function digitValue(c: string): number {
  return c >= '０' ? c.charCodeAt(0) - 0xff10 : c.charCodeAt(0) - 48;
}

export function parseDigits(s: string): number {
  let n = 0;
  for (const c of s) n = n * 10 + digitValue(c);
  return n;
}

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; null when not a counting number. */
export function parseChineseCount(s: string): number | null {
  const val: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  let total = 0;
  let digit = -1;
  for (const c of s) {
    if (c in val) {
      digit = val[c]!;
    } else if (c === '十' || c === '百') {
      const unit = c === '十' ? 10 : 100;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else return null;
  }
  if (digit > 0) total += digit;
  return total > 0 ? total : null;
}

/** Skips spaces forward from i. */
export function skipSpaces(text: string, i: number, end = text.length): number {
  while (i < end && isSpace(text[i])) i++;
  return i;
}

/** The nearest character before i that is not a space, or undefined at the start. */
export function prevNonSpace(text: string, i: number, start = 0): string | undefined {
  let j = i - 1;
  while (j >= start && isSpace(text[j])) j--;
  return j >= start ? text[j] : undefined;
}

export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && (isSpace(text[start]) || text[start] === '\n')) start++;
  while (end > start && (isSpace(text[end - 1]) || text[end - 1] === '\n')) end--;
  return [start, end];
}

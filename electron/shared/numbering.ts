/**
 * Clause numbering: the scheme and level live in the document; numbers are computed here
 * for display, export, search text and diffs, so all of them print the same thing.
 */
export const NUMBERING_SCHEMES = ['cn', 'cn-paren', 'decimal', 'decimal-paren', 'outline', 'article', 'chapter'] as const;
export type NumberingScheme = (typeof NUMBERING_SCHEMES)[number];

/** Word allows 9 list levels (0–8); a 10th makes a file Word cannot open (EXPORT.md). */
export const MAX_CLAUSE_LEVEL = 8;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (counting numbers as used in 第十二条). */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n <= 0) return String(n);
  if (n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + unit;
  });
  // 一十二 → 十二 for 10–19
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** The printed label of one clause given the counters of its level and the levels above. */
export function formatClauseNumber(scheme: NumberingScheme, counters: readonly number[], outlineChain: readonly number[]): string {
  const n = counters[counters.length - 1] ?? 1;
  switch (scheme) {
    case 'cn':
      return `${chineseCount(n)}、`;
    case 'cn-paren':
      return `（${chineseCount(n)}）`;
    case 'decimal':
      return `${n}.`;
    case 'decimal-paren':
      return `（${n}）`;
    case 'outline':
      return outlineChain.length > 1 ? outlineChain.join('.') + ' ' : `${n}.`;
    case 'article':
      return `第${chineseCount(n)}条　`;
    case 'chapter':
      return `第${chineseCount(n)}章　`;
  }
}

/** The highest number a restart may set (a letter has far fewer clauses; Word allows 32767). */
export const MAX_CLAUSE_START = 9999;

/** A valid restart value: a whole number from 1 to MAX_CLAUSE_START. */
export function isClauseStart(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_CLAUSE_START;
}

export interface ClauseLike {
  scheme: NumberingScheme;
  level: number;
  /**
   * A restart: this clause's number is `start` and its level counts on from there
   * (Word's "restart at 1" / "set numbering value"). Absent on every clause that does not
   * restart — a clause node only carries the attribute when it is set.
   */
  start?: number | null;
}

/** A clause's number: its label and the counter of its own level (the 3 of 2.3). */
export interface ClauseNumber {
  label: string;
  count: number;
}

/**
 * Counts clauses one at a time in document order (other blocks between them do not reset
 * counting). A clause at level L restarts every deeper level. An outline clause prints the
 * counters of the unbroken run of outline levels above it (2.3.1). A clause with `start`
 * takes that number, and its level counts on from it.
 */
export class ClauseCounter {
  private counters: number[] = [];
  private schemes: (NumberingScheme | undefined)[] = [];
  // Articles (第N条) count straight through a document, across chapters, as in Chinese
  // laws and regulations; they never restart under a new 第N章.
  private articles = 0;

  /** What the next clause would count as at its level without a restart. */
  peek(clause: ClauseLike): number {
    if (clause.scheme === 'article') return this.articles + 1;
    const l = clampClauseLevel(clause.level);
    if (this.schemes[l] !== undefined && this.schemes[l] !== clause.scheme) return 1;
    return (this.counters[l] ?? 0) + 1;
  }

  next({ scheme, level, start }: ClauseLike): ClauseNumber {
    const l = clampClauseLevel(level);
    const restart = isClauseStart(start) ? start : null;
    const { counters, schemes } = this;
    if (scheme === 'article') {
      this.articles = restart ?? this.articles + 1;
      counters[l] = this.articles;
      schemes[l] = scheme;
      counters.length = l + 1;
      schemes.length = l + 1;
      return { label: formatClauseNumber(scheme, counters.slice(0, l + 1).map((c) => c || 1), []), count: this.articles };
    }
    // Restart when the scheme at this level changes (a new list), and every deeper level.
    if (schemes[l] !== undefined && schemes[l] !== scheme) counters[l] = 0;
    counters[l] = restart ?? (counters[l] ?? 0) + 1;
    schemes[l] = scheme;
    for (let i = l + 1; i < counters.length; i++) {
      counters[i] = 0;
      schemes[i] = undefined;
    }
    counters.length = l + 1;
    schemes.length = l + 1;
    const chain: number[] = [];
    for (let i = l; i >= 0 && schemes[i] === 'outline'; i--) chain.unshift(counters[i] ?? 1);
    return { label: formatClauseNumber(scheme, counters.slice(0, l + 1).map((c) => c || 1), chain), count: counters[l]! };
  }
}

export function clampClauseLevel(level: number): number {
  return Number.isFinite(level) ? Math.max(0, Math.min(MAX_CLAUSE_LEVEL, Math.trunc(level))) : 0;
}

/** Numbers a sequence of clauses in document order (see ClauseCounter). */
export function numberClauses(clauses: readonly ClauseLike[]): string[] {
  const counter = new ClauseCounter();
  return clauses.map((c) => counter.next(c).label);
}

/** A clause as a source numbered it: the number it printed, and whether that is Word's own count. */
export interface SourceClause extends ClauseLike {
  sourceCount?: number | null;
  /**
   * Word's own list number: followed wherever it differs. Otherwise (a marker typed in text)
   * only where the source counts again from a lower number (1. 2. … 1.): a typed-in gap
   * (1. 2. 4.) is taken for a slip and renumbered.
   */
  sourceExact?: boolean;
}

/**
 * The restarts that make our numbering print the numbers a source printed (a Word file's own
 * list numbers, the markers typed in pasted text): per clause, the `start` to set, or
 * undefined where counting on already gives the source's number (or it has none).
 */
export function restartsFor(clauses: readonly SourceClause[]): (number | undefined)[] {
  const counter = new ClauseCounter();
  return clauses.map((c) => {
    const own = isClauseStart(c.start) ? c.start : undefined;
    const want = c.sourceCount;
    let start = own;
    if (own === undefined && isClauseStart(want)) {
      const next = counter.peek(c);
      if (want !== next && (c.sourceExact || want < next)) start = want;
    }
    counter.next({ ...c, start });
    return start;
  });
}

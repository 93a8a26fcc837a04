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

export interface ClauseLike {
  scheme: NumberingScheme;
  level: number;
}

/**
 * Numbers a sequence of clauses in document order (other blocks between them do not reset
 * counting). A clause at level L restarts every deeper level. An outline clause prints the
 * counters of the unbroken run of outline levels above it (2.3.1).
 */
export function numberClauses(clauses: readonly ClauseLike[]): string[] {
  const counters: number[] = [];
  const schemes: (NumberingScheme | undefined)[] = [];
  // Articles (第N条) count straight through a document, across chapters, as in Chinese
  // laws and regulations; they never restart under a new 第N章.
  let articles = 0;
  return clauses.map(({ scheme, level }) => {
    if (scheme === 'article') {
      articles++;
      const l = Math.max(0, Math.min(MAX_CLAUSE_LEVEL, Math.trunc(level)));
      counters[l] = articles;
      schemes[l] = scheme;
      counters.length = l + 1;
      schemes.length = l + 1;
      return formatClauseNumber(scheme, counters.slice(0, l + 1).map((c) => c || 1), []);
    }
    const l = Math.max(0, Math.min(MAX_CLAUSE_LEVEL, Math.trunc(level)));
    // Restart when the scheme at this level changes (a new list), and every deeper level.
    if (schemes[l] !== undefined && schemes[l] !== scheme) counters[l] = 0;
    counters[l] = (counters[l] ?? 0) + 1;
    schemes[l] = scheme;
    for (let i = l + 1; i < counters.length; i++) {
      counters[i] = 0;
      schemes[i] = undefined;
    }
    counters.length = l + 1;
    schemes.length = l + 1;
    const chain: number[] = [];
    for (let i = l; i >= 0 && schemes[i] === 'outline'; i--) chain.unshift(counters[i] ?? 1);
    return formatClauseNumber(scheme, counters.slice(0, l + 1).map((c) => c || 1), chain);
  });
}

/**
 * The blanks of a letter as written: underscore runs (any length ≥ 2), `____年____月____日`,
 * `[公司名称]` placeholders (with `如：` examples), and □/☐/☑ boxes as a choice (with a
 * `其他____` write-in). Found by one left-to-right scan; what each blank *means* is decided
 * later, from the words around it (field-typing.ts).
 */
import type { ControlField } from './import-types';
import { drain, type ImportSteps } from './import-steps';
import { isSpace } from './text-chars';

export type TokenKind = 'blank' | 'date' | 'placeholder' | 'choice';

export interface BlankToken {
  kind: TokenKind;
  start: number;
  end: number;
  /** placeholder: the words inside the brackets. */
  inner?: string;
  /** choice: the options in order; `other` when the last is 其他 with a write-in blank. */
  choices?: string[];
  other?: boolean;
  selected?: string[];
  /** A Word content control: its type and options come from the file, not from the words around it. */
  control?: ControlField;
}

const UNDERSCORE = '_＿';
const BOXES = '□☐☑■☒✓✔';
const TICKED = '☑■☒✓✔';
const OPEN = '[【';
const CLOSE = ']】';

function isUnderscore(c: string | undefined): boolean {
  return c !== undefined && UNDERSCORE.includes(c);
}

/** End of an underscore run at i (spaces inside the run belong to it), or i when there is none. */
function underscoreRun(text: string, i: number, end: number): number {
  let k = i;
  let last = i;
  while (k < end && (isUnderscore(text[k]) || (isSpace(text[k]) && k > i))) {
    if (isUnderscore(text[k])) last = k + 1;
    k++;
  }
  return last;
}

function countUnderscores(text: string, a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) if (isUnderscore(text[k])) n++;
  return n;
}

function skip(text: string, i: number, end: number): number {
  while (i < end && isSpace(text[i])) i++;
  return i;
}

/** `____年__月__日` from i (the year run already known to end at yEnd); the group's end or -1. */
function dateGroup(text: string, yEnd: number, end: number): number {
  let k = skip(text, yEnd, end);
  if (text[k] !== '年') return -1;
  k = skip(text, k + 1, end);
  const mEnd = underscoreRun(text, k, end);
  if (mEnd === k) return -1;
  k = skip(text, mEnd, end);
  if (text[k] !== '月') return -1;
  k = skip(text, k + 1, end);
  const dEnd = underscoreRun(text, k, end);
  if (dEnd === k) return -1;
  k = skip(text, dEnd, end);
  return text[k] === '日' ? k + 1 : -1;
}

function placeholder(text: string, i: number, end: number): BlankToken | null {
  const limit = Math.min(end, i + 42);
  for (let k = i + 1; k < limit; k++) {
    const c = text[k]!;
    if (c === '\n' || OPEN.includes(c)) return null;
    if (CLOSE.includes(c)) {
      const inner = text.slice(i + 1, k).trim();
      // `[ ]` is a bracket pair, not a placeholder: a placeholder names what goes there.
      if (!/[\p{L}]/u.test(inner)) return null;
      return { kind: 'placeholder', start: i, end: k + 1, inner };
    }
  }
  return null;
}

const OPTION_STOP = new Set([...'。；;，,：:！!？?\n'], );

function choiceGroup(text: string, i: number, end: number): BlankToken | null {
  const choices: string[] = [];
  const selected: string[] = [];
  let other = false;
  let k = i;
  let groupEnd = i;
  while (k < end && BOXES.includes(text[k]!)) {
    const ticked = TICKED.includes(text[k]!);
    let j = skip(text, k + 1, end);
    const optStart = j;
    while (j < end && j - optStart < 16 && !BOXES.includes(text[j]!) && !OPTION_STOP.has(text[j]!) && !isUnderscore(text[j]) && !isSpace(text[j])) j++;
    const option = text.slice(optStart, j);
    if (!option) break;
    groupEnd = j;
    const blankStart = skip(text, j, end);
    const blankEnd = isUnderscore(text[blankStart]) ? underscoreRun(text, blankStart, end) : blankStart;
    if (blankEnd - blankStart >= 2 || (blankEnd > blankStart && countUnderscores(text, blankStart, blankEnd) >= 2)) {
      // The write-in blank of the last box (其他____): the choice's "other".
      other = true;
      if (ticked) selected.push('其他');
      groupEnd = blankEnd;
      k = blankEnd;
      break;
    }
    if (option === '其他' && !choices.includes(option)) {
      other = true;
      if (ticked) selected.push('其他');
    } else if (!choices.includes(option)) {
      choices.push(option);
      if (ticked) selected.push(option);
    }
    k = skip(text, j, end);
  }
  if (!choices.length && !other) return null;
  return { kind: 'choice', start: i, end: groupEnd, choices, other, ...(selected.length && { selected }) };
}

/** Every blank in text[start, end), in order, none overlapping. */
export function scanTokens(text: string, start = 0, end = text.length): BlankToken[] {
  return drain(scanTokenSteps(text, start, end));
}

export function* scanTokenSteps(text: string, start = 0, end = text.length): ImportSteps<BlankToken[]> {
  const out: BlankToken[] = [];
  let i = start;
  let nextStep = start + 16384;
  while (i < end) {
    if (i >= nextStep) {
      nextStep = i + 16384;
      yield { phase: 'blanks', done: i, total: end };
    }
    const c = text[i]!;
    if (isUnderscore(c)) {
      const runEnd = underscoreRun(text, i, end);
      if (countUnderscores(text, i, runEnd) >= 2) {
        const dateEnd = dateGroup(text, runEnd, end);
        out.push(dateEnd > 0 ? { kind: 'date', start: i, end: dateEnd } : { kind: 'blank', start: i, end: runEnd });
        i = dateEnd > 0 ? dateEnd : runEnd;
        continue;
      }
      i = runEnd;
      continue;
    }
    if (OPEN.includes(c)) {
      const t = placeholder(text, i, end);
      if (t) {
        out.push(t);
        i = t.end;
        continue;
      }
    } else if (BOXES.includes(c)) {
      const t = choiceGroup(text, i, end);
      if (t) {
        out.push(t);
        i = t.end;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** The blanks of a line whose content controls are known: each control is one blank, typed by the file. */
export function withControls(tokens: BlankToken[], controls: { start: number; end: number; field: ControlField }[] | undefined): BlankToken[] {
  if (!controls?.length) return tokens;
  const kept = tokens.filter((t) => !controls.some((c) => t.start < c.end && c.start < t.end));
  const added: BlankToken[] = controls.map((c) => ({ kind: 'placeholder', start: c.start, end: c.end, inner: c.field.label ?? '', control: c.field }));
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

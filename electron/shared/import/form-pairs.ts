/**
 * Form lines: `label：blank` pairs such as `承诺书编号：____`, `承诺方：____  接收方：____`,
 * `承诺方类型：□企业□个人`, `承诺人签名：____签订日期：____`. A run of pairs with nothing
 * else is a head line or, with a signing word, the signature block.
 */
import type { BlankToken } from './blank-tokens';
import { isSpace, skipSpaces } from './text-chars';

export interface FormPair {
  /** The label as written, without its colon (`承诺方（盖章）`). */
  label: string;
  labelStart: number;
  /** After the colon. */
  valueStart: number;
  /** The blank, if the value is one (null: a filled value or nothing). */
  token: BlankToken | null;
  /** Text after the blank that belongs to the pair: `（以下简称“承诺方”）`, `（盖章）`. */
  tail: string;
  end: number;
}

const LABEL_STOP = new Set([...'：:。；;，,！!？?_＿□☐☑■“”"《》[]【】\n']);
const COLONS = '：:';
const MAX_LABEL = 24;

/** Words that make a blank a place to sign, seal or date on paper. */
export const SIGN_WORDS = /签名|签字|签章|盖章|公章|印章|签署|签收/;

/** Labels of a letter's head whose value may be written out rather than left blank. */
export const HEAD_LABEL = /^(承诺书编号|合同编号|协议编号|编号|承诺方类型|承诺方|接收方|承诺单位|承诺人|甲方|乙方|统一社会信用代码|证件号码|法定代表人|主要负责人|负责人|地址|联系地址|住所|联系电话|联系人|服务热线|监督电话)([（(][^）)]{1,12}[）)])?$/;

function labelAt(text: string, i: number, end: number): { label: string; colon: number } | null {
  const limit = Math.min(end, i + MAX_LABEL + 1);
  for (let k = i; k < limit; k++) {
    const c = text[k]!;
    if (COLONS.includes(c)) {
      const label = text.slice(i, k).trim();
      return label ? { label, colon: k } : null;
    }
    if (LABEL_STOP.has(c)) return null;
  }
  return null;
}

/** A bracketed remark right after a blank, ≤ 30 characters: （以下简称“承诺方”）, （盖章）. */
function bracketTail(text: string, i: number, end: number): number {
  if (text[i] !== '（' && text[i] !== '(') return i;
  const limit = Math.min(end, i + 32);
  for (let k = i + 1; k < limit; k++) {
    if (text[k] === '）' || text[k] === ')') return k + 1;
    if (text[k] === '\n') return i;
  }
  return i;
}

export interface PairRun {
  pairs: FormPair[];
  /** Where the run stops (the first character that is not part of a pair). */
  end: number;
}

/**
 * The pairs from i on, as long as they run. `tokenAt` gives the blank starting at a position.
 * A pair without a blank is taken only when `allowFilled` accepts its label and the next pair
 * (or the end) follows; its value then runs to that next label.
 */
export function readPairs(
  text: string,
  i: number,
  end: number,
  tokenAt: (pos: number) => BlankToken | undefined,
  allowFilled: (label: string) => boolean,
): PairRun {
  const pairs: FormPair[] = [];
  let pos = skipSpaces(text, i, end);
  for (;;) {
    const l = labelAt(text, pos, end);
    if (!l) break;
    const valueStart = skipSpaces(text, l.colon + 1, end);
    const token = tokenAt(valueStart);
    if (token) {
      const tailStart = skipSpaces(text, token.end, end);
      const bracketEnd = bracketTail(text, tailStart, end);
      const tailEnd = bracketEnd > tailStart ? bracketEnd : token.end;
      const tail = text.slice(tailStart, Math.max(tailStart, tailEnd));
      pairs.push({ label: l.label, labelStart: pos, valueStart, token, tail, end: tailEnd });
      pos = skipSpaces(text, tailEnd, end);
      if (text[pos] === '；' || text[pos] === ';' || text[pos] === '，' || text[pos] === ',') pos = skipSpaces(text, pos + 1, end);
      continue;
    }
    if (!allowFilled(l.label)) break;
    // A filled (or empty) value: up to the next label of the run, or the end of the text.
    let k = valueStart;
    let next = -1;
    while (k < end && text[k] !== '\n' && k - valueStart <= 60) {
      const nl = k > valueStart ? labelAt(text, k, end) : null;
      if (nl && allowFilled(nl.label)) {
        next = k;
        break;
      }
      k++;
    }
    if (next < 0 && k - valueStart > 60) break;
    const valueEnd = next < 0 ? k : next;
    pairs.push({ label: l.label, labelStart: pos, valueStart, token: null, tail: text.slice(valueStart, valueEnd).trim(), end: valueEnd });
    pos = skipSpaces(text, valueEnd, end);
  }
  return { pairs, end: pairs.length ? pairs[pairs.length - 1]!.end : i };
}

/** Is text[a, b) nothing but spaces? */
export function onlySpaces(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isSpace(text[k]) && text[k] !== '\n') return false;
  return true;
}

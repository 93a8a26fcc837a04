/**
 * The parts of a letter around its clauses: the title, the signature block at the end, and
 * the closing formula (特此承诺。) — found the same way in flattened and in line-broken text.
 */
import { readMarkers } from './clause-markers';
import { readPairs, SIGN_WORDS, onlySpaces, type PairRun } from './form-pairs';
import type { LineTokens } from './raw-blocks';
import { isPhrasePunct, isSpace } from './text-chars';

const TITLE_WORD = /承诺书|保证书|承诺函|保证函|声明书|委托书|邀请函|告知书|确认书|责任书|协议书|通知书|申请书|说明书|证明书|承诺|声明|函/g;
const MAX_TITLE = 40;

/** Is a whole line a title: short, no sentence punctuation, no blank, not a form line? */
export function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  if (!t || [...t].length > MAX_TITLE) return false;
  if (/[_＿□☐☑：:。；;，,！!？?]/.test(t)) return false;
  return /\p{Script=Han}/u.test(t);
}

/**
 * The title at the start of flattened text, where it runs into what follows
 * (`…保证承诺书承诺方:____`): the first title word not followed by 编号, with no punctuation before it.
 */
export function flatTitleEnd(text: string, start: number): number {
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd > start && looksLikeTitle(text.slice(start, lineEnd))) return lineEnd;
  const window = text.slice(start, start + MAX_TITLE + 6);
  let stop = window.length;
  for (let k = 0; k < window.length; k++) if (isPhrasePunct(window[k]) || window[k] === '_' || window[k] === '＿') {
    stop = k;
    break;
  }
  TITLE_WORD.lastIndex = 0;
  let best = -1;
  for (let m = TITLE_WORD.exec(window); m; m = TITLE_WORD.exec(window)) {
    const end = m.index + m[0].length;
    if (end > stop || end > MAX_TITLE) break;
    // 承诺书编号：at the very start is a number line; after other words, the title ends before 编号.
    if (window.startsWith('编号', end)) {
      if (m.index > 0 && /^编号\s*[：:]/.test(window.slice(end))) {
        best = end;
        break;
      }
      continue;
    }
    // 承诺 / 声明 / 函 alone end a title only where no longer title word continues it.
    if (m[0].length === 1 || m[0] === '承诺' || m[0] === '声明') {
      if (best >= 0) break;
      best = end;
      continue;
    }
    best = end;
    break;
  }
  return best > 0 ? start + best : -1;
}

/** A bracketed subtitle right after the title: （协议基本条款）. */
export function subtitleEnd(text: string, i: number): number {
  let k = i;
  while (k < text.length && (isSpace(text[k]) || text[k] === '\n')) k++;
  if (text[k] !== '（' && text[k] !== '(') return -1;
  const close = text.slice(k, k + 22).search(/[）)]/);
  if (close < 0) return -1;
  const inner = text.slice(k + 1, k + close);
  // （一） is a clause marker, not a subtitle.
  return /[：:。；;，,_＿]/.test(inner) || readMarkers(text, k).length ? -1 : k + close + 1;
}

const SIGNER_START = /承诺|接收|甲方|乙方|见证|法定代表人|负责人|授权代表|供应商|委托|单位|签|日期/;
const LABEL_STOP = new Set([...'。；;！!？?：:，,、\n_＿”"》']);

/**
 * Where the signature block starts in text[from, end): the earliest label with a signing word
 * (签名、签字、盖章…) from which everything to the end is `label：blank` pairs. -1 when none.
 */
export function signatureStart(text: string, from: number, end: number, tokens: LineTokens): { start: number; run: PairRun } | null {
  const tokenAt = (p: number) => tokens.at.get(p);
  for (let c = text.indexOf('：', from), h = text.indexOf(':', from); c >= 0 || h >= 0; ) {
    const colon = c < 0 ? h : h < 0 ? c : Math.min(c, h);
    if (colon >= end) break;
    let ls = colon;
    while (ls > from && colon - ls < 24 && !LABEL_STOP.has(text[ls - 1]!) && !tokenEndsAt(tokens, ls)) ls--;
    const label = text.slice(ls, colon);
    const tail = text.slice(colon + 1, colon + 40);
    if (SIGN_WORDS.test(label) || /^[\s_＿]*[（(](盖章|签字|签名|公章|签章)[）)]/.test(tail)) {
      if ([...label].length > 12) {
        const m = SIGNER_START.exec(label);
        if (m) ls += m.index;
      }
      const run = readPairs(text, ls, end, tokenAt, () => true);
      if (run.pairs.length && trailingOk(text, run.end, end, tokens)) return { start: ls, run };
    }
    if (colon === c) c = text.indexOf('：', c + 1);
    else h = text.indexOf(':', h + 1);
  }
  return null;
}

function tokenEndsAt(tokens: LineTokens, pos: number): boolean {
  return tokens.ends.has(pos);
}

/** After the pairs: nothing, or a bare date line (`____年__月__日`, `年 月 日`). */
function trailingOk(text: string, a: number, end: number, tokens: LineTokens): boolean {
  if (onlySpaces(text, a, end)) return true;
  const rest = text.slice(a, end).trim();
  if (/^[\s_＿]*年[\s_＿]*月[\s_＿]*日[\s]*$/.test(rest)) return true;
  const t = tokens.at.get(a + (text.slice(a, end).length - text.slice(a, end).trimStart().length));
  return !!t && t.kind === 'date' && onlySpaces(text, t.end, end);
}

const CLOSING = /特此(承诺|保证|声明|证明|函告|函复|告知)[。.！!]?\s*$/;

/** Start of a closing formula (特此承诺。) ending text[a, b), or -1. */
export function closingStart(text: string, a: number, b: number): number {
  const m = CLOSING.exec(text.slice(a, b));
  if (!m) return -1;
  const at = a + m.index;
  return at > a ? at : -1;
}

/**
 * Labels for blanks from the words around them (`理赔时效`, `完成初步审核时限（个工作日）`):
 * the nearest words before the blank, without the verbs and prepositions that lead up to it;
 * when those say only *from when* (`之日起`), the words after it say *what*.
 */
import { isSpace } from './text-chars';

const STOP = new Set([...'。；;！!？?：:，,、\n（）()《》“”"‘’「」『』[]【】_＿□☐☑■']);
const LEAD = /^(?:依据|根据|按照|承诺将|承诺在|并将|并且|并|且|应当|应|将|须|均|自|由|按|即|如|若|其|为|于|向|从|经)/;
const TAIL = /(?:另计|以及|就|第|或者|或|和|及|控制在|不超过|不少于|不低于|不高于|不多于|不迟于|达到|低于|高于|超过|至少|最多|约为|应为|定为|为|是|在|于|至|到|的|即|约|满|共计|共|计|按|对|向|由|自|从|起|前|后|内|达)$/;
const ANCHOR = /(?:之日起?|日起|起|之后|后|以来|以前)$/;
const MAX_LABEL = 16;

/** The words before position i back to the nearest stop (punctuation, a bracket, another blank). */
export function wordsBefore(text: string, i: number, limit: number): string {
  let k = i;
  while (k > limit && isSpace(text[k - 1])) k--;
  const end = k;
  while (k > limit && !STOP.has(text[k - 1]!) && end - k < 40) k--;
  return text.slice(k, end).replace(/\s+/g, '');
}

/** The words after position i up to the nearest stop. */
export function wordsAfter(text: string, i: number, limit: number): string {
  let k = i;
  while (k < limit && isSpace(text[k])) k++;
  const start = k;
  while (k < limit && !STOP.has(text[k]!) && k - start < 40) k++;
  return text.slice(start, k).replace(/\s+/g, '');
}

function strip(words: string): string {
  let w = words;
  for (let n = 0; n < 4; n++) {
    const before = w;
    const lead = LEAD.exec(w);
    if (lead && w.length - lead[0].length >= 2) w = w.slice(lead[0].length);
    const tail = TAIL.exec(w);
    if (tail && w.length - tail[0].length >= 1) w = w.slice(0, w.length - tail[0].length);
    if (w === before) break;
  }
  return w;
}

function tail(words: string, max = MAX_LABEL): string {
  return [...words].slice(-max).join('');
}

function head(words: string, max: number): string {
  return [...words].slice(0, max).join('');
}

/** The name a blank's nearest words give it; '' when they give none. */
export function labelFromContext(before: string, after: string, opts: { duration: boolean; dateLike?: boolean }): string {
  const b = before.replace(/人民币$|[¥￥]$/, '');
  const anchored = ANCHOR.test(b);
  const stripped = strip(b);
  // A party alone (承诺方在____内…) says who, not what: the words after say what.
  const fromBefore = /^(承诺方|接收方|甲方|乙方|本单位|本公司|我方|我公司|双方|本人)$/.test(stripped) ? '' : stripped;
  // 在____个工作日内完成初步审核 / 之日起____日内作出核定: the deadline of what follows.
  if (opts.duration && (anchored || fromBefore.length < 2)) {
    const what = strip(after.replace(/^(?:以?内|之内|以上|以下)/, ''));
    if (what.length >= 2) return `${head(what, 10)}时限`;
  }
  if (fromBefore.length >= 2) return tail(fromBefore);
  if (opts.dateLike) return '';
  const what = strip(after.replace(/^(?:的|等|以内|内|之内|以上|以下)/, ''));
  return what.length >= 2 ? head(what, 10) : '';
}

/** A form label as a field label: 承诺方（盖章） → 承诺方盖章; 承诺人（或授权代表）签名 → 承诺人签名. */
export function cleanFormLabel(label: string): string {
  const plain = label
    .replace(/[（(]([^）)]*)[）)]/g, (_m, inner: string) => (/签名|签字|签章|盖章|公章|印章/.test(inner) ? inner : ''))
    .replace(/\s+/g, '')
    .trim();
  return tail(plain || label.trim(), 20);
}

/** Makes labels unique in order: the second 日期 becomes 日期（2）. */
export function dedupeLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l}（${n}）`;
  });
}

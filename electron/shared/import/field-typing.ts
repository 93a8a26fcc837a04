/**
 * What a blank is, from the words around it: `__%以上` a percent, `__个工作日` a number with
 * its unit, `人民币__元` money, `____年__月__日` a date, `承诺书编号：__` the letter's own
 * number, `承诺方：__` the promisor's name, a blank in the signature block handwritten.
 */
import type { FieldOptions, FieldRole, FieldType, PartyPart } from '../fields';
import type { BlankToken } from './blank-tokens';
import { cleanFormLabel, labelFromContext, wordsAfter, wordsBefore } from './field-labels';
import { SIGN_WORDS } from './form-pairs';
import { isSpace } from './text-chars';

export type Region = 'head' | 'body' | 'signature';

export interface TokenContext {
  text: string;
  token: BlankToken;
  /** The block's content range in `text`. */
  blockStart: number;
  blockEnd: number;
  /** End of the previous blank in the block (labels never reach past it). */
  prevEnd: number;
  /** The label when the blank is the value of a form pair (`承诺方：____`). */
  pairLabel?: string;
  /** Text after the blank that belongs to its pair: （盖章）. */
  pairTail?: string;
  region: Region;
  inClause: boolean;
  /** Whose head line this is: the party named last above (承诺方 … 地址：). */
  party: 'promisor' | 'recipient';
}

export interface FieldDraft {
  type: FieldType;
  label: string;
  hint?: string;
  options?: FieldOptions;
  role?: FieldRole;
  /** The source range the field replaces (the blank and any unit, %, 元 it absorbs). */
  start: number;
  end: number;
  selected?: string[];
  /** A date a content control holds. */
  date?: { y: number; m: number; d: number };
}

// Units a number blank takes from the words after it, longest first (fields.ts NUMBER_UNITS and a few more).
const UNITS = ['个工作日', '个自然日', '个小时', '次/年', '个月', '分钟', '小时', '万元', '工作日', '日', '天', '年', '周', '次', '分', '人', '件', '项', '个', '家', '岁'];
// A unit character that starts a longer word is not a unit: 年度, 日期, 人民币, 分公司, 项目.
const NOT_UNIT: Record<string, string> = { 年: '度龄限底初末级', 日: '期常', 人: '民员士身', 分: '公行支之别', 项: '目', 次: '日要', 个: '人体别', 天: '然', 周: '年岁边', 件: '事' };
const MONEY_WORDS = /金额|保险费|保费|费用|赔款|租金|价款|违约金|保证金|罚款|赔偿金|款项|资金|数额|总额|价格|报酬/;
const TIME_UNITS = new Set(['个工作日', '个自然日', '个小时', '个月', '分钟', '小时', '工作日', '日', '天', '年', '周']);
const PROMISOR_NAME = /^(承诺(方|人|单位)|甲方|供应商|委托(方|人|单位))(名称|全称)?$/;
const RECIPIENT_NAME = /^(接收方|乙方|受托(方|人|单位))(名称|全称)?$/;
const OWN_NUMBER = /^(承诺书|函件|文书|保证书)?编号$/;
const PARTY_PART: [RegExp, PartyPart][] = [
  [/联系地址|^地址|住所|通讯地址/, 'address'],
  [/联系电话|联系方式|联系人/, 'contact'],
  [/法定代表人|负责人/, 'legalRepresentative'],
];

const DEFAULT_LABEL: Record<FieldType, string> = {
  text: '内容',
  longtext: '补充内容',
  number: '数量',
  money: '金额',
  percent: '比例',
  date: '日期',
  choice: '选项',
  party: '当事方',
  docnumber: '编号',
  handwritten: '签名',
};

function skipSp(text: string, i: number, end: number): number {
  while (i < end && isSpace(text[i])) i++;
  return i;
}

function unitAt(text: string, i: number, end: number): string | null {
  for (const u of UNITS) {
    if (text.startsWith(u, i) && i + u.length <= end) {
      const next = text[i + u.length];
      if (u.length === 1 && next !== undefined && (NOT_UNIT[u] ?? '').includes(next)) continue;
      return u;
    }
  }
  return null;
}

/** The label of a form pair, cleaned; with 名称 for a party's name (承诺方 → 承诺方名称). */
function pairLabelOf(label: string, type: FieldType): string {
  const clean = cleanFormLabel(label);
  if (type === 'party' && (PROMISOR_NAME.test(clean) || RECIPIENT_NAME.test(clean)) && !/名称|全称/.test(clean)) return `${clean}名称`;
  return clean;
}

function byLabel(label: string, ctx: TokenContext): Omit<FieldDraft, 'start' | 'end' | 'label'> | null {
  const clean = cleanFormLabel(label);
  if (SIGN_WORDS.test(label) || SIGN_WORDS.test(ctx.pairTail ?? '')) return { type: 'handwritten' };
  if (/编号$/.test(clean)) return { type: 'docnumber', ...(ctx.region === 'head' && OWN_NUMBER.test(clean) && { role: 'own-number' as const }) };
  if (PROMISOR_NAME.test(clean)) return { type: 'party', options: { party: 'promisor', part: 'fullName' }, role: 'promisor-name' };
  if (RECIPIENT_NAME.test(clean)) return { type: 'party', options: { party: 'recipient', part: 'fullName' }, role: 'recipient-name' };
  for (const [re, part] of PARTY_PART) if (re.test(clean)) return { type: 'party', options: { party: ctx.party, part } };
  if (/日期$/.test(clean)) return { type: 'date' };
  return null;
}

/** Type, label and extent of one blank. */
export function typeToken(ctx: TokenContext): FieldDraft {
  const { text, token } = ctx;
  let start = token.start;
  let end = token.end;
  const before = wordsBefore(text, token.start, ctx.prevEnd);
  const afterAt = skipSp(text, token.end, ctx.blockEnd);
  let colon = token.start;
  while (colon > ctx.prevEnd && isSpace(text[colon - 1])) colon--;
  const colonLabel = ctx.pairLabel ?? (colon > ctx.prevEnd && (text[colon - 1] === '：' || text[colon - 1] === ':') ? wordsBefore(text, colon - 1, ctx.prevEnd) : undefined);
  const out = (d: Omit<FieldDraft, 'start' | 'end' | 'label'>, label?: string): FieldDraft => ({
    ...d,
    label: (label || DEFAULT_LABEL[d.type]).slice(0, 40),
    start,
    end,
  });

  if (token.control) {
    // A content control says what it is; its title names it, else the words before it do.
    const c = token.control;
    const label = c.label || (colonLabel ? cleanFormLabel(colonLabel) : labelFromContext(before, '', { duration: false, dateLike: c.type === 'date' }));
    if (c.type === 'choice') return out({ type: 'choice', options: { choices: c.choices?.length ? c.choices : ['是', '否'] }, ...(c.selected?.length && { selected: c.selected }) }, label);
    if (c.type === 'date') return out({ type: 'date', ...(c.date && { date: c.date }) }, label);
  }
  if (ctx.region === 'signature') return out({ type: 'handwritten' }, colonLabel ? cleanFormLabel(colonLabel) : undefined);
  if (token.kind === 'choice') {
    return out(
      { type: 'choice', options: { choices: token.choices ?? [], ...(token.other && { other: true }) }, ...(token.selected && { selected: token.selected }) },
      colonLabel ? cleanFormLabel(colonLabel) : labelFromContext(before, '', { duration: false }),
    );
  }
  if (token.kind === 'date') return out({ type: 'date' }, colonLabel ? cleanFormLabel(colonLabel) : labelFromContext(before, '', { duration: false, dateLike: true }));

  let hint: string | undefined;
  let placeholderName: string | undefined;
  let example: string | undefined;
  if (token.kind === 'placeholder') {
    const m = /^(.*?)[，,；;\s]*(?:如|例如|比如|譬如)[：:]?\s*(.+)$/.exec(token.inner ?? '');
    placeholderName = (m ? m[1]! : token.inner!).trim() || undefined;
    example = m?.[2]?.trim();
    if (example) hint = `如：${example}`;
  }
  const withHint = (d: FieldDraft): FieldDraft => (hint ? { ...d, hint } : d);

  if (colonLabel) {
    const t = byLabel(colonLabel, ctx);
    if (t) return withHint(out(t, pairLabelOf(colonLabel, t.type)));
  }
  if (placeholderName) {
    const t = byLabel(placeholderName, ctx);
    if (t && t.type !== 'handwritten') return withHint(out(t, pairLabelOf(placeholderName, t.type)));
  }

  // What follows: % → percent; a unit → number; 元 → money (absorbed: the field prints them).
  const next = text[afterAt];
  const exUnit = example ? /^\d+(?:\.\d+)?\s*(%|％|个工作日|个自然日|个小时|个月|分钟|小时|工作日|日|天|年|周|次|分|人|元|万元)$/.exec(example) : null;
  const nameOr = (fallback: string) => placeholderName ?? colonLabel ?? fallback;
  if (next === '%' || next === '％' || exUnit?.[1] === '%' || exUnit?.[1] === '％') {
    if (next === '%' || next === '％') end = afterAt + 1;
    return withHint(out({ type: 'percent', options: { max: 100 } }, nameOr(labelFromContext(before, wordsAfter(text, end, ctx.blockEnd), { duration: false }))));
  }
  const pre = /(人民币|[¥￥])\s*$/.exec(text.slice(Math.max(ctx.prevEnd, token.start - 6), token.start));
  if (next === '元' || pre || exUnit?.[1] === '元') {
    if (next === '元') end = afterAt + 1;
    if (pre) start = token.start - pre[0].length;
    return withHint(out({ type: 'money', ...(pre?.[1] === '人民币' && { options: { capital: true } }) }, nameOr(labelFromContext(before, wordsAfter(text, end, ctx.blockEnd), { duration: false }))));
  }
  const unit = unitAt(text, afterAt, ctx.blockEnd) ?? (exUnit && exUnit[1] !== '元' ? exUnit[1]! : null);
  if (unit) {
    if (text.startsWith(unit, afterAt)) end = afterAt + unit.length;
    const name = nameOr(labelFromContext(before, wordsAfter(text, end, ctx.blockEnd), { duration: TIME_UNITS.has(unit) }));
    return withHint(out({ type: 'number', options: { unit, min: 0 } }, name ? `${name}（${unit}）` : undefined));
  }
  if (placeholderName) return withHint(out({ type: /日期|时间$/.test(placeholderName) ? 'date' : /金额|费用/.test(placeholderName) ? 'money' : 'text' }, placeholderName));

  // Inside 《…》: a title of a law or contract.
  const near = text.slice(Math.max(ctx.prevEnd, token.start - 40), token.start);
  if (near.lastIndexOf('《') > near.lastIndexOf('》')) {
    const close = text.slice(token.end, token.end + 40).indexOf('》') + token.end;
    const rest = close >= token.end ? text.slice(token.end, close).trim() : '';
    return out({ type: 'text' }, rest ? `${rest}名称` : '文件名称');
  }
  let label = colonLabel ? cleanFormLabel(colonLabel) : labelFromContext(before, wordsAfter(text, end, ctx.blockEnd), { duration: false });
  // ____： opening a letter is whom it is addressed to.
  if (!label && (text[afterAt] === '：' || text[afterAt] === ':') && token.start - ctx.blockStart < 8 && !text.slice(ctx.blockStart, token.start).trim()) label = '收件方';
  if (MONEY_WORDS.test(text.slice(Math.max(ctx.prevEnd, token.start - 14), token.start))) return out({ type: 'money' }, label);
  // A blank that ends a clause, or is the whole paragraph, is free text to write out.
  const atEnd = afterAt >= ctx.blockEnd;
  let first = ctx.blockStart;
  while (first < token.start && (isSpace(text[first]) || text[first] === '\n')) first++;
  const alone = atEnd && first === token.start;
  if (token.kind === 'blank' && ((ctx.inClause && atEnd) || (alone && ctx.region === 'body'))) return out({ type: 'longtext' }, label);
  return out({ type: 'text' }, label);
}

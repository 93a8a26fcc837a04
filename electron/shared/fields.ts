/**
 * Field definitions, values, validation and the printed form of every field type. Pure:
 * the editor, the form, export, search text and diffs all print fields through here.
 */
export const FIELD_TYPES = [
  'text',
  'longtext',
  'number',
  'money',
  'percent',
  'date',
  'choice',
  'party',
  'docnumber',
  'handwritten',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const NUMBER_UNITS = ['个工作日', '个自然日', '日', '分钟', '小时', '年', '个月', '次/年', '次', '分', '人', '件', '项'] as const;

export type PartyPart = 'fullName' | 'shortName' | 'address' | 'legalRepresentative' | 'contact' | 'signer';

export interface FieldOptions {
  /** number: unit printed after the value (个工作日, 分钟, …). */
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  /** money: also print the Chinese capital amount (人民币壹拾万元整). */
  capital?: boolean;
  /**
   * money: how the figures print (issue #14). `rmb` (the default) 人民币12,345.00元, as Chinese
   * letters write a sum; `symbol` ¥12,345.00; `figures` 12,345.00, for a template whose own
   * text says 人民币…元 around the field. The capital form (`capital`) is always 人民币…（¥…）.
   */
  moneyForm?: MoneyForm;
  /** choice */
  choices?: string[];
  multiple?: boolean;
  /** choice: an extra "其他" box with a write-in blank. */
  other?: boolean;
  /** party: whose data and which part of it. */
  party?: 'promisor' | 'recipient';
  part?: PartyPart;
  /** text / longtext / docnumber: maximum length in characters. */
  maxLength?: number;
  /** blank width in characters when printed empty (default by type). */
  blankWidth?: number;
  /**
   * handwritten: what the hand puts here. A `date` prints as ____年__月__日; a signature or
   * seal (or a blank that does not say) is left at least eight characters wide (issue #14).
   */
  mark?: HandwrittenMark;
}

export const MONEY_FORMS = ['rmb', 'symbol', 'figures'] as const;
export type MoneyForm = (typeof MONEY_FORMS)[number];

export const HANDWRITTEN_MARKS = ['signature', 'seal', 'date'] as const;
export type HandwrittenMark = (typeof HANDWRITTEN_MARKS)[number];

/**
 * What a field means to the rules (issue #9): the letter's own number (filled by the register
 * at export for signature, never asked of the clerk) and the two parties' names. Stored in the
 * template and the letter, never read from the label.
 */
export const FIELD_ROLES = ['own-number', 'promisor-name', 'recipient-name'] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/** Who signs, seals or dates on paper; a handwritten field names its signer (承诺方/接收方/见证人/…). */
export const SIGNER_ROLES = ['承诺方', '接收方', '见证人'] as const;
export type SignerRole = string;
export const MAX_SIGNER_ROLE_LENGTH = 20;

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  role?: FieldRole;
  /** handwritten: the signer whose signature, seal or date this blank takes. */
  signer?: SignerRole;
  hint?: string;
  example?: string;
  default?: FieldValue;
  options?: FieldOptions;
}

export interface DateValue {
  y?: number;
  m?: number;
  d?: number;
}

export interface ChoiceValue {
  selected: string[];
  other?: string;
}

export type FieldValue = string | number | DateValue | ChoiceValue | null;
export type FieldValues = Record<string, FieldValue>;

export const FIELD_KEY_PATTERN = /^[a-z][a-zA-Z0-9_]{0,63}$/;
export const OTHER_CHOICE = '其他';

export type FieldProblem =
  | 'required'
  | 'wrong-type'
  | 'not-a-number'
  | 'too-small'
  | 'too-large'
  | 'not-integer'
  | 'too-precise'
  | 'too-long'
  | 'bad-date'
  | 'unknown-choice'
  | 'too-many-choices'
  | 'handwritten-filled';

export function isEmptyValue(value: FieldValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return !Number.isFinite(value);
  if ('selected' in value) return value.selected.length === 0 && !(value.other ?? '').trim();
  return value.y === undefined && value.m === undefined && value.d === undefined;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Checks one value against its definition; null when acceptable. Empty is fine unless required. */
export function validateField(def: FieldDef, value: FieldValue | undefined): FieldProblem | null {
  if (def.type === 'handwritten') return isEmptyValue(value) ? null : 'handwritten-filled';
  // The letter's own number is filled by the register at export for signature, never asked of the clerk.
  if (isEmptyValue(value)) return def.required && def.role !== 'own-number' ? 'required' : null;
  const o = def.options ?? {};
  switch (def.type) {
    case 'text':
    case 'longtext':
    case 'party':
    case 'docnumber': {
      if (typeof value !== 'string') return 'wrong-type';
      const max = o.maxLength ?? (def.type === 'longtext' ? 5000 : 200);
      return [...value].length > max ? 'too-long' : null;
    }
    case 'number':
    case 'money':
    case 'percent': {
      if (typeof value !== 'number') return 'wrong-type';
      if (!Number.isFinite(value)) return 'not-a-number';
      const min = o.min ?? 0;
      const max = o.max ?? (def.type === 'percent' ? 100 : def.type === 'money' ? 1e12 : 1e9);
      if (value < min) return 'too-small';
      if (value > max) return 'too-large';
      if (o.integer && !Number.isInteger(value)) return 'not-integer';
      if (def.type === 'money' && Math.abs(Math.round(value * 100) - value * 100) > 1e-6) return 'too-precise';
      return null;
    }
    case 'date': {
      if (typeof value !== 'object' || value === null || 'selected' in value) return 'wrong-type';
      const { y, m, d } = value;
      if (y !== undefined && (!Number.isInteger(y) || y < 1900 || y > 2200)) return 'bad-date';
      if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > 12)) return 'bad-date';
      if (d !== undefined && (!Number.isInteger(d) || d < 1 || d > (y && m ? daysIn(y, m) : 31))) return 'bad-date';
      return null;
    }
    case 'choice': {
      if (typeof value !== 'object' || value === null || !('selected' in value)) return 'wrong-type';
      const allowed = new Set([...(o.choices ?? []), ...(o.other ? [OTHER_CHOICE] : [])]);
      if (value.selected.some((s) => !allowed.has(s))) return 'unknown-choice';
      if (!o.multiple && value.selected.length > 1) return 'too-many-choices';
      if ((value.other ?? '').length > 200) return 'too-long';
      return null;
    }
  }
}

const CAPITAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Chinese capital amount for a CNY sum: 100000 → 壹拾万元整, 1234.56 → 壹仟贰佰叁拾肆元伍角陆分. */
export function moneyToCapital(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) return '';
  const fen = Math.round(amount * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let integer = '';
  if (yuan === 0) integer = '零';
  else {
    const groups: number[] = [];
    for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g]!;
      if (group === 0) {
        needZero = integer.length > 0;
        continue;
      }
      if (needZero || (integer.length > 0 && group < 1000)) integer += '零';
      needZero = false;
      let text = '';
      let zero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) {
          zero = text.length > 0;
          continue;
        }
        if (zero) text += '零';
        zero = false;
        text += CAPITAL_DIGITS[d]! + SMALL_UNITS[i]!;
      }
      integer += text + BIG_UNITS[g]!;
    }
  }
  let out = `${integer}元`;
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao > 0) out += `${CAPITAL_DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (fenDigit > 0) out += `${CAPITAL_DIGITS[fenDigit]}分`;
  else out += '整';
  return out;
}

/** 100000 → 100,000.00 */
export function formatMoney(amount: number): string {
  const [int, dec] = amount.toFixed(2).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** A run of the printed letter: literal text, or a blank to be drawn as an underline. */
export type PrintedPart = { kind: 'text'; text: string; field?: boolean } | { kind: 'blank'; width: number; invalid?: boolean };

const DEFAULT_BLANK: Record<FieldType, number> = {
  text: 10,
  longtext: 20,
  number: 4,
  money: 8,
  percent: 3,
  date: 0,
  choice: 8,
  party: 12,
  docnumber: 10,
  handwritten: 10,
};

/**
 * How a field prints on paper: filled values as text, empty (or handwritten) ones as blanks.
 * Dates print 2026年5月8日 with no zero padding; missing parts stay blank (____年____月____日).
 * Choices print ☑/☐ boxes (U+2611 / U+2610).
 *
 * A value that validateField refuses is never printed as a value (issue #9): it prints as the
 * empty field would, its blanks marked `invalid` so a draft export can show them. This is the
 * one place every output (editor, .docx, PDF, print, search text, diffs) prints a field.
 */
export function printField(def: FieldDef, value: FieldValue | undefined): PrintedPart[] {
  const problem = isEmptyValue(value) ? null : validateField(def, value);
  if (problem) return printValidField(def, undefined).map((p) => (p.kind === 'blank' ? { ...p, invalid: true } : p));
  return printValidField(def, value);
}

// Module-level helpers of printValidField: it runs for every field of every letter a search
// passage renders, and closures made per call cost more than the parts they make.
const blankPart = (width: number): PrintedPart => ({ kind: 'blank', width });
const filledPart = (t: string): PrintedPart => ({ kind: 'text', text: t, field: true });
const datePart = (n: number | undefined, w: number): PrintedPart => (n === undefined ? blankPart(w) : filledPart(String(n)));

function printValidField(def: FieldDef, value: FieldValue | undefined): PrintedPart[] {
  const o = def.options ?? {};
  if (def.type === 'date' || (def.type === 'handwritten' && o.mark === 'date')) {
    const d = (def.type === 'date' && value && typeof value === 'object' && !('selected' in value) ? value : {}) as DateValue;
    return [datePart(d.y, 4), { kind: 'text', text: '年' }, datePart(d.m, 2), { kind: 'text', text: '月' }, datePart(d.d, 2), { kind: 'text', text: '日' }];
  }
  if (def.type === 'choice') {
    const v = (value && typeof value === 'object' && 'selected' in value ? value : { selected: [] }) as ChoiceValue;
    const parts: PrintedPart[] = [];
    const boxes = [...(o.choices ?? []), ...(o.other ? [OTHER_CHOICE] : [])];
    boxes.forEach((choice, i) => {
      const on = v.selected.includes(choice);
      parts.push({ kind: 'text', text: `${i > 0 ? ' ' : ''}${on ? '☑' : '☐'}${choice}`, field: on });
      if (choice === OTHER_CHOICE) parts.push(on && v.other?.trim() ? filledPart(v.other.trim()) : blankPart(o.blankWidth ?? 8));
    });
    return parts;
  }
  if (def.type === 'handwritten' || isEmptyValue(value)) {
    const parts = [blankPart(o.blankWidth ?? DEFAULT_BLANK[def.type])];
    if (def.type === 'number' && o.unit) parts.push({ kind: 'text', text: o.unit });
    if (def.type === 'percent') parts.push({ kind: 'text', text: '%' });
    return parts;
  }
  switch (def.type) {
    case 'number':
      return [filledPart(formatNumber(value as number)), ...(o.unit ? [{ kind: 'text', text: o.unit } as PrintedPart] : [])];
    case 'percent':
      return [filledPart(`${formatNumber(value as number)}%`)];
    case 'money': {
      const n = value as number;
      // Chinese letters write 人民币12,345.00元; the capital form keeps the figures beside it.
      if (o.capital) return [filledPart(`人民币${moneyToCapital(n)}（¥${formatMoney(n)}）`)];
      return [filledPart(o.moneyForm === 'symbol' ? `¥${formatMoney(n)}` : o.moneyForm === 'figures' ? formatMoney(n) : `人民币${formatMoney(n)}元`)];
    }
    default:
      // Lines typed or pasted into a value (CRLF from Word, CR from old Macs) print as lines.
      return [filledPart(String(value).replace(/\r\n?/g, '\n').trim())];
  }
}

/** Plain text of a printed field; blanks as underscores of their width (for search, diff, CLI). */
export function fieldText(def: FieldDef, value: FieldValue | undefined, blankChar = '_'): string {
  return printField(def, value)
    .map((p) => (p.kind === 'text' ? p.text : blankChar.repeat(p.width)))
    .join('');
}

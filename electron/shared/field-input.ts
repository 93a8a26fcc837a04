/**
 * What people type (or export from Excel) for a field, read into its stored value. Pure: the
 * CLI reads `--set`, `--values` and CSV cells through here, and the form may reuse it.
 * Every value read is then checked by validateField, so a range or choice problem is reported
 * with the same codes as core's own check.
 */
import { OTHER_CHOICE, validateField, type ChoiceValue, type DateValue, type FieldDef, type FieldProblem, type FieldValue } from './fields';

/** 'unreadable': the text is not any accepted form of this type; 'wrong-unit': a number given with another unit. */
export type FieldInputProblem = FieldProblem | 'unreadable' | 'wrong-unit';
export type FieldInput = { ok: true; value: FieldValue } | { ok: false; problem: FieldInputProblem };

const ok = (value: FieldValue): FieldInput => ({ ok: true, value });
const fail = (problem: FieldInputProblem): FieldInput => ({ ok: false, problem });

/** Full-width digits, letters and signs (ＡＢＣ１２３，％) and the ideographic space as their ASCII forms. */
function halfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

/** 12345, 12,345.00, -3.5 → a number; anything else → null. */
function readNumber(text: string): number | null {
  const t = text.replace(/\s+/g, '');
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

const TEXT_TYPES: readonly FieldDef['type'][] = ['text', 'longtext', 'party', 'docnumber', 'handwritten'];

/** Reads `text` as a value of `def`'s type. Empty text clears the value (null). */
export function parseFieldInput(def: FieldDef, text: string): FieldInput {
  const t = halfWidth(text);
  if (t === '') return ok(null);
  if (TEXT_TYPES.includes(def.type)) return checked(def, text.trim()); // a handwritten value is refused by validateField
  // The exact JSON form is read too: {"y":2026,"m":5,"d":8}, {"selected":["企业"],"other":"…"}, ["企业","个人"].
  if (/^[{[]/.test(t)) {
    let json: unknown;
    try {
      json = JSON.parse(t);
    } catch {
      return fail('unreadable');
    }
    return coerceFieldInput(def, json);
  }
  const read = readTyped(def, t);
  return typeof read === 'string' ? fail(read) : checked(def, read.value);
}

/**
 * Reads a value from a JSON file of values: exact JSON values pass as they are (and are checked),
 * strings are read like typed text, so `"2026-05-08"` and `{"y":2026,"m":5,"d":8}` both work.
 */
export function coerceFieldInput(def: FieldDef, raw: unknown): FieldInput {
  if (raw === null || raw === undefined) return ok(null);
  if (typeof raw === 'string') return parseFieldInput(def, raw);
  if (typeof raw === 'number' && TEXT_TYPES.includes(def.type)) return checked(def, String(raw));
  if (Array.isArray(raw)) return def.type === 'choice' && raw.every((x) => typeof x === 'string') ? parseFieldInput(def, raw.join('、')) : fail('wrong-type');
  if (typeof raw === 'number' || typeof raw === 'object') return checked(def, raw as FieldValue); // validateField checks the shape
  return fail('wrong-type');
}

function checked(def: FieldDef, value: FieldValue): FieldInput {
  const problem = validateField(def, value);
  return problem && problem !== 'required' ? fail(problem) : ok(value);
}

type Read = { value: FieldValue } | 'unreadable' | 'wrong-unit';
const read = (value: FieldValue | null | undefined): Read => (value === null || value === undefined ? 'unreadable' : { value });

/** `t` is half-width and trimmed. */
function readTyped(def: FieldDef, t: string): Read {
  switch (def.type) {
    case 'number':
      return readWithUnit(t, def.options?.unit);
    case 'percent':
      return read(readNumber(t.replace(/\s*%$/, '')));
    case 'money':
      return read(readMoney(t));
    case 'date':
      return read(readDate(t));
    case 'choice':
      return read(readChoice(def, t));
    default:
      return { value: t };
  }
}

/** 5, 5个工作日, 5 工作日 (the unit's 个 may be left out); another unit is 'wrong-unit'. */
function readWithUnit(t: string, unit: string | undefined): Read {
  const m = /^([+-]?[\d,.]+)\s*(\S.*)?$/.exec(t);
  const n = m ? readNumber(m[1]!) : null;
  if (n === null) return 'unreadable';
  const given = m![2]?.trim();
  if (!given) return { value: n };
  const bare = (u: string) => u.replace(/^个/, '');
  return unit && bare(given) === bare(unit) ? { value: n } : 'wrong-unit';
}

/** 12345, 12,345.00, ¥12,345.00, 人民币12345元, RMB 12345, 1.5万元 (万 = 10,000). */
function readMoney(t: string): number | null {
  let s = t.replace(/^(人民币|RMB|CNY)\s*/i, '').replace(/^[¥￥]\s*/, '');
  s = s.replace(/\s*(元整|元|整)$/, '');
  const tenThousands = s.endsWith('万');
  const n = readNumber(tenThousands ? s.slice(0, -1) : s);
  if (n === null) return null;
  // 1.23万 is 12300 exactly, not 12300.000000000002.
  return tenThousands ? Math.round(n * 1_000_000) / 100 : n;
}

/**
 * The parts of a typed date in any form `parseFieldInput` reads, before they are checked: the
 * form uses it to say *which* part of a refused date is wrong (2026年2月30日: February has 28
 * days). Null when the text is no date form at all.
 */
export function readDateText(text: string): DateValue | null {
  return readDate(halfWidth(text));
}

/**
 * 2026-05-08, 2026/5/8, 2026.5.8, 2026年5月8日, 20260508, an Excel date-time (2026/5/8 0:00,
 * 2026-05-08T00:00:00), or a partial date 2026年5月 / 2026-05 / 2026年 (the rest stays blank on paper).
 */
function readDate(t: string): DateValue | null {
  const s = t.replace(/(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '').replace(/\s+/g, '');
  const m =
    /^(\d{4})(\d{2})(\d{2})$/.exec(s) ??
    /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(s) ??
    /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  // One separator per date: 2026-5/8 is a typo, not a date.
  if (/[-/.]/.test(s) && new Set(s.match(/[-/.]/g)).size > 1) return null;
  const [y, mo, d] = [m[1], m[2], m[3]].map((x) => (x === undefined ? undefined : Number(x)));
  return { y, ...(mo !== undefined && { m: mo }), ...(d !== undefined && { d }) };
}

/**
 * A choice by its label: 企业; several as 企业、个人 or 企业,个人; the write-in as 其他:事业单位
 * (everything after 其他: is the write-in, separators included). A label may carry its box (☑企业).
 */
function readChoice(def: FieldDef, t: string): ChoiceValue | null {
  const choices = def.options?.choices ?? [];
  const hasOther = def.options?.other === true;
  const otherAt = hasOther ? /(?:^|[、,，;；|])\s*其他\s*[:：]/.exec(t) : null;
  const head = otherAt ? t.slice(0, otherAt.index) : t;
  const other = otherAt ? t.slice(otherAt.index + otherAt[0].length).trim() : '';
  const selected: string[] = [];
  for (const part of head.split(/[、,，;；|]/).map((p) => p.trim()).filter(Boolean)) {
    const typed = part.replace(/^[☑☐□■√✓]\s*/, '');
    // Compared in half-width on both sides: the typed text was normalised, the labels keep their own characters.
    const label = typed === OTHER_CHOICE && hasOther ? OTHER_CHOICE : choices.find((c) => halfWidth(c) === typed);
    if (label === undefined) return null;
    if (!selected.includes(label)) selected.push(label);
  }
  if (otherAt && !selected.includes(OTHER_CHOICE)) selected.push(OTHER_CHOICE);
  return { selected, ...(other && { other }) };
}

/** Examples of every form `parseFieldInput` reads for this field (shown by `letters fields --json`). */
export function acceptedFormats(def: FieldDef): string[] {
  const o = def.options ?? {};
  switch (def.type) {
    case 'text':
    case 'longtext':
    case 'party':
    case 'docnumber':
      return [`文字 text${o.maxLength ? `, ≤ ${o.maxLength} 字` : ''}`];
    case 'handwritten':
      return ['（留空，纸上手写 left blank for handwriting）'];
    case 'number':
      return ['5', ...(o.unit ? [`5${o.unit}`] : []), '1,000'];
    case 'percent':
      return ['95', '95%'];
    case 'money':
      return ['12345', '12,345.00', '¥12,345.00', '人民币12345元', '1.5万元'];
    case 'date':
      return ['2026-05-08', '2026年5月8日', '2026/5/8', '20260508', '2026年5月', '{"y":2026,"m":5,"d":8}'];
    case 'choice': {
      const [a = '…', b = a] = o.choices ?? [];
      return [
        a,
        ...(o.multiple ? [`${a}、${b}`, `${a},${b}`] : []),
        ...(o.other ? [`${OTHER_CHOICE}:…`] : []),
        `{"selected":["${a}"]${o.other ? ',"other":"…"' : ''}}`,
      ];
    }
  }
}

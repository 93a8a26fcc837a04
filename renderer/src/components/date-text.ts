/**
 * One date box in the form (issue #15): it reads what a clerk types — 2026-05-08, 2026/5/8,
 * 2026年5月8日, 20260508, full-width digits — through the same reader as the CLI
 * (electron/shared/field-input.ts), keeps the stored shape ({y, m, d}), and shows the value as
 * it prints (2026年5月8日). A refused date says which part is wrong.
 */
import { parseFieldInput, readDateText } from '../../../electron/shared/field-input';
import type { DateValue, FieldDef } from '../../../electron/shared/fields';

export type DateEntry =
  | { ok: true; value: DateValue | null }
  /** Read, but no such day: the parts are kept (core flags them and never prints them). */
  | { ok: false; value: DateValue; problem: BadDate }
  /** No date form at all. */
  | { ok: false; value: null; problem: { kind: 'unreadable'; text: string } };

export type BadDate =
  | { kind: 'year'; y: number }
  | { kind: 'month'; m: number }
  | { kind: 'day'; y: number; m: number; d: number; max: number }
  | { kind: 'day-any'; d: number }
  /** A year or a month where one day is needed (readDayEntry). */
  | { kind: 'incomplete' };

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Reads the text typed into a date field of `def`. Empty text is no date (null). */
export function readDateEntry(def: FieldDef, text: string): DateEntry {
  const read = parseFieldInput({ ...def, required: false }, text);
  if (read.ok) {
    const v = read.value;
    return { ok: true, value: v && typeof v === 'object' && !('selected' in v) ? v : null };
  }
  const parts = readDateText(text);
  if (!parts) return { ok: false, value: null, problem: { kind: 'unreadable', text: text.trim() } };
  return { ok: false, value: parts, problem: whatIsWrong(parts) };
}

/** Which part of a read date is out of range (the ranges of validateField). */
export function whatIsWrong({ y, m, d }: DateValue): BadDate {
  if (y !== undefined && (y < 1900 || y > 2200)) return { kind: 'year', y };
  if (m !== undefined && (m < 1 || m > 12)) return { kind: 'month', m };
  if (d !== undefined && y !== undefined && m !== undefined) return { kind: 'day', y, m, d, max: daysInMonth(y, m) };
  return { kind: 'day-any', d: d ?? 0 };
}

/**
 * A stored date as the box shows it: 2026年5月8日 as it prints; a partial date as far as it goes
 * (2026年5月, 2026年), which the box reads back the same. Nothing stored: ''.
 */
export function formatDate(value: DateValue | null | undefined): string {
  if (!value) return '';
  const { y, m, d } = value;
  if (y === undefined && m === undefined && d === undefined) return '';
  if (y !== undefined && m !== undefined && d !== undefined) return `${y}年${m}月${d}日`;
  if (y !== undefined && m !== undefined) return `${y}年${m}月`;
  if (y !== undefined && d === undefined) return `${y}年`;
  // Parts without the ones before them (left by older versions' three boxes): blanks as printed.
  return `${y ?? '____'}年${m ?? '__'}月${d ?? '__'}日`;
}

export function sameDate(a: DateValue | null | undefined, b: DateValue | null | undefined): boolean {
  return (a?.y ?? null) === (b?.y ?? null) && (a?.m ?? null) === (b?.m ?? null) && (a?.d ?? null) === (b?.d ?? null);
}

/** A whole day ({y, m, d} all present): what the register's filters and a signature date hold. */
export type Day = { y: number; m: number; d: number };

/** 2026-05-08 → {y: 2026, m: 5, d: 8}; anything else (also '') → null. */
export function dayFromIso(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/** {y: 2026, m: 5, d: 8} → 2026-05-08, as the API takes dates. */
export function isoOfDay({ y, m, d }: Day): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A stored date as the API takes one whole day: 2026-05-08, or '' when it is not a whole day. */
export function isoOf(v: DateValue | null | undefined): string {
  return v?.y !== undefined && v.m !== undefined && v.d !== undefined ? isoOfDay({ y: v.y, m: v.m, d: v.d }) : '';
}

const WHOLE_DAY: FieldDef = { key: 'day', label: '', type: 'date', required: false };

/**
 * Reads a typed date that must name one day (a filter bound, the day a letter was signed): the
 * forms the form's box reads, but a partial date (2026年5月) is refused as incomplete.
 */
export function readDayEntry(text: string): DateEntry {
  const entry = readDateEntry(WHOLE_DAY, text);
  if (!entry.ok || !entry.value) return entry;
  const { y, m, d } = entry.value;
  if (y === undefined || m === undefined || d === undefined) return { ok: false, value: entry.value, problem: { kind: 'incomplete' } };
  return entry;
}

/**
 * Find and replace inside a letter (issue #15), as pure functions over a ProseMirror document.
 *
 * What is searched is what the clerk sees: the body text, and each field atom's value as the
 * field displays it (printField). A match never spans a field boundary or a line break. A match
 * in the body is replaced in the text; a match in a field's value changes the field's value,
 * read back through the same parser and validation a typed value goes through
 * (parseFieldInput → validateField); a value that would be invalid is not written and the
 * match is reported as skipped with the field's problem.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { parseFieldInput, type FieldInputProblem } from '../../../electron/shared/field-input';
import { printField, validateField, type DateValue, type FieldDef, type FieldValue, type FieldValues } from '../../../electron/shared/fields';
import { setFieldValues, type FieldValueChange } from './field-value-step';

/** A blank inside a field: shown as an underline (with its label), never part of a match. */
export const BLANK_CHAR = '\uFFFC';

export interface FieldLookup {
  def(key: string): FieldDef | undefined;
  values(): FieldValues;
}

export interface FindQuery {
  query: string;
  caseSensitive: boolean;
}

/** `text`: document positions from/to. `field`: the atom at `from` (to = from + 1), characters start–end of its shown value. */
export type Match =
  | { kind: 'text'; from: number; to: number }
  | { kind: 'field'; from: number; to: number; key: string; start: number; end: number };

/** A part of a field's shown text that is its value, and how new text there becomes a new value. */
interface Segment {
  start: number;
  end: number;
  apply(value: FieldValue | undefined, text: string): { ok: true; value: FieldValue } | { ok: false; problem: FieldInputProblem };
}

export interface FieldDisplay {
  text: string;
  segments: Segment[];
}

const DATE_PARTS = ['y', 'm', 'd'] as const;

/**
 * The text a field atom shows (blanks as BLANK_CHAR; see field-view.ts, which draws the same
 * parts) and the ranges of it that hold the value.
 */
export function fieldDisplay(def: FieldDef | undefined, key: string, value: FieldValue | undefined): FieldDisplay {
  if (!def) return { text: `{${key}}`, segments: [] };
  const parts = printField(def, value);
  const segments: Segment[] = [];
  let text = '';
  let datePart = 0;
  const asDate = (value && typeof value === 'object' && !('selected' in value) ? value : {}) as DateValue;
  for (const part of parts) {
    if (part.kind === 'blank') {
      text += BLANK_CHAR;
      if (def.type === 'date') datePart++;
      continue;
    }
    const start = text.length;
    text += part.text;
    if (!part.field) continue;
    const end = text.length;
    if (def.type === 'date') {
      const which = DATE_PARTS[datePart++]!;
      segments.push({ start, end, apply: (v, s) => setDatePart(def, v, which, s) });
    } else if (def.type === 'choice') {
      // Only the write-in after 其他 is typed text; a ticked box's label is the template's.
      const isWriteIn = !/^ ?☑/.test(part.text);
      if (isWriteIn) segments.push({ start, end, apply: (v, s) => setWriteIn(def, v, s) });
    } else if (def.type === 'money' && def.options?.capital) {
      // 人民币壹拾万元整（¥100,000.00）: the figures are the value, the capital form follows them.
      const at = part.text.lastIndexOf('（¥');
      if (at >= 0) segments.push({ start: start + at + 2, end: end - 1, apply: (_v, s) => parseFieldInput(def, s) });
    } else {
      segments.push({ start, end, apply: (_v, s) => parseFieldInput(def, s) });
    }
  }
  return { text, segments };
}

function setDatePart(def: FieldDef, value: FieldValue | undefined, which: 'y' | 'm' | 'd', text: string) {
  const next: DateValue = { ...((value && typeof value === 'object' && !('selected' in value) ? value : {}) as DateValue) };
  const t = text.trim();
  if (t === '') delete next[which];
  else if (/^\d{1,4}$/.test(t)) next[which] = Number(t);
  else return { ok: false as const, problem: 'not-a-number' as const };
  const v: FieldValue = next.y === undefined && next.m === undefined && next.d === undefined ? null : next;
  const problem = validateField(def, v);
  return problem && problem !== 'required' ? { ok: false as const, problem } : { ok: true as const, value: v };
}

function setWriteIn(def: FieldDef, value: FieldValue | undefined, text: string) {
  const v = value && typeof value === 'object' && 'selected' in value ? value : { selected: [] };
  const next: FieldValue = { ...v, other: text };
  const problem = validateField(def, next);
  return problem && problem !== 'required' ? { ok: false as const, problem } : { ok: true as const, value: next };
}

/** Lower case per UTF-16 unit where that keeps the length, so offsets stay the same (Latin; Chinese has no case). */
function fold(text: string, caseSensitive: boolean): string {
  if (caseSensitive) return text;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

function indexesOf(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

/** Every match of the query, in document order (inside a field: in order of its shown text). */
export function findMatches(doc: PMNode, q: FindQuery, fields: FieldLookup): Match[] {
  const needle = fold(q.query, q.caseSensitive);
  if (!needle) return [];
  const values = fields.values();
  const out: Match[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Runs of text between atoms (fields, line breaks) are searched one by one.
    let run = '';
    let runStarts: number[] = [];
    const flush = () => {
      for (const at of indexesOf(fold(run, q.caseSensitive), needle)) {
        out.push({ kind: 'text', from: runStarts[at]!, to: runStarts[at + needle.length - 1]! + 1 });
      }
      run = '';
      runStarts = [];
    };
    node.forEach((child, offset) => {
      const childPos = pos + 1 + offset;
      if (child.isText) {
        const text = child.text!;
        for (let i = 0; i < text.length; i++) runStarts.push(childPos + i);
        run += text;
        return;
      }
      flush();
      if (child.type.name !== 'field') return;
      const key = String(child.attrs['key']);
      const shown = fieldDisplay(fields.def(key), key, values[key]).text;
      for (const at of indexesOf(fold(shown, q.caseSensitive), needle)) {
        out.push({ kind: 'field', from: childPos, to: childPos + 1, key, start: at, end: at + needle.length });
      }
    });
    flush();
    return false;
  });
  return out;
}

/** Why a match in a field was left as it was. */
export type SkipReason = FieldInputProblem | 'fixed-text';
export interface Skipped {
  key: string;
  label: string;
  reason: SkipReason;
  count: number;
}
export interface ReplaceResult {
  replaced: number;
  skipped: Skipped[];
}

/**
 * Replaces `matches` (from findMatches on tr.doc) with `replacement` in one transaction: text
 * in place, field values through their validation, both as one undoable step. Returns what
 * was done; `tr` is unchanged when nothing could be replaced.
 */
export function replaceMatches(tr: Transaction, matches: readonly Match[], replacement: string, fields: FieldLookup): ReplaceResult {
  const values = fields.values();
  const skipped = new Map<string, Skipped>();
  const skip = (key: string, reason: SkipReason, count: number) => {
    const id = `${key}\u0000${reason}`;
    const entry = skipped.get(id) ?? { key, label: fields.def(key)?.label ?? key, reason, count: 0 };
    entry.count += count;
    skipped.set(id, entry);
  };
  let replaced = 0;

  // Field values: one new value per key (the same field may show in several places).
  const byKey = new Map<string, Match[]>();
  for (const m of matches) if (m.kind === 'field') byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  const changes: FieldValueChange[] = [];
  for (const [key, found] of byKey) {
    const def = fields.def(key);
    const display = fieldDisplay(def, key, values[key]);
    // Each place the field shows carries the same ranges: count them once per place.
    const places = new Set(found.map((m) => m.from)).size;
    const ranges = uniqueRanges(found);
    let value = values[key];
    let changed = false;
    const used = new Set<number>();
    for (const seg of display.segments) {
      const inside = ranges.filter((r) => r.start >= seg.start && r.end <= seg.end);
      if (!inside.length) continue;
      inside.forEach((r) => used.add(r.start));
      let text = display.text.slice(seg.start, seg.end);
      for (const r of [...inside].sort((a, b) => b.start - a.start)) {
        text = text.slice(0, r.start - seg.start) + replacement + text.slice(r.end - seg.start);
      }
      const result = seg.apply(value, text);
      if (!result.ok) {
        skip(key, result.problem, inside.length * places);
        continue;
      }
      value = result.value;
      changed = true;
      replaced += inside.length * places;
    }
    const outside = ranges.filter((r) => !used.has(r.start)).length;
    if (outside) skip(key, 'fixed-text', outside * places);
    if (changed && JSON.stringify(value) !== JSON.stringify(values[key] ?? null)) changes.push({ key, before: values[key] ?? null, after: value ?? null });
  }

  // Body text, from the end so earlier positions stay valid.
  const textMatches = matches.filter((m) => m.kind === 'text').sort((a, b) => b.from - a.from);
  for (const m of textMatches) {
    if (replacement) tr.insertText(replacement, m.from, m.to);
    else tr.delete(m.from, m.to);
    replaced++;
  }
  if (changes.length) setFieldValues(tr, changes);
  return { replaced, skipped: [...skipped.values()] };
}

function uniqueRanges(found: readonly Match[]): { start: number; end: number }[] {
  const seen = new Map<number, { start: number; end: number }>();
  for (const m of found) if (m.kind === 'field') seen.set(m.start, { start: m.start, end: m.end });
  return [...seen.values()];
}

/** The index of the first match at or after `pos` (wrapping to 0), or -1 when there is none. */
export function matchIndexAt(matches: readonly Match[], pos: number): number {
  if (!matches.length) return -1;
  const i = matches.findIndex((m) => m.from >= pos);
  return i < 0 ? 0 : i;
}

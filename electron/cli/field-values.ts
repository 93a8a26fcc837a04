/**
 * Field values given on the command line — `--values FILE` (a JSON object, or a CSV/TSV row
 * with a header of field keys or labels) and `--set KEY=VALUE` — read into typed values with
 * shared/field-input, so what people type or export from Excel is accepted as well as exact JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LetterdeskError } from '../shared/errors';
import { acceptedFormats, coerceFieldInput, type FieldInputProblem } from '../shared/field-input';
import type { FieldDef, FieldValues } from '../shared/fields';
import { decodeTable, parseCsv } from './csv';

const PROBLEMS: Record<FieldInputProblem, string> = {
  unreadable: '无法识别 not readable as this type',
  'wrong-unit': '单位不符 another unit',
  'wrong-type': '类型不符 wrong type',
  required: '必填 required',
  'not-a-number': '不是数字 not a number',
  'too-small': '太小 too small',
  'too-large': '太大 too large',
  'not-integer': '须为整数 not a whole number',
  'too-precise': '最多两位小数 more than 2 decimals',
  'too-long': '太长 too long',
  'bad-date': '日期无效 no such date',
  'unknown-choice': '没有这个选项 not one of the choices',
  'too-many-choices': '只能选一项 only one choice allowed',
  'handwritten-filled': '手写栏留空 left blank for handwriting',
};

export interface ValueSources {
  file?: string;
  /** CSV: the data row (1 = the first row under the header). */
  row?: number;
  /** KEY=VALUE, KEY a field key or label. */
  sets: string[];
}

/**
 * One value as given: by field key or label. `column`: a CSV column, which may hold something
 * other than a field (序号, 备注, the output file name) and is then left out with a warning.
 */
export interface ValueEntry {
  name: string;
  raw: unknown;
  column?: boolean;
}

/** Raw entries in the order given; later ones win. */
export function readValueSources(sources: ValueSources): ValueEntry[] {
  const entries = sources.file === undefined ? [] : readValuesFile(sources.file, sources.row ?? 1);
  for (const set of sources.sets) {
    const at = set.indexOf('=');
    if (at <= 0) throw new LetterdeskError('invalid-input', `--set needs KEY=VALUE, got "${set}"`);
    entries.push({ name: set.slice(0, at).trim(), raw: set.slice(at + 1) });
  }
  return entries;
}

function readValuesFile(file: string, row: number): ValueEntry[] {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new LetterdeskError('io-error', `Cannot read ${file}: ${(err as Error).message}`);
  }
  if (/\.(csv|tsv|txt)$/i.test(file)) return csvRow(file, decodeTable(bytes), row);
  try {
    const values = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
    if (!values || typeof values !== 'object' || Array.isArray(values)) throw new Error('not an object');
    return Object.entries(values).map(([name, raw]) => ({ name, raw }));
  } catch {
    throw new LetterdeskError('invalid-input', `${file} is not a JSON object of field values by key`);
  }
}

/** Empty cells are left out: a blank cell leaves the field as it is (use --set KEY= to clear one). */
function csvRow(file: string, text: string, row: number): ValueEntry[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new LetterdeskError('invalid-input', `${path.basename(file)} is empty`);
  const cells = rows[row - 1];
  if (!cells) throw new LetterdeskError('invalid-input', `${path.basename(file)} has ${rows.length} data row(s); --row ${row} is not one of them`);
  return header.map((name, i) => ({ name: name.trim(), raw: cells[i] ?? '', column: true })).filter((e) => e.name && e.raw !== '');
}

/**
 * Field values by key for the letter's definitions; every problem is reported at once as
 * invalid-input. `ignored`: CSV columns that name no field.
 */
export function toFieldValues(fields: FieldDef[], entries: ValueEntry[]): { values: FieldValues; ignored: string[] } {
  const values: FieldValues = {};
  const problems: string[] = [];
  const ignored: string[] = [];
  for (const { name, raw, column } of entries) {
    const def = fieldNamed(fields, name);
    if (def === null && column) ignored.push(name);
    if (def === null) {
      if (!column) problems.push(`${name}: no such field (see letterdesk letters fields ID)`);
      continue;
    }
    if (typeof def === 'string') {
      problems.push(def);
      continue;
    }
    const read = coerceFieldInput(def, raw);
    if (read.ok) values[def.key] = read.value;
    else problems.push(`${def.key} (${def.label}): ${PROBLEMS[read.problem]} — ${JSON.stringify(raw)}; 可填 accepted: ${acceptedFormats(def).join(' | ')}`);
  }
  if (problems.length) throw new LetterdeskError('invalid-input', problems.join('; '));
  return { values, ignored };
}

/** A field by key, else by its label when exactly one field has it; null: none; a string names the problem. */
function fieldNamed(fields: FieldDef[], name: string): FieldDef | string | null {
  const byKey = fields.find((f) => f.key === name);
  if (byKey) return byKey;
  const byLabel = fields.filter((f) => f.label.trim() === name);
  if (byLabel.length === 1) return byLabel[0]!;
  if (byLabel.length > 1) return `${name}: several fields have this label; use a key (${byLabel.map((f) => f.key).join(', ')})`;
  return null;
}

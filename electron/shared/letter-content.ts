/** A letter's editable content: body, field definitions, values, page style; and its checks. */
import { letterSchema, type DocJSON } from './doc-schema';
import { FIELD_KEY_PATTERN, FIELD_TYPES, isEmptyValue, validateField, type FieldDef, type FieldProblem, type FieldValues } from './fields';
import { fieldKeysInOrder } from './letter-model';
import { LetterdeskError } from './errors';

export type PageStyle = 'business' | 'official';
export const PAGE_STYLES: readonly PageStyle[] = ['business', 'official'];

export interface LetterContent {
  doc: DocJSON;
  fields: FieldDef[];
  values: FieldValues;
  pageStyle: PageStyle;
}

/** 2 MB of JSON is far beyond a 60-page letter; larger input is refused, not stored. */
export const MAX_DOC_JSON_BYTES = 2_000_000;
export const MAX_FIELDS = 500;

// Word's vertical tab (U+000B) and other C0/C1 controls must never reach the XML.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** Removes control characters from every text node; returns a new JSON tree. */
export function cleanDocText<T>(node: T): T {
  if (Array.isArray(node)) return node.map(cleanDocText) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === 'text' && typeof v === 'string' ? v.replace(CONTROL, '') : cleanDocText(v);
    return out as T;
  }
  return node;
}

/**
 * Checks a document against the schema and its field definitions. Throws
 * LetterdeskError('invalid-document') naming the first problem.
 */
export function checkLetterDoc(doc: unknown, fields: FieldDef[]): void {
  let node;
  try {
    node = letterSchema.nodeFromJSON(doc);
    node.check();
  } catch (err) {
    throw new LetterdeskError('invalid-document', `Document does not fit the letter schema: ${(err as Error).message}`);
  }
  const keys = new Set(fields.map((f) => f.key));
  for (const key of fieldKeysInOrder(doc as { content?: unknown[] })) {
    if (!keys.has(key)) throw new LetterdeskError('invalid-document', `Field {${key}} is used in the text but not defined`);
  }
}

export function checkFieldDefs(fields: FieldDef[]): void {
  if (fields.length > MAX_FIELDS) throw new LetterdeskError('invalid-document', `At most ${MAX_FIELDS} fields`);
  const seen = new Set<string>();
  for (const f of fields) {
    if (!FIELD_KEY_PATTERN.test(f.key)) throw new LetterdeskError('invalid-document', `Bad field key: ${f.key}`);
    if (seen.has(f.key)) throw new LetterdeskError('invalid-document', `Field key used twice: ${f.key}`);
    if (!(FIELD_TYPES as readonly string[]).includes(f.type)) throw new LetterdeskError('invalid-document', `Unknown field type: ${f.type}`);
    if (f.type === 'choice' && !(f.options?.choices?.length || f.options?.other)) {
      throw new LetterdeskError('invalid-document', `Choice field ${f.key} has no choices`);
    }
    seen.add(f.key);
  }
}

export interface FieldIssue {
  key: string;
  label: string;
  problem: FieldProblem;
}

/** Every field whose value is not acceptable (required and empty, wrong type, out of range…). */
export function fieldIssues(content: Pick<LetterContent, 'doc' | 'fields' | 'values'>): FieldIssue[] {
  const used = new Set(fieldKeysInOrder(content.doc));
  const issues: FieldIssue[] = [];
  for (const def of content.fields) {
    if (!used.has(def.key)) continue;
    const problem = validateField(def, content.values[def.key]);
    if (problem) issues.push({ key: def.key, label: def.label, problem });
  }
  return issues;
}

/** Required fields still empty, in document order — what blocks export for signature. */
export function missingRequired(content: Pick<LetterContent, 'doc' | 'fields' | 'values'>): FieldDef[] {
  const defs = new Map(content.fields.map((f) => [f.key, f]));
  return fieldKeysInOrder(content.doc)
    .map((k) => defs.get(k))
    .filter((d): d is FieldDef => !!d && d.required && d.type !== 'handwritten' && isEmptyValue(content.values[d.key]));
}

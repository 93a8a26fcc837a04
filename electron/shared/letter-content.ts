/** A letter's editable content: body, field definitions, values, page style; and its checks. */
import { letterSchema, type DocJSON } from './doc-schema';
import { FIELD_KEY_PATTERN, FIELD_TYPES, validateField, type FieldDef, type FieldProblem, type FieldRole, type FieldValues } from './fields';
import { ROLE_TYPES } from './field-roles';
import { fieldKeysInOrder } from './letter-model';
import { LetterdeskError } from './errors';
import { checkDocBounds } from './doc-rules';

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

// Word's vertical tab (U+000B) and other C0/C1 controls must never reach the XML; nor half a
// surrogate pair (not encodable as UTF-8).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes control characters from every text node; returns a new JSON tree. */
export function cleanDocText<T>(node: T): T {
  if (Array.isArray(node)) return node.map(cleanDocText) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty: an own key "__proto__" (JSON.parse makes one) stays a key for checkDocBounds to refuse.
    for (const [k, v] of Object.entries(node)) {
      const value = k === 'text' && typeof v === 'string' ? v.replace(CONTROL, '') : cleanDocText(v);
      if (k === '__proto__') Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
      else out[k] = value; // (plain assignment is several times faster; autosave runs this on every pause)
    }
    return out as T;
  }
  return node;
}

/**
 * Checks a document against the schema, its bounds and its field definitions. Throws
 * LetterdeskError('invalid-document') naming the first problem.
 */
export function checkLetterDoc(doc: unknown, fields: FieldDef[]): void {
  checkDocBounds(doc); // attributes, table sizes and depth first, iteratively (doc-rules.ts)
  try {
    checkAgainstSchema(doc);
  } catch (err) {
    throw new LetterdeskError('invalid-document', `Document does not fit the letter schema: ${(err as Error).message}`);
  }
  const keys = new Set(fields.map((f) => f.key));
  for (const key of fieldKeysInOrder(doc as { content?: unknown[] })) {
    if (!keys.has(key)) throw new LetterdeskError('invalid-document', `Field {${key}} is used in the text but not defined`);
  }
}

// Top-level blocks already found to fit the schema, by their JSON (most recently checked last).
// An autosave sends the whole letter, and typing changes one paragraph: the others are not
// built and checked again. A block's fit depends on its JSON alone (the schema is fixed).
const fittingBlocks = new Map<string, true>();
const FITTING_BLOCKS_KEPT = 4000;
/** Blocks longer than this are checked every time rather than kept (memory stays small). */
const FITTING_BLOCK_MAX_CHARS = 20_000;

/**
 * What `letterSchema.nodeFromJSON(doc).check()` checks, block by block: the doc's own content
 * expression over its blocks' types, that the doc allows their marks (it allows none), and each
 * block built and checked unless the same JSON fitted before. Anything but a plain
 * `{ type: 'doc', content: [...] }` is checked whole.
 */
function checkAgainstSchema(doc: unknown): void {
  const d = doc as { type?: unknown; content?: unknown };
  const plain =
    d !== null && typeof d === 'object' && !Array.isArray(d) && d.type === 'doc' && Array.isArray(d.content) &&
    Object.keys(d).every((k) => k === 'type' || k === 'content');
  if (!plain) {
    letterSchema.nodeFromJSON(doc).check();
    return;
  }
  const docType = letterSchema.topNodeType;
  let match: ReturnType<typeof docType.contentMatch.matchType> = docType.contentMatch;
  for (const block of d.content as unknown[]) {
    const json = JSON.stringify(block);
    let type;
    if (json !== undefined && fittingBlocks.has(json)) {
      fittingBlocks.delete(json);
      type = letterSchema.nodes[(block as { type: string }).type]!;
    } else {
      const node = letterSchema.nodeFromJSON(block);
      node.check();
      if (!docType.allowsMarks(node.marks)) throw new RangeError(`Invalid content for node doc: marks on ${node.type.name}`);
      type = node.type;
    }
    match = match && match.matchType(type);
    if (!match) throw new RangeError(`Invalid content for node doc: ${type.name} is not allowed here`);
    if (json !== undefined && json.length <= FITTING_BLOCK_MAX_CHARS) {
      fittingBlocks.set(json, true);
      if (fittingBlocks.size > FITTING_BLOCKS_KEPT) fittingBlocks.delete(fittingBlocks.keys().next().value!);
    }
  }
  if (!match || !match.validEnd) throw new RangeError('Invalid content for node doc: the letter ends too early');
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
    // What only one type prints by (issue #14): a mark elsewhere would be silently ignored.
    if (f.options?.mark !== undefined && f.type !== 'handwritten') {
      throw new LetterdeskError('invalid-document', `Field ${f.key} (${f.label}) is a ${f.type} field; mark (signature, seal, date) is for handwritten fields`);
    }
    if (f.options?.moneyForm !== undefined && f.type !== 'money') {
      throw new LetterdeskError('invalid-document', `Field ${f.key} (${f.label}) is a ${f.type} field; moneyForm is for money fields`);
    }
    seen.add(f.key);
  }
  checkFieldRoles(fields);
}

/**
 * Roles are what the rules read (issue #9), so they must be unambiguous: each role on a field
 * type it fits (ROLE_TYPES), at most one field per role, and a signer only on a handwritten blank.
 */
function checkFieldRoles(fields: FieldDef[]): void {
  const holder = new Map<FieldRole, FieldDef>();
  for (const f of fields) {
    if (f.role !== undefined) {
      const allowed = ROLE_TYPES[f.role];
      if (!allowed) throw new LetterdeskError('invalid-document', `Field ${f.key} has an unknown role: ${String(f.role)}`);
      if (!allowed.includes(f.type)) {
        throw new LetterdeskError('invalid-document', `Field ${f.key} (${f.label}) is a ${f.type} field; role ${f.role} needs a ${allowed.join(' or ')} field`);
      }
      const first = holder.get(f.role);
      if (first) throw new LetterdeskError('invalid-document', `Role ${f.role} is on two fields: ${first.key} (${first.label}) and ${f.key} (${f.label})`);
      holder.set(f.role, f);
    }
    if (f.signer !== undefined && f.type !== 'handwritten') {
      throw new LetterdeskError('invalid-document', `Field ${f.key} (${f.label}) names a signer but is a ${f.type} field; only handwritten fields are signed`);
    }
  }
}

export interface FieldIssue {
  key: string;
  label: string;
  problem: FieldProblem;
}

/**
 * Every field used in the text whose value is not acceptable (required and empty, wrong type,
 * out of range, impossible date…), in document order. The one rule the form, the API, export
 * and export for signature all ask.
 */
export function fieldIssues(content: Pick<LetterContent, 'doc' | 'fields' | 'values'>): FieldIssue[] {
  const defs = new Map(content.fields.map((f) => [f.key, f]));
  const issues: FieldIssue[] = [];
  for (const key of fieldKeysInOrder(content.doc)) {
    const def = defs.get(key);
    const problem = def ? validateField(def, content.values[key]) : null;
    if (def && problem) issues.push({ key, label: def.label, problem });
  }
  return issues;
}

/** Required fields still empty, in document order. */
export function missingRequired(content: Pick<LetterContent, 'doc' | 'fields' | 'values'>): FieldIssue[] {
  return fieldIssues(content).filter((i) => i.problem === 'required');
}

/** Filled values that fail validation (they print as blanks), in document order. */
export function invalidValues(content: Pick<LetterContent, 'doc' | 'fields' | 'values'>): FieldIssue[] {
  return fieldIssues(content).filter((i) => i.problem !== 'required');
}

/**
 * Refuses content that may not go to paper as final: invalid values first (code
 * 'invalid-values'), then empty required fields ('missing-required'); the message lists them.
 */
export function assertPrintable(content: Pick<LetterContent, 'doc' | 'fields' | 'values'>): void {
  const issues = fieldIssues(content);
  const invalid = issues.filter((i) => i.problem !== 'required');
  const missing = issues.filter((i) => i.problem === 'required');
  const list = (xs: FieldIssue[]) => xs.map((i) => `${i.label}（${i.problem}）`).join('、');
  if (invalid.length) throw new LetterdeskError('invalid-values', `Invalid values: ${list(invalid)}${missing.length ? `; required fields are empty: ${list(missing)}` : ''}`);
  if (missing.length) throw new LetterdeskError('missing-required', `Required fields are empty: ${missing.map((i) => i.label).join('、')}`);
}

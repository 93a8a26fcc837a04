/**
 * The bounds a letter document must keep besides the schema's content rules (issue #11):
 * every attribute from a closed set or a bounded range, tables of a printable size, a
 * bounded nesting depth. ProseMirror's `nodeFromJSON` copies attribute values as given, so
 * without this an `align` of `x" onload=…` or a colspan of 1e6 from a template pack reached
 * the print HTML and the .docx. Checked before any recursive reader sees the document, by
 * an iterative walk, for content saves, template saves and template pack import alike.
 *
 * The bounds (documented in SECURITY.md):
 * - depth: doc › table › row › cell › paragraph › inline is 6 levels; 12 allowed.
 * - a table: at most 200 rows, 20 columns (sum of colspans in a row), colspan 1–20,
 *   rowspan 1–200; an A4 text block is 15.5 cm wide, so 20 columns is already 7.7 mm each.
 * - at most 200,000 nodes (a 60-page letter has a few thousand).
 */
import { LetterdeskError } from './errors';
import { ALIGNMENTS } from './doc-schema';
import { FIELD_KEY_PATTERN } from './fields';
import { isClauseStart, MAX_CLAUSE_LEVEL, NUMBERING_SCHEMES } from './numbering';

export const MAX_DOC_DEPTH = 12;
export const MAX_DOC_NODES = 200_000;
export const MAX_TABLE_ROWS = 200;
export const MAX_TABLE_COLUMNS = 20;
export const MAX_COLSPAN = MAX_TABLE_COLUMNS;
export const MAX_ROWSPAN = MAX_TABLE_ROWS;
/** A column width in CSS pixels as prosemirror-tables stores it. */
const MAX_COLWIDTH = 5000;

type Check = (value: unknown) => boolean;
const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v);
const intIn =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const colwidth: Check = (v) =>
  v === null ||
  (Array.isArray(v) && v.length <= MAX_COLSPAN && v.every((w) => w === 0 || w === null || (typeof w === 'number' && Number.isFinite(w) && w > 0 && w <= MAX_COLWIDTH)));
const cellAttrs = { colspan: intIn(1, MAX_COLSPAN), rowspan: intIn(1, MAX_ROWSPAN), colwidth };

/** Each node type's attributes and what each may hold; a type not listed takes none. */
const ATTRS: Record<string, Record<string, Check>> = {
  paragraph: { align: oneOf([null, ...ALIGNMENTS]), indent: oneOf([true, false]) },
  // start: a restart (1–9999); absent or undefined when the clause counts on. Never null, so
  // one letter has one canonical form (an undefined member is not serialised).
  clause: { scheme: oneOf(NUMBERING_SCHEMES), level: intIn(0, MAX_CLAUSE_LEVEL), start: (v) => v === undefined || isClauseStart(v) },
  table: { kind: oneOf(['grid', 'signature']) },
  table_cell: cellAttrs,
  table_header: cellAttrs,
  field: { key: (v) => typeof v === 'string' && FIELD_KEY_PATTERN.test(v) },
};
const NODE_TYPES = new Set(['doc', 'paragraph', 'title', 'clause', 'table', 'table_row', 'table_cell', 'table_header', 'field', 'hard_break', 'text']);
const MARK_TYPES = new Set(['bold', 'underline']);
const NODE_KEYS = new Set(['type', 'attrs', 'content', 'text', 'marks']);

function bad(where: string, message: string): never {
  throw new LetterdeskError('invalid-document', `${where}: ${message}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkAttrs(type: string, attrs: unknown, where: string): void {
  if (attrs === undefined) return;
  if (!isRecord(attrs)) bad(where, 'attrs must be an object');
  const allowed = ATTRS[type] ?? {};
  for (const name of Object.keys(attrs)) {
    const check = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
    if (!check) bad(where, `${type} has no attribute ${JSON.stringify(name.slice(0, 40))}`);
    if (!check(attrs[name])) bad(where, `${type}.${name} = ${JSON.stringify(attrs[name])?.slice(0, 60)} is not allowed`);
  }
}

function checkTable(table: Record<string, unknown>, where: string): void {
  const rows = table['content'];
  if (!Array.isArray(rows)) return; // the schema reports an empty table
  if (rows.length > MAX_TABLE_ROWS) bad(where, `a table has ${rows.length} rows (at most ${MAX_TABLE_ROWS})`);
  rows.forEach((row, r) => {
    const cells = isRecord(row) && Array.isArray(row['content']) ? row['content'] : [];
    let columns = 0;
    for (const cell of cells) {
      const span = isRecord(cell) && isRecord(cell['attrs']) ? cell['attrs']['colspan'] : 1;
      columns += Number.isInteger(span) ? (span as number) : 1;
    }
    if (columns > MAX_TABLE_COLUMNS) bad(`${where}.content.${r}`, `a table row spans ${columns} columns (at most ${MAX_TABLE_COLUMNS})`);
  });
}

/**
 * Throws LetterdeskError('invalid-document') naming the first node whose attributes, marks,
 * keys, table size or depth break the rules above. Does not check content order (the schema does).
 */
export function checkDocBounds(doc: unknown): void {
  const stack: { node: unknown; depth: number; where: string }[] = [{ node: doc, depth: 0, where: 'doc' }];
  let count = 0;
  while (stack.length) {
    const { node, depth, where } = stack.pop()!;
    if (++count > MAX_DOC_NODES) bad('doc', `more than ${MAX_DOC_NODES} nodes`);
    if (depth > MAX_DOC_DEPTH) bad(where, `nested deeper than ${MAX_DOC_DEPTH} levels`);
    if (!isRecord(node)) bad(where, 'a node must be an object');
    for (const key of Object.keys(node)) if (!NODE_KEYS.has(key)) bad(where, `unexpected key ${JSON.stringify(key.slice(0, 40))}`);
    const type = node['type'];
    if (typeof type !== 'string' || !NODE_TYPES.has(type)) bad(where, `unknown node type ${JSON.stringify(type)?.slice(0, 40)}`);
    checkAttrs(type, node['attrs'], where);
    if (node['text'] !== undefined && (type !== 'text' || typeof node['text'] !== 'string')) bad(where, 'text must be a string on a text node');
    const marks = node['marks'];
    if (marks !== undefined) {
      if (!Array.isArray(marks) || marks.length > MARK_TYPES.size) bad(where, 'marks must be a short list');
      for (const m of marks) {
        if (!isRecord(m) || !MARK_TYPES.has(m['type'] as string) || Object.keys(m).some((k) => k !== 'type' && !(k === 'attrs' && isRecord(m['attrs']) && Object.keys(m['attrs']).length === 0))) {
          bad(where, 'unknown mark');
        }
      }
    }
    if (type === 'table') checkTable(node, where);
    const content = node['content'];
    if (content === undefined) continue;
    if (!Array.isArray(content)) bad(where, 'content must be a list');
    for (let i = content.length - 1; i >= 0; i--) stack.push({ node: content[i], depth: depth + 1, where: `${where}.content.${i}` });
  }
}

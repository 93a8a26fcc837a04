/**
 * The import result as a letter's content: a document of the letter schema and its field
 * definitions (spans dropped), checked like any content; and a plain summary for the CLI.
 */
import type { DocJSON } from '../doc-schema';
import type { FieldDef, FieldValues } from '../fields';
import { checkFieldDefs, checkLetterDoc } from '../letter-content';
import { numberClauses } from '../numbering';
import type { ImportBlock, ImportField, ImportInline, ImportParagraph, ImportResult } from './import-types';

type PMJson = { type: string; attrs?: Record<string, unknown>; content?: PMJson[]; text?: string; marks?: { type: string }[] };

function inline(content: ImportInline[]): PMJson[] {
  const out: PMJson[] = [];
  for (const c of content) {
    if (c.type === 'field') out.push({ type: 'field', attrs: { key: c.key } });
    else if (c.text) {
      const marks = [...(c.bold ? [{ type: 'bold' }] : []), ...(c.underline ? [{ type: 'underline' }] : [])];
      out.push({ type: 'text', text: c.text, ...(marks.length && { marks }) });
    }
  }
  return out;
}

function withContent(node: PMJson, content: ImportInline[]): PMJson {
  const c = inline(content);
  return c.length ? { ...node, content: c } : node;
}

function cellParagraphs(paragraphs: ImportParagraph[]): PMJson[] {
  const ps = paragraphs.map((p) => withContent({ type: 'paragraph', attrs: { align: p.align, indent: false } }, p.content));
  return ps.length ? ps : [{ type: 'paragraph', attrs: { align: null, indent: false } }];
}

function blockNode(b: ImportBlock): PMJson {
  switch (b.kind) {
    case 'title':
      return withContent({ type: 'title' }, b.content);
    case 'paragraph':
      return withContent({ type: 'paragraph', attrs: { align: b.align, indent: b.indent } }, b.content);
    case 'clause':
      // start only where the clause restarts: a clause that counts on has no such attribute.
      return withContent({ type: 'clause', attrs: { scheme: b.scheme, level: b.level, ...(b.start !== undefined && { start: b.start }) } }, b.content);
    case 'table': {
      const width = Math.max(1, ...b.rows.map((r) => r.length));
      return {
        type: 'table',
        attrs: { kind: b.table },
        content: b.rows.map((row) => ({
          type: 'table_row',
          content: Array.from({ length: width }, (_, k) => ({
            type: 'table_cell',
            attrs: { colspan: 1, rowspan: 1, colwidth: null },
            content: cellParagraphs(row[k] ?? []),
          })),
        })),
      };
    }
  }
}

export function fieldDefOf(f: ImportField): FieldDef {
  const { span: _span, source: _source, ...def } = f;
  return def;
}

/** The letter body and field definitions; throws 'invalid-document' if they do not fit the schema. */
export function importToContent(result: Pick<ImportResult, 'blocks' | 'fields' | 'values'>): { doc: DocJSON; fields: FieldDef[]; values: FieldValues } {
  const blocks = result.blocks.filter((b) => b.kind === 'table' || b.kind === 'clause' || b.content.length);
  const doc: DocJSON = { type: 'doc', content: blocks.length ? blocks.map(blockNode) : [{ type: 'paragraph', attrs: { align: null, indent: true } }] };
  const used = new Set<string>();
  const visit = (n: PMJson) => {
    if (n.type === 'field') used.add(String(n.attrs?.['key']));
    n.content?.forEach(visit);
  };
  visit(doc as PMJson);
  const fields = result.fields.filter((f) => used.has(f.key)).map(fieldDefOf);
  checkFieldDefs(fields);
  checkLetterDoc(doc, fields);
  const values: FieldValues = {};
  for (const [k, v] of Object.entries(result.values)) if (used.has(k)) values[k] = v;
  return { doc, fields, values };
}

export interface ImportSummary {
  blocks: { kind: string; marker?: string; level?: number; scheme?: string; start?: number; text: string }[];
  fields: { key: string; label: string; type: string; role?: string; signer?: string; unit?: string; options?: string[]; other?: boolean; hint?: string }[];
  notes: string[];
}

function text(content: ImportInline[]): string {
  return content.map((c) => (c.type === 'text' ? c.text : `{${c.key}}`)).join('');
}

/** The recovered structure as plain data: blocks (with the clause number as it will print) and fields. */
export function importSummary(result: ImportResult): ImportSummary {
  const clauses = result.blocks.filter((b): b is Extract<ImportBlock, { kind: 'clause' }> => b.kind === 'clause');
  const numbers = numberClauses(clauses.map((c) => ({ scheme: c.scheme, level: c.level, start: c.start })));
  let n = 0;
  const blocks = result.blocks.map((b) => {
    if (b.kind === 'clause') return { kind: 'clause', marker: numbers[n++]!.trim(), level: b.level, scheme: b.scheme, ...(b.start !== undefined && { start: b.start }), text: text(b.content) };
    if (b.kind === 'table') return { kind: b.table === 'signature' ? 'signature' : 'table', text: b.rows.map((r) => r.map((c) => c.map((p) => text(p.content)).join(' / ')).join(' | ')).join('\n') };
    return { kind: b.kind, text: text(b.content) };
  });
  const fields = result.fields.map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    ...(f.role && { role: f.role }),
    ...(f.signer && { signer: f.signer }),
    ...(f.options?.unit && { unit: f.options.unit }),
    ...(f.options?.choices && { options: f.options.choices }),
    ...(f.options?.other && { other: true }),
    ...(f.hint && { hint: f.hint }),
  }));
  return { blocks, fields, notes: result.notes.map((x) => x.code + (x.count ? `:${x.count}` : '')) };
}

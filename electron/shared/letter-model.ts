/**
 * Reads a letter document (ProseMirror JSON) into a flat, printable model: blocks with
 * their computed clause numbers and runs with fields already printed. Export (docx, PDF),
 * search text and diffs all read letters through this one walk.
 */
import type { Alignment } from './doc-schema';
import { printField, type FieldDef, type FieldValues } from './fields';
import { isClauseStart, numberClauses, type NumberingScheme } from './numbering';

export interface Run {
  text: string;
  bold?: boolean;
  underline?: boolean;
  /** Set when the run comes from a field. */
  fieldKey?: string;
  /** Literal text a field prints around its value or blanks (年 月 日 of a date, a unit): the field's key. */
  inField?: string;
  /** A blank to be drawn as an underline, `blank` characters wide (text is ''). */
  blank?: number;
  /** A line break inside the paragraph. */
  lineBreak?: boolean;
  /** A blank standing for a value that failed validation (printed blank, marked in drafts). */
  invalid?: boolean;
}

export interface ParagraphModel {
  align: Alignment | null;
  runs: Run[];
}

export type Block =
  | { type: 'title'; runs: Run[] }
  | { type: 'paragraph'; align: Alignment | null; indent: boolean; runs: Run[] }
  /** `start`: the clause restarts its level's numbering at this number (absent when it does not). */
  | { type: 'clause'; scheme: NumberingScheme; level: number; start?: number; number: string; runs: Run[] }
  | {
      type: 'table';
      kind: 'grid' | 'signature';
      rows: { cells: { header: boolean; colspan: number; rowspan: number; paragraphs: ParagraphModel[] }[] }[];
    };

interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
  marks?: { type: string }[];
}

function runsOf(node: PMNode, defs: Map<string, FieldDef>, values: FieldValues): Run[] {
  const runs: Run[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      const marks = new Set((child.marks ?? []).map((m) => m.type));
      runs.push({ text: child.text ?? '', ...(marks.has('bold') && { bold: true }), ...(marks.has('underline') && { underline: true }) });
    } else if (child.type === 'hard_break') {
      runs.push({ text: '', lineBreak: true });
    } else if (child.type === 'field') {
      const key = String(child.attrs?.['key'] ?? '');
      const def = defs.get(key) ?? { key, label: key, type: 'text', required: false };
      const marks = new Set((child.marks ?? []).map((m) => m.type));
      for (const part of printField(def, values[key])) {
        if (part.kind === 'blank') {
          runs.push({ text: '', blank: part.width, fieldKey: key, ...(part.invalid && { invalid: true }) });
          continue;
        }
        // A value's own lines (a long text typed or pasted with line breaks) print as lines.
        part.text.split('\n').forEach((line, i) => {
          if (i > 0) runs.push({ text: '', lineBreak: true });
          if (!line && i > 0) return;
          runs.push({
            text: line,
            ...(part.field ? { fieldKey: key } : { inField: key }),
            ...(marks.has('bold') && { bold: true }),
            ...(marks.has('underline') && { underline: true }),
          });
        });
      }
    }
  }
  return runs;
}

/** A clause node's restart (`attrs.start`), or undefined when it has none. */
export function clauseStart(node: { attrs?: Record<string, unknown> }): number | undefined {
  const v = node.attrs?.['start'];
  return isClauseStart(v) ? v : undefined;
}

/** The letter as printable blocks, clause numbers computed in document order. */
export function letterBlocks(doc: { content?: unknown[] }, fields: FieldDef[], values: FieldValues): Block[] {
  const defs = new Map(fields.map((f) => [f.key, f]));
  const top = (doc.content ?? []) as PMNode[];
  const clauses = top.filter((n) => n.type === 'clause');
  const numbers = numberClauses(
    clauses.map((c) => ({ scheme: (c.attrs?.['scheme'] as NumberingScheme) ?? 'cn', level: Number(c.attrs?.['level'] ?? 0), start: clauseStart(c) })),
  );
  let clauseIndex = 0;
  const blocks: Block[] = [];
  for (const node of top) {
    switch (node.type) {
      case 'title':
        blocks.push({ type: 'title', runs: runsOf(node, defs, values) });
        break;
      case 'paragraph':
        blocks.push({
          type: 'paragraph',
          align: (node.attrs?.['align'] as Alignment | null) ?? null,
          indent: node.attrs?.['indent'] !== false,
          runs: runsOf(node, defs, values),
        });
        break;
      case 'clause': {
        const start = clauseStart(node);
        blocks.push({
          type: 'clause',
          scheme: (node.attrs?.['scheme'] as NumberingScheme) ?? 'cn',
          level: Number(node.attrs?.['level'] ?? 0),
          ...(start !== undefined && { start }),
          number: numbers[clauseIndex++] ?? '',
          runs: runsOf(node, defs, values),
        });
        break;
      }
      case 'table':
        blocks.push({
          type: 'table',
          kind: node.attrs?.['kind'] === 'signature' ? 'signature' : 'grid',
          rows: (node.content ?? []).map((row) => ({
            cells: (row.content ?? []).map((cell) => ({
              header: cell.type === 'table_header',
              colspan: Number(cell.attrs?.['colspan'] ?? 1),
              rowspan: Number(cell.attrs?.['rowspan'] ?? 1),
              paragraphs: (cell.content ?? []).map((p) => ({
                align: (p.attrs?.['align'] as Alignment | null) ?? null,
                runs: runsOf(p, defs, values),
              })),
            })),
          })),
        });
        break;
    }
  }
  return blocks;
}

function runsText(runs: Run[], blankChar: string): string {
  return runs.map((r) => (r.lineBreak ? '\n' : r.blank ? blankChar.repeat(r.blank) : r.text)).join('');
}

/** Plain text of the letter, one block per line, clause numbers included, blanks as `_`. */
export function letterPlainText(blocks: Block[], blankChar = '_'): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.type === 'table') {
      for (const row of b.rows) lines.push(row.cells.map((c) => c.paragraphs.map((p) => runsText(p.runs, blankChar)).join(' ')).join('\t'));
    } else if (b.type === 'clause') {
      lines.push(b.number + runsText(b.runs, blankChar));
    } else {
      lines.push(runsText(b.runs, blankChar));
    }
  }
  return lines.join('\n');
}

/** Keys of the fields in document order (first occurrence), for the form panel. */
export function fieldKeysInOrder(doc: { content?: unknown[] }): string[] {
  const seen = new Set<string>();
  const visit = (node: PMNode) => {
    if (node.type === 'field') seen.add(String(node.attrs?.['key'] ?? ''));
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc as PMNode);
  return [...seen];
}

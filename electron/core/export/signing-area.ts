/**
 * The signing area (issue #14): a blank never parts from its label and is long enough to
 * sign — a signature or seal at least eight characters, a date a whole ____年__月__日.
 * Where a label and its blank do not fit on one line of their cell, the label stands whole
 * on its own line and the blank goes under it; where a label alone is wider than its cell,
 * the cells widen to the whole text width, one per row. Decided by measuring (layout.ts),
 * once, for both the .docx and the print HTML.
 */
import type { FieldDef } from '../../shared/fields';
import type { Block, Run } from '../../shared/letter-model';
import { blankRange, blankTwips, blankWidths, cellRoomTwips, handwrittenKey, textTwips } from './layout';
import { textWidthTwips, type PageSpec } from './page-spec';
import { tableGrid } from './table-grid';

type TableBlock = Extract<Block, { type: 'table' }>;
type Defs = ReadonlyMap<string, FieldDef>;

/** A stretch of a cell paragraph: the text before a handwritten field, and the field's runs. */
export interface SigningSegment {
  label: Run[];
  unit: Run[];
}

/** Splits a paragraph into label + handwritten field pairs (the last unit may be empty). */
export function signingSegments(runs: readonly Run[], defs: Defs): SigningSegment[] {
  const segments: SigningSegment[] = [];
  let current: SigningSegment = { label: [], unit: [] };
  let unitKey: string | null = null;
  for (const run of runs) {
    const key = handwrittenKey(run, defs);
    if (key !== null && (unitKey === key || current.unit.length === 0)) {
      current.unit.push(run);
      unitKey = key;
      continue;
    }
    if (current.unit.length) {
      segments.push(current);
      current = { label: [], unit: [] };
      unitKey = null;
    }
    if (key !== null) {
      current.unit.push(run);
      unitKey = key;
    } else current.label.push(run);
  }
  if (current.label.length || current.unit.length) segments.push(current);
  return segments;
}

/** Width of runs in twips, blanks at their least width; from the last line break on. */
function runsTwips(runs: readonly Run[], defs: Defs, spec: PageSpec): number {
  let twips = 0;
  for (const run of runs) {
    if (run.lineBreak) twips = 0;
    else if (run.blank) twips += blankTwips(blankRange(run, defs).min, spec);
    else twips += textTwips(run.text, spec);
  }
  return twips;
}

const BREAK: Run = Object.freeze({ text: '', lineBreak: true });

/** Runs with leading spaces (　接收方：) dropped: a label that starts a line starts at the margin. */
function trimStart(runs: readonly Run[]): Run[] {
  const out = [...runs];
  while (out.length && !out[0]!.lineBreak && !out[0]!.blank && out[0]!.text.trimStart() === '') out.shift();
  if (out.length && !out[0]!.blank && !out[0]!.lineBreak) out[0] = { ...out[0]!, text: out[0]!.text.trimStart() };
  return out;
}

/**
 * A cell paragraph laid out in `room` twips: line breaks added before a label that would not
 * fit beside what precedes it, and between a label and its blank that do not fit one line.
 * Null when a label alone is wider than the room (the cell must widen).
 */
export function fitSigningParagraph(runs: readonly Run[], room: number, spec: PageSpec, defs: Defs): Run[] | null {
  const out: Run[] = [];
  let used = 0;
  for (const segment of signingSegments(runs, defs)) {
    let label = segment.label;
    let labelW = runsTwips(label, defs, spec);
    const unitW = runsTwips(segment.unit, defs, spec);
    if (label.some((r) => r.lineBreak)) used = 0;
    if (used > 0 && used + labelW + unitW > room) {
      out.push(BREAK);
      label = trimStart(label);
      labelW = runsTwips(label, defs, spec);
      used = 0;
    }
    if (labelW > room) return null;
    out.push(...label);
    if (segment.unit.length && used + labelW + unitW > room) out.push(BREAK);
    out.push(...segment.unit);
    used = lastLineTwips(out, room, spec, defs);
  }
  return out;
}

/** Width of the last line of `runs` as printed: blanks as wide as blankWidths makes them. */
function lastLineTwips(runs: readonly Run[], room: number, spec: PageSpec, defs: Defs): number {
  const widths = blankWidths(runs, defs, spec, room);
  let twips = 0;
  let blank = 0;
  for (const run of runs) {
    if (run.lineBreak) twips = 0;
    else if (run.blank) twips += blankTwips(widths[blank++]!, spec);
    else twips += textTwips(run.text, spec);
  }
  return twips;
}

function fitCells(table: TableBlock, spec: PageSpec, defs: Defs, force: boolean): TableBlock | null {
  const grid = tableGrid(table, textWidthTwips(spec));
  const rows: TableBlock['rows'] = [];
  for (const [r, row] of table.rows.entries()) {
    const cells: TableBlock['rows'][number]['cells'] = [];
    for (const [c, cell] of row.cells.entries()) {
      const room = cellRoomTwips(grid.cells[r]![c]!.width, spec);
      const paragraphs = [];
      for (const p of cell.paragraphs) {
        const runs = fitSigningParagraph(p.runs, room, spec, defs);
        if (!runs && !force) return null;
        paragraphs.push({ ...p, runs: runs ?? p.runs });
      }
      cells.push({ ...cell, paragraphs });
    }
    rows.push({ cells });
  }
  return { ...table, rows };
}

const isEmptyCell = (cell: TableBlock['rows'][number]['cells'][number]) =>
  cell.paragraphs.every((p) => p.runs.every((r) => !r.blank && !r.lineBreak && r.text.trim() === ''));

/** The signature table with every non-empty cell in a row of its own, across the text width. */
export function stackCells(table: TableBlock): TableBlock {
  const rows = table.rows.flatMap((row) => row.cells.filter((c) => !isEmptyCell(c)).map((cell) => ({ cells: [{ ...cell, colspan: 1, rowspan: 1 }] })));
  return { ...table, rows };
}

/** The signature table as it prints (see the top of this file). */
export function fitSignatureTable(table: TableBlock, spec: PageSpec, defs: Defs): TableBlock {
  return fitCells(table, spec, defs, false) ?? fitCells(stackCells(table), spec, defs, true)!;
}

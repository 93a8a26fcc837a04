/**
 * Tables in the .docx: a ruled grid, or the borderless signature block, which must never
 * split or sit alone on the last page — rows `cantSplit` and kept with the next row, the
 * paragraph before it kept with the table (build-docx.ts).
 */
import {
  AlignmentType,
  HeightRule,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Block } from '../../shared/letter-model';
import { docxRuns, type RunKit } from './docx-runs';
import { alignmentOf } from './docx-paragraphs';
import { cellRoomTwips } from './layout';
import { textWidthTwips, type PageSpec } from './page-spec';
import { tableGrid } from './table-grid';

type TableBlock = Extract<Block, { type: 'table' }>;

export function docxTable(block: TableBlock, spec: PageSpec, kit: RunKit): Table {
  const total = textWidthTwips(spec);
  const grid = tableGrid(block, total);
  const signature = block.kind === 'signature';
  const body = { role: spec.body.role, pt: spec.body.pt };
  // Room above the line to sign and seal: two lines (the print CSS gives the same height).
  const lineTwips = spec.line.value;
  const last = block.rows.length - 1;
  const rows = block.rows.map((row, r) => {
    const header = row.cells.length > 0 && row.cells.every((c) => c.header);
    const cells = row.cells.map((cell, c) => {
      const { width, span } = grid.cells[r]![c]!;
      const room = cellRoomTwips(width, spec);
      const paragraphs = cell.paragraphs.map(
        (p) =>
          new Paragraph({
            alignment: alignmentOf(p.align, header ? AlignmentType.CENTER : AlignmentType.LEFT),
            children: docxRuns(header ? p.runs.map((run) => ({ ...run, bold: true })) : p.runs, body, kit, room),
          }),
      );
      return new TableCell({
        children: paragraphs.length ? paragraphs : [new Paragraph({})],
        width: { size: width, type: WidthType.DXA },
        ...(span > 1 && { columnSpan: span }),
        ...(cell.rowspan > 1 && Number.isInteger(cell.rowspan) && { rowSpan: Math.min(cell.rowspan, block.rows.length - r) }),
        verticalAlign: signature ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
      });
    });
    return new TableRow({
      children: cells,
      ...(signature && { cantSplit: true, keepNext: r < last, height: { value: 2 * lineTwips, rule: HeightRule.ATLEAST } }),
      ...(!signature && r === 0 && header && { tableHeader: true }),
    });
  });
  return new Table({
    rows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: grid.columnWidths,
    layout: TableLayoutType.FIXED,
    ...(signature && { borders: TableBorders.NONE }),
  });
}

/**
 * Column geometry of a model table in absolute twips (DXA): Word 2007 rejects percentage
 * widths, and Google Docs / Pages lay tables out from the grid alone.
 */
import type { Block } from '../../shared/letter-model';
import { MAX_COLSPAN, MAX_ROWSPAN, MAX_TABLE_COLUMNS } from '../../shared/doc-rules';

type TableBlock = Extract<Block, { type: 'table' }>;

export interface PlacedCell {
  /** First column the cell covers, how many it spans (clamped to the grid), its width in twips. */
  column: number;
  span: number;
  width: number;
}

export interface TableGrid {
  columnWidths: number[];
  /** Per row, per cell (in model order). */
  cells: PlacedCell[][];
}

/**
 * Equal columns across `total` twips, as many as the first row spans (no row span from
 * above reaches it); cells placed past the columns covered by row spans above, and a span
 * past the last column clamped.
 */
export function tableGrid(table: TableBlock, total: number): TableGrid {
  // Spans are bounded on save (doc-rules.ts); clamped here too, so no stored value sizes an array.
  const span = (n: number, max = MAX_COLSPAN) => (Number.isInteger(n) && n > 0 ? Math.min(n, max) : 1);
  const columns = Math.min(MAX_TABLE_COLUMNS, Math.max(1, (table.rows[0]?.cells ?? []).reduce((n, c) => n + span(c.colspan), 0)));
  const base = Math.floor(total / columns);
  const columnWidths = Array.from({ length: columns }, (_, i) => (i === columns - 1 ? total - base * (columns - 1) : base));
  const covered = new Array<number>(columns).fill(0); // further rows each column is covered by a row span
  const cells = table.rows.map((row) => {
    let col = 0;
    const placed: PlacedCell[] = [];
    const starts: { col: number; n: number; rows: number }[] = [];
    for (const cell of row.cells) {
      while (col < columns && covered[col]! > 0) col++;
      const n = Math.min(span(cell.colspan), Math.max(1, columns - col));
      let width = 0;
      for (let i = col; i < Math.min(columns, col + n); i++) width += columnWidths[i]!;
      placed.push({ column: col, span: n, width: width || base });
      starts.push({ col, n, rows: span(cell.rowspan, MAX_ROWSPAN) });
      col += n;
    }
    for (let i = 0; i < columns; i++) if (covered[i]! > 0) covered[i]!--;
    for (const s of starts) for (let i = s.col; i < Math.min(columns, s.col + s.n); i++) covered[i] = s.rows - 1;
    return placed;
  });
  return { columnWidths, cells };
}

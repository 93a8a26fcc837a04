/**
 * The original text cut into segments for the preview: every field's source span marked,
 * and the selected block or field highlighted — so the user sees where each came from.
 */
import type { ImportResult, Span } from '../../../electron/shared/import/import-types';

export interface Segment {
  text: string;
  /** The key of the field this text is the blank of. */
  field?: string;
  /** Inside the selected block's or field's span. */
  selected?: boolean;
}

export function sourceSegments(result: ImportResult, selected: Span | null): Segment[] {
  const cuts = new Set<number>([0, result.source.length]);
  for (const f of result.fields) {
    cuts.add(f.span.start);
    cuts.add(f.span.end);
  }
  if (selected) {
    cuts.add(selected.start);
    cuts.add(selected.end);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= result.source.length).sort((a, b) => a - b);
  const bySpan = new Map(result.fields.map((f) => [f.span.start, f]));
  const out: Segment[] = [];
  let field: { key: string; end: number } | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const starting = bySpan.get(a);
    if (starting) field = { key: starting.key, end: starting.span.end };
    if (field && a >= field.end) field = null;
    out.push({
      text: result.source.slice(a, b),
      ...(field && { field: field.key }),
      ...(selected && a >= selected.start && b <= selected.end && { selected: true }),
    });
  }
  return out;
}

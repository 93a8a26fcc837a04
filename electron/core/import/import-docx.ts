/** .docx import (issue #12): a Word file → the same structured result as smart paste. */
import type { ImportResult } from '../../shared/import/import-types';
import { structureSourceLines } from '../../shared/import/smart-paste';
import { readDocxLines } from './docx-body';
import { openDocx } from './docx-package';

export function importDocx(bytes: Uint8Array): ImportResult {
  const pkg = openDocx(bytes);
  const { lines, notes } = readDocxLines(pkg);
  // The first centred paragraph is the title, as Word users set one.
  const first = lines.find((l) => l.text.trim() && !l.cell);
  if (first && !first.numbering && first.align === 'center' && [...first.text.trim()].length <= 40) first.title = true;
  const source = lines.map((l) => l.text).join('\n');
  const result = structureSourceLines(lines);
  return { format: 'docx', source, flattened: false, ...result, notes: [...notes, ...result.notes] };
}

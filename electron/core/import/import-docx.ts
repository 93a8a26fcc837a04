/** .docx import (issue #12): a Word file → the same structured result as smart paste. */
import type { ImportResult } from '../../shared/import/import-types';
import { drain, type ImportSteps } from '../../shared/import/import-steps';
import { structureSourceLineSteps } from '../../shared/import/smart-paste';
import { readDocxLineSteps } from './docx-body';
import { openDocx } from './docx-package';

export function importDocx(bytes: Uint8Array): ImportResult {
  return drain(importDocxSteps(bytes));
}

export function* importDocxSteps(bytes: Uint8Array): ImportSteps<ImportResult> {
  yield { phase: 'read', done: 0, total: bytes.length };
  const pkg = openDocx(bytes);
  const { lines, notes } = yield* readDocxLineSteps(pkg);
  // The first centred paragraph is the title, as Word users set one.
  const first = lines.find((l) => l.text.trim() && !l.cell);
  if (first && !first.numbering && first.align === 'center' && [...first.text.trim()].length <= 40) first.title = true;
  const source = lines.map((l) => l.text).join('\n');
  const result = yield* structureSourceLineSteps(lines);
  return { format: 'docx', source, flattened: false, ...result, notes: [...notes, ...result.notes] };
}

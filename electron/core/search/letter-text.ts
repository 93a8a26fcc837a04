/**
 * A letter's searchable text (issue #13), in segments: title, number, the body as printed
 * (clauses with their numbers, fields with their printed values, blanks as spaces), the
 * parties, the signers recorded on paper, the notes of its versions, and the lines of its
 * earlier versions that it no longer has.
 */
import { letterBlocks, letterPlainText } from '../../shared/letter-model';
import type { FieldDef, FieldValues } from '../../shared/fields';
import type { SearchField } from '../../shared/search';

export interface LetterText {
  title: string;
  number: string | null;
  body: string;
  parties: string;
  signers: string[];
  notes: string[];
  /** Lines of earlier versions that the letter no longer has (searched with the history toggle). */
  history: string[];
}

export function bodyText(doc: { content?: unknown[] }, fields: FieldDef[], values: FieldValues): string {
  // A blank prints as a space: the words either side of it are not next to each other.
  return letterPlainText(letterBlocks(doc, fields, values), ' ');
}

/** The distinct non-blank lines (clauses, paragraphs, table rows) of a body text. */
export function bodyLines(body: string): string[] {
  const lines = new Set<string>();
  for (const line of body.split('\n')) if (line.trim()) lines.add(line);
  return [...lines];
}

/** Signer names and organisations from signature-recorded event payloads. */
export function signerNames(payloads: string[]): string[] {
  const names: string[] = [];
  for (const p of payloads) {
    const record = JSON.parse(p) as { name?: unknown; organisation?: unknown };
    for (const v of [record.name, record.organisation]) if (typeof v === 'string' && v.trim()) names.push(v.trim());
  }
  return names;
}

/** The segments in the order a passage is looked for: the body first, the title last (the row shows it). */
export function segmentsOf(t: LetterText): { field: SearchField; text: string }[] {
  return [
    { field: 'body' as const, text: t.body },
    { field: 'party' as const, text: t.parties },
    ...t.signers.map((text) => ({ field: 'signer' as const, text })),
    ...t.notes.map((text) => ({ field: 'note' as const, text })),
    ...t.history.map((text) => ({ field: 'history' as const, text })),
    { field: 'title' as const, text: t.title },
    { field: 'number' as const, text: t.number ?? '' },
  ].filter((s) => s.text);
}

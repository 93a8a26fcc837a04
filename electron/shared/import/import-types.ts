/**
 * What smart paste and .docx import recover from a letter (issue #12): blocks in the letter's
 * own structure, typed fields, and where each came from in the source text, so the preview
 * can highlight it. Pure data; `importToContent` turns it into a letter body and fields.
 */
import type { Alignment } from '../doc-schema';
import type { FieldDef, FieldValues } from '../fields';
import type { NumberingScheme } from '../numbering';

/** A Word content control that says what its blank is: a drop-down list, a date picker, plain text. */
export interface ControlField {
  type: 'choice' | 'date' | 'text';
  /** Its title (w:alias) or tag; the label is inferred from the words before it when absent. */
  label?: string;
  choices?: string[];
  /** The list item shown, when one was picked. */
  selected?: string[];
  /** The date picked (w:fullDate), when one was. */
  date?: { y: number; m: number; d: number };
}

/** A range of the source text (UTF-16 offsets, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

export type ImportInline =
  | { type: 'text'; text: string; bold?: boolean; underline?: boolean }
  | { type: 'field'; key: string };

export interface ImportParagraph {
  align: Alignment | null;
  content: ImportInline[];
  span: Span;
}

export type ImportBlock =
  | { kind: 'title'; content: ImportInline[]; span: Span }
  | { kind: 'paragraph'; align: Alignment | null; indent: boolean; content: ImportInline[]; span: Span }
  /** `start`: the clause restarts its level's numbering (numbering.ts), where the source's own numbers do. */
  | { kind: 'clause'; scheme: NumberingScheme; level: number; start?: number; content: ImportInline[]; span: Span; marker: string }
  | { kind: 'table'; table: 'grid' | 'signature'; rows: ImportParagraph[][][]; span: Span };

export interface ImportField extends FieldDef {
  /** Where the blank is in the source (its first occurrence). */
  span: Span;
  /** The blank as written (`____个工作日`, `[公司名称]`, `□企业□个人`). */
  source: string;
}

export type ImportNoteCode =
  | 'no-structure'
  | 'too-many-fields'
  | 'images-dropped'
  | 'frame-table-unwrapped'
  | 'header-title';

export interface ImportNote {
  code: ImportNoteCode;
  count?: number;
}

export interface ImportResult {
  format: 'text' | 'docx';
  /** The text the spans point into: the pasted text (line ends as \n), or the text read from a .docx. */
  source: string;
  /** Recovered from text with its line breaks lost (clauses split at their markers). */
  flattened: boolean;
  blocks: ImportBlock[];
  fields: ImportField[];
  /** Values found in the source (ticked boxes); empty for blanks. */
  values: FieldValues;
  notes: ImportNote[];
}

/** Larger pastes are refused: a 300-page letter is ~300,000 characters; a letter body is stored as ≤ 2 MB JSON. */
export const MAX_IMPORT_CHARS = 300_000;

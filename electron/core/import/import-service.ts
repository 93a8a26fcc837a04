/**
 * Import as core does it for every shell: read a chosen file (a .docx, or text in UTF-8,
 * UTF-16 or GB18030), structure pasted text, and create a letter or a user template from
 * the previewed result in one write — nothing is saved half-way.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { LetterdeskError } from '../../shared/errors';
import { decodeText } from '../../shared/import/decode-text';
import type { ImportResult } from '../../shared/import/import-types';
import { MAX_IMPORT_CHARS } from '../../shared/import/import-types';
import { structureTextSteps } from '../../shared/import/smart-paste';
import { drain, type ImportSteps } from '../../shared/import/import-steps';
import { checkFieldDefs, checkLetterDoc, cleanDocText, type LetterContent, type PageStyle } from '../../shared/letter-content';
import type { DocJSON } from '../../shared/doc-schema';
import type { FieldDef, FieldValues } from '../../shared/fields';
import type { Letter } from '../../shared/domain';
import type { Template } from '../../shared/template';
import { DOCX_LIMITS } from './docx-package';
import { importDocxSteps } from './import-docx';

/** A UTF-16 text of the longest accepted letter is ~600 KB; a text file far beyond is not a letter. */
export const MAX_TEXT_FILE_BYTES = MAX_IMPORT_CHARS * 4;

function looksLikePackage(bytes: Uint8Array): boolean {
  // A zip (PK\3\4) or an OLE compound file (an encrypted .docx, an old .doc).
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);
}

/** A file's bytes as an import: a Word package by its signature, anything else as text. */
export function importBytes(bytes: Uint8Array): ImportResult {
  return drain(importByteSteps(bytes));
}

export function* importByteSteps(bytes: Uint8Array): ImportSteps<ImportResult> {
  if (looksLikePackage(bytes)) return yield* importDocxSteps(bytes);
  if (bytes.length > MAX_TEXT_FILE_BYTES) throw new LetterdeskError('file-too-large', `The text file is ${bytes.length} bytes; a letter is far smaller`);
  return yield* structureTextSteps(decodeText(bytes).text);
}

export function importPath(file: string): ImportResult {
  return drain(importPathSteps(file));
}

export function* importPathSteps(file: string): ImportSteps<ImportResult> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    throw new LetterdeskError('not-found', `Cannot read ${file}: ${(err as Error).message}`);
  }
  if (size > Math.max(DOCX_LIMITS.fileBytes, MAX_TEXT_FILE_BYTES)) throw new LetterdeskError('file-too-large', `The file is ${size} bytes; a letter file is far smaller`);
  return yield* importByteSteps(new Uint8Array(fs.readFileSync(file)));
}

export interface ImportCreateInput {
  as: 'letter' | 'template';
  title: string;
  category?: string;
  description?: string;
  pageStyle?: PageStyle;
  doc: DocJSON;
  fields: FieldDef[];
  values: FieldValues;
}

export interface ImportCreateDeps {
  letters: { create(title: string, now: string, content: LetterContent, templateId?: string | null): Letter };
  templates: { save(data: Omit<Template, 'builtin' | 'createdAt' | 'updatedAt'>, now: string): Template };
  now: () => string;
}

/** Creates the letter or the user template from previewed content, checked whole first. */
export function createFromImport(deps: ImportCreateDeps, input: ImportCreateInput): { letter: Letter | null; template: Template | null } {
  const doc = cleanDocText(input.doc);
  checkFieldDefs(input.fields);
  checkLetterDoc(doc, input.fields);
  const pageStyle = input.pageStyle ?? 'business';
  if (input.as === 'letter') {
    return { letter: deps.letters.create(input.title, deps.now(), { doc, fields: input.fields, values: input.values, pageStyle }), template: null };
  }
  const template = deps.templates.save(
    {
      id: `user-${randomUUID()}`,
      name: input.title,
      category: input.category ?? '导入',
      description: input.description ?? '',
      pageStyle,
      doc,
      // A template carries definitions, never one letter's values.
      fields: input.fields,
    },
    deps.now(),
  );
  return { letter: null, template };
}

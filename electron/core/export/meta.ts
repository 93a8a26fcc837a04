/**
 * What every exported file carries so a signed paper can be matched to its exact version:
 * the letter number, the version label and a short fingerprint of the content.
 */
import path from 'node:path';
import { LetterdeskError } from '../../shared/errors';
import type { PageStyle } from '../../shared/letter-content';
import type { Block } from '../../shared/letter-model';
import { version } from '../../../package.json';
import type { ExportFonts } from './fonts';
import { cleanText } from './layout';

/** What made the file: the PDF's Creator, the .docx's Application (issue #14). */
export const GENERATOR = `函件台 Letterdesk ${version}`;

export interface ExportMeta {
  /** The register's title: the file name, and the document title where the letter prints none. */
  title: string;
  letterNumber: string | null;
  versionLabel: string | null;
  fingerprint: string | null;
  /** 承诺方: the document's author in its properties. */
  promisor: string;
  /** Required fields are still empty: the file is marked 草稿 and is not for signing. */
  draft?: boolean;
}

export interface ExportOptions {
  /** Page style; the letter's own when not given. */
  style?: PageStyle;
  fonts?: ExportFonts;
}

function present(value: string | null): string | null {
  const v = value === null ? '' : cleanText(value).trim();
  return v ? v : null;
}

/**
 * The title the document properties carry: the heading printed on the paper (its title
 * blocks), else the register's title.
 */
export function printedTitle(blocks: readonly Block[], meta: ExportMeta): string {
  const heading = blocks
    .flatMap((b) => (b.type === 'title' ? [b.runs.map((r) => (r.lineBreak ? ' ' : r.text)).join('')] : []))
    .map((t) => cleanText(t).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
  return heading || cleanText(meta.title).trim();
}

/** `HB-2026-001 · v3 · 9f2c4e1a7b3d`: the document properties' description and subject. */
export function metaDescription(meta: ExportMeta): string {
  return [meta.letterNumber, meta.versionLabel, meta.fingerprint].map(present).filter(Boolean).join(' · ');
}

/** The small line under the page number: `编号 HB-2026-001 · v3 · 校验码 9f2c4e1a7b3d`. */
export function metaFooterLine(meta: ExportMeta): string {
  const number = present(meta.letterNumber);
  const fingerprint = present(meta.fingerprint);
  return [number && `编号 ${number}`, present(meta.versionLabel), fingerprint && `校验码 ${fingerprint}`].filter(Boolean).join(' · ');
}

// Windows refuses these in file names; controls are refused everywhere.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001F\u007F-\u009F]/g;
// Names Windows reserves for devices, whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_NAME_CHARS = 120;

function safePart(text: string, max: number): string {
  const safe = cleanText(text.replace(UNSAFE, '_')).replace(/\s+/g, ' ').trim();
  return [...safe].slice(0, max).join('').replace(/^[. ]+|[. ]+$/g, '');
}

/** `编号_标题_v版本.docx`; parts that are missing are left out, unsafe characters replaced. */
export function defaultExportFileName(meta: { letterNumber: string | null; title: string; versionLabel: string | null }, ext: 'docx' | 'pdf'): string {
  const number = safePart(meta.letterNumber ?? '', 40);
  const version = safePart(meta.versionLabel ?? '', 20);
  const versionPart = version && !/^v/i.test(version) ? `v${version}` : version;
  const room = MAX_NAME_CHARS - [...number].length - [...versionPart].length - 2;
  const title = safePart(meta.title, Math.max(8, room)) || '未命名函件';
  let base = [number, title, versionPart].filter(Boolean).join('_');
  if (RESERVED.test(base)) base = `_${base}`;
  return `${base}.${ext}`;
}

// Extensions of other document formats: a path ending in one names the wrong kind of file.
const DOCUMENT_EXTENSIONS = new Set(['docx', 'doc', 'docm', 'dotx', 'wps', 'wpt', 'odt', 'rtf', 'pdf', 'xps', 'ofd', 'txt', 'htm', 'html', 'xlsx', 'csv']);

/**
 * The path an export writes to (issue #14): the format's extension added where the path has
 * none (or one that is no document format: 承诺书.v3); a path naming another format
 * (`--format pdf --out x.docx`) is refused, so no PDF is ever saved under a .docx name.
 */
export function exportFilePath(file: string, ext: 'docx' | 'pdf'): string {
  const current = path.extname(file).slice(1).toLowerCase();
  if (current === ext) return file;
  if (DOCUMENT_EXTENSIONS.has(current)) {
    throw new LetterdeskError('invalid-input', `${file} is named .${current}, but the export is ${ext === 'pdf' ? 'a PDF' : 'a Word document'}: name it .${ext}`);
  }
  return `${file.replace(/\.+$/, '')}.${ext}`;
}

/**
 * What every exported file carries so a signed paper can be matched to its exact version:
 * the letter number, the version label and a short fingerprint of the content.
 */
import type { PageStyle } from '../../shared/letter-content';
import type { ExportFonts } from './fonts';
import { cleanText } from './layout';

export interface ExportMeta {
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

/** `HB-2026-001 · v3 · 9f2c4e1a7b3d`: the document properties' description. */
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

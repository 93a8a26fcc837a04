/**
 * Exporting a letter to a file (issue #5): .docx, or PDF through the print HTML. Every export
 * is a version (the exported content is frozen and its fingerprint printed on the paper).
 * Required fields still empty refuse the export unless the user asks for a draft.
 */
import path from 'node:path';
import { LetterdeskError } from '../shared/errors';
import { assertPrintable, fieldIssues, type LetterContent, type PageStyle } from '../shared/letter-content';
import { partyName } from '../shared/field-roles';
import type { Letter, Settings } from '../shared/domain';
import type { VersionSummary } from '../shared/versions';
import { buildDocx, buildPrintHtml, defaultExportFileName, writeFileAtomic, type ExportMeta } from './export';
import type { LettersRepo } from './letters-repo';
import type { VersionsRepo } from './versions/versions-repo';
import { snapshotLetter } from './versions/snapshot-letter';
import type { Db } from './db/open-db';
import type { DialogsPort } from './create-api';

/** Renders print HTML to a PDF file: Electron's printToPDF in the app, Chromium headless in the CLI and tests. */
export interface PdfPort {
  renderPdf(html: string, outPath: string): Promise<void>;
}

export interface ExportRequest {
  id: number;
  format: 'docx' | 'pdf';
  style?: PageStyle;
  /** Export an earlier version instead of the current content. */
  version?: number;
  /** Export even though required fields are empty; the file is marked 草稿. */
  draft?: boolean;
}

export interface ExportResult {
  path: string | null;
  version: VersionSummary | null;
  draft: boolean;
}

interface Deps {
  db: Db;
  letters: LettersRepo;
  versions: VersionsRepo;
  dialogs: DialogsPort;
  pdf: PdfPort | null;
  settings: () => Settings;
  profileName: () => string;
  rememberFolder: (dir: string) => void;
  now: () => string;
}

export function exportMeta(
  letter: Pick<Letter, 'title' | 'number'>,
  content: LetterContent,
  version: Pick<VersionSummary, 'seq' | 'fingerprint'> | null,
  draft: boolean,
  fallbackPromisor: string,
): ExportMeta {
  return {
    title: letter.title,
    letterNumber: letter.number,
    versionLabel: version ? `v${version.seq}` : null,
    fingerprint: version?.fingerprint ?? null,
    promisor: partyName(content, 'promisor') || fallbackPromisor,
    draft,
  };
}

export async function exportLetter(deps: Deps, req: ExportRequest): Promise<ExportResult> {
  const letter = deps.letters.get(req.id);
  const source = req.version === undefined ? null : deps.versions.get(req.id, req.version);
  const content = source ? source.content : deps.letters.getContent(req.id).content;
  // A final export is held to the rule of export for signature; a draft is marked 草稿.
  const unfit = fieldIssues(content).length > 0;
  if (unfit && !req.draft) assertPrintable(content);
  if (req.format === 'pdf' && !deps.pdf) throw new LetterdeskError('internal', 'PDF export is not available here');
  const settings = deps.settings();
  const name = defaultExportFileName({ letterNumber: letter.number, title: letter.title, versionLabel: source ? `v${source.seq}` : null }, req.format);
  const file = await deps.dialogs.saveFile({
    defaultName: settings.lastExportDir ? path.join(settings.lastExportDir, name) : name,
    filters: [req.format === 'docx' ? { name: 'Word 文档', extensions: ['docx'] } : { name: 'PDF', extensions: ['pdf'] }],
  });
  if (!file) return { path: null, version: null, draft: false };
  // The exported content is always a version (issue #4); an old version is exported as itself.
  const version = source ?? snapshotLetter(deps.db, req.id, 'export', null, deps.now());
  if (source && !source.exportedAt) deps.versions.markExported(req.id, source.seq, deps.now());
  const draft = unfit;
  const meta = exportMeta(deps.letters.get(req.id), content, version, draft, deps.profileName());
  const options = { style: req.style ?? content.pageStyle, fonts: settings.exportFonts };
  if (req.format === 'docx') writeFileAtomic(file, await buildDocx(content, meta, options));
  else await deps.pdf!.renderPdf(buildPrintHtml(content, meta, options), file);
  deps.rememberFolder(path.dirname(file));
  return { path: file, version, draft };
}

/** The print HTML of the current content (Ctrl+P), also recorded as a version. */
export function printHtml(deps: Deps, id: number, style?: PageStyle): string {
  const letter = deps.letters.get(id);
  const content = deps.letters.getContent(id).content;
  const version = snapshotLetter(deps.db, id, 'export', null, deps.now());
  const meta = exportMeta(letter, content, version, fieldIssues(content).length > 0, deps.profileName());
  return buildPrintHtml(content, meta, { style: style ?? content.pageStyle, fonts: deps.settings().exportFonts });
}

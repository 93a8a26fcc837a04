/**
 * Exporting a letter to a file (issue #5): .docx, or PDF through the print HTML. Every export
 * is a version (the exported content is frozen and its fingerprint printed on the paper).
 * Required fields still empty refuse the export unless the user asks for a draft.
 */
import path from 'node:path';
import { LetterdeskError } from '../../shared/errors';
import { assertPrintable, fieldIssues, type LetterContent, type PageStyle } from '../../shared/letter-content';
import { partyName } from '../../shared/field-roles';
import type { Letter, Settings } from '../../shared/domain';
import type { VersionSummary } from '../../shared/versions';
import type { DialogsPort, PdfPort } from '../ports';
import { plannedVersion } from '../versions/planned-version';
import { snapshotLetter } from '../versions/snapshot-letter';
import type { VersionStore } from '../versions/version-store';
import { buildDocx } from './build-docx';
import { buildPrintHtml } from './print-html';
import { defaultExportFileName, exportFilePath, type ExportMeta } from './meta';
import { refuseReadOnly, stageFile, stageRendered } from './write-atomic';

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

export interface LetterExportDeps extends VersionStore {
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

export async function exportLetter(deps: LetterExportDeps, req: ExportRequest): Promise<ExportResult> {
  const letter = deps.letters.get(req.id);
  const source = req.version === undefined ? null : deps.versions.get(req.id, req.version);
  const content = source ? source.content : deps.letters.getContent(req.id).content;
  // A final export is held to the rule of export for signature; a draft is marked 草稿.
  const unfit = fieldIssues(content).length > 0;
  if (unfit && !req.draft) assertPrintable(content);
  if (req.format === 'pdf' && !deps.pdf) throw new LetterdeskError('internal', 'PDF export is not available here');
  const settings = deps.settings();
  const name = defaultExportFileName({ letterNumber: letter.number, title: letter.title, versionLabel: source ? `v${source.seq}` : null }, req.format);
  const chosen = await deps.dialogs.saveFile({
    defaultName: settings.lastExportDir ? path.join(settings.lastExportDir, name) : name,
    filters: [req.format === 'docx' ? { name: 'Word 文档', extensions: ['docx'] } : { name: 'PDF', extensions: ['pdf'] }],
  });
  if (!chosen) return { path: null, version: null, draft: false };
  // Checked before any version is made: a refused name or a read-only file changes nothing (issue #14).
  const file = exportFilePath(chosen, req.format);
  refuseReadOnly(file);
  // The paper is exactly its version (issues #4, #11): the content is read once (after the dialog:
  // the clerk may have typed meanwhile), rendered under a temporary name beside the target, and
  // only when the whole file is on disk is that same content frozen — in the transaction whose
  // last act puts the file in place. A full disk or a failed render leaves no version and no file.
  for (let attempt = 1; ; attempt++) {
    const paper = source ? source.content : deps.letters.getContent(req.id).content;
    const draft = fieldIssues(paper).length > 0;
    if (draft && !req.draft) assertPrintable(paper);
    const planned = source ?? plannedVersion(deps.versions, req.id, paper);
    const meta = exportMeta(deps.letters.get(req.id), paper, planned, draft, deps.profileName());
    const options = { style: req.style ?? paper.pageStyle, fonts: settings.exportFonts };
    const staged =
      req.format === 'docx'
        ? stageFile(file, await buildDocx(paper, meta, options))
        : await stageRendered(file, (tmp) => deps.pdf!.renderPdf(buildPrintHtml(paper, meta, options), tmp));
    let version: VersionSummary;
    try {
      version = deps.db.transaction(() => {
        const frozen = source
          ? source.exportedAt
            ? source
            : deps.versions.markExported(req.id, source.seq, deps.now())
          : deps.versions.create(req.id, paper, 'export', null, deps.now());
        // Another version was made while this paper was rendered: its label would be wrong.
        if (frozen.seq !== planned.seq || frozen.fingerprint !== planned.fingerprint) throw new Moved();
        staged.commit();
        return frozen;
      })();
    } catch (err) {
      staged.discard();
      if (err instanceof Moved && attempt < MAX_EXPORT_ATTEMPTS) continue;
      if (err instanceof Moved) throw new LetterdeskError('conflict', `Letter ${req.id} kept changing while it was being exported; export again`);
      throw err;
    }
    deps.rememberFolder(path.dirname(file));
    return { path: file, version, draft };
  }
}

const MAX_EXPORT_ATTEMPTS = 5;
class Moved extends Error {}

/** The print HTML of the current content (Ctrl+P), also recorded as a version. */
export function printHtml(deps: LetterExportDeps, id: number, style?: PageStyle): string {
  const letter = deps.letters.get(id);
  const content = deps.letters.getContent(id).content;
  const version = snapshotLetter(deps, id, 'export', null, deps.now());
  const meta = exportMeta(letter, content, version, fieldIssues(content).length > 0, deps.profileName());
  return buildPrintHtml(content, meta, { style: style ?? content.pageStyle, fonts: deps.settings().exportFonts });
}

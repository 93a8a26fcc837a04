/** Export to .docx or PDF, print, the font check, and "show in folder". */
import type { LetterdeskApi } from '../../shared/api';
import { LetterdeskError } from '../../shared/errors';
import type { CoreDeps } from '../core-deps';
import { fontsUsed } from '../export/fonts';
import { missingFonts } from '../export/installed-fonts';
import { exportLetter, printHtml, type LetterExportDeps } from '../export/letter-export';

export type ExportMethods = 'lettersExport' | 'lettersPrint' | 'exportFontCheck' | 'exportReveal';

/** What an export needs from the core: one definition for the single export and the batch. */
export function letterExportDeps(deps: Pick<CoreDeps, 'db' | 'search' | 'letters' | 'versions' | 'now' | 'dialogs' | 'pdf' | 'settings'>): LetterExportDeps {
  const { settings } = deps;
  return {
    db: deps.db,
    search: deps.search,
    letters: deps.letters,
    versions: deps.versions,
    dialogs: deps.dialogs,
    pdf: deps.pdf,
    settings: () => settings.getSettings(),
    profileName: () => settings.getProfile().fullName,
    rememberFolder: (dir: string) => void settings.updateSettings({ lastExportDir: dir }),
    now: deps.now,
  };
}

export function exportHandlers(
  deps: Pick<CoreDeps, 'db' | 'search' | 'letters' | 'versions' | 'now' | 'dialogs' | 'pdf' | 'printer' | 'settings' | 'lastExport'>,
): Pick<LetterdeskApi, ExportMethods> {
  const { letters, settings, dialogs, lastExport } = deps;
  const exportDeps = letterExportDeps(deps);
  return {
    lettersExport: async (req) => {
      const result = await exportLetter(exportDeps, req);
      if (result.path) lastExport.path = result.path;
      return result;
    },
    lettersPrint: async ({ id, style }) => {
      if (!deps.printer) throw new LetterdeskError('internal', 'Printing is not available here');
      return { printed: await deps.printer.print(printHtml(exportDeps, id, style), letters.get(id).title) };
    },
    exportFontCheck: async ({ style }) => {
      const fonts = fontsUsed(style, settings.getSettings().exportFonts);
      return { fonts, missing: missingFonts(fonts) };
    },
    exportReveal: async () => {
      if (lastExport.path && dialogs.revealFile) await dialogs.revealFile(lastExport.path);
    },
  };
}

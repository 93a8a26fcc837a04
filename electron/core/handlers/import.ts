/** Import (issue #12): smart paste of text, a .txt/.docx file chosen by the user, and creating from the preview. */
import type { LetterdeskApi } from '../../shared/api';
import type { CoreDeps } from '../core-deps';
import { createFromImport, importPath } from '../import/import-service';
import { structureText } from '../../shared/import/smart-paste';

export type ImportMethods = 'importText' | 'importFile' | 'importCreate';

const FILE_FILTER = { name: '文本或 Word 文档 Text or Word', extensions: ['txt', 'docx'] };

export function importHandlers(deps: Pick<CoreDeps, 'letters' | 'templates' | 'dialogs' | 'now'>): Pick<LetterdeskApi, ImportMethods> {
  const { dialogs } = deps;
  return {
    importText: async ({ text }) => structureText(text),
    importFile: async () => {
      const file = await dialogs.openFile({ filters: [FILE_FILTER] });
      if (!file) return { path: null, result: null };
      return { path: file, result: importPath(file) };
    },
    importCreate: async (input) => createFromImport(deps, input),
  };
}

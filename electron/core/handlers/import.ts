/** Import (issue #12): smart paste of text, a .txt/.docx file chosen by the user, and creating from the preview. */
import type { LetterdeskApi } from '../../shared/api';
import type { CoreDeps } from '../core-deps';
import { createFromImport, importPathSteps } from '../import/import-service';
import { ImportJobs } from '../import/import-jobs';
import { structureTextSteps } from '../../shared/import/smart-paste';

export type ImportMethods = 'importText' | 'importFile' | 'importCreate' | 'importProgress' | 'importCancel';

const FILE_FILTER = { name: '文本或 Word 文档 Text or Word', extensions: ['txt', 'docx'] };

export function importHandlers(deps: Pick<CoreDeps, 'letters' | 'templates' | 'dialogs' | 'now' | 'importWorker'>): Pick<LetterdeskApi, ImportMethods> {
  const { dialogs, importWorker } = deps;
  const jobs = new ImportJobs();
  return {
    importText: async ({ text }) => (await jobs.run(() => structureTextSteps(text)))!,
    importFile: async () => {
      let file: string | null = null;
      const choose = async () => (file = await dialogs.openFile({ filters: [FILE_FILTER] }));
      // In a worker when there is one: a cancel then stops even a long unzip or XML parse.
      const result = importWorker
        ? await jobs.runWorker(async () => ((await choose()) ? { worker: importWorker, file: file! } : null))
        : await jobs.run(async () => ((await choose()) ? importPathSteps(file!) : null));
      return { path: file, result };
    },
    importProgress: async () => jobs.progress(),
    importCancel: async () => jobs.cancel(),
    importCreate: async (input) => createFromImport(deps, input),
  };
}

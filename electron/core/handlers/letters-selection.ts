/** Letters, continued (issue #15): 最近打开, and exporting a selection into one folder. */
import type { LetterdeskApi } from '../../shared/api';
import { LetterdeskError } from '../../shared/errors';
import type { CoreDeps } from '../core-deps';
import { createExportBatches } from '../letters-export-batch';
import { createRecentLetters } from '../recent-letters';
import { letterExportDeps } from './export';

export type LetterSelectionMethods = 'lettersRecent' | 'lettersRecentAdd' | 'lettersExportBatch' | 'lettersBatchGet' | 'lettersBatchCancel' | 'lettersBatchResolve';

export function letterSelectionHandlers(
  deps: Pick<CoreDeps, 'db' | 'search' | 'letters' | 'versions' | 'now' | 'dialogs' | 'pdf' | 'settings'>,
): Pick<LetterdeskApi, LetterSelectionMethods> {
  const { dialogs } = deps;
  const recent = createRecentLetters(deps.db);
  const batches = createExportBatches({
    ...letterExportDeps(deps),
    chooseFolder: async (defaultPath) => {
      if (!dialogs.chooseFolder) throw new LetterdeskError('invalid-input', 'This shell cannot choose a folder');
      return dialogs.chooseFolder(defaultPath ? { defaultPath } : {});
    },
  });
  return {
    lettersRecent: async () => recent.list(),
    lettersRecentAdd: async ({ id }) => recent.add(id, deps.now()),
    lettersExportBatch: async (req) => batches.start(req),
    lettersBatchGet: async ({ id }) => batches.get(id),
    lettersBatchCancel: async ({ id }) => batches.cancel(id),
    lettersBatchResolve: async ({ id, replace, all }) => batches.resolve(id, { replace, ...(all !== undefined && { all }) }),
  };
}

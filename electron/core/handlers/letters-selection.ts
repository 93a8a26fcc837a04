/** Letters, continued (issue #15): 最近打开, and exporting a selection into one folder. */
import type { LetterdeskApi } from '../../shared/api';
import { LetterdeskError } from '../../shared/errors';
import type { CoreDeps } from '../core-deps';
import { createExportBatches } from '../letters-export-batch';
import { createRecentLetters } from '../recent-letters';

export type LetterSelectionMethods = 'lettersRecent' | 'lettersRecentAdd' | 'lettersExportBatch' | 'lettersBatchGet' | 'lettersBatchCancel' | 'lettersBatchResolve';

export function letterSelectionHandlers(
  deps: Pick<CoreDeps, 'db' | 'search' | 'letters' | 'versions' | 'now' | 'dialogs' | 'pdf' | 'settings'>,
): Pick<LetterdeskApi, LetterSelectionMethods> {
  const { settings, dialogs } = deps;
  const recent = createRecentLetters(deps.db);
  const batches = createExportBatches({
    db: deps.db,
    search: deps.search,
    letters: deps.letters,
    versions: deps.versions,
    // Looked up at each call: a shell may fill its dialogs port in after the API is made.
    dialogs,
    pdf: deps.pdf,
    settings: () => settings.getSettings(),
    profileName: () => settings.getProfile().fullName,
    rememberFolder: (dir: string) => void settings.updateSettings({ lastExportDir: dir }),
    now: deps.now,
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

/** Full-text search of the register (issue #13), and the rebuild that repairs its index batch by batch. */
import type { LetterdeskApi } from '../../shared/api';
import type { CoreDeps } from '../core-deps';
import { createSearcher } from '../search/search-query';
import { createSearchRebuild } from '../search/search-rebuild';

export type SearchMethods = 'searchLetters' | 'searchRebuild';

export function searchHandlers(deps: Pick<CoreDeps, 'db' | 'search'>): Pick<LetterdeskApi, SearchMethods> {
  const searcher = createSearcher(deps.db, deps.search);
  const rebuild = createSearchRebuild(deps.db, deps.search);
  let running = false;
  return {
    searchLetters: async (query) => searcher.search(query),
    // One batch per call: the renderer shows progress between calls and cancels by not calling again.
    searchRebuild: async ({ restart }) => {
      const progress = restart || !running ? rebuild.start() : rebuild.step();
      running = !progress.finished;
      return progress;
    },
  };
}

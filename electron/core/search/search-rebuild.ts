/**
 * Repair (issue #13): rewrites every letter's index row, in batches, so a caller can show
 * progress and stop between batches. Each batch commits on its own and the index stays whole
 * throughout (a row is replaced, never removed first), so stopping early leaves a usable index.
 * An index that FTS5 itself reports damaged is re-created empty first.
 */
import type { Db } from '../db/open-db';
import type { SearchRebuildProgress } from '../../shared/search';
import type { SearchIndex } from './search-index';
import { SEARCH_TABLES_SQL } from '../db/migration-10-search-history-lines';

export const REBUILD_BATCH = 500;

function damaged(db: Db): boolean {
  try {
    db.prepare(`INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)`).run();
    return false;
  } catch {
    return true;
  }
}

export function createSearchRebuild(db: Db, index: SearchIndex) {
  let order: number[] | null = null;
  let done = 0;

  return {
    /** Starts again from the first letter (oldest change first: the index numbers rows by recency). */
    start(): SearchRebuildProgress {
      db.transaction(() => {
        if (damaged(db)) db.exec(`DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS search_docs; ${SEARCH_TABLES_SQL}`);
        db.prepare(`DELETE FROM search_docs WHERE letter_id NOT IN (SELECT id FROM letters)`).run();
      })();
      order = db.prepare<[], { id: number }>(`SELECT id FROM letters ORDER BY updated_at, id`).all().map((r) => r.id);
      done = 0;
      return { done, total: order.length, finished: order.length === 0 };
    },
    /** Rewrites the next batch; `finished` once every letter is done (then segments are merged). */
    step(batch = REBUILD_BATCH): SearchRebuildProgress {
      if (!order) this.start();
      const ids = order!;
      const end = Math.min(ids.length, done + batch);
      db.transaction(() => {
        for (let i = done; i < end; i++) index.sync(ids[i]!);
      })();
      done = end;
      const finished = done === ids.length;
      if (finished) {
        db.prepare(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`).run();
        order = null;
      }
      return { done, total: ids.length, finished };
    },
  };
}

export interface RebuildOptions {
  /** Called after the start and after each batch. */
  onProgress?: (p: SearchRebuildProgress) => void;
  /** Asked between batches: true stops the rebuild there. */
  cancelled?: () => boolean;
  batch?: number;
}

/** The whole rebuild at once (CLI, tests). */
export function rebuildSearchIndex({ db, search }: { db: Db; search: SearchIndex }, options: RebuildOptions = {}): SearchRebuildProgress {
  const rebuild = createSearchRebuild(db, search);
  let p = rebuild.start();
  options.onProgress?.(p);
  while (!p.finished && !options.cancelled?.()) {
    p = rebuild.step(options.batch);
    options.onProgress?.(p);
  }
  return p;
}

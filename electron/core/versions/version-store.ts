/**
 * What the versioning entry points (saveDraft, restoreVersion, snapshotLetter) work on: the
 * database and its letters and versions repositories, built once per open database by the
 * caller (createApi) and passed in — statements are prepared once, and nothing is looked up
 * behind the caller's back.
 */
import type { Db } from '../db/open-db';
import { createLettersRepo, type LettersRepo } from '../letters-repo';
import { createSearchIndex, type SearchIndex } from '../search/search-index';
import { createVersionsRepo, type VersionsRepo } from './versions-repo';

export interface VersionStore {
  db: Db;
  letters: LettersRepo;
  versions: VersionsRepo;
  /** The full-text index writer every repository of this database keeps in step (issue #13). */
  search: SearchIndex;
}

/** Built once per open database (openCore); tests and tools that open a database alone call it too. */
export function createVersionStore(db: Db): VersionStore {
  const search = createSearchIndex(db);
  return { db, search, letters: createLettersRepo(db, search), versions: createVersionsRepo(db, search) };
}

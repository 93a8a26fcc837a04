/**
 * What the versioning entry points (saveDraft, restoreVersion, snapshotLetter) work on: the
 * database and its letters and versions repositories, built once per open database by the
 * caller (createApi) and passed in — statements are prepared once, and nothing is looked up
 * behind the caller's back.
 */
import type { Db } from '../db/open-db';
import { createLettersRepo, type LettersRepo } from '../letters-repo';
import { createVersionsRepo, type VersionsRepo } from './versions-repo';

export interface VersionStore {
  db: Db;
  letters: LettersRepo;
  versions: VersionsRepo;
}

export function createVersionStore(db: Db): VersionStore {
  return { db, letters: createLettersRepo(db), versions: createVersionsRepo(db) };
}

/**
 * One letters repo and one versions repo per open database, so the per-call entry points
 * (saveDraft, restoreVersion, snapshotLetter) do not prepare their statements on every call.
 */
import type { Db } from '../db/open-db';
import { createLettersRepo, type LettersRepo } from '../letters-repo';
import { createVersionsRepo, type VersionsRepo } from './versions-repo';

const cache = new WeakMap<Db, { letters: LettersRepo; versions: VersionsRepo }>();

export function reposFor(db: Db): { letters: LettersRepo; versions: VersionsRepo } {
  let repos = cache.get(db);
  if (!repos) {
    repos = { letters: createLettersRepo(db), versions: createVersionsRepo(db) };
    cache.set(db, repos);
  }
  return repos;
}

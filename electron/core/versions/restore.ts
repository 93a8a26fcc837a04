/**
 * Restoring a version never rewrites history (issue #4): the current content is kept first
 * ('pre-restore', unless the latest version already holds it), the letter's content becomes
 * the old version's, and that result is a new 'restore' version that names its source.
 * The replaced state stays one click away: it is `previous`.
 */
import type { Letter } from '../../shared/domain';
import { assertEditable } from '../letter-edit-guard';
import type { VersionStore } from './version-store';
import type { VersionSummary } from './version-types';

export interface RestoreResult {
  letter: Letter;
  /** The version equal to the letter now: a new 'restore' one, or the latest if identical. */
  version: VersionSummary;
  /** The version holding the content that was replaced. */
  previous: VersionSummary;
}

/**
 * One transaction. The old content is restored exactly as stored (not re-cleaned), so the
 * restored letter hashes to the same value as its source version. 'not-found' for an
 * unknown letter or version, 'conflict' on a stale `expectedRevision`, 'letter-trashed',
 * 'illegal-transition' for an archived or void letter.
 */
export function restoreVersion({ db, letters, versions }: VersionStore, letterId: number, seq: number, nowIso: string, expectedRevision?: number, note: string | null = null): RestoreResult {
  return db.transaction(() => {
    const current = letters.getContent(letterId);
    assertEditable(current.letter);
    const source = versions.get(letterId, seq);
    const previous = versions.create(letterId, current.content, 'pre-restore', null, nowIso);
    const letter = letters.saveContent(letterId, source.content, nowIso, expectedRevision);
    const version = versions.create(letterId, source.content, 'restore', note, nowIso, seq);
    return { letter, version, previous };
  })();
}

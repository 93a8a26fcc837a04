/** A version of what is stored for a letter now: Ctrl+S ('manual') and every export ('export'). */
import type { Db } from '../db/open-db';
import { reposFor } from './repos';
import type { VersionKind, VersionSummary } from './version-types';

/**
 * Reads the letter's saved content and keeps it as a version, in one transaction. Content
 * equal to the latest version returns that version (stamped exported for 'export').
 */
export function snapshotLetter(db: Db, letterId: number, kind: Exclude<VersionKind, 'restore'>, note: string | null, nowIso: string): VersionSummary {
  const { letters, versions } = reposFor(db);
  return db.transaction(() => versions.create(letterId, letters.getContent(letterId).content, kind, note, nowIso))();
}

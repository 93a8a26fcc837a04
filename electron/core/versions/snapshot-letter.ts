/** A version of what is stored for a letter now: Ctrl+S ('manual') and every export ('export'). */
import type { VersionStore } from './version-store';
import type { VersionKind, VersionSummary } from './version-types';

/**
 * Reads the letter's saved content and keeps it as a version, in one transaction. Content
 * equal to the latest version returns that version (stamped exported for 'export').
 */
export function snapshotLetter({ db, letters, versions }: VersionStore, letterId: number, kind: Exclude<VersionKind, 'restore'>, note: string | null, nowIso: string): VersionSummary {
  return db.transaction(() => versions.create(letterId, letters.getContent(letterId).content, kind, note, nowIso))();
}

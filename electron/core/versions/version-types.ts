/** What a stored version is. Plain data: these cross IPC unchanged. */
import type { LetterContent } from '../../shared/letter-content';

/**
 * Why a version was made (issue #4). The exported/signed *flags*, not the kind, say whether
 * a version went to paper: an export of content equal to the latest version marks that
 * version exported instead of copying it, so a 'manual' version can carry exportedAt.
 */
export const VERSION_KINDS = ['manual', 'auto', 'pre-edit', 'pre-restore', 'restore', 'export'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** One row of a letter's timeline: everything but the content. */
export interface VersionSummary {
  letterId: number;
  /** v1, v2, … per letter; never reused, also not after pruning. */
  seq: number;
  kind: VersionKind;
  note: string | null;
  createdAt: string;
  /** SHA-256 of the canonical content, lowercase hex. */
  hash: string;
  /** Short form of the hash printed on paper (canonical-hash.ts). */
  fingerprint: string;
  /** Characters added / removed against the version that was latest when this one was made. */
  charsAdded: number;
  charsRemoved: number;
  /** For kind 'restore': the seq whose content was restored. */
  restoredFrom: number | null;
  exportedAt: string | null;
  signedAt: string | null;
}

export interface Version extends VersionSummary {
  content: LetterContent;
}

/** Exported or signed versions are frozen: never changed, never pruned (triggers enforce it). */
export function isFrozen(v: Pick<VersionSummary, 'exportedAt' | 'signedAt'>): boolean {
  return v.exportedAt !== null || v.signedAt !== null;
}

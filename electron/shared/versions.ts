/**
 * What a stored version is and what comparing two looks like. Plain data: these cross IPC
 * unchanged (core computes them in electron/core/versions).
 */
import type { LetterContent, PageStyle } from './letter-content';
import type { Block } from './letter-model';
import type { NumberingScheme } from './numbering';

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
  /** Short form of the hash printed on paper. */
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

export type SegmentOp = 'equal' | 'insert' | 'delete';
export interface TextSegment {
  op: SegmentOp;
  text: string;
}

export type BlockKind = Block['type'];

/** How a block looks in one version, apart from its text. */
export interface BlockSide {
  kind: BlockKind;
  /** The clause number as printed in that version ('三、'), null for other blocks. */
  number: string | null;
  scheme: NumberingScheme | null;
  level: number | null;
  /**
   * The clauses this clause sits in, outermost first, each as printed with the start of its
   * heading ('二、服务范围'), so a changed '（二）' can be shown as '二、服务范围 › （二）'. Empty for
   * top-level clauses and other blocks.
   */
  path: string[];
}

export interface FieldChange {
  key: string;
  /** The label in the newer version (the older one for a removed field). */
  label: string;
  change: 'changed' | 'added' | 'removed';
  /** Printed value (fieldText, blanks as `_`); null when the field is not defined on that side. */
  before: string | null;
  after: string | null;
  /** The definition itself changed (label, type, required, options…), not only the value. */
  definitionChanged: boolean;
}

export interface BlockDiff {
  /** 'change': the same block with edited text, kind, scheme or level. */
  op: 'equal' | 'insert' | 'delete' | 'change';
  /** The block in the older version (null when inserted) and in the newer (null when deleted). */
  before: BlockSide | null;
  after: BlockSide | null;
  segments: TextSegment[];
}

export interface DiffStats {
  /** Characters inserted / deleted in the text (code points; numbering not counted). */
  added: number;
  removed: number;
  /** Blocks inserted, deleted or changed. */
  changedBlocks: number;
  /** Clauses whose text is compared as equal or changed but whose computed number moved. */
  renumbered: number;
  fieldsChanged: number;
}

export interface ContentDiff {
  blocks: BlockDiff[];
  fields: FieldChange[];
  pageStyle: { before: PageStyle; after: PageStyle } | null;
  stats: DiffStats;
}

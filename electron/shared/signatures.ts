/**
 * Signature history (issue #6): lifecycle of a letter on paper, the events that record it,
 * and the rules that decide which step is allowed. Pure; core stores and chains the events.
 */
import type { LetterStatus } from './domain';
import type { SignerRole } from './fields';
import type { VersionSummary } from './versions';
import type { ChainHead, EvidenceProblem } from './evidence';

export { SIGNER_ROLES, type SignerRole } from './fields';
export { requiredSignerRoles, signingProgress } from './field-roles';
export const SIGN_METHODS = ['签字', '盖章', '签字并盖章'] as const;
export type SignMethod = (typeof SIGN_METHODS)[number];

export const EVENT_KINDS = ['exported-for-signature', 'signature-recorded', 'scan-attached', 'archived', 'voided'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/**
 * Bookkeeping events (issue #9) put versions and hand-set numbers under the same hash chain;
 * they are evidence, not steps of the paper's life, so the timeline and panel never list them.
 */
export const BOOKKEEPING_EVENT_KINDS = ['version-created', 'versions-pruned', 'number-set'] as const;
export type ChainEventKind = EventKind | (typeof BOOKKEEPING_EVENT_KINDS)[number];

export interface SignatureRecord {
  role: SignerRole;
  name: string;
  organisation: string;
  /** YYYY-MM-DD; may be earlier than the day it is recorded. */
  dateSigned: string;
  method: SignMethod;
  recordedBy: string;
  note: string;
}

export interface SignatureEvent {
  id: number;
  letterId: number;
  kind: EventKind;
  /** The version the event is about (the exported one), when there is one. */
  versionSeq: number | null;
  payload: Record<string, unknown>;
  createdAt: string;
  prevHash: string;
  hash: string;
}

export interface ScanSummary {
  id: number;
  letterId: number;
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  createdAt: string;
}

export interface LetterSignatureState {
  status: LetterStatus;
  number: string | null;
  /** The version exported for signature most recently (what the paper carries). */
  exported: VersionSummary | null;
  /** Hash of the current content; differs from exported.hash once the letter was edited. */
  currentHash: string;
  paperMatchesCurrent: boolean;
  /** Who must sign the paper in hand (its frozen version's signature blanks). */
  requiredRoles: SignerRole[];
  /** Of those, who has signed since the latest export for signature, and who has not. */
  signedRoles: SignerRole[];
  missingRoles: SignerRole[];
  signatures: (SignatureRecord & { eventId: number; versionSeq: number | null; recordedAt: string })[];
  scans: ScanSummary[];
  events: SignatureEvent[];
  voidReason: string | null;
}

export type LifecycleAction = 'export-for-signature' | 'record-signature' | 'attach-scan' | 'archive' | 'void' | 'edit';

/** Which statuses each step may start from; everything else is refused with 'illegal-transition'. */
export const ALLOWED_FROM: Record<LifecycleAction, readonly LetterStatus[]> = {
  // A letter edited after export may be exported for signature again (a new paper).
  'export-for-signature': ['draft', 'awaiting-signature'],
  'record-signature': ['awaiting-signature', 'signed'],
  'attach-scan': ['awaiting-signature', 'signed', 'archived'],
  archive: ['signed'],
  void: ['draft', 'awaiting-signature', 'signed', 'archived'],
  // Any change to the content or title (save, fill, rename, restore a version). A signed letter
  // may still change — as a new version the paper no longer matches; archived and void letters
  // are history (issue #9): copy them as a new letter instead.
  edit: ['draft', 'awaiting-signature', 'signed'],
};

export function canDo(action: LifecycleAction, status: LetterStatus): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** Default letter number pattern (issue #6): 前缀-年份-四位序号, e.g. HXCN-2026-0001. */
export const DEFAULT_NUMBER_PATTERN = '{前缀}-{yyyy}-{seq:4}';
export const DEFAULT_NUMBER_PREFIX = 'HXCN';

/** Fills a number pattern: {前缀} (or {prefix}), {yyyy}, {yy}, {seq} / {seq:N} zero-padded to N. */
export function formatLetterNumber(pattern: string, prefix: string, year: number, seq: number): string {
  return pattern
    .replace(/\{(前缀|prefix)\}/g, prefix)
    .replace(/\{yyyy\}/g, String(year))
    .replace(/\{yy\}/g, String(year).slice(-2))
    .replace(/\{seq(?::(\d))?\}/g, (_, width: string | undefined) => String(seq).padStart(Number(width ?? 1), '0'));
}

export function isValidNumberPattern(pattern: string): boolean {
  // The number becomes part of file names: no characters Windows forbids there (placeholders aside).
  const literal = pattern.replace(/\{(前缀|prefix|yyyy|yy|seq(?::\d)?)\}/g, '');
  return /\{seq(?::\d)?\}/.test(pattern) && pattern.length <= 60 && !/[\\/:*?"<>|{}\u0000-\u001f]/.test(literal);
}

export interface VerifyResult {
  found: boolean;
  letter: { id: number; number: string | null; title: string; status: LetterStatus } | null;
  version: VersionSummary | null;
  signatures: SignatureRecord[];
  currentMatches: boolean;
  /** False when this letter's stored evidence (its versions, events, scans, status, number) or the chain's head fails the check; currentMatches is then false too. */
  evidenceOk: boolean;
  evidenceProblems: EvidenceProblem[];
  /** Why nothing matched, when found is false. */
  reason: 'no-such-number' | 'no-such-fingerprint' | null;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  firstBroken: { id: number; letterId: number | null; reason: 'hash-mismatch' | 'chain-broken' | 'missing-event' | 'tail-cut' | 'head-missing' | 'head-mismatch' } | null;
  /** The head recorded outside the chain (settings), for backups and audit reports to carry. */
  head: ChainHead | null;
}

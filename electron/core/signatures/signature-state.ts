import { LetterdeskError } from '../../shared/errors';
import { requiredSignerRoles, signingProgress, type LetterSignatureState, type SignatureRecord, type VerifyResult } from '../../shared/signatures';
import { contentHash, normalizeHashPrefix } from '../versions/canonical-hash';
import type { SignContext } from './context';
import { latestExport, rolesSignedSinceExport } from './export-events';
import { checkEvidence, problemsOfLetter } from './evidence-check';

/** Everything the letter's signature panel shows, in one read. */
export function signatureState(ctx: SignContext, id: number): LetterSignatureState {
  const letter = ctx.letters.get(id);
  const { content } = ctx.letters.getContent(id);
  const events = ctx.events.list(id);
  const exportedEvent = latestExport(ctx, id);
  const exported = exportedEvent?.versionSeq ? ctx.versions.summary(id, exportedEvent.versionSeq) : null;
  const currentHash = contentHash(content);
  const voided = [...events].reverse().find((e) => e.kind === 'voided');
  const requiredRoles = requiredSignerRoles(exported ? ctx.versions.get(id, exported.seq).content : content);
  const progress = signingProgress(requiredRoles, exportedEvent ? rolesSignedSinceExport(events, exportedEvent.id) : []);
  return {
    status: letter.status,
    number: letter.number,
    exported,
    currentHash,
    paperMatchesCurrent: exported ? exported.hash === currentHash : false,
    requiredRoles,
    signedRoles: progress.signed,
    missingRoles: progress.missing,
    signatures: events
      .filter((e) => e.kind === 'signature-recorded')
      .map((e) => ({ ...(e.payload as unknown as SignatureRecord), eventId: e.id, versionSeq: e.versionSeq, recordedAt: e.createdAt })),
    scans: ctx.scans.list(id),
    events,
    voidReason: voided ? String(voided.payload['reason'] ?? '') : null,
  };
}

/**
 * "Verify a paper letter": the number and the fingerprint printed on it lead to the exact
 * version, its signatures, and whether the letter's current text still matches. The letter's
 * stored evidence is recomputed first (issue #9): when it does not hold, nothing "matches".
 */
export function verifyPaper(ctx: SignContext, number: string, fingerprint: string): VerifyResult {
  const typed = number.trim();
  const letterId = ctx.letters.idByNumber(typed);
  // A number forged away from its letter: the chain still says whose number it is.
  const owner =
    letterId ?? checkEvidence(ctx.db, { limit: Infinity }).problems.find((p) => p.reason === 'number-mismatch' && p.expected === typed)?.letterId ?? null;
  const evidenceProblems = owner === null ? [] : problemsOfLetter(checkEvidence(ctx.db, { limit: Infinity, letterId: owner }), owner);
  const evidenceOk = evidenceProblems.length === 0;
  const none = { version: null, signatures: [], currentMatches: false, evidenceOk, evidenceProblems };
  if (letterId === null) return { found: false, letter: null, ...none, reason: 'no-such-number' };
  const letter = ctx.letters.get(letterId);
  const prefix = normalizeHashPrefix(fingerprint);
  const version = prefix ? ctx.versions.findByHashPrefix(prefix).find((v) => v.letterId === letterId) ?? null : null;
  const summary = { id: letter.id, number: letter.number, title: letter.title, status: letter.status };
  if (!version) return { found: false, letter: summary, ...none, reason: 'no-such-fingerprint' };
  const signatures = ctx.events
    .list(letterId)
    .filter((e) => e.kind === 'signature-recorded' && e.versionSeq === version.seq)
    .map((e) => e.payload as unknown as SignatureRecord);
  const current = contentHash(ctx.letters.getContent(letterId).content);
  return { found: true, letter: summary, version, signatures, currentMatches: evidenceOk && current === version.hash, evidenceOk, evidenceProblems, reason: null };
}

/** Reads one stored scan (its hash checked) for viewing or saving a copy. */
export function readScan(ctx: SignContext, id: number, scanId: number) {
  ctx.letters.get(id);
  const scan = ctx.scans.read(id, scanId);
  if (!scan) throw new LetterdeskError('not-found', `Scan ${scanId} does not exist`);
  return scan;
}

/**
 * Recomputes every piece of stored evidence and compares it with the hash chain (issue #9):
 * the chain itself and its head, each version's content hash, each scan's SHA-256, and each
 * letter's status and number as its events imply them. Read-only: `db check` never writes.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/open-db';
import type { LetterStatus } from '../../shared/domain';
import { MAX_EVIDENCE_PROBLEMS, type EvidenceProblem, type EvidenceReport } from '../../shared/evidence';
import { requiredSignerRoles, signingProgress, type SignerRole } from '../../shared/signatures';
import type { LetterContent } from '../../shared/letter-content';
import { readChainHead, walkChain, type EventRow } from './events-repo';

interface ChainEvent {
  id: number;
  letterId: number;
  kind: EventRow['kind'];
  versionSeq: number | null;
  payload: Record<string, unknown>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const key = (letterId: number, seq: number) => `${letterId}:${seq}`;

function parsePayload(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function problem(p: Partial<EvidenceProblem> & Pick<EvidenceProblem, 'subject' | 'reason'>): EvidenceProblem {
  return { letterId: null, eventId: null, versionSeq: null, scanId: null, expected: null, found: null, ...p };
}

/**
 * What a letter's events say its status and number are. Mirrors lifecycle.ts: export →
 * awaiting-signature, every role of the frozen version signed since the latest export →
 * signed, archived, voided; the number is the latest export's, else the latest set by hand.
 * `rolesOf` answers null when the frozen version cannot be read (reported on its own).
 */
export function impliedLetterState(
  events: readonly ChainEvent[],
  rolesOf: (seq: number) => SignerRole[] | null,
): { status: LetterStatus; acceptSigned: boolean; number: string | null } {
  let status: LetterStatus = 'draft';
  let number: string | null = null;
  let exportedNumber: string | null = null;
  let required: SignerRole[] | null = null;
  let signed: SignerRole[] = [];
  let acceptSigned = false;
  for (const e of events) {
    switch (e.kind) {
      case 'exported-for-signature':
        status = 'awaiting-signature';
        exportedNumber = typeof e.payload['number'] === 'string' ? e.payload['number'] : exportedNumber;
        required = e.versionSeq === null ? null : rolesOf(e.versionSeq);
        signed = [];
        acceptSigned = false;
        break;
      case 'signature-recorded':
        signed.push(e.payload['role'] as SignerRole);
        if (required === null) acceptSigned = true; // unreadable frozen version: either status may be right
        else if (signingProgress(required, signed).complete) status = 'signed';
        break;
      case 'archived':
        status = 'archived';
        break;
      case 'voided':
        status = 'void';
        break;
      case 'number-set':
        number = typeof e.payload['number'] === 'string' ? e.payload['number'] : number;
        break;
      default:
        break;
    }
  }
  return { status, acceptSigned: acceptSigned && (status === 'awaiting-signature' || status === 'signed'), number: exportedNumber ?? number };
}

/**
 * `limit` caps the problems listed (problemCount counts them all). `letterId` limits the
 * version, scan and letter comparisons to one letter (verify a paper); the chain and its head
 * are always walked whole, since every link depends on all before it.
 */
export function checkEvidence(db: Db, options: { limit?: number; letterId?: number } = {}): EvidenceReport {
  const limit = options.limit ?? MAX_EVIDENCE_PROBLEMS;
  const only = options.letterId ?? null;
  const mine = (letterId: number) => only === null || letterId === only;
  // -1 never matches a letter: with `only` null the clause `? = -1 OR letter_id = ?` selects all.
  const scope = only ?? -1;
  const problems: EvidenceProblem[] = [];
  const head = readChainHead(db);

  // 1. The chain and its head. Every row is kept (parsed) for the comparisons below.
  const events: ChainEvent[] = [];
  const rows = db.prepare<[], EventRow>(`SELECT * FROM signature_events ORDER BY id`).all();
  const walk = walkChain(rows, head);
  for (const fault of [walk.fault, walk.headFault]) {
    if (!fault) continue;
    const subject = fault.reason === 'tail-cut' || fault.reason === 'head-missing' || fault.reason === 'head-mismatch' ? 'chain-head' : 'event';
    const last = rows[rows.length - 1];
    problems.push(
      problem({
        subject,
        reason: fault.reason,
        letterId: fault.letterId,
        eventId: fault.id,
        ...(subject === 'chain-head' ? { expected: head ? `#${head.id} ${head.hash}` : null, found: last ? `#${last.id} ${last.hash}` : null } : {}),
      }),
    );
  }
  for (const r of rows) events.push({ id: r.id, letterId: r.letter_id, kind: r.kind, versionSeq: r.version_seq, payload: parsePayload(r.payload) });

  const recordedVersions = new Map<string, { hash: unknown; eventId: number; letterId: number; seq: number }>();
  const pruned = new Set<string>();
  const recordedScans = new Map<number, { sha256: unknown; eventId: number; letterId: number }>();
  const byLetter = new Map<number, ChainEvent[]>();
  for (const e of events) {
    if (!mine(e.letterId)) continue;
    if (!byLetter.has(e.letterId)) byLetter.set(e.letterId, []);
    byLetter.get(e.letterId)!.push(e);
    if (e.kind === 'version-created') {
      const seq = typeof e.payload['seq'] === 'number' ? e.payload['seq'] : e.versionSeq;
      if (seq !== null) recordedVersions.set(key(e.letterId, seq), { hash: e.payload['hash'], eventId: e.id, letterId: e.letterId, seq });
    } else if (e.kind === 'versions-pruned' && Array.isArray(e.payload['seqs'])) {
      for (const seq of e.payload['seqs']) if (typeof seq === 'number') pruned.add(key(e.letterId, seq));
    } else if (e.kind === 'scan-attached' && typeof e.payload['scanId'] === 'number') {
      recordedScans.set(e.payload['scanId'], { sha256: e.payload['sha256'], eventId: e.id, letterId: e.letterId });
    }
  }

  // 2. Versions: content → hash → the chain's record; and records whose version is gone.
  const versionProblems: EvidenceProblem[] = [];
  let versionCount = 0;
  const seen = new Set<string>();
  for (const v of db.prepare<[number, number], { letter_id: number; seq: number; hash: string; content_json: string }>(
    `SELECT letter_id, seq, hash, content_json FROM versions WHERE ? = -1 OR letter_id = ? ORDER BY letter_id, seq`,
  ).iterate(scope, scope)) {
    versionCount++;
    const k = key(v.letter_id, v.seq);
    seen.add(k);
    const at = { subject: 'version' as const, letterId: v.letter_id, versionSeq: v.seq };
    const actual = sha256(v.content_json);
    const record = recordedVersions.get(k);
    if (actual !== v.hash) versionProblems.push(problem({ ...at, reason: 'content-hash-mismatch', expected: v.hash, found: actual }));
    else if (!record) versionProblems.push(problem({ ...at, reason: 'not-in-chain', found: v.hash }));
    else if (record.hash !== v.hash) versionProblems.push(problem({ ...at, reason: 'differs-from-chain', eventId: record.eventId, expected: String(record.hash), found: v.hash }));
  }
  for (const [k, r] of recordedVersions) {
    if (!seen.has(k) && !pruned.has(k)) versionProblems.push(problem({ subject: 'version', reason: 'missing', letterId: r.letterId, versionSeq: r.seq, eventId: r.eventId, expected: String(r.hash) }));
  }
  versionProblems.sort((a, b) => a.letterId! - b.letterId! || a.versionSeq! - b.versionSeq!);
  problems.push(...versionProblems);

  // 3. Scans: blob → sha256 column → the scan-attached event; and recorded scans that are gone.
  let scanCount = 0;
  const seenScans = new Set<number>();
  for (const s of db.prepare<[number, number], { id: number; letter_id: number; sha256: string; data: Buffer }>(
    `SELECT id, letter_id, sha256, data FROM scans WHERE ? = -1 OR letter_id = ? ORDER BY id`,
  ).iterate(scope, scope)) {
    scanCount++;
    seenScans.add(s.id);
    const at = { subject: 'scan' as const, letterId: s.letter_id, scanId: s.id };
    const actual = sha256(s.data);
    const record = recordedScans.get(s.id);
    if (actual !== s.sha256) problems.push(problem({ ...at, reason: 'blob-hash-mismatch', expected: s.sha256, found: actual }));
    else if (!record) problems.push(problem({ ...at, reason: 'not-in-chain', found: s.sha256 }));
    else if (record.sha256 !== s.sha256 || record.letterId !== s.letter_id) {
      problems.push(problem({ ...at, reason: 'differs-from-chain', eventId: record.eventId, expected: String(record.sha256), found: s.sha256 }));
    }
  }
  for (const [scanId, r] of recordedScans) {
    if (!seenScans.has(scanId)) problems.push(problem({ subject: 'scan', reason: 'missing', letterId: r.letterId, scanId, eventId: r.eventId, expected: String(r.sha256) }));
  }

  // 4. Letters: status and number as their events imply them.
  const frozenContent = db.prepare<[number, number], { content_json: string }>(`SELECT content_json FROM versions WHERE letter_id = ? AND seq = ?`);
  let letterCount = 0;
  for (const l of db.prepare<[number, number], { id: number; status: LetterStatus; number: string | null }>(
    `SELECT id, status, number FROM letters WHERE ? = -1 OR id = ? ORDER BY id`,
  ).all(scope, scope)) {
    letterCount++;
    const implied = impliedLetterState(byLetter.get(l.id) ?? [], (seq) => {
      const row = frozenContent.get(l.id, seq);
      try {
        return row ? requiredSignerRoles(JSON.parse(row.content_json) as LetterContent) : null;
      } catch {
        return null;
      }
    });
    const statusOk = l.status === implied.status || (implied.acceptSigned && (l.status === 'signed' || l.status === 'awaiting-signature'));
    if (!statusOk) problems.push(problem({ subject: 'letter', reason: 'status-mismatch', letterId: l.id, expected: implied.status, found: l.status }));
    if (l.number !== implied.number) problems.push(problem({ subject: 'letter', reason: 'number-mismatch', letterId: l.id, expected: implied.number, found: l.number }));
  }

  return {
    ok: problems.length === 0,
    head,
    checked: { events: rows.length, versions: versionCount, scans: scanCount, letters: letterCount },
    problems: problems.slice(0, limit),
    problemCount: problems.length,
  };
}

/** The problems that concern one letter, plus those of the chain as a whole (its head, an unattributed gap). */
export function problemsOfLetter(report: EvidenceReport, letterId: number): EvidenceProblem[] {
  return report.problems.filter((p) => p.letterId === letterId || (p.letterId === null && (p.subject === 'chain-head' || p.subject === 'event')));
}

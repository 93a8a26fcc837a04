/**
 * What `db check` and "verify a paper letter" report about the stored evidence (issue #9):
 * every version's content hash, every chained event, every scan's SHA-256 and every letter's
 * status and number are recomputed and compared with the hash chain. Pure types and text.
 */

/** The last event of the chain, kept outside the table it covers (settings 'chain-head'). */
export interface ChainHead {
  id: number;
  hash: string;
}

export type EvidenceSubject = 'event' | 'chain-head' | 'version' | 'scan' | 'letter';

export type EvidenceReason =
  // event: its stored hash, its link to the one before, or a gap in the ids
  | 'hash-mismatch'
  | 'chain-broken'
  | 'missing-event'
  // chain-head: events after the last one were deleted, or the head was removed or rewritten
  | 'tail-cut'
  | 'head-missing'
  | 'head-mismatch'
  // version: content no longer hashes to its hash; scan: blob no longer hashes to its sha256
  | 'content-hash-mismatch'
  | 'blob-hash-mismatch'
  // version / scan: not recorded by the chain, recorded differently, or recorded but gone
  | 'not-in-chain'
  | 'differs-from-chain'
  | 'missing'
  // letter: status or number not what its events imply
  | 'status-mismatch'
  | 'number-mismatch';

export interface EvidenceProblem {
  subject: EvidenceSubject;
  reason: EvidenceReason;
  letterId: number | null;
  eventId: number | null;
  versionSeq: number | null;
  scanId: number | null;
  /** What the chain or a recomputation says it should be, and what is stored (hashes, status, number). */
  expected: string | null;
  found: string | null;
}

export interface EvidenceReport {
  ok: boolean;
  /** The chain head recorded in settings (null when none is recorded). */
  head: ChainHead | null;
  checked: { events: number; versions: number; scans: number; letters: number };
  /** In order: the chain, its head, versions, scans, letters; at most MAX_EVIDENCE_PROBLEMS. */
  problems: EvidenceProblem[];
  problemCount: number;
}

export const MAX_EVIDENCE_PROBLEMS = 100;

const REASON_TEXT: Record<EvidenceReason, string> = {
  'hash-mismatch': '内容被改动 content edited',
  'chain-broken': '与前一条事件的链接断开 link to the previous event broken',
  'missing-event': '缺失 missing',
  'tail-cut': '链尾事件被删除 events at the end of the chain deleted',
  'head-missing': '未记录链头 chain head not recorded',
  'head-mismatch': '链头与记录不符 chain head differs from the recorded one',
  'content-hash-mismatch': '内容与其哈希不符 content does not hash to its stored hash',
  'blob-hash-mismatch': '文件与其 SHA-256 不符 file does not hash to its stored SHA-256',
  'not-in-chain': '事件链中无记录 not recorded in the event chain',
  'differs-from-chain': '与事件链记录不符 differs from what the event chain recorded',
  missing: '已被删除 deleted (the event chain records it)',
  'status-mismatch': '状态与事件记录不符 status differs from what its events imply',
  'number-mismatch': '编号与事件记录不符 number differs from what its events imply',
};

/** One line naming the thing and what is wrong with it (CLI, logs). */
export function describeEvidenceProblem(p: EvidenceProblem): string {
  const letter = p.letterId === null ? '' : `函件 letter #${p.letterId} `;
  const what =
    p.subject === 'event' || p.subject === 'chain-head'
      ? `${p.subject === 'chain-head' ? '事件链头 chain head: ' : ''}事件 event #${p.eventId ?? '?'}${p.letterId === null ? '' : `（${letter.trim()}）`}`
      : p.subject === 'version'
        ? `${letter}版本 version v${p.versionSeq ?? '?'}`
        : p.subject === 'scan'
          ? `${letter}扫描件 scan #${p.scanId ?? '?'}`
          : letter.trim();
  const detail = p.expected !== null || p.found !== null ? `（应为 expected ${p.expected ?? '—'}，实为 found ${p.found ?? '—'}）` : '';
  return `${what}: ${REASON_TEXT[p.reason]}${detail}`;
}

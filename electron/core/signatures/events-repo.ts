import type { Db } from '../db/open-db';
import type { ChainEventKind, ChainReport, SignatureEvent } from '../../shared/signatures';
import type { ChainHead } from '../../shared/evidence';
import { canonicalJson, sha256Hex } from '../versions/canonical-hash';
import type { SearchIndex } from '../search/search-index';

export interface EventRow {
  id: number;
  letter_id: number;
  kind: ChainEventKind;
  version_seq: number | null;
  payload: string;
  created_at: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of one event: every stored column but the hash itself, canonically serialised. */
export function eventHash(e: Omit<EventRow, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      id: e.id,
      letterId: e.letter_id,
      kind: e.kind,
      versionSeq: e.version_seq,
      payload: e.payload,
      createdAt: e.created_at,
      prevHash: e.prev_hash,
    }),
  );
}

/** Where the chain head is kept: outside the table it covers, so deleting the tail is seen (issue #9). */
export const CHAIN_HEAD_KEY = 'chain-head';

/** Reads the recorded head; null when none is recorded or the value is not a head. */
export function readChainHead(db: Db): ChainHead | null {
  return parseHead(db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`).get(CHAIN_HEAD_KEY));
}

function parseHead(row: { value: string } | undefined): ChainHead | null {
  if (!row) return null;
  try {
    const v = JSON.parse(row.value) as Partial<ChainHead>;
    return typeof v.id === 'number' && typeof v.hash === 'string' ? { id: v.id, hash: v.hash } : null;
  } catch {
    return null;
  }
}

type ChainFault = NonNullable<ChainReport['firstBroken']>;

/**
 * Walks events in id order and names the first whose id, link or hash does not hold; and
 * compares the last event with the recorded head (a cut tail leaves a valid but shorter chain).
 */
export function walkChain(rows: Iterable<EventRow>, head: ChainHead | null): { events: number; fault: ChainFault | null; headFault: ChainFault | null } {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let count = 0;
  let fault: ChainFault | null = null;
  let last: { id: number; hash: string } | null = null;
  for (const row of rows) {
    count++;
    last = { id: row.id, hash: row.hash };
    if (fault) continue;
    if (row.id !== expectedId) fault = { id: expectedId, letterId: null, reason: 'missing-event' };
    else if (row.prev_hash !== prevHash) fault = { id: row.id, letterId: row.letter_id, reason: 'chain-broken' };
    else if (eventHash(row) !== row.hash) fault = { id: row.id, letterId: row.letter_id, reason: 'hash-mismatch' };
    prevHash = row.hash;
    expectedId++;
  }
  let headFault: ChainFault | null = null;
  if (!head) headFault = last ? { id: last.id, letterId: null, reason: 'head-missing' } : null;
  else if (!last || last.id < head.id) headFault = { id: (last?.id ?? 0) + 1, letterId: null, reason: 'tail-cut' };
  else if (last.id !== head.id || last.hash !== head.hash) headFault = { id: last.id, letterId: null, reason: 'head-mismatch' };
  return { events: count, fault, headFault };
}

const toEvent = (r: EventRow): SignatureEvent => ({
  id: r.id,
  letterId: r.letter_id,
  // list() returns only the lifecycle kinds (see below).
  kind: r.kind as SignatureEvent['kind'],
  versionSeq: r.version_seq,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  createdAt: r.created_at,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The append-only, hash-chained event log (one chain for the whole archive). */
/** Walks the whole chain against its recorded head (db check, the audit report); reads only. */
export function verifyChain(db: Db): ChainReport {
  const head = readChainHead(db);
  const rows = db.prepare<[], EventRow>(`SELECT * FROM signature_events ORDER BY id`).iterate();
  const { events, fault, headFault } = walkChain(rows, head);
  const firstBroken = fault ?? headFault;
  return { ok: firstBroken === null, events, firstBroken, head };
}

/** `search`: a recorded signature makes its signer's name searchable in the same transaction. */
export function createEventsRepo(db: Db, search: SearchIndex) {
  const last = db.prepare<[], { id: number; hash: string }>(`SELECT id, hash FROM signature_events ORDER BY id DESC LIMIT 1`);
  const insert = db.prepare(
    `INSERT INTO signature_events (id, letter_id, kind, version_seq, payload, created_at, prev_hash, hash)
     VALUES (@id, @letter_id, @kind, @version_seq, @payload, @created_at, @prev_hash, @hash)`,
  );
  // Bookkeeping kinds are evidence for db check, not steps the timeline, panel or lifecycle read.
  const byLetter = db.prepare<[number], EventRow>(
    `SELECT * FROM signature_events WHERE letter_id = ? AND kind NOT IN ('version-created','versions-pruned','number-set') ORDER BY id`,
  );
  const headRow = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
  const readHead = () => parseHead(headRow.get(CHAIN_HEAD_KEY));
  const writeHead = db.prepare<[string, string]>(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );

  return {
    /**
     * Appends one event chained to the previous one and records the new chain head, in one
     * transaction (nested in the caller's, so the event commits with what it records).
     */
    append(letterId: number, kind: ChainEventKind, versionSeq: number | null, payload: Record<string, unknown>, nowIso: string): SignatureEvent {
      return db.transaction(() => {
        // After a cut tail the chain goes on from the recorded head, not from the shortened
        // table: the gap stays visible as missing events instead of being papered over.
        const stored = last.get();
        const head = readHead();
        const prev = head && (!stored || head.id > stored.id) ? head : stored;
        const row: Omit<EventRow, 'hash'> = {
          id: (prev?.id ?? 0) + 1,
          letter_id: letterId,
          kind,
          version_seq: versionSeq,
          payload: canonicalJson(payload),
          created_at: nowIso,
          prev_hash: prev?.hash ?? GENESIS_HASH,
        };
        const full = { ...row, hash: eventHash(row) };
        insert.run(full);
        writeHead.run(CHAIN_HEAD_KEY, JSON.stringify({ id: full.id, hash: full.hash }));
        // The names of those who signed are searchable text of the letter (issue #13).
        if (kind === 'signature-recorded') search.sync(letterId);
        return toEvent(full);
      })();
    },
    /** The letter's lifecycle events (exported, signed, scan, archived, voided), oldest first. */
    list: (letterId: number): SignatureEvent[] => byLetter.all(letterId).map(toEvent),
    /** The chain head recorded in settings. */
    head: readHead,
    /** Walks the whole chain; names the first event whose hash or link does not hold, or a cut tail. */
    verifyChain: (): ChainReport => verifyChain(db),
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;

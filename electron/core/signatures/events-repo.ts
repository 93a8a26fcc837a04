import type { Db } from '../db/open-db';
import type { ChainReport, EventKind, SignatureEvent } from '../../shared/signatures';
import { canonicalJson, sha256Hex } from '../versions/canonical-hash';

interface EventRow {
  id: number;
  letter_id: number;
  kind: EventKind;
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

const toEvent = (r: EventRow): SignatureEvent => ({
  id: r.id,
  letterId: r.letter_id,
  kind: r.kind,
  versionSeq: r.version_seq,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  createdAt: r.created_at,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The append-only, hash-chained event log (one chain for the whole archive). */
export function createEventsRepo(db: Db) {
  const last = db.prepare<[], { id: number; hash: string }>(`SELECT id, hash FROM signature_events ORDER BY id DESC LIMIT 1`);
  const insert = db.prepare(
    `INSERT INTO signature_events (id, letter_id, kind, version_seq, payload, created_at, prev_hash, hash)
     VALUES (@id, @letter_id, @kind, @version_seq, @payload, @created_at, @prev_hash, @hash)`,
  );
  const byLetter = db.prepare<[number], EventRow>(`SELECT * FROM signature_events WHERE letter_id = ? ORDER BY id`);
  const all = db.prepare<[], EventRow>(`SELECT * FROM signature_events ORDER BY id`);

  return {
    /** Appends one event chained to the previous one. Call inside the caller's transaction. */
    append(letterId: number, kind: EventKind, versionSeq: number | null, payload: Record<string, unknown>, nowIso: string): SignatureEvent {
      const prev = last.get();
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
      return toEvent(full);
    },
    list: (letterId: number): SignatureEvent[] => byLetter.all(letterId).map(toEvent),
    /** Walks the whole chain; names the first event whose hash or link does not hold. */
    verifyChain(): ChainReport {
      let prevHash = GENESIS_HASH;
      let expectedId = 1;
      let count = 0;
      for (const row of all.iterate()) {
        count++;
        if (row.id !== expectedId) return { ok: false, events: count, firstBroken: { id: expectedId, letterId: null, reason: 'missing-event' } };
        if (row.prev_hash !== prevHash) return { ok: false, events: count, firstBroken: { id: row.id, letterId: row.letter_id, reason: 'chain-broken' } };
        if (eventHash(row) !== row.hash) return { ok: false, events: count, firstBroken: { id: row.id, letterId: row.letter_id, reason: 'hash-mismatch' } };
        prevHash = row.hash;
        expectedId++;
      }
      return { ok: true, events: count, firstBroken: null };
    },
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;

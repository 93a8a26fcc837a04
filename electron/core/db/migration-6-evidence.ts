/**
 * Migration 6 (issue #9): the hash chain covers versions and hand-set numbers too.
 *
 * SQLite cannot change a CHECK constraint, so signature_events is rebuilt: new table, copy
 * every row with its id, drop the old one (its triggers go with it; nothing references it, so
 * with foreign keys ON the implicit delete of the drop violates nothing and fires no trigger),
 * rename, then recreate the index and the append-only triggers. Then a 'version-created'
 * event is appended for every existing version (in the order they were made) and a
 * 'number-set' event for every number given by hand (a letter with a number but no export),
 * and the chain head is recorded in settings.
 *
 * Self-contained on purpose (migrations.ts): the event hash is spelled out here, not imported,
 * so this migration gives the same chain in every later app version. It must equal
 * events-repo.ts eventHash (tests/unit/evidence-migration.test.ts checks the result with it).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export const MIGRATION_6_SQL = `
  CREATE TABLE signature_events_v6 (
    id          INTEGER PRIMARY KEY,
    letter_id   INTEGER NOT NULL REFERENCES letters(id),
    kind        TEXT NOT NULL CHECK (kind IN ('exported-for-signature','signature-recorded','scan-attached','archived','voided',
                                              'version-created','versions-pruned','number-set')),
    version_seq INTEGER,
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE
  );
  INSERT INTO signature_events_v6 (id, letter_id, kind, version_seq, payload, created_at, prev_hash, hash)
    SELECT id, letter_id, kind, version_seq, payload, created_at, prev_hash, hash FROM signature_events ORDER BY id;
  DROP TABLE signature_events;
  ALTER TABLE signature_events_v6 RENAME TO signature_events;
  CREATE INDEX signature_events_letter ON signature_events (letter_id, id);
  CREATE TRIGGER signature_events_no_update BEFORE UPDATE ON signature_events
    BEGIN SELECT RAISE(ABORT, 'signature events are append-only'); END;
  CREATE TRIGGER signature_events_no_delete BEFORE DELETE ON signature_events
    BEGIN SELECT RAISE(ABORT, 'signature events are append-only'); END;
`;

/** JSON with sorted keys, for flat objects of strings, numbers, booleans and null (all we hash here). */
function flatCanonical(obj: Record<string, string | number | boolean | null>): string {
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(obj[k])}`)
    .join(',')}}`;
}

export function migration6Up(db: Database.Database): void {
  const last = db.prepare<[], { id: number; hash: string }>(`SELECT id, hash FROM signature_events ORDER BY id DESC LIMIT 1`).get();
  let prev = { id: last?.id ?? 0, hash: last?.hash ?? '0'.repeat(64) };
  const insert = db.prepare<[number, number, string, number | null, string, string, string, string]>(
    `INSERT INTO signature_events (id, letter_id, kind, version_seq, payload, created_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The chain attests these from now on: the events carry the time they were recorded.
  const now = new Date().toISOString();
  const append = (letterId: number, kind: string, versionSeq: number | null, payload: Record<string, string | number | boolean>) => {
    const id = prev.id + 1;
    const text = flatCanonical(payload);
    const hash = createHash('sha256')
      .update(flatCanonical({ createdAt: now, id, kind, letterId, payload: text, prevHash: prev.hash, versionSeq }), 'utf8')
      .digest('hex');
    insert.run(id, letterId, kind, versionSeq, text, now, prev.hash, hash);
    prev = { id, hash };
  };
  const versions = db.prepare<[], { letter_id: number; seq: number; hash: string; kind: string }>(
    `SELECT letter_id, seq, hash, kind FROM versions ORDER BY id`,
  );
  for (const v of versions.all()) append(v.letter_id, 'version-created', v.seq, { seq: v.seq, hash: v.hash, kind: v.kind, backfilled: true });
  const handNumbered = db.prepare<[], { id: number; number: string }>(
    `SELECT id, number FROM letters l WHERE number IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM signature_events e WHERE e.letter_id = l.id AND e.kind = 'exported-for-signature')
     ORDER BY id`,
  );
  for (const l of handNumbered.all()) append(l.id, 'number-set', null, { number: l.number, backfilled: true });
  if (prev.id > 0) {
    db.prepare<[string, string]>(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(
      'chain-head',
      JSON.stringify({ id: prev.id, hash: prev.hash }),
    );
  }
}

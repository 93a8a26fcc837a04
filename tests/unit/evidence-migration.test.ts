/**
 * Migration 6 (issue #9): a database at schema version 5 with letters, versions, events and a
 * scan migrates to 6 — signature_events rebuilt with every row, id and hash kept, its triggers
 * and index back, versions and hand-set numbers backfilled into the chain, the head recorded —
 * and `db check` is clean afterwards.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { DB_FILE_NAME, migrate, openDatabase, schemaVersion } from '../../electron/core/db/open-db';
import { openCore } from '../../electron/core/create-api';
import { eventHash, GENESIS_HASH } from '../../electron/core/signatures/events-repo';
import { canonicalContent, canonicalJson, fingerprint, sha256Hex } from '../../electron/core/versions/canonical-hash';
import type { LetterContent } from '../../electron/shared/letter-content';
import { makeTempDir } from '../helpers/temp-dir';
import { setNumberByHand } from '../helpers/hand-number';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('letterdesk-mig6-')));
afterEach(() => cleanup());

const T = '2026-03-01T08:00:00.000Z';
const content = (text: string): LetterContent => ({
  doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { align: null, indent: true }, content: [{ type: 'text', text }] }] },
  fields: [],
  values: {},
  pageStyle: 'business',
});
const PDF = Buffer.from('%PDF-1.4\nscan\n%%EOF\n');

/** A schema-5 file as the previous app version left it (no bookkeeping events, no chain head). */
function buildV5(): void {
  const db = new Database(path.join(dir, DB_FILE_NAME));
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((m) => m.version <= 5));
  expect(schemaVersion(db)).toBe(5);
  const letter = db.prepare(`INSERT INTO letters (id, title, status, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
  letter.run(1, '已导出', 'awaiting-signature', 'HXCN-2026-0001', T, T);
  letter.run(2, '已签署', 'signed', 'HXCN-2026-0002', T, T);
  letter.run(3, '手工编号草稿', 'draft', 'SD-7', T, T);
  letter.run(4, '草稿', 'draft', null, T, T);
  const version = db.prepare(
    `INSERT INTO versions (letter_id, seq, kind, created_at, hash, exported_at, content_json) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const versions: [number, number, string, string][] = [
    [1, 1, 'manual', '第一稿'],
    [2, 1, 'export', '签署稿'],
    [1, 2, 'export', '第二稿'],
    [3, 1, 'auto', '手工编号'],
    [4, 1, 'manual', '草稿'],
  ];
  const hashes = new Map<string, string>();
  for (const [letterId, seq, kind, text] of versions) {
    const json = canonicalContent(content(text));
    hashes.set(`${letterId}:${seq}`, sha256Hex(json));
    version.run(letterId, seq, kind, T, sha256Hex(json), kind === 'export' ? T : null, json);
  }
  const scanSha = createHash('sha256').update(PDF).digest('hex');
  db.prepare(`INSERT INTO scans (id, letter_id, sha256, file_name, mime, size, created_at, data) VALUES (1, 2, ?, 'scan.pdf', 'application/pdf', ?, ?, ?)`).run(
    scanSha,
    PDF.length,
    T,
    PDF,
  );
  let prev = GENESIS_HASH;
  const event = db.prepare(`INSERT INTO signature_events (id, letter_id, kind, version_seq, payload, created_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const events: [number, string, number | null, Record<string, unknown>][] = [
    [2, 'exported-for-signature', 1, { number: 'HXCN-2026-0002', versionHash: hashes.get('2:1'), fingerprint: fingerprint(hashes.get('2:1')!), fileSha256: 'f'.repeat(64) }],
    [1, 'exported-for-signature', 2, { number: 'HXCN-2026-0001', versionHash: hashes.get('1:2'), fingerprint: fingerprint(hashes.get('1:2')!), fileSha256: 'e'.repeat(64) }],
    [2, 'signature-recorded', 1, { role: '承诺方', name: '张三', organisation: '', dateSigned: '2026-03-01', method: '签字', recordedBy: '', note: '' }],
    [2, 'scan-attached', 1, { scanId: 1, sha256: scanSha, fileName: 'scan.pdf', size: PDF.length, mime: 'application/pdf' }],
  ];
  events.forEach(([letterId, kind, seq, payload], i) => {
    const row = { id: i + 1, letter_id: letterId, kind: kind as never, version_seq: seq, payload: canonicalJson(payload), created_at: T, prev_hash: prev };
    prev = eventHash(row);
    event.run(row.id, letterId, kind, seq, row.payload, T, row.prev_hash, prev);
  });
  db.close();
}

describe('migration 6: the chain covers versions and hand-set numbers', () => {
  it('keeps every row, rebuilds the table with its triggers and index, backfills the chain, and db check is ok', async () => {
    buildV5();
    const before = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
    const oldEvents = before.prepare(`SELECT * FROM signature_events ORDER BY id`).all();
    const counts = (db: Database.Database) =>
      ['letters', 'versions', 'scans'].map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
    const oldCounts = counts(before);
    const versionOrder = before.prepare(`SELECT letter_id, seq, hash, kind FROM versions ORDER BY id`).all() as { letter_id: number; seq: number; hash: string; kind: string }[];
    before.close();

    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(6);
    expect(counts(db)).toEqual(oldCounts);
    const rows = db.prepare(`SELECT * FROM signature_events ORDER BY id`).all() as { id: number; letter_id: number; kind: string; version_seq: number | null; payload: string; hash: string }[];
    // The old events, untouched, ids and hashes kept.
    expect(rows.slice(0, oldEvents.length)).toEqual(oldEvents);
    // Then one 'version-created' per version, in the order they were made, then the hand-set number.
    const added = rows.slice(oldEvents.length);
    expect(added.map((r) => [r.letter_id, r.kind, r.version_seq])).toEqual([
      ...versionOrder.map((v) => [v.letter_id, 'version-created', v.seq]),
      [3, 'number-set', null],
    ]);
    added.slice(0, versionOrder.length).forEach((r, i) => expect(JSON.parse(r.payload)).toMatchObject({ seq: versionOrder[i]!.seq, hash: versionOrder[i]!.hash, kind: versionOrder[i]!.kind }));
    expect(JSON.parse(added[added.length - 1]!.payload)).toMatchObject({ number: 'SD-7' });
    // The chain head is recorded in settings.
    const head = JSON.parse((db.prepare(`SELECT value FROM settings WHERE key = 'chain-head'`).get() as { value: string }).value);
    expect(head).toEqual({ id: rows[rows.length - 1]!.id, hash: rows[rows.length - 1]!.hash });
    // Triggers and index are back; foreign keys hold.
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'signature_events' AND type IN ('trigger','index')`).pluck().all();
    expect(names).toEqual(expect.arrayContaining(['signature_events_no_update', 'signature_events_no_delete', 'signature_events_letter']));
    expect(() => db.prepare(`UPDATE signature_events SET payload = '{}' WHERE id = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM signature_events WHERE id = 1`).run()).toThrow(/append-only/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const core = openCore({ dataDir: dir });
    try {
      const report = await core.api.dbCheck();
      expect(report.evidence.problems).toEqual([]);
      expect(report).toMatchObject({ ok: true, chain: { ok: true, events: rows.length } });
      expect(report.evidence.checked).toMatchObject({ versions: 5, scans: 1, letters: 4 });
      // The app goes on appending to the migrated chain; the timeline still shows only lifecycle events.
      await core.api.versionsSave({ id: 4, note: '迁移后' }).catch(() => null);
      setNumberByHand(core.store, 4, 'SD-8');
      expect((await core.api.dbCheck()).ok).toBe(true);
      expect((await core.api.signState({ id: 2 })).events.map((e) => e.kind)).toEqual(['exported-for-signature', 'signature-recorded', 'scan-attached']);
    } finally {
      core.close();
    }
  });

  it('an empty schema-5 database migrates without inventing a chain', () => {
    const raw = new Database(path.join(dir, DB_FILE_NAME));
    migrate(raw, MIGRATIONS.filter((m) => m.version <= 5));
    raw.close();
    const db = openDatabase(dir);
    expect(db.prepare(`SELECT count(*) AS n FROM signature_events`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'chain-head'`).get()).toBeUndefined();
    db.close();
  });
});

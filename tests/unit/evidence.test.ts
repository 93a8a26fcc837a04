/**
 * Tamper evidence covers all evidence (issue #9). Each test edits, deletes or reorders one
 * kind of stored evidence around the app (triggers dropped, as someone with the file and a
 * SQLite tool would) and checks that `db check` names exactly that thing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import { runCli } from '../../electron/cli/run-cli';
import { canonicalContent, sha256Hex } from '../../electron/core/versions/canonical-hash';
import type { LetterContent } from '../../electron/shared/letter-content';
import type { EvidenceProblem } from '../../electron/shared/evidence';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';
import { requiredValues } from '../helpers/sample-values';
import { setNumberByHand } from '../helpers/hand-number';
import { minimalPdf } from '../helpers/scan-files';

let core: Core;
let dir: string;
let cleanup: () => void;
let clock: ReturnType<typeof makeFakeClock>;
const dialogs = { save: null as string | null, open: null as string | null };
const open = () => openCore({ dataDir: dir, clock, dialogs: { saveFile: async () => dialogs.save, openFile: async () => dialogs.open } });

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  clock = makeFakeClock('2026-05-08T09:00:00.000Z');
  core = open();
});
afterEach(() => {
  core.close();
  cleanup();
});

const SCAN = minimalPdf('signed paper, scanned');
const OTHER_SCAN = minimalPdf('another paper entirely');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readyLetter(): Promise<number> {
  const letter = await core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
  const { content } = await core.api.lettersContentGet({ id: letter.id });
  await core.api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
  return letter.id;
}

interface Scenario {
  /** Exported, signed by every role, scan attached: status 'signed'. */
  signed: number;
  number: string;
  fingerprint: string;
  /** The frozen (exported and signed) version; v1 is a manual version before it. */
  frozenSeq: number;
  scanId: number;
  /** A draft numbered by hand, with one manual version. */
  manual: number;
  /** A plain draft with one manual version. */
  draft: number;
}

async function scenario(): Promise<Scenario> {
  const signed = await readyLetter();
  await core.api.versionsSave({ id: signed, note: '初稿' });
  dialogs.save = path.join(dir, 'paper.docx');
  const exported = await core.api.signExport({ id: signed });
  const state = await core.api.signState({ id: signed });
  for (const role of state.requiredRoles) {
    clock.advance(60_000);
    await core.api.signRecord({ id: signed, role, name: `${role}代表`, dateSigned: '2026-05-08', method: '签字' });
  }
  dialogs.open = path.join(dir, 'scan.pdf');
  fs.writeFileSync(dialogs.open, SCAN);
  const scan = (await core.api.signAttachScan({ id: signed }))!;
  const manual = await readyLetter();
  setNumberByHand(core.store, manual, 'SD-2026-0007', clock.now().toISOString());
  await core.api.versionsSave({ id: manual });
  const draft = await readyLetter();
  await core.api.versionsSave({ id: draft });
  expect((await core.api.lettersGet({ id: signed })).status).toBe('signed');
  const report = await core.api.dbCheck();
  expect(report.evidence.problems).toEqual([]);
  expect(report.ok).toBe(true);
  return { signed, number: exported.number!, fingerprint: exported.version!.fingerprint, frozenSeq: exported.version!.seq, scanId: scan.id, manual, draft };
}

const TRIGGERS = [
  'signature_events_no_update',
  'signature_events_no_delete',
  'scans_no_update',
  'scans_no_delete',
  'versions_write_once',
  'versions_flags_set_once',
  'versions_frozen_kept',
];

/** Edits the file around the app: closes the core, drops the triggers, runs `edit`, reopens. */
function tamper(edit: (raw: Database.Database) => void): void {
  core.close();
  const raw = new Database(path.join(dir, 'letterdesk.sqlite'));
  for (const t of TRIGGERS) raw.exec(`DROP TRIGGER IF EXISTS ${t}`);
  edit(raw);
  raw.close();
  core = open();
}

async function firstProblem(): Promise<EvidenceProblem> {
  const report = await core.api.dbCheck();
  expect(report.ok).toBe(false);
  expect(report.evidence.ok).toBe(false);
  return report.evidence.problems[0]!;
}

const eventIdOf = (raw: Database.Database, letterId: number, kind: string, nth = 0) =>
  raw.prepare<[number, string], { id: number }>(`SELECT id FROM signature_events WHERE letter_id = ? AND kind = ? ORDER BY id`).all(letterId, kind)[nth]!.id;

describe('edits to stored evidence are named', () => {
  it('a signed version whose content was edited (5 → 500) — and verify no longer says it matches', async () => {
    const s = await scenario();
    const frozen = await core.api.versionsGet({ id: s.signed, seq: s.frozenSeq });
    const key = Object.keys(frozen.content.values).find((k) => frozen.content.values[k] === 5)!;
    expect(key).toBeTruthy();
    tamper((raw) => {
      const changed = raw
        .prepare(`UPDATE versions SET content_json = replace(content_json, ?, ?) WHERE letter_id = ? AND seq = ?`)
        .run(`"${key}":5`, `"${key}":500`, s.signed, s.frozenSeq).changes;
      expect(changed).toBe(1);
    });
    expect(await firstProblem()).toMatchObject({ subject: 'version', reason: 'content-hash-mismatch', letterId: s.signed, versionSeq: s.frozenSeq });
    const verified = await core.api.signVerify({ number: s.number, fingerprint: s.fingerprint });
    expect(verified).toMatchObject({ found: true, currentMatches: false, evidenceOk: false });
    expect(verified.evidenceProblems[0]).toMatchObject({ subject: 'version', letterId: s.signed, versionSeq: s.frozenSeq });
  });

  it('a version whose stored hash was edited', async () => {
    const s = await scenario();
    tamper((raw) => raw.prepare(`UPDATE versions SET hash = ? WHERE letter_id = ? AND seq = 1`).run('a'.repeat(64), s.draft));
    expect(await firstProblem()).toMatchObject({ subject: 'version', reason: 'content-hash-mismatch', letterId: s.draft, versionSeq: 1, expected: 'a'.repeat(64) });
  });

  it('a version whose content and hash were rewritten together differs from the chain', async () => {
    const s = await scenario();
    const original = await core.api.versionsGet({ id: s.signed, seq: s.frozenSeq });
    const forged: LetterContent = { ...original.content, values: { ...original.content.values, forged: '500' } };
    const text = canonicalContent(forged);
    tamper((raw) => raw.prepare(`UPDATE versions SET content_json = ?, hash = ? WHERE letter_id = ? AND seq = ?`).run(text, sha256Hex(text), s.signed, s.frozenSeq));
    expect(await firstProblem()).toMatchObject({
      subject: 'version',
      reason: 'differs-from-chain',
      letterId: s.signed,
      versionSeq: s.frozenSeq,
      expected: original.hash,
      found: sha256Hex(text),
    });
    // The forged fingerprint finds the forged version, but verify does not vouch for it.
    const verified = await core.api.signVerify({ number: s.number, fingerprint: sha256Hex(text).slice(0, 12) });
    expect(verified).toMatchObject({ found: true, evidenceOk: false, currentMatches: false });
  });

  it('an event whose payload was edited', async () => {
    const s = await scenario();
    let id = 0;
    tamper((raw) => {
      id = eventIdOf(raw, s.signed, 'signature-recorded');
      raw.prepare(`UPDATE signature_events SET payload = replace(payload, '2026-05-08', '2026-04-01') WHERE id = ?`).run(id);
    });
    expect(await firstProblem()).toEqual(expect.objectContaining({ subject: 'event', reason: 'hash-mismatch', eventId: id, letterId: s.signed }));
  });

  it('a scan whose file was replaced', async () => {
    const s = await scenario();
    tamper((raw) => raw.prepare(`UPDATE scans SET data = ? WHERE id = ?`).run(OTHER_SCAN, s.scanId));
    expect(await firstProblem()).toMatchObject({ subject: 'scan', reason: 'blob-hash-mismatch', scanId: s.scanId, letterId: s.signed, expected: sha(SCAN), found: sha(OTHER_SCAN) });
  });

  it('a scan whose sha256 column was edited, alone or together with its file', async () => {
    const s = await scenario();
    const otherSha = sha(OTHER_SCAN);
    tamper((raw) => raw.prepare(`UPDATE scans SET sha256 = ? WHERE id = ?`).run(otherSha, s.scanId));
    expect(await firstProblem()).toMatchObject({ subject: 'scan', reason: 'blob-hash-mismatch', scanId: s.scanId, expected: otherSha });
    tamper((raw) => raw.prepare(`UPDATE scans SET data = ? WHERE id = ?`).run(OTHER_SCAN, s.scanId));
    expect(await firstProblem()).toMatchObject({ subject: 'scan', reason: 'differs-from-chain', scanId: s.scanId, letterId: s.signed, found: otherSha });
  });

  it('letters.status forged: signed with no signature events; signed demoted to awaiting', async () => {
    const s = await scenario();
    tamper((raw) => raw.prepare(`UPDATE letters SET status = 'signed' WHERE id = ?`).run(s.draft));
    expect(await firstProblem()).toMatchObject({ subject: 'letter', reason: 'status-mismatch', letterId: s.draft, expected: 'draft', found: 'signed' });
    tamper((raw) => {
      raw.prepare(`UPDATE letters SET status = 'draft' WHERE id = ?`).run(s.draft);
      raw.prepare(`UPDATE letters SET status = 'awaiting-signature' WHERE id = ?`).run(s.signed);
    });
    expect(await firstProblem()).toMatchObject({ subject: 'letter', reason: 'status-mismatch', letterId: s.signed, expected: 'signed', found: 'awaiting-signature' });
  });

  it('letters.number forged: an exported letter, a hand-numbered draft, a draft never numbered', async () => {
    const s = await scenario();
    tamper((raw) => raw.prepare(`UPDATE letters SET number = 'HXCN-2026-0999' WHERE id = ?`).run(s.signed));
    expect(await firstProblem()).toMatchObject({ subject: 'letter', reason: 'number-mismatch', letterId: s.signed, expected: s.number, found: 'HXCN-2026-0999' });
    // Verify by the number printed on the paper still finds whose number it was, and says the evidence is damaged.
    expect(await core.api.signVerify({ number: s.number, fingerprint: s.fingerprint })).toMatchObject({
      found: false,
      evidenceOk: false,
      evidenceProblems: [expect.objectContaining({ letterId: s.signed, reason: 'number-mismatch' })],
    });
    tamper((raw) => {
      raw.prepare(`UPDATE letters SET number = ? WHERE id = ?`).run(s.number, s.signed);
      raw.prepare(`UPDATE letters SET number = 'SD-2026-0008' WHERE id = ?`).run(s.manual);
    });
    expect(await firstProblem()).toMatchObject({ subject: 'letter', reason: 'number-mismatch', letterId: s.manual, expected: 'SD-2026-0007', found: 'SD-2026-0008' });
    tamper((raw) => {
      raw.prepare(`UPDATE letters SET number = 'SD-2026-0007' WHERE id = ?`).run(s.manual);
      raw.prepare(`UPDATE letters SET number = 'SD-2026-0009' WHERE id = ?`).run(s.draft);
    });
    expect(await firstProblem()).toMatchObject({ subject: 'letter', reason: 'number-mismatch', letterId: s.draft, expected: null, found: 'SD-2026-0009' });
  });
});

describe('deletions are named', () => {
  it('a deleted version (a draft one, and the frozen one)', async () => {
    const s = await scenario();
    tamper((raw) => raw.prepare(`DELETE FROM versions WHERE letter_id = ? AND seq = 1`).run(s.draft));
    expect(await firstProblem()).toMatchObject({ subject: 'version', reason: 'missing', letterId: s.draft, versionSeq: 1 });
    tamper((raw) => raw.prepare(`DELETE FROM versions WHERE letter_id = ? AND seq = ?`).run(s.signed, s.frozenSeq));
    expect(await firstProblem()).toMatchObject({ subject: 'version', reason: 'missing', letterId: s.signed, versionSeq: s.frozenSeq });
  });

  it('a version inserted around the app is not in the chain', async () => {
    const s = await scenario();
    tamper((raw) =>
      raw
        .prepare(`INSERT INTO versions (letter_id, seq, kind, created_at, hash, content_json) SELECT letter_id, 2, 'manual', created_at, hash, content_json FROM versions WHERE letter_id = ? AND seq = 1`)
        .run(s.draft),
    );
    expect(await firstProblem()).toMatchObject({ subject: 'version', reason: 'not-in-chain', letterId: s.draft, versionSeq: 2 });
  });

  it('a deleted event in the middle of the chain', async () => {
    const s = await scenario();
    let id = 0;
    tamper((raw) => {
      id = eventIdOf(raw, s.signed, 'signature-recorded');
      raw.prepare(`DELETE FROM signature_events WHERE id = ?`).run(id);
    });
    expect(await firstProblem()).toMatchObject({ subject: 'event', reason: 'missing-event', eventId: id });
  });

  it('the deleted tail of the chain — also after the app appended again', async () => {
    const s = await scenario();
    const { head } = (await core.api.dbCheck()).evidence;
    expect(head).not.toBeNull();
    // The last events are the draft's version and the hand-numbered draft's; cut the last two.
    tamper((raw) => raw.prepare(`DELETE FROM signature_events WHERE id > ?`).run(head!.id - 2));
    expect(await firstProblem()).toMatchObject({ subject: 'chain-head', reason: 'tail-cut', eventId: head!.id - 1, expected: `#${head!.id} ${head!.hash}` });
    expect((await core.api.dbCheck()).chain.firstBroken).toMatchObject({ id: head!.id - 1, reason: 'tail-cut' });
    // The app goes on from the recorded head, so the gap stays visible.
    setNumberByHand(core.store, s.draft, 'SD-2026-0010', clock.now().toISOString());
    const after = await core.api.dbCheck();
    expect(after.ok).toBe(false);
    expect(after.evidence.problems[0]).toMatchObject({ subject: 'event', reason: 'missing-event', eventId: head!.id - 1 });
  });

  it('the recorded chain head itself deleted or rewritten', async () => {
    await scenario();
    tamper((raw) => raw.prepare(`DELETE FROM settings WHERE key = 'chain-head'`).run());
    expect(await firstProblem()).toMatchObject({ subject: 'chain-head', reason: 'head-missing' });
    tamper((raw) => raw.prepare(`INSERT INTO settings (key, value) VALUES ('chain-head', '{"id":2,"hash":"x"}')`).run());
    expect(await firstProblem()).toMatchObject({ subject: 'chain-head', reason: 'head-mismatch' });
  });

  it('a deleted scan', async () => {
    const s = await scenario();
    tamper((raw) => raw.prepare(`DELETE FROM scans WHERE id = ?`).run(s.scanId));
    expect(await firstProblem()).toMatchObject({ subject: 'scan', reason: 'missing', scanId: s.scanId, letterId: s.signed });
  });
});

describe('reordering is named', () => {
  it('two events whose ids were swapped', async () => {
    const s = await scenario();
    let a = 0;
    tamper((raw) => {
      a = eventIdOf(raw, s.signed, 'exported-for-signature');
      const b = eventIdOf(raw, s.signed, 'signature-recorded');
      raw.prepare(`UPDATE signature_events SET id = -1 WHERE id = ?`).run(a);
      raw.prepare(`UPDATE signature_events SET id = ? WHERE id = ?`).run(a, b);
      raw.prepare(`UPDATE signature_events SET id = ? WHERE id = -1`).run(b);
    });
    expect(await firstProblem()).toMatchObject({ subject: 'event', reason: 'chain-broken', eventId: a, letterId: s.signed });
  });
});

describe('what is not tampering', () => {
  it('versions pruned by the retention policy are recorded, not reported as deleted', async () => {
    const letter = await core.api.lettersCreate({ title: '自动版本' });
    const versions = core.store.versions;
    const base = (await core.api.lettersContentGet({ id: letter.id })).content;
    const at = (day: number, h: number) => `2026-01-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;
    let n = 0;
    for (const day of [1, 2]) for (const h of [1, 2, 3]) versions.create(letter.id, { ...base, values: { n: ++n } }, 'auto', null, at(day, h));
    const removed = versions.prune(letter.id, { keepAllDays: 7, keepDailyDays: null }, '2026-05-08T09:00:00.000Z');
    expect(removed.length).toBeGreaterThan(0);
    expect((await core.api.dbCheck()).ok).toBe(true);
    const kept = versions.list(letter.id).map((v) => v.seq);
    tamper((raw) => raw.prepare(`DELETE FROM versions WHERE letter_id = ? AND seq = ?`).run(letter.id, kept[kept.length - 1]));
    expect(await firstProblem()).toMatchObject({ subject: 'version', reason: 'missing', letterId: letter.id, versionSeq: kept[kept.length - 1] });
  });

  it('the timeline and the signature panel do not list bookkeeping events', async () => {
    const s = await scenario();
    const kinds = (await core.api.signState({ id: s.signed })).events.map((e) => e.kind);
    expect(kinds).toEqual(['exported-for-signature', 'signature-recorded', 'signature-recorded', 'scan-attached']);
    expect((await core.api.signState({ id: s.manual })).events).toEqual([]);
  });

  it('db check only reads: the file is unchanged', async () => {
    await scenario();
    const file = path.join(dir, 'letterdesk.sqlite');
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fs.readFileSync(file);
    const changes = () => (core.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const n = changes();
    await core.api.dbCheck();
    await core.api.signVerify({ number: 'HXCN-2026-0001', fingerprint: '0000-0000-0000' });
    expect(changes()).toBe(n);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('`letterdesk db check` names the first mismatch and exits 1', async () => {
    const s = await scenario();
    tamper((raw) => raw.prepare(`UPDATE letters SET status = 'void' WHERE id = ?`).run(s.manual));
    core.close();
    const out: string[] = [];
    const code = await runCli(['db', 'check', '--data-dir', dir], { out: (t) => out.push(t), err: () => {}, env: {} });
    core = open();
    expect(code).toBe(1);
    expect(out.join('\n')).toContain(`函件 letter #${s.manual}`);
    expect(out.join('\n')).toContain('status differs');
  });
});

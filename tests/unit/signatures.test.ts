import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import { errorCode } from '../../electron/shared/errors';
import { formatLetterNumber, requiredSignerRoles } from '../../electron/shared/signatures';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';
import { requiredValues } from '../helpers/sample-values';
import { setNumberByHand } from '../helpers/hand-number';
import { minimalPng } from '../helpers/scan-files';

let core: Core;
let dir: string;
let cleanup: () => void;
let clock: ReturnType<typeof makeFakeClock>;
const dialogs = { save: null as string | null, open: null as string | null };

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  clock = makeFakeClock('2026-05-08T09:00:00.000Z');
  core = openCore({ dataDir: dir, clock, dialogs: { saveFile: async () => dialogs.save, openFile: async () => dialogs.open } });
});
afterEach(() => {
  core.close();
  cleanup();
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', errorCode);

/** A letter from the two-party template with every required field filled. */
async function readyLetter(templateId = 'builtin-health-consultation-guarantee') {
  const letter = await core.api.lettersCreate({ templateId });
  const { content } = await core.api.lettersContentGet({ id: letter.id });
  await core.api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
  return letter;
}

async function exportIt(id: number) {
  dialogs.save = path.join(dir, `letter-${id}-${Math.random().toString(36).slice(2)}.docx`);
  return core.api.signExport({ id });
}

describe('letter numbers', () => {
  it('formats the default pattern', () => {
    expect(formatLetterNumber('{前缀}-{yyyy}-{seq:4}', 'HXCN', 2026, 1)).toBe('HXCN-2026-0001');
    expect(formatLetterNumber('{prefix}{yy}第{seq:3}号', 'LP', 2026, 42)).toBe('LP26第042号');
  });

  it('are assigned on the first export, gap-free per prefix and year, never reused', async () => {
    const a = await readyLetter();
    const b = await readyLetter();
    expect((await exportIt(a.id)).number).toBe('HXCN-2026-0001');
    expect((await exportIt(b.id)).number).toBe('HXCN-2026-0002');
    // Exporting again keeps the number.
    expect((await exportIt(a.id)).number).toBe('HXCN-2026-0001');
    // A new year starts at 0001; a voided letter keeps its number (not reused).
    await core.api.signVoid({ id: b.id, reason: '作废测试' });
    clock.advance(300 * 24 * 3600_000);
    const c = await readyLetter();
    expect((await exportIt(c.id)).number).toBe('HXCN-2027-0001');
  });

  it('fills the letter\'s own 承诺书编号 field with the assigned number before freezing the version', async () => {
    const letter = await readyLetter();
    const exported = await exportIt(letter.id);
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    const own = content.fields.find((f) => f.type === 'docnumber' && f.label.includes('承诺书编号'))!;
    expect(content.values[own.key]).toBe(exported.number);
    const frozen = await core.api.versionsGet({ id: letter.id, seq: exported.version!.seq });
    expect(frozen.content.values[own.key]).toBe(exported.number);
  });

  it('uses the prefix of the template category and skips numbers given by hand', async () => {
    await core.api.settingsUpdate({ categoryPrefixes: { 医疗咨询: 'YLZX' } });
    const manual = await readyLetter();
    setNumberByHand(core.store, manual.id, 'YLZX-2026-0001');
    const other = await readyLetter();
    expect(() => setNumberByHand(core.store, other.id, 'YLZX-2026-0001')).toThrow(expect.objectContaining({ code: 'number-taken' }));
    expect((await exportIt(other.id)).number).toBe('YLZX-2026-0002');
  });

  it('two writers on the same database never get the same number', async () => {
    const second = openCore({ dataDir: dir, clock, dialogs: { saveFile: async () => path.join(dir, `w2-${Math.random()}.docx`), openFile: async () => null } });
    try {
      const ids: number[] = [];
      for (let i = 0; i < 10; i++) ids.push((await readyLetter()).id);
      const results = await Promise.all(ids.map((id, i) => (i % 2 ? second.api.signExport({ id }) : exportIt(id))));
      const numbers = results.map((r) => r.number).sort();
      expect(new Set(numbers).size).toBe(10);
      expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `HXCN-2026-${String(i + 1).padStart(4, '0')}`));
    } finally {
      second.close();
    }
  });
});

describe('lifecycle', () => {
  it('export for signature needs every required field', async () => {
    const letter = await core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
    dialogs.save = path.join(dir, 'x.docx');
    const err = await core.api.signExport({ id: letter.id }).catch((e: Error) => e);
    expect(errorCode(err)).toBe('missing-required');
    expect((err as Error).message).toMatch(/承诺方/);
    expect(fs.existsSync(dialogs.save)).toBe(false);
    expect((await core.api.lettersGet({ id: letter.id })).number).toBeNull();
  });

  it('export → two signers → scan → signed → archived, with the paper frozen', async () => {
    const letter = await readyLetter();
    const exported = await exportIt(letter.id);
    expect(exported.version).toMatchObject({ kind: 'export' });
    expect(exported.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await core.api.lettersGet({ id: letter.id })).status).toBe('awaiting-signature');
    const state = await core.api.signState({ id: letter.id });
    expect(state.requiredRoles).toEqual(['承诺方', '接收方']);
    expect(state.paperMatchesCurrent).toBe(true);

    const first = await core.api.signRecord({ id: letter.id, role: '承诺方', name: '张三', dateSigned: '2026-05-07', method: '签字并盖章' });
    expect(first.complete).toBe(false);
    const second = await core.api.signRecord({ id: letter.id, role: '接收方', name: '李四', organisation: '某某科技', dateSigned: '2026-05-08', method: '签字' });
    expect(second.complete).toBe(true);
    expect(second.letter.status).toBe('signed');

    dialogs.open = path.join(dir, 'scan.png');
    fs.writeFileSync(dialogs.open, minimalPng());
    const scan = await core.api.signAttachScan({ id: letter.id });
    expect(scan).toMatchObject({ mime: 'image/png', fileName: 'scan.png' });
    const data = await core.api.signScanData({ id: letter.id, scanId: scan!.id });
    expect(data.dataUrl.startsWith('data:image/png;base64,')).toBe(true);

    const versions = await core.api.versionsList({ id: letter.id });
    expect(versions.find((v) => v.seq === exported.version!.seq)?.signedAt).not.toBeNull();
    await core.api.signArchive({ id: letter.id });
    const final = await core.api.signState({ id: letter.id });
    expect(final.status).toBe('archived');
    expect(final.events.map((e) => e.kind)).toEqual(['exported-for-signature', 'signature-recorded', 'signature-recorded', 'scan-attached', 'archived']);
    expect((await core.api.registerList({ status: ['archived'] })).items[0]).toMatchObject({ id: letter.id, signedOn: '2026-05-08' });
  });

  it('editing after export says the paper no longer matches', async () => {
    const letter = await readyLetter();
    await exportIt(letter.id);
    const { letter: l, content } = await core.api.lettersContentGet({ id: letter.id });
    await core.api.lettersContentSave({ id: letter.id, revision: l.revision, ...content, pageStyle: content.pageStyle === 'business' ? 'official' : 'business' });
    const state = await core.api.signState({ id: letter.id });
    expect(state.paperMatchesCurrent).toBe(false);
    expect(state.exported).not.toBeNull();
  });

  it('refuses every illegal step with illegal-transition', async () => {
    const letter = await readyLetter();
    const rec = () => core.api.signRecord({ id: letter.id, role: '承诺方', name: '张三', dateSigned: '2026-05-07', method: '签字' });
    expect(await codeOf(rec())).toBe('illegal-transition'); // draft: not exported
    expect(await codeOf(core.api.signArchive({ id: letter.id }))).toBe('illegal-transition'); // draft
    expect(await codeOf(core.api.signAttachScan({ id: letter.id }))).toBe('illegal-transition'); // draft
    await exportIt(letter.id);
    expect(await codeOf(core.api.signArchive({ id: letter.id }))).toBe('illegal-transition'); // awaiting
    await core.api.signVoid({ id: letter.id, reason: '接收方取消合作' });
    expect(await codeOf(rec())).toBe('illegal-transition'); // void
    expect(await codeOf(core.api.signVoid({ id: letter.id, reason: '再次' }))).toBe('illegal-transition');
    expect(await codeOf(exportIt(letter.id))).toBe('illegal-transition');
    expect((await core.api.signState({ id: letter.id })).voidReason).toBe('接收方取消合作');
  });

  it('refuses bad scans: wrong type, too large', async () => {
    const letter = await readyLetter();
    await exportIt(letter.id);
    dialogs.open = path.join(dir, 'note.txt');
    fs.writeFileSync(dialogs.open, 'not a scan');
    expect(await codeOf(core.api.signAttachScan({ id: letter.id }))).toBe('unsupported-file');
    dialogs.open = path.join(dir, 'huge.pdf');
    fs.writeFileSync(dialogs.open, Buffer.alloc(21 * 1024 * 1024));
    expect(await codeOf(core.api.signAttachScan({ id: letter.id }))).toBe('file-too-large');
    expect((await core.api.signState({ id: letter.id })).scans).toEqual([]);
  });

  it('signers come from the signature block', async () => {
    const t = await core.api.templatesGet({ id: 'builtin-claims-service-obligations' });
    expect(requiredSignerRoles({ doc: t.doc, fields: t.fields, values: {} })).toEqual(['承诺方']);
  });
});

describe('verify a paper letter', () => {
  it('finds the version by number + fingerprint, or says none exists', async () => {
    const letter = await readyLetter();
    const exported = await exportIt(letter.id);
    await core.api.signRecord({ id: letter.id, role: '承诺方', name: '张三', dateSigned: '2026-05-07', method: '盖章' });
    const ok = await core.api.signVerify({ number: exported.number!, fingerprint: exported.version!.fingerprint.toLowerCase() });
    expect(ok).toMatchObject({ found: true, currentMatches: true, version: { seq: exported.version!.seq } });
    expect(ok.signatures.map((s) => s.name)).toEqual(['张三']);
    expect(await core.api.signVerify({ number: 'HXCN-1999-0001', fingerprint: exported.version!.fingerprint })).toMatchObject({ found: false, reason: 'no-such-number' });
    expect(await core.api.signVerify({ number: exported.number!, fingerprint: 'FFFF-FFFF-FFFF' })).toMatchObject({ found: false, reason: 'no-such-fingerprint' });
  });
});

describe('audit trail', () => {
  it('events are append-only: UPDATE and DELETE are refused by triggers', async () => {
    const letter = await readyLetter();
    await exportIt(letter.id);
    expect(() => core.db.prepare(`UPDATE signature_events SET payload = '{}'`).run()).toThrow(/append-only/);
    expect(() => core.db.prepare(`DELETE FROM signature_events`).run()).toThrow(/append-only/);
  });

  it('a change made around the app (trigger dropped) is detected and named', async () => {
    const letter = await readyLetter();
    await exportIt(letter.id);
    await core.api.signRecord({ id: letter.id, role: '承诺方', name: '张三', dateSigned: '2026-05-07', method: '签字' });
    await core.api.signRecord({ id: letter.id, role: '接收方', name: '李四', dateSigned: '2026-05-08', method: '签字' });
    // 4 events: the export's version enters the chain ('version-created', issue #9), then export and two signatures.
    expect((await core.api.dbCheck()).chain).toMatchObject({ ok: true, events: 4 });
    core.close();
    const raw = new Database(path.join(dir, 'letterdesk.sqlite'));
    raw.exec(`DROP TRIGGER signature_events_no_update`);
    raw.prepare(`UPDATE signature_events SET payload = replace(payload, '李四', '王五') WHERE id = 4`).run();
    raw.close();
    core = openCore({ dataDir: dir, clock });
    expect((await core.api.dbCheck()).chain).toMatchObject({ ok: false, events: 4, firstBroken: { id: 4, letterId: letter.id, reason: 'hash-mismatch' } });
    const report = await core.api.dbCheck();
    expect(report.ok).toBe(false);
    expect(report.chain.firstBroken?.id).toBe(4);
  });

  it('a deleted event breaks the chain at the next one', async () => {
    const letter = await readyLetter();
    await exportIt(letter.id);
    await core.api.signRecord({ id: letter.id, role: '承诺方', name: '张三', dateSigned: '2026-05-07', method: '签字' });
    await core.api.signVoid({ id: letter.id, reason: '测试' });
    core.close();
    const raw = new Database(path.join(dir, 'letterdesk.sqlite'));
    raw.exec(`DROP TRIGGER signature_events_no_delete`);
    raw.prepare(`DELETE FROM signature_events WHERE id = 2`).run();
    raw.close();
    core = openCore({ dataDir: dir, clock });
    expect((await core.api.dbCheck()).chain.firstBroken).toMatchObject({ id: 2, reason: 'missing-event' });
  });

  it('writes an audit report as a Word file', async () => {
    const letter = await readyLetter();
    await exportIt(letter.id);
    dialogs.save = path.join(dir, 'audit.docx');
    expect(await core.api.signAudit({ id: letter.id })).toEqual({ path: dialogs.save });
    const bytes = fs.readFileSync(dialogs.save);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('register', () => {
  it('filters by status, template, party and date; sorts; exports CSV with BOM', async () => {
    await core.api.profileUpdate({ fullName: '某某健康保险股份有限公司北京分公司' });
    const party = await core.api.partiesSave({ fullName: '某某科技有限公司' });
    const a = await core.api.lettersCreate({ templateId: 'builtin-group-client-data-protection', counterpartyId: party.id });
    clock.advance(24 * 3600_000);
    const b = await readyLetter();
    await exportIt(b.id);
    const all = await core.api.registerList({});
    expect(all.total).toBe(2);
    expect((await core.api.registerList({ party: '某某科技' })).items.map((r) => r.id)).toEqual([a.id]);
    expect((await core.api.registerList({ text: '某某科技' })).items.map((r) => r.id)).toEqual([a.id]);
    expect((await core.api.registerList({ text: 'HXCN-2026' })).items.map((r) => r.id)).toEqual([b.id]);
    expect((await core.api.registerList({ text: '健康咨询' })).items.map((r) => r.id)).toEqual([b.id]);
    expect((await core.api.registerList({ status: ['awaiting-signature'] })).items.map((r) => r.id)).toEqual([b.id]);
    expect((await core.api.registerList({ templateId: 'builtin-group-client-data-protection' })).items.map((r) => r.id)).toEqual([a.id]);
    expect((await core.api.registerList({ from: '2026-05-09', to: '2026-05-09' })).items.map((r) => r.id)).toEqual([b.id]);
    expect((await core.api.registerList({ sort: 'number-asc' })).items[0]!.id).toBe(b.id);
    dialogs.save = path.join(dir, 'register.csv');
    expect(await core.api.registerExportCsv({})).toMatchObject({ count: 2 });
    const csv = fs.readFileSync(dialogs.save, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('编号,标题,当事方,模板,状态,最后修改,签署日期');
    expect(csv).toContain('待签署');
    expect(csv).toContain('某某科技有限公司');
  });
});

describe('number patterns', () => {
  it('accepts placeholders (with their colons) and refuses characters file names cannot hold', async () => {
    const { isValidNumberPattern } = await import('../../electron/shared/signatures');
    expect(isValidNumberPattern('{前缀}-{yyyy}-{seq:4}')).toBe(true);
    expect(isValidNumberPattern('{前缀}〔{yyyy}〕{seq:3}号')).toBe(true);
    expect(isValidNumberPattern('{前缀}-{yyyy}')).toBe(false);
    expect(isValidNumberPattern('{前缀}/{seq}')).toBe(false);
    expect(isValidNumberPattern('{前缀}:{seq}')).toBe(false);
    expect(isValidNumberPattern('{unknown}{seq}')).toBe(false);
  });
});

/**
 * Issue #15: exporting a selection of letters into one folder (a job with progress, a cancel
 * that leaves only whole files, no file replaced without asking, a summary of what was skipped
 * and why), and 最近打开 kept in the database across a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClient } from '../../electron/shared/client';
import { errorCode } from '../../electron/shared/errors';
import type { ExportBatchJob } from '../../electron/shared/letters-batch';
import { openCore } from '../../electron/core/create-api';
import { batchFileNames } from '../../electron/core/letters-export-batch';
import { useTempCore } from '../helpers/core-fixture';
import { requiredValues } from '../helpers/sample-values';

let folder: string | null = null;
const t = useTempCore({ dialogs: { saveFile: async () => null, openFile: async () => null, chooseFolder: async () => folder } });
const api = () => makeClient((method, args) => t.core.dispatch(method, args));
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', errorCode);

async function readyLetter(title: string) {
  const letter = await api().lettersCreate({ templateId: 'builtin-health-consultation-guarantee', title });
  const { content } = await api().lettersContentGet({ id: letter.id });
  await api().lettersFill({ id: letter.id, values: requiredValues(content.fields) });
  return letter;
}

function outFolder(): string {
  folder = path.join(t.dir, 'out');
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** Polls the job until it stops or asks a question. */
async function settle(id: number): Promise<ExportBatchJob> {
  for (let i = 0; i < 2000; i++) {
    const job = await api().lettersBatchGet({ id });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the export job did not stop');
}

/** A .docx is a zip: whole when its end-of-central-directory record is there. */
function wholeDocx(file: string): boolean {
  const bytes = fs.readFileSync(file);
  return bytes.subarray(0, 2).toString() === 'PK' && bytes.subarray(-22, -18).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

describe('batch file names', () => {
  it('names each file by number and title, unique within the batch', () => {
    const names = batchFileNames(
      [
        { number: 'HB-2026-001', title: '理赔服务承诺书' },
        { number: null, title: '理赔服务承诺书' },
        { number: null, title: '理赔服务承诺书' },
        { number: null, title: 'a/b' },
      ],
      'docx',
    );
    expect(names).toEqual(['HB-2026-001_理赔服务承诺书.docx', '理赔服务承诺书.docx', '理赔服务承诺书 (2).docx', 'a_b.docx']);
  });
});

describe('lettersExportBatch', () => {
  it('exports every letter of the selection into the chosen folder, each as a version', async () => {
    const dir = outFolder();
    const letters = [await readyLetter('甲'), await readyLetter('乙'), await readyLetter('丙')];
    const started = await api().lettersExportBatch({ ids: letters.map((l) => l.id), format: 'docx' });
    expect(started).toMatchObject({ state: 'running', total: 3, folder: dir });
    const job = await settle(started!.id);
    expect(job).toMatchObject({ state: 'done', done: 3, skipped: [] });
    expect(job.written.map((w) => w.file)).toEqual(['甲.docx', '乙.docx', '丙.docx']);
    for (const w of job.written) expect(wholeDocx(path.join(dir, w.file)), w.file).toBe(true);
    for (const l of letters) expect((await api().versionsList({ id: l.id }))[0]?.kind).toBe('export');
    expect((await api().settingsGet()).lastExportDir).toBe(dir);
  });

  it('skips a letter with empty required fields (says why) unless drafts are asked for', async () => {
    outFolder();
    const ready = await readyLetter('填好的');
    const unfilled = await api().lettersCreate({ templateId: 'builtin-health-consultation-guarantee', title: '没填的' });
    const job = await settle((await api().lettersExportBatch({ ids: [ready.id, unfilled.id], format: 'docx' }))!.id);
    expect(job.written.map((w) => w.title)).toEqual(['填好的']);
    expect(job.skipped).toEqual([{ id: unfilled.id, title: '没填的', code: 'missing-required' }]);
    folder = path.join(t.dir, 'drafts');
    fs.mkdirSync(folder);
    const drafts = await settle((await api().lettersExportBatch({ ids: [unfilled.id], format: 'docx', draft: true }))!.id);
    expect(drafts.written.map((w) => w.file)).toEqual(['没填的.docx']);
  });

  it('asks before replacing a file that exists: skip keeps it, replace writes it, "all" answers the rest', async () => {
    const dir = outFolder();
    const a = await readyLetter('甲');
    const b = await readyLetter('乙');
    fs.writeFileSync(path.join(dir, '甲.docx'), 'old');
    fs.writeFileSync(path.join(dir, '乙.docx'), 'old');
    const id = (await api().lettersExportBatch({ ids: [a.id, b.id], format: 'docx' }))!.id;
    let job = await settle(id);
    expect(job).toMatchObject({ state: 'confirm', done: 0, conflict: { id: a.id, title: '甲', file: '甲.docx' } });
    await api().lettersBatchResolve({ id, replace: false });
    job = await settle(id);
    expect(job).toMatchObject({ state: 'confirm', done: 1, conflict: { file: '乙.docx' } });
    await api().lettersBatchResolve({ id, replace: true, all: true });
    job = await settle(id);
    expect(job.state).toBe('done');
    expect(job.skipped).toEqual([{ id: a.id, title: '甲', code: 'exists' }]);
    expect(fs.readFileSync(path.join(dir, '甲.docx'), 'utf8')).toBe('old');
    expect(wholeDocx(path.join(dir, '乙.docx'))).toBe(true);
    expect(await codeOf(api().lettersBatchResolve({ id, replace: true }))).toBe('illegal-transition');
  });

  it('a cancel stops before the next letter: only whole files, the rest listed as cancelled', async () => {
    const dir = outFolder();
    const letters = [await readyLetter('一'), await readyLetter('二'), await readyLetter('三')];
    const id = (await api().lettersExportBatch({ ids: letters.map((l) => l.id), format: 'docx' }))!.id;
    // The first letter is in hand as soon as the job starts; the cancel comes before the second.
    await api().lettersBatchCancel({ id });
    const job = await settle(id);
    expect(job.state).toBe('cancelled');
    expect(job.written.map((w) => w.file)).toEqual(['一.docx']);
    expect(job.skipped).toEqual([
      { id: letters[1]!.id, title: '二', code: 'cancelled' },
      { id: letters[2]!.id, title: '三', code: 'cancelled' },
    ]);
    expect(fs.readdirSync(dir)).toEqual(['一.docx']); // no temporary or half-written file
    expect(wholeDocx(path.join(dir, '一.docx'))).toBe(true);
  });

  it('a cancel while asking about an existing file leaves that file as it was', async () => {
    const dir = outFolder();
    const letters = [await readyLetter('一'), await readyLetter('二'), await readyLetter('三')];
    fs.writeFileSync(path.join(dir, '二.docx'), 'old');
    const id = (await api().lettersExportBatch({ ids: letters.map((l) => l.id), format: 'docx' }))!.id;
    expect(await settle(id)).toMatchObject({ state: 'confirm', done: 1 });
    await api().lettersBatchCancel({ id });
    const job = await settle(id);
    expect(job).toMatchObject({ state: 'cancelled', done: 1 });
    expect(job.skipped.map((s) => s.code)).toEqual(['cancelled', 'cancelled']);
    expect(fs.readdirSync(dir).sort()).toEqual(['一.docx', '二.docx']);
    expect(fs.readFileSync(path.join(dir, '二.docx'), 'utf8')).toBe('old');
  });

  it('returns null when the folder dialog is cancelled, and refuses unknown letters before asking', async () => {
    const a = await readyLetter('甲');
    folder = null;
    expect(await api().lettersExportBatch({ ids: [a.id], format: 'docx' })).toBeNull();
    expect(await codeOf(api().lettersExportBatch({ ids: [a.id, 9999], format: 'docx' }))).toBe('not-found');
    expect(await codeOf(api().lettersBatchGet({ id: 12345 }))).toBe('not-found');
  });
});

describe('lettersRecent', () => {
  it('keeps the last ten letters opened, newest first, once each, without trashed ones, across a restart', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 12; i++) ids.push((await api().lettersCreate({ title: `函件${i}` })).id);
    for (const id of ids) {
      t.clock.advance(1000);
      await api().lettersRecentAdd({ id });
    }
    t.clock.advance(1000);
    await api().lettersRecentAdd({ id: ids[5]! });
    let recent = await api().lettersRecent();
    expect(recent.map((r) => r.title)).toEqual(['函件6', '函件12', '函件11', '函件10', '函件9', '函件8', '函件7', '函件5', '函件4', '函件3']);
    expect(recent[0]).toMatchObject({ id: ids[5], status: 'draft', number: null, openedAt: t.now() });

    await api().lettersTrash({ id: ids[11]! });
    recent = await api().lettersRecent();
    expect(recent.map((r) => r.title)).toEqual(['函件6', '函件11', '函件10', '函件9', '函件8', '函件7', '函件5', '函件4', '函件3', '函件2']);
    expect(await codeOf(api().lettersRecentAdd({ id: 9999 }))).toBe('not-found');

    t.core.close();
    t.core = openCore({ dataDir: t.dir, clock: t.clock });
    expect((await api().lettersRecent()).map((r) => r.title)).toEqual(recent.map((r) => r.title));
  });
});

/**
 * Long imports show progress and can be cancelled, and nothing is saved half-way (issue #12,
 * "Bad input"). Over a real core: the import runs in slices, answering importProgress and
 * importCancel in between; a cancelled import fails with `cancelled` and leaves no letter or
 * template; the stepped run gives exactly what the one-go structuring gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCore } from '../helpers/core-fixture';
import { structureText } from '../../electron/shared/import/smart-paste';
import { importDocx } from '../../electron/core/import/import-docx';
import { IMPORT_PHASES, type ImportProgress } from '../../electron/shared/import/import-steps';
import { errorCode } from '../../electron/shared/errors';
import { longLetterText } from '../fixtures/import/long-letter';
import { docxPackage, para, run } from '../helpers/docx-parts';

let nextOpen: string | null = null;
const ctx = useTempCore({ dialogs: { saveFile: async () => null, openFile: async () => nextOpen } });

const settle = <T>(p: Promise<T>) => p.then((value) => ({ value, code: null as string | null }), (err: unknown) => ({ value: null, code: errorCode(err) }));
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Polls importProgress until `pending` settles; every answer seen. */
async function watch<T>(pending: Promise<T>): Promise<{ seen: ImportProgress[]; outcome: { value: T | null; code: string | null } }> {
  const api = ctx.core.api;
  let done = false;
  const outcome = settle(pending).finally(() => (done = true));
  const seen: ImportProgress[] = [];
  while (!done) {
    const p = await api.importProgress();
    if (p) seen.push(p);
    await turn();
  }
  return { seen, outcome: await outcome };
}

/** A Word letter of n paragraphs: 一、 headings and clauses with blanks (1,500 is about 60 pages). */
function bigDocx(n: number): Uint8Array {
  const body = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? para(run(`${'一二三四五六七八九十'[(i / 5) % 10]}、第${i}部分`)) : para(run(`理赔时效控制在`), run('      ', '<w:u w:val="single"/>'), run('个工作日内完成初步审核，不超过30日结案。'))));
  return docxPackage(body.join(''));
}

describe('import progress', () => {
  it('reports each phase of a 300-page paste in order, then nothing; the result equals the one-go structuring', async () => {
    const api = ctx.core.api;
    const text = longLetterText(300).replace(/\n/g, '');
    const { seen, outcome } = await watch(api.importText({ text }));
    expect(outcome.code).toBeNull();
    expect(outcome.value).toEqual(structureText(text));
    const phases = [...new Set(seen.map((p) => p.phase))];
    // Progress is seen while it runs; which phases show depends on how fast this machine is
    // (a phase shorter than one 25 ms slice may finish between two polls), never their order.
    expect(seen.length).toBeGreaterThan(0);
    expect(phases.every((p) => (IMPORT_PHASES as readonly string[]).includes(p)), phases.join(',')).toBe(true);
    expect(seen.map((p) => p.phaseIndex)).toEqual([...seen.map((p) => p.phaseIndex)].sort((a, b) => a - b));
    for (const p of seen) {
      expect(p.phases).toBe(4);
      expect(p.done).toBeGreaterThanOrEqual(0);
      expect(p.done).toBeLessThanOrEqual(p.total);
    }
    expect(await api.importProgress()).toBeNull();
  });

  it('reports paragraphs read from a large .docx chosen as a file', async () => {
    const api = ctx.core.api;
    const file = path.join(ctx.dir, 'big.docx');
    const bytes = bigDocx(1500);
    fs.writeFileSync(file, bytes);
    nextOpen = file;
    const { seen, outcome } = await watch(api.importFile());
    expect(outcome.code).toBeNull();
    expect(outcome.value?.result).toEqual(importDocx(bytes));
    const reading = seen.filter((p) => p.phase === 'read' && p.done > 0);
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.every((p) => p.total === 1500)).toBe(true);
  });
});

describe('cancelling an import', () => {
  it('stops a long paste at once with `cancelled`, saving nothing; the next import runs normally', async () => {
    const api = ctx.core.api;
    const text = longLetterText(300);
    const pending = settle(api.importText({ text }));
    // Wait until it is under way, then cancel.
    while (!(await api.importProgress())) await turn();
    const t0 = performance.now();
    await api.importCancel();
    const outcome = await pending;
    expect(outcome.code).toBe('cancelled');
    // At the end of the slice under way (25 ms when the machine is idle; the test machines are shared).
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(await api.importProgress()).toBeNull();
    expect((await api.lettersList({})).total).toBe(0);
    expect((await api.templatesList()).filter((t) => !t.builtin)).toHaveLength(0);
    const again = await api.importText({ text: '承诺书\n一、服务。\n二、时效。' });
    expect(again.blocks.map((b) => b.kind)).toEqual(['title', 'clause', 'clause']);
  });

  it('stops reading a large .docx', async () => {
    const api = ctx.core.api;
    const file = path.join(ctx.dir, 'big-cancel.docx');
    fs.writeFileSync(file, bigDocx(1500));
    nextOpen = file;
    const pending = settle(api.importFile());
    while (!(await api.importProgress())) await turn();
    await api.importCancel();
    expect((await pending).code).toBe('cancelled');
  });

  it('a second import replaces the first, which ends as cancelled', async () => {
    const api = ctx.core.api;
    const first = settle(api.importText({ text: longLetterText(300) }));
    while (!(await api.importProgress())) await turn();
    const second = await api.importText({ text: '承诺书\n一、服务。' });
    expect((await first).code).toBe('cancelled');
    expect(second.blocks).toHaveLength(2);
  });

  it('cancelling when nothing runs does nothing', async () => {
    await expect(ctx.core.api.importCancel()).resolves.toBeUndefined();
    expect(await ctx.core.api.importProgress()).toBeNull();
  });
});

/**
 * A cancel lands at once even while a huge .docx is unzipped and parsed (issue #12, "long work
 * … can be cancelled"): a chosen file is read in a worker thread (import-worker.ts) that
 * ImportJobs terminates on cancel. The worker script is bundled here from the sources exactly
 * as build/scripts/build-import-worker.mjs bundles it for the app, and run by a real core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import { importDocx } from '../../electron/core/import/import-docx';
import { ImportJobs } from '../../electron/core/import/import-jobs';
import { findImportWorker, IMPORT_WORKER_FILE } from '../../electron/core/import/import-worker-protocol';
import { errorCode } from '../../electron/shared/errors';
import { docxPackage, para, run } from '../helpers/docx-parts';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';

const settle = <T>(p: Promise<T>) => p.then((value) => ({ value, code: null as string | null }), (err: unknown) => ({ value: null, code: errorCode(err) }));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A Word file whose document.xml is ~30 MB (4,000 paragraphs of 40 runs): seconds of parsing in one go. */
function hugeDocx(): Uint8Array {
  const runs = Array.from({ length: 40 }, (_, k) => run(`第${k}段理赔时效控制在若干个工作日内完成初步审核，不超过三十日结案。`, k % 3 ? '<w:b/>' : '<w:u w:val="single"/>')).join('');
  return docxPackage(Array.from({ length: 4000 }, () => para(runs)).join(''));
}

let workerDir = '';
let workerFile = '';
let removeWorkerDir = () => {};
beforeAll(async () => {
  ({ dir: workerDir, cleanup: removeWorkerDir } = makeTempDir('letterdesk-worker-'));
  workerFile = path.join(workerDir, 'main', IMPORT_WORKER_FILE);
  // The same options as build/scripts/build-import-worker.mjs.
  await build({ entryPoints: [path.resolve(__dirname, '../../electron/core/import/import-worker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', outfile: workerFile });
}, 60_000);
afterAll(() => removeWorkerDir());

describe('a file import in the worker', () => {
  let dir = '';
  let cleanup = () => {};
  let core: Core;
  let nextOpen: string | null = null;
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    core = openCore({ dataDir: dir, clock: makeFakeClock(), importWorker: workerFile, dialogs: { saveFile: async () => null, openFile: async () => nextOpen } });
  });
  afterEach(() => {
    core.close();
    cleanup();
  });

  it('stops a huge .docx within 1.5 s of the cancel, during the unzip or XML parse, saving nothing', async () => {
    const api = core.api;
    const file = path.join(dir, 'huge.docx');
    fs.writeFileSync(file, hugeDocx());
    nextOpen = file;
    let settled = false;
    const pending = settle(api.importFile()).finally(() => (settled = true));
    while (!(await api.importProgress())) await sleep(5);
    await sleep(100);
    // Still parsing: the worker has posted nothing past the start of reading.
    expect(settled).toBe(false);
    expect((await api.importProgress())!.done).toBe(0);
    const t0 = performance.now();
    await api.importCancel();
    const outcome = await pending;
    const took = performance.now() - t0;
    expect(outcome.code).toBe('cancelled');
    expect(took).toBeLessThan(1500);
    expect(await api.importProgress()).toBeNull();
    expect((await api.lettersList({})).total).toBe(0);
    expect((await api.templatesList()).filter((t) => !t.builtin)).toHaveLength(0);
    // The next import runs normally.
    const small = path.join(dir, 'small.docx');
    fs.writeFileSync(small, docxPackage(para(run('承诺书')) + para(run('一、按期交付。'))));
    nextOpen = small;
    expect((await api.importFile()).result?.blocks.map((b) => b.kind)).toEqual(['title', 'clause']);
  }, 30_000);

  it('gives what the import in this thread gives, with progress while it reads', async () => {
    const bytes = docxPackage(Array.from({ length: 1500 }, (_, i) => (i % 5 === 0 ? para(run(`${'一二三四五六七八九十'[(i / 5) % 10]}、第${i}部分`)) : para(run('理赔时效控制在'), run('      ', '<w:u w:val="single"/>'), run('个工作日内完成。')))).join(''));
    const file = path.join(dir, 'long.docx');
    fs.writeFileSync(file, bytes);
    nextOpen = file;
    let done = false;
    const pending = core.api.importFile().finally(() => (done = true));
    const seen = new Set<string>();
    while (!done) {
      const p = await core.api.importProgress();
      if (p) seen.add(p.phase);
      await sleep(2);
    }
    const { path: chosen, result } = await pending;
    expect(chosen).toBe(file);
    expect(result).toEqual(importDocx(bytes));
    expect(seen.has('read')).toBe(true);
  }, 30_000);

  it('keeps the error codes of bad files', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['not-a-docx.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'unsupported-file'],
      ['old.doc.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'unsupported-file'],
    ];
    for (const [name, bytes, code] of cases) {
      nextOpen = path.join(dir, name);
      fs.writeFileSync(nextOpen, bytes);
      expect((await settle(core.api.importFile())).code, name).toBe(code);
    }
    nextOpen = path.join(dir, 'missing.docx');
    expect((await settle(core.api.importFile())).code).toBe('not-found');
  });

  it('a cancel while the file dialog is open stops it before the worker starts', async () => {
    let answer: (file: string) => void = () => {};
    core.close();
    core = openCore({ dataDir: dir, clock: makeFakeClock(), importWorker: workerFile, dialogs: { saveFile: async () => null, openFile: () => new Promise((resolve) => (answer = resolve)) } });
    const pending = settle(core.api.importFile());
    await sleep(10);
    await core.api.importCancel();
    answer(path.join(dir, 'whatever.docx'));
    expect((await pending).code).toBe('cancelled');
  });
});

describe('the worker is kept warm for the next file', () => {
  let dir = '';
  let cleanup = () => {};
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  const write = (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const small = () => write('small.docx', docxPackage(para(run('承诺书')) + para(run('一、按期交付。'))));

  it('a second file (and a file refused with an error) reuses the thread; a cancel ends it and the next file starts a new one', async () => {
    const jobs = new ImportJobs();
    const file = small();
    const first = await jobs.runWorker(() => ({ worker: workerFile, file }));
    const second = await jobs.runWorker(() => ({ worker: workerFile, file }));
    expect(second).toEqual(first);
    expect(first!.blocks.map((b) => b.kind)).toEqual(['title', 'clause']);
    const bad = write('bad.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect((await settle(jobs.runWorker(() => ({ worker: workerFile, file: bad })))).code).toBe('unsupported-file');
    expect(await jobs.runWorker(() => ({ worker: workerFile, file }))).toEqual(first);
    expect(jobs.workersStarted).toBe(1);

    const huge = write('huge.docx', hugeDocx());
    const pending = settle(jobs.runWorker(() => ({ worker: workerFile, file: huge })));
    await sleep(200);
    jobs.cancel();
    expect((await pending).code).toBe('cancelled');
    expect(await jobs.runWorker(() => ({ worker: workerFile, file }))).toEqual(first);
    expect(jobs.workersStarted).toBe(2);
  }, 30_000);

  it('an idle worker ends after its time; the next file starts a new one', async () => {
    const jobs = new ImportJobs(50);
    const file = small();
    await jobs.runWorker(() => ({ worker: workerFile, file }));
    await sleep(300);
    await jobs.runWorker(() => ({ worker: workerFile, file }));
    expect(jobs.workersStarted).toBe(2);
  }, 30_000);
});

describe('finding the worker script', () => {
  it('beside the main bundle, from out/cli and out/browser-shell, and unpacked from an asar archive', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const out = path.join(dir, 'out');
      for (const d of ['main', 'cli', 'browser-shell']) fs.mkdirSync(path.join(out, d), { recursive: true });
      expect(findImportWorker(path.join(out, 'cli'))).toBeNull();
      fs.writeFileSync(path.join(out, 'main', IMPORT_WORKER_FILE), '');
      for (const d of ['main', 'cli', 'browser-shell']) expect(findImportWorker(path.join(out, d))).toBe(path.join(out, 'main', IMPORT_WORKER_FILE));
      const asar = path.join(dir, 'app.asar', 'out', 'main');
      const unpacked = path.join(dir, 'app.asar.unpacked', 'out', 'main');
      fs.mkdirSync(asar, { recursive: true });
      fs.mkdirSync(unpacked, { recursive: true });
      fs.writeFileSync(path.join(asar, IMPORT_WORKER_FILE), '');
      fs.writeFileSync(path.join(unpacked, IMPORT_WORKER_FILE), '');
      expect(findImportWorker(asar)).toBe(path.join(unpacked, IMPORT_WORKER_FILE));
    } finally {
      cleanup();
    }
  });

  it('the sources have none beside them: there the import runs in this thread', () => {
    expect(findImportWorker(path.resolve(__dirname, '../../electron/core/import'))).toBeNull();
  });
});

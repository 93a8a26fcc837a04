/**
 * Import (issue #12): smart paste of a 30-page letter, flattened and line-broken (target
 * 200 ms); the largest text accepted and a 5 MB paste (finishes or refuses within 2 s); and
 * .docx import of a 60-page Word file (our own export of a 60-page imported letter).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportJobs } from '../../electron/core/import/import-jobs';
import { IMPORT_WORKER_FILE } from '../../electron/core/import/import-worker-protocol';
import { makeTempDir } from '../helpers/temp-dir';
import { buildDocx } from '../../electron/core/export';
import { importDocx } from '../../electron/core/import/import-docx';
import { structureText } from '../../electron/shared/import/smart-paste';
import { importToContent } from '../../electron/shared/import/to-content';
import { longLetterText } from '../fixtures/import/long-letter';
import { time, type Row } from './measure';

export async function benchImport(): Promise<Row[]> {
  // The build machines are shared: say how busy this one was (other sessions' builds and tests).
  const rows: Row[] = [{ what: 'load average (1/5/15 min) when this section started, 2 cores', result: os.loadavg().map((l) => l.toFixed(1)).join(' / ') }];
  const thirty = longLetterText(30);
  const flat30 = thirty.replace(/\n/g, '');
  rows.push({ what: `smart paste, 30-page letter flattened (${flat30.length} chars)`, stats: await time(40, () => structureText(flat30), 5), target: 200 });
  rows.push({ what: `smart paste, 30-page letter line-broken (${thirty.length} chars)`, stats: await time(40, () => structureText(thirty), 5), target: 200 });
  const largest = longLetterText(300).replace(/\n/g, '');
  rows.push({ what: `smart paste, largest accepted text flattened (${largest.length} chars, ~300 pages)`, stats: await time(10, () => structureText(largest), 2), target: 2000 });
  const fiveMb = '承诺如下：一、服务时效。'.repeat(Math.ceil((5 * 2 ** 20) / 36));
  rows.push({
    what: `5 MB paste (${fiveMb.length} chars): refused with file-too-large`,
    stats: await time(20, () => {
      try {
        structureText(fiveMb);
      } catch {
        return;
      }
      throw new Error('a 5 MB paste was accepted');
    }, 2),
    target: 2000,
  });
  const sixty = importToContent(structureText(longLetterText(60)));
  const docx = await buildDocx({ ...sixty, pageStyle: 'business' }, { title: '60 页函件', letterNumber: null, versionLabel: null, fingerprint: null, promisor: '' });
  rows.push({ what: `.docx import, 60-page letter (${Math.round(docx.length / 1024)} KB; unzip, XML parsing — most of it @xmldom/xmldom and its garbage — and structuring)`, stats: await time(20, () => importDocx(docx), 3), target: 2000 });
  // As the app imports a chosen file: in a worker thread (so a cancel lands during the parse),
  // started for each file — the worker's start and bundle load are part of what the clerk waits for.
  const worker = path.resolve(__dirname, '../../out/main', IMPORT_WORKER_FILE);
  if (!fs.existsSync(worker)) throw new Error(`No import worker at ${worker}: run npm run build first`);
  const tmp = makeTempDir('letterdesk-bench-import-');
  try {
    const file = path.join(tmp.dir, '60-pages.docx');
    fs.writeFileSync(file, docx);
    const importIn = async (jobs: ImportJobs) => {
      if (!(await jobs.runWorker(() => ({ worker, file })))) throw new Error('no import result');
    };
    rows.push({
      what: '  same file chosen in the app, first file: a new worker thread (its start, bundle load, unoptimised code), file read, imported, result posted back',
      stats: await time(10, () => importIn(new ImportJobs(1)), 1),
      target: 2000,
    });
    const kept = new ImportJobs();
    rows.push({
      what: '  same, next files (the worker thread kept from the file before)',
      stats: await time(20, () => importIn(kept), 3),
      target: 2000,
    });
  } finally {
    tmp.cleanup();
  }
  return rows;
}

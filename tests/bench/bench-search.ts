/**
 * Full-text search at 100,000 letters (issue #13): p50/p95 of each kind of query against a
 * LIKE '%…%' scan of the same text in the same run, index build time, database size with and
 * without the index, and the cost of one autosave with the index kept in step.
 */
import os from 'node:os';
import { openCore } from '../../electron/core/create-api';
import { migration8Up } from '../../electron/core/db/migration-8-search';
import { searchIndexFor } from '../../electron/core/search/search-index';
import { createSearcher } from '../../electron/core/search/search-query';
import { segmentsOf } from '../../electron/core/search/letter-text';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';
import { bodyContent } from '../helpers/search';
import { fmt, stats, time, type Row } from './measure';
import { insertCorpus } from './search-corpus';

const LETTERS = Number(process.env['SEARCH_BENCH_LETTERS'] ?? 100_000);
/** The register's first screen asks for this many hits (renderer/src/lib/register.svelte.ts). */
const FIRST_SCREEN = 24;

export async function benchSearch(): Promise<Row[]> {
  const tmp = makeTempDir('letterdesk-bench-search-');
  const clock = makeFakeClock('2026-06-01T09:00:00.000Z');
  const core = openCore({ dataDir: tmp.dir, clock });
  const db = core.db;
  const log = (s: string) => process.stdout.write(`  search bench: ${s}\n`);
  try {
    const load = os.loadavg()[0]!.toFixed(1);
    insertCorpus(db, LETTERS);
    log(`${LETTERS} letters inserted`);
    const dbBytes = () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return db.prepare<[], { bytes: number }>(`SELECT sum(pgsize) AS bytes FROM dbstat`).get()!.bytes;
    };
    const withoutIndex = dbBytes();
    const t0 = performance.now();
    db.transaction(() => migration8Up(db))();
    const buildMs = performance.now() - t0;
    log(`index built in ${(buildMs / 1000).toFixed(1)} s`);
    const withIndex = dbBytes();

    // The same text, for the scan to read: every letter's searchable text in one column.
    const index = searchIndexFor(db);
    db.exec(`CREATE TABLE bench_text (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`);
    const put = db.prepare<[number, string]>(`INSERT INTO bench_text (id, text) VALUES (?, ?)`);
    let textBytes = 0;
    db.transaction(() => {
      for (const { id } of db.prepare<[], { id: number }>(`SELECT id FROM letters`).all()) {
        const text = segmentsOf(index.textOf(id)!).map((s) => s.text).join('\n');
        textBytes += Buffer.byteLength(text);
        put.run(id, text);
      }
    })();
    index.forgetTexts();
    // One LIKE per term: the scan answers the same question as the index.
    const scanOf = (terms: string[]) => {
      const where = terms.map(() => 'text LIKE ?').join(' AND ');
      const page = db.prepare<string[], { id: number }>(`SELECT id FROM bench_text WHERE ${where} ORDER BY id DESC LIMIT ${FIRST_SCREEN}`);
      const count = db.prepare<string[], { n: number }>(`SELECT count(*) AS n FROM bench_text WHERE ${where}`);
      const likes = terms.map((t) => `%${t}%`);
      return () => {
        page.all(...likes);
        count.get(...likes);
      };
    };
    log('scan table ready');

    const number = db.prepare<[number], { number: string }>(`SELECT number FROM letters WHERE number IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?`).get(Math.min(4242, Math.floor(LETTERS / 4)))!.number;
    const queries: [string, string][] = [
      ['1 Chinese character', '保'],
      ['2 Chinese characters', '理赔'],
      ['3 Chinese characters', '健康险'],
      ['4 Chinese characters', '服务承诺'],
      ['2 characters, in few letters', '复核'],
      ['a Latin word', 'hotline'],
      ['a letter number', number],
      ['two terms', '理赔 复核'],
    ];
    const searcher = createSearcher(db, index);
    const rows: Row[] = [];
    const summary: string[] = [];
    for (const [what, q] of queries) {
      const warm = await time(200, () => searcher.search({ text: q, limit: FIRST_SCREEN }), 10);
      // Every run reads its hits' text from the database again (no passage cache).
      const cold = await time(50, () => {
        index.forgetTexts();
        searcher.search({ text: q, limit: FIRST_SCREEN });
      }, 2);
      const scan = await time(5, scanOf(q.split(' ')), 1);
      const page = searcher.search({ text: q, limit: FIRST_SCREEN });
      const ratio = scan.p50 / warm.p50;
      rows.push({ what: `search 「${q}」 (${what}): first ${FIRST_SCREEN} hits ranked, with passages, + count`, stats: warm, target: 20, note: `${page.capped ? `${page.total}+` : page.total} hits` });
      rows.push({ what: `  same, passages read cold from the database`, stats: cold, target: 20 });
      rows.push({ what: `  LIKE '%…%' scan of the same text, same run`, stats: scan, note: `${Math.round(ratio)}× slower than the index` });
      summary.push(`${q}: ${Math.round(ratio)}×`);
      log(`${what}: p95 ${fmt(warm.p95)} ms (cold ${fmt(cold.p95)}), scan p50 ${fmt(scan.p50)} ms`);
    }

    // Autosave with the index kept in step: one durable commit of a 2-page letter that changes each time.
    const letter = await core.api.lettersCreate({ templateId: 'builtin-claims-service-obligations' });
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    let revision = (await core.api.lettersGet({ id: letter.id })).revision;
    const autosave = await time(300, async (i) => {
      clock.advance(1000);
      const saved = await core.api.lettersContentSave({ id: letter.id, revision, ...content, values: { ...content.values, productName: `安心医疗保险第${i}版` } });
      revision = saved.revision;
    });
    // The autosave leaves its letter marked; the next search writes its row first (never stale).
    const afterSave: number[] = [];
    for (let i = 0; i < 120; i++) {
      clock.advance(1000);
      const saved = await core.api.lettersContentSave({ id: letter.id, revision, ...content, values: { ...content.values, productName: `安心医疗保险第${i}版b` } });
      revision = saved.revision;
      const t0 = process.hrtime.bigint();
      searcher.search({ text: '理赔', limit: FIRST_SCREEN });
      if (i >= 20) afterSave.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const searchAfterSave = stats(afterSave);
    // Same run, no index: the durable commit alone (the fsync the machine allows right now).
    const raw = db.prepare<[string, string, number]>(`UPDATE letters SET values_json = ?, updated_at = ? WHERE id = ?`);
    const rawCommit = await time(300, (i) => {
      clock.advance(1000);
      db.transaction(() => raw.run(JSON.stringify({ ...content.values, productName: `安心医疗保险第${i}版` }), clock.now().toISOString(), letter.id))();
    });
    const blank = await core.api.lettersCreate({ title: '自动保存' });
    let blankRevision = blank.revision;
    const autosaveSmall = await time(300, async (i) => {
      clock.advance(1000);
      const saved = await core.api.lettersContentSave({ id: blank.id, revision: blankRevision, ...bodyContent(`理赔时限第${i}稿`) });
      blankRevision = saved.revision;
    });

    const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
    return [
      { what: `machine load when measured (1-min load average, 2 cores)`, result: load },
      { what: `index build for ${LETTERS.toLocaleString('en')} letters (migration 8, one transaction, merged)`, result: `${(buildMs / 1000).toFixed(1)} s` },
      { what: 'searchable text (title, number, body, parties; UTF-8)', result: mb(textBytes) },
      { what: 'database without the index → with it', result: `${mb(withoutIndex)} → ${mb(withIndex)}` },
      { what: 'index size / text size (target ≤ 1.5)', result: ((withIndex - withoutIndex) / textBytes).toFixed(2) },
      { what: 'index vs LIKE scan, p50 ratio (target ≥ 50×)', result: summary.join(', ') },
      ...rows,
      { what: `autosave of a template letter with the index in step (one commit, fsync; its row marked, written by the next search), ${LETTERS.toLocaleString('en')} letters indexed`, stats: autosave, target: 2 },
      { what: 'autosave of a one-line letter with the index in step', stats: autosaveSmall, target: 2 },
      { what: 'search 「理赔」 right after an autosave (writes that letter’s index row first, then answers)', stats: searchAfterSave, target: 20 },
      { what: 'same run, baseline: one durable commit of a letter row without the index (UPDATE, fsync)', stats: rawCommit },
    ];
  } finally {
    core.close();
    tmp.cleanup();
  }
}

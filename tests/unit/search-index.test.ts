/**
 * Full-text search over a real SQLite file (issue #13): every query length, phrases, AND,
 * filters, simplified/traditional, ranking, the index in step after every kind of write
 * (including a write that rolls back), rebuild, and no query that scans the letters table.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchIndexFor } from '../../electron/core/search/search-index';
import { createSearcher } from '../../electron/core/search/search-query';
import { migration9Up } from '../../electron/core/db/migration-9-search-history';
import { compileQuery } from '../../electron/core/search/compile-query';
import { rebuildSearchIndex } from '../../electron/core/search/search-rebuild';
import type { SearchQuery } from '../../electron/shared/search';
import { useTempCore } from '../helpers/core-fixture';
import { openCore } from '../../electron/core/create-api';
import { requiredValues } from '../helpers/sample-values';
import { bodyContent, searcherOf } from '../helpers/search';

const dialogs = { save: null as string | null };
const t = useTempCore({ dialogs: { saveFile: async () => dialogs.save, openFile: async () => null } });

async function letter(title: string, ...paragraphs: string[]) {
  const created = await t.core.api.lettersCreate({ title });
  t.clock.advance(1000);
  return t.core.api.lettersContentSave({ id: created.id, revision: created.revision, ...bodyContent(...paragraphs) });
}

function titles(q: Partial<SearchQuery> & { text: string }): string[] {
  return searcherOf(t.core).search(q).items.map((h) => h.title);
}

describe('search over letters', () => {
  it('finds 1-, 2-, 3- and 4-character Chinese words, Latin words and numbers in the body', async () => {
    await letter('甲', '承诺方应当在三个工作日内完成理赔初审。');
    await letter('乙', '保单服务热线 Hotline 95500，合同金额50,000.00元。');
    await letter('丙', '本承诺书编号HXCN-2026-0012。');
    expect(titles({ text: '赔' })).toEqual(['甲']);
    expect(titles({ text: '理赔' })).toEqual(['甲']);
    expect(titles({ text: '工作日' })).toEqual(['甲']);
    expect(titles({ text: '理赔初审' })).toEqual(['甲']);
    expect(titles({ text: '保' }).sort()).toEqual(['乙']);
    expect(titles({ text: 'hotline' })).toEqual(['乙']);
    expect(titles({ text: 'HOT' })).toEqual(['乙']);
    expect(titles({ text: '95500' })).toEqual(['乙']);
    expect(titles({ text: '50,000' })).toEqual(['乙']);
    expect(titles({ text: 'HXCN-2026-0012' })).toEqual(['丙']);
    expect(titles({ text: 'hxcn 2026' })).toEqual(['丙']);
    expect(titles({ text: '承诺' }).sort()).toEqual(['丙', '甲']);
    expect(titles({ text: '赔保' })).toEqual([]);
  });

  it('needs every term; a quoted phrase must appear as written', async () => {
    await letter('一', '理赔时限为三个工作日', '保单变更');
    await letter('二', '理赔', '时限');
    expect(titles({ text: '理赔 保单' })).toEqual(['一']);
    expect(titles({ text: '理赔 时限' }).sort()).toEqual(['一', '二']);
    expect(titles({ text: '"理赔时限"' })).toEqual(['一']);
    expect(titles({ text: '“赔时”' })).toEqual(['一']);
  });

  it('matches simplified and traditional forms either way', async () => {
    await letter('简', '健康险理赔服务');
    await letter('繁', '健康險理賠服務');
    expect(titles({ text: '理赔' }).sort()).toEqual(['简', '繁']);
    expect(titles({ text: '理賠服務' }).sort()).toEqual(['简', '繁']);
  });

  it('ranks title and number hits first, then the most recently changed', async () => {
    const old = await letter('理赔承诺书', '正文');
    await letter('其他', '理赔条款');
    await letter('再一封', '理赔说明');
    let hits = searcherOf(t.core).search({ text: '理赔' });
    expect(hits.items.map((h) => [h.title, h.inTitle])).toEqual([['理赔承诺书', true], ['再一封', false], ['其他', false]]);
    // Editing the older body hit makes it the newest of the body hits.
    const other = hits.items[2]!;
    const got = await t.core.api.lettersContentGet({ id: other.id });
    t.clock.advance(1000);
    await t.core.api.lettersContentSave({ id: other.id, revision: got.letter.revision, ...bodyContent('理赔条款（修订）') });
    hits = searcherOf(t.core).search({ text: '理赔' });
    expect(hits.items.map((h) => h.title)).toEqual(['理赔承诺书', '其他', '再一封']);
    expect(hits.total).toBe(3);
    // Pages run across the two groups.
    expect(searcherOf(t.core).search({ text: '理赔', offset: 1, limit: 1 }).items.map((h) => h.title)).toEqual(['其他']);
    expect(old.id).toBe(hits.items[0]!.id);
  });

  it('shows the passage with the matches marked, and the body text to land on', async () => {
    await letter('函', '一、总则', '承诺方应当在收到理賠申请后完成理赔初审。');
    const [hit] = searcherOf(t.core).search({ text: '理赔' }).items;
    expect(hit!.snippet!.field).toBe('body');
    const s = hit!.snippet!;
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['理賠', '理赔']);
    expect(hit!.bodyMatch).toBe('理賠');
  });

  it('combines with the register filters: status, template, party, dates, trash', async () => {
    const a = await t.core.api.lettersCreate({ templateId: 'builtin-claims-service-obligations' });
    await t.core.api.lettersFill({ id: a.id, values: { promisorName: '北京恒泰科技有限公司' } });
    t.clock.advance(86_400_000);
    const b = await letter('空白函', '理赔服务');
    const all = (q: Partial<SearchQuery>) => titles({ text: '理赔', ...q });
    expect(all({}).length).toBe(2);
    expect(all({ templateId: 'builtin-claims-service-obligations' })).toEqual([a.title]);
    expect(all({ status: ['draft'] }).length).toBe(2);
    expect(all({ status: ['signed', 'void'] })).toEqual([]);
    expect(all({ party: '恒泰' })).toEqual([a.title]);
    expect(all({ from: t.now().slice(0, 10) })).toEqual(['空白函']);
    expect(all({ to: '2026-05-08' })).toEqual([a.title]);
    await t.core.api.lettersTrash({ id: b.id });
    expect(all({})).toEqual([a.title]);
    expect(all({ trashed: true })).toEqual(['空白函']);
    // The register's own text filter uses the index too.
    expect((await t.core.api.registerList({ text: '理赔服务' })).items.map((r) => r.title)).toEqual([a.title]);
  });

  it('is an API method: input checked by its schema, a page of hits back; the rebuild runs batch by batch', async () => {
    await letter('函', '理赔');
    expect(await t.core.dispatch('searchLetters', [{ text: '理赔', status: ['draft'] }])).toMatchObject({ ok: true, value: { total: 1, capped: false } });
    expect(await t.core.dispatch('searchLetters', [{ text: 1 }])).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await t.core.dispatch('searchLetters', [{ text: '理赔', sort: 'title-asc' }])).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await t.core.api.searchRebuild({ restart: true })).toEqual({ done: 0, total: 1, finished: false });
    expect(await t.core.api.searchRebuild({})).toEqual({ done: 1, total: 1, finished: true });
  });

  it('counts up to a cap and says so', async () => {
    const api = t.core.api;
    for (let i = 0; i < 5; i++) await letter(`函${i}`, '理赔');
    const page = searcherOf(t.core).search({ text: '理赔', limit: 2 });
    expect(page).toMatchObject({ total: 5, capped: false });
    expect(page.items).toHaveLength(2);
    expect(api).toBeDefined();
  });
});

describe('the index stays in step with every write', () => {
  const found = (text: string) => searcherOf(t.core).search({ text }).items.map((h) => h.id);

  it('create, save, fill, rename, copy, version notes, restore, trash and restore', async () => {
    const api = t.core.api;
    const l = await api.lettersCreate({ templateId: 'builtin-claims-service-obligations' });
    expect(found('理赔')).toEqual([l.id]);
    await api.lettersFill({ id: l.id, values: { productName: '安心醫療保險' } });
    expect(found('安心医疗')).toEqual([l.id]);
    const renamed = await api.lettersRename({ id: l.id, title: '特别约定函' });
    expect(found('特别约定')).toEqual([l.id]);
    const v1 = await api.versionsSave({ id: l.id, note: '客户要求补充条款' });
    expect(found('补充条款')).toEqual([l.id]);
    const got = await api.lettersContentGet({ id: l.id });
    t.clock.advance(60_000);
    await api.lettersContentSave({ id: l.id, revision: got.letter.revision, ...bodyContent('全新正文') });
    expect(found('安心医疗')).toEqual([]);
    expect(found('全新')).toEqual([l.id]);
    await api.versionsRestore({ id: l.id, seq: v1.seq });
    expect(found('安心医疗')).toEqual([l.id]);
    expect(found('全新')).toEqual([]);
    const copy = await api.lettersCopy({ id: l.id });
    expect(found('安心医疗').sort()).toEqual([l.id, copy.id].sort());
    await api.lettersTrash({ id: copy.id });
    expect(found('安心医疗')).toEqual([l.id]);
    expect(searcherOf(t.core).search({ text: '安心医疗', trashed: true }).items.map((h) => h.id)).toEqual([copy.id]);
    await api.lettersRestore({ id: copy.id });
    expect(found('安心医疗').sort()).toEqual([l.id, copy.id].sort());
    expect(renamed.title).toBe('特别约定函');
  });

  it('export for signature (number), recorded signers and status', async () => {
    const api = t.core.api;
    const l = await api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
    const { content } = await api.lettersContentGet({ id: l.id });
    await api.lettersFill({ id: l.id, values: requiredValues(content.fields) });
    dialogs.save = path.join(t.dir, 'sign.docx');
    const { number } = await api.signExport({ id: l.id });
    expect(number).toBeTruthy();
    expect(found(number!)).toEqual([l.id]);
    expect(searcherOf(t.core).search({ text: number!, status: ['awaiting-signature'] }).items[0]).toMatchObject({ id: l.id, inTitle: true });
    await api.signRecord({ id: l.id, role: '接收方', name: '欧阳娜娜', organisation: '某某科技', dateSigned: '2026-05-08', method: '签字' });
    expect(found('欧阳娜娜')).toEqual([l.id]);
    expect(searcherOf(t.core).search({ text: '欧阳' }).items[0]!.snippet).toMatchObject({ field: 'signer', text: '欧阳娜娜' });
  });

  it('a write that fails leaves the index as it was (same transaction)', async () => {
    const api = t.core.api;
    const l = await letter('函', '原来的正文');
    // A stale revision is refused with 'conflict' after nothing was written.
    await expect(api.lettersContentSave({ id: l.id, revision: l.revision - 1, ...bodyContent('不该保存') })).rejects.toMatchObject({ code: 'conflict' });
    expect(found('不该')).toEqual([]);
    // A failure after the index row was rewritten rolls the row back with the letter.
    const repoWrite = () =>
      t.core.db.transaction(() => {
        t.core.db.prepare(`UPDATE letters SET title = '回滚标题' WHERE id = ?`).run(l.id);
        searchIndexFor(t.core.db).sync(l.id);
        expect(found('回滚')).toEqual([l.id]);
        throw new Error('disk full');
      })();
    expect(repoWrite).toThrow('disk full');
    expect(found('回滚')).toEqual([]);
    expect(found('原来')).toEqual([l.id]);
    expect(searcherOf(t.core).search({ text: '原来' }).items[0]!.title).toBe('函');
  });

  it('rebuild repairs a stale or damaged index, with progress, and can stop between batches', async () => {
    for (let i = 0; i < 7; i++) await letter(`函${i}`, `第${i}号理赔说明`);
    // Changed around the app: the index does not know.
    t.core.db.prepare(`UPDATE letters SET title = '手改标题' WHERE title = '函3'`).run();
    expect(found('手改')).toEqual([]);
    const seen: number[] = [];
    let stop = false;
    const stopped = rebuildSearchIndex(t.core.store, {
      batch: 2,
      onProgress: (p) => {
        seen.push(p.done);
        stop = p.done >= 2;
      },
      cancelled: () => stop,
    });
    expect(stopped.finished).toBe(false);
    expect(found('理赔')).toHaveLength(7);
    const done = rebuildSearchIndex(t.core.store, { onProgress: (p) => seen.push(p.done) });
    expect(done).toMatchObject({ done: 7, total: 7, finished: true });
    expect(found('手改')).toHaveLength(1);
    // A damaged index (its data table emptied) is re-created and filled.
    t.core.db.unsafeMode(true);
    t.core.db.exec(`UPDATE search_fts_data SET block = zeroblob(length(block)) WHERE id > 10`);
    t.core.db.unsafeMode(false);
    expect(() => found('理赔')).toThrow();
    rebuildSearchIndex(t.core.store);
    expect(found('理赔')).toHaveLength(7);
    expect(seen.slice(0, 3)).toEqual([0, 2, 0]);
  });
});

describe('no query scans the letters table', () => {
  it('every query is answered by the FTS5 table (EXPLAIN QUERY PLAN)', async () => {
    await letter('函', '理赔');
    const plans: string[] = [];
    const db = t.core.db;
    for (const q of [{ text: '理' }, { text: '理赔 HX' }, { text: '理赔', status: ['draft' as const], party: '某', from: '2026-01-01', to: '2026-12-31' }]) {
      const c = compileQuery(q)!;
      for (const sql of [
        `SELECT d.letter_id FROM search_fts f JOIN search_docs d ON d.doc = f.rowid WHERE search_fts MATCH ? ORDER BY f.rowid DESC LIMIT 50`,
        `SELECT d.letter_id FROM search_fts f JOIN search_docs d ON d.doc = f.rowid JOIN letters l ON l.id = d.letter_id AND l.updated_at >= '2026' WHERE search_fts MATCH ? ORDER BY f.rowid DESC LIMIT 50`,
      ]) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(c.all) as { detail: string }[];
        plans.push(plan.map((p) => p.detail).join(' | '));
      }
    }
    for (const p of plans) {
      expect(p).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
      expect(p).not.toMatch(/SCAN (l|d|letters)\b/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('earlier versions (the register’s 包括旧版本 toggle)', () => {
  const ids = (q: SearchQuery) => searcherOf(t.core).search(q).items.map((h) => h.id);

  it('finds text only earlier versions have, only when asked, with the earlier passage marked', async () => {
    const api = t.core.api;
    const l = await letter('甲函', '原条款：理赔时限三十日', '不变的段落');
    await api.versionsSave({ id: l.id });
    t.clock.advance(60_000);
    const got = await api.lettersContentGet({ id: l.id });
    await api.lettersContentSave({ id: l.id, revision: got.letter.revision, ...bodyContent('新条款：理赔时限十日', '不变的段落') });

    expect(ids({ text: '三十日' })).toEqual([]);
    const [hit, ...more] = searcherOf(t.core).search({ text: '三十日', history: true }).items;
    expect(more).toEqual([]);
    expect(hit!.id).toBe(l.id);
    expect(hit!.snippet).toEqual({ field: 'history', text: '款：理赔时限三十日', highlights: [[6, 9]], cutStart: true, cutEnd: false });
    // Nothing to land on in the letter as it is now.
    expect(hit!.bodyMatch).toBeNull();
    // Text the letter still has is shown where it is now, with or without the toggle.
    expect(searcherOf(t.core).search({ text: '不变', history: true }).items[0]!.snippet!.field).toBe('body');
    // All terms must match, each in the letter now or in an earlier version.
    expect(ids({ text: '三十日 不变', history: true })).toEqual([l.id]);
    expect(ids({ text: '三十日 不变' })).toEqual([]);
    // Filters apply as always.
    expect(ids({ text: '三十日', history: true, status: ['signed'] })).toEqual([]);
    // Restored, the text is the letter's again: found without the toggle.
    await api.versionsRestore({ id: l.id, seq: 1 });
    expect(ids({ text: '三十日' })).toEqual([l.id]);
    expect(ids({ text: '十日', history: true })).toEqual([l.id]);
  });

  it('a pruned version takes its lines with it; the migration fills the history of letters already stored', async () => {
    const api = t.core.api;
    const l = await letter('乙函', '第一稿：服务热线九五五');
    const versions = t.core.store.versions;
    const draft = (await api.lettersContentGet({ id: l.id })).content;
    versions.create(l.id, draft, 'auto', null, t.clock.now().toISOString());
    t.clock.advance(86_400_000);
    versions.create(l.id, bodyContent('第二稿：服务热线九五五一'), 'auto', null, t.clock.now().toISOString());
    const now = (await api.lettersGet({ id: l.id })).revision;
    await api.lettersContentSave({ id: l.id, revision: now, ...bodyContent('第三稿') });
    expect(ids({ text: '第一稿', history: true })).toEqual([l.id]);
    expect(ids({ text: '第二稿', history: true })).toEqual([l.id]);

    // Migration 9 again over this database: the history comes from the versions table.
    t.core.db.exec(`DELETE FROM search_history_lines`);
    t.core.db.transaction(() => migration9Up(t.core.db))();
    const after = createSearcher(t.core.db, searchIndexFor(t.core.db));
    expect(after.search({ text: '第一稿', history: true }).items.map((h) => h.id)).toEqual([l.id]);
    expect(after.search({ text: '第三稿' }).items.map((h) => h.id)).toEqual([l.id]);

    // A week later the older automatic version of that week is thinned out; its lines are no longer found.
    t.clock.advance(7 * 86_400_000);
    const pruned = t.core.store.versions.prune(l.id, { keepAllDays: 1, keepDailyDays: 1 }, t.clock.now().toISOString());
    expect(pruned).toEqual([1]);
    expect(after.search({ text: '第一稿', history: true }).items).toEqual([]);
    expect(after.search({ text: '第二稿', history: true }).items.map((h) => h.id)).toEqual([l.id]);
  });
});

describe('migration 10: the history kept one row per line', () => {
  it('a database whose history is one JSON array per letter (schema 9) keeps every line, found as before', async () => {
    const api = t.core.api;
    const ids = (q: SearchQuery) => searcherOf(t.core).search(q).items.map((h) => h.id);
    const l = await letter('丙函', '第一稿：理赔时限三十日', '不变的一段');
    await api.versionsSave({ id: l.id });
    const now = (await api.lettersGet({ id: l.id })).revision;
    await api.lettersContentSave({ id: l.id, revision: now, ...bodyContent('第二稿：理赔时限十日', '不变的一段') });
    await api.versionsSave({ id: l.id });
    const lines = t.core.db.prepare<[], string>(`SELECT line FROM search_history_lines ORDER BY line`).pluck().all();
    expect(lines).toEqual(['不变的一段', '第一稿：理赔时限三十日', '第二稿：理赔时限十日'].sort());
    // Back to schema 9's layout, as an older Letterdesk left it.
    t.core.db.exec(`
      CREATE TABLE search_history (letter_id INTEGER PRIMARY KEY REFERENCES letters(id), lines TEXT NOT NULL);
      INSERT INTO search_history SELECT letter_id, json_group_array(line) FROM search_history_lines GROUP BY letter_id;
      DROP TABLE search_history_lines;
      PRAGMA user_version = 9;
    `);
    t.core.close();
    t.core = openCore({ dataDir: t.dir, clock: t.clock });
    const tables = t.core.db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE name LIKE 'search_history%'`).pluck().all();
    expect(tables).toEqual(['search_history_lines']);
    expect(t.core.db.prepare<[], string>(`SELECT line FROM search_history_lines ORDER BY line`).pluck().all()).toEqual(lines);
    expect(ids({ text: '三十日', history: true })).toEqual([l.id]);
    expect(ids({ text: '三十日' })).toEqual([]);
    // Keeping a version writes only the lines it adds.
    const again = (await t.core.api.lettersGet({ id: l.id })).revision;
    await t.core.api.lettersContentSave({ id: l.id, revision: again, ...bodyContent('第三稿：理赔时限五日', '不变的一段') });
    await t.core.api.versionsSave({ id: l.id });
    expect(t.core.db.prepare<[], number>(`SELECT count(*) FROM search_history_lines`).pluck().get()).toBe(4);
    expect(ids({ text: '十日', history: true })).toEqual([l.id]);
  });
});

describe('autosave marks its letter; the next search writes it (never a stale answer)', () => {
  const pending = () => t.core.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM search_pending`).get()!.n;

  it('a save is found by the very next search, and the ranking keeps recency', async () => {
    const api = t.core.api;
    const a = await letter('甲', '旧文字');
    const b = await letter('乙', '无关');
    t.clock.advance(1000);
    const saved = await api.lettersContentSave({ id: a.id, revision: a.revision, ...bodyContent('承诺理赔十日内完成') });
    // Both letters' first texts and 甲's second are saved, none indexed yet: one mark per letter.
    expect(pending()).toBe(2);
    // A later indexed write (rename) writes the waiting letter first: rows stay in recency order.
    t.clock.advance(1000);
    await api.lettersRename({ id: b.id, title: '乙 理赔须知' });
    expect(pending()).toBe(0);
    t.clock.advance(1000);
    await api.lettersContentSave({ id: a.id, revision: saved.revision, ...bodyContent('承诺理赔五日内完成') });
    expect(pending()).toBe(1);
    expect(searcherOf(t.core).search({ text: '十日' }).items).toEqual([]);
    expect(pending()).toBe(0);
    // Title hit first; then by recency: 甲 was changed last.
    expect(searcherOf(t.core).search({ text: '理赔' }).items.map((h) => h.title)).toEqual(['乙 理赔须知', '甲']);
    // The register's own text filter answers from the same index, after the same flush.
    await api.lettersContentSave({ id: a.id, revision: saved.revision + 1, ...bodyContent('承诺理赔三日内完成') });
    expect((await api.registerList({ text: '三日' })).items.map((r) => r.id)).toEqual([a.id]);
  });

  it('a mark left when the app closed or was killed is written by the next search after opening again', async () => {
    const api = t.core.api;
    const a = await letter('丙', '第一句');
    await api.lettersContentSave({ id: a.id, revision: a.revision, ...bodyContent('第二句话') });
    expect(pending()).toBe(1);
    // Closed (or killed) with the mark in place: the file keeps it.
    t.core.close();
    t.core = openCore({ dataDir: t.dir, clock: t.clock });
    expect(pending()).toBe(1);
    expect(searcherOf(t.core).search({ text: '第二句' }).items.map((h) => h.id)).toEqual([a.id]);
    expect(pending()).toBe(0);
  });
});

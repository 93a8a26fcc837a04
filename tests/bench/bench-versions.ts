/**
 * Versions measures (issue #4, DESIGN targets): autosave of a three-page letter through
 * saveDraft, creating a version, opening a letter with 1,000 versions and listing its
 * timeline, comparing two versions, and the database size those 1,000 versions take (in the row's note).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../../electron/core/create-api';
import { DB_FILE_NAME } from '../../electron/core/db/open-db';
import { saveDraft } from '../../electron/core/versions/draft-saver';
import { diffContents } from '../../electron/core/versions/version-diff';
import type { FieldDef } from '../../electron/shared/fields';
import type { LetterContent } from '../../electron/shared/letter-content';
import { makeTempDir } from '../helpers/temp-dir';
import { stats, time, type Row } from './measure';

const CLAUSE = '承诺方在接到客户理赔报案后，应在约定时限内联系客户，一次性告知所需材料，并对材料进行初步审核；审核通过的，按约定支付保险金。';
const FIELDS: FieldDef[] = [
  { key: 'days', label: '理赔初审时限', type: 'number', required: true, options: { unit: '个工作日' } },
  { key: 'rate', label: '客户满意度', type: 'percent', required: false },
  { key: 'promisor', label: '承诺方', type: 'text', required: true },
  { key: 'signer', label: '承诺人签名', type: 'handwritten', required: false },
];

/** About three printed pages (~40 clauses, ~2,600 characters); `edit` changes one clause slightly. */
export function threePageLetter(edit: number): LetterContent {
  const clause = (text: string, withField = false) => ({
    type: 'clause',
    attrs: { scheme: 'cn', level: 0 },
    content: [{ type: 'text', text }, ...(withField ? [{ type: 'field', attrs: { key: 'days' } }] : [])],
  });
  const target = edit % 40;
  return {
    doc: {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: '健康险产品售后服务保证承诺书' }] },
        { type: 'paragraph', attrs: { align: null, indent: true }, content: [{ type: 'field', attrs: { key: 'promisor' } }, { type: 'text', text: '就以下事项作出承诺：' }] },
        ...Array.from({ length: 40 }, (_, i) => clause(i === target ? `${CLAUSE}（第${edit}次修改）` : CLAUSE, i % 10 === 0)),
        { type: 'paragraph', attrs: { align: null, indent: false }, content: [{ type: 'text', text: '承诺人签名：' }, { type: 'field', attrs: { key: 'signer' } }] },
      ],
    },
    fields: FIELDS,
    values: { days: 5, rate: 95, promisor: '某某健康保险股份有限公司某某分公司' },
    pageStyle: 'business',
  };
}

function fileBytes(dir: string): number {
  return fs.readdirSync(dir).filter((f) => f.startsWith(DB_FILE_NAME)).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

export async function benchVersions(): Promise<Row[]> {
  const tmp = makeTempDir('letterdesk-bench-versions-');
  const core = openCore({ dataDir: path.join(tmp.dir, 'work') });
  const big = openCore({ dataDir: path.join(tmp.dir, 'history') });
  try {
    const versions = core.store.versions;
    const store = core.store;
    const { id } = await core.api.lettersCreate({ title: '基准测试承诺书' });
    let revision = (await core.api.lettersContentSave({ id, revision: 1, ...threePageLetter(0) })).revision;
    const now = () => new Date().toISOString();

    // Autosave: the whole content, one durable commit; versions are not due (10-minute throttle).
    const save = await time(1000, (i) => {
      revision = saveDraft(store, id, threePageLetter(i + 1), revision, now()).letter.revision;
    });
    // A version of the letter as it is, after an edit (what Ctrl+S, the timer and export do):
    // canonical JSON, SHA-256, change size vs the previous one, its lines kept for search, one commit.
    const asIs: number[] = [];
    for (let i = 0; i < 520; i++) {
      revision = saveDraft(store, id, threePageLetter(20_000 + i), revision, now()).letter.revision;
      const t0 = process.hrtime.bigint();
      versions.create(id, threePageLetter(20_000 + i), 'manual', null, now());
      if (i >= 20) asIs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const create = stats(asIs);
    // Versions of content the letter does not have (repository-level only: the app never does this):
    // every version's changed lines are lines the letter no longer has, so its search row grows each time.
    const createOther = await time(500, (i) => versions.create(id, threePageLetter(10_000 + i), 'manual', null, now()));

    // 1,000 versions of one letter, small edits, as written over its life (one commit each).
    const history = big.store.versions;
    const letter = await big.api.lettersCreate({ title: '一千个版本的承诺书' });
    await big.api.lettersContentSave({ id: letter.id, revision: 1, ...threePageLetter(0) });
    for (let i = 1; i <= 1000; i++) history.create(letter.id, threePageLetter(i), i % 10 === 0 ? 'manual' : 'auto', null, now());
    big.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fileBytes(path.join(tmp.dir, 'history'));
    const contentBytes = Buffer.byteLength(JSON.stringify(threePageLetter(1)));
    const open = await time(200, async () => {
      await big.api.lettersContentGet({ id: letter.id });
      return history.list(letter.id).length;
    });
    // The compare view: two versions far apart in the history (different clauses edited).
    const older = history.get(letter.id, 17).content;
    const newer = history.get(letter.id, 983).content;
    const compare = await time(200, () => diffContents(older, newer));

    const mb = (n: number) => (n / 2 ** 20).toFixed(1);
    return [
      { what: 'autosave a 3-page letter (saveDraft: check, one commit, fsync)', stats: save, target: 2 },
      { what: 'create a version of a 3-page letter as it is after an edit (hash, change size, search lines, commit)', stats: create, target: 5 },
      { what: '  same, of content the letter does not have (its earlier-version search text grows each time; not an app path)', stats: createOther },
      { what: 'compare two versions of a 3-page letter (blocks, characters, fields)', stats: compare },
      {
        what: 'open a letter with 1,000 versions and list its timeline',
        stats: open,
        target: 20,
        note: `database ${mb(bytes)} MB after 1,000 versions of a 3-page letter (${(contentBytes / 1024).toFixed(1)} KB of JSON each, uncompressed)`,
      },
    ];
  } finally {
    core.close();
    big.close();
    tmp.cleanup();
  }
}

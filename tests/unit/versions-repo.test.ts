import { beforeEach, describe, expect, it } from 'vitest';
import type { VersionsRepo } from '../../electron/core/versions/versions-repo';
import { contentHash, fingerprint } from '../../electron/core/versions/canonical-hash';
import { snapshotLetter } from '../../electron/core/versions/snapshot-letter';
import type { LetterContent } from '../../electron/shared/letter-content';
import { useTempCore } from '../helpers/core-fixture';

const t = useTempCore();
let repo: VersionsRepo;
const now = () => t.now();
beforeEach(() => {
  repo = t.core.store.versions;
});

function content(clauseText: string): LetterContent {
  return {
    doc: { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: '理赔服务承诺书' }] }, { type: 'clause', attrs: { scheme: 'cn', level: 0 }, content: [{ type: 'text', text: clauseText }] }] },
    fields: [],
    values: {},
    pageStyle: 'business',
  };
}

async function newLetter(title = '承诺书'): Promise<number> {
  return (await t.core.api.lettersCreate({ title })).id;
}

describe('versions repository', () => {
  it('numbers versions v1, v2, … per letter and stores hash, time, kind, note and change size', async () => {
    const a = await newLetter('甲');
    const b = await newLetter('乙');
    const v1 = repo.create(a, content('在5个工作日内完成'), 'manual', '  初稿  ', now());
    t.clock.advance(1000);
    const w1 = repo.create(b, content('另一封'), 'auto', null, now());
    const v2 = repo.create(a, content('在3个工作日内完成'), 'auto', '', now());
    expect([v1.seq, v2.seq, w1.seq]).toEqual([1, 2, 1]);
    expect(v1).toMatchObject({ letterId: a, kind: 'manual', note: '初稿', createdAt: '2026-05-08T09:00:00.000Z', exportedAt: null, signedAt: null, restoredFrom: null });
    expect(v1.hash).toBe(contentHash(content('在5个工作日内完成')));
    expect(v1.fingerprint).toBe(fingerprint(v1.hash));
    expect(v1).toMatchObject({ charsAdded: 7 + 9, charsRemoved: 0 });
    expect(v2).toMatchObject({ note: null, charsAdded: 1, charsRemoved: 1 });
  });

  it('lists the timeline newest first without content; get returns the exact content', async () => {
    const id = await newLetter();
    for (const n of [1, 2, 3]) repo.create(id, content(`第${n}稿`), 'manual', null, now());
    const list = repo.list(id);
    expect(list.map((v) => v.seq)).toEqual([3, 2, 1]);
    expect(list[0]).not.toHaveProperty('content');
    expect(repo.get(id, 2).content).toEqual(content('第2稿'));
    expect(repo.latest(id)?.seq).toBe(3);
    expect(repo.verify(id, 2)).toBe(true);
  });

  it('does not duplicate content equal to the latest version, but does keep a return to older content', async () => {
    const id = await newLetter();
    const v1 = repo.create(id, content('甲'), 'manual', null, now());
    const again = repo.create(id, structuredClone(content('甲')), 'auto', null, now());
    expect(again).toEqual(v1);
    repo.create(id, content('乙'), 'auto', null, now());
    expect(repo.create(id, content('甲'), 'auto', null, now()).seq).toBe(3);
    expect(repo.list(id)).toHaveLength(3);
  });

  it('an export is always a version: new content makes an export version, equal content stamps the latest', async () => {
    const id = await newLetter();
    const v1 = repo.create(id, content('甲'), 'manual', null, now());
    t.clock.advance(60_000);
    const exported = repo.create(id, content('甲'), 'export', null, now());
    expect(exported).toMatchObject({ seq: 1, kind: 'manual', exportedAt: '2026-05-08T09:01:00.000Z' });
    expect(repo.list(id)).toHaveLength(1);
    t.clock.advance(60_000);
    // A second export keeps the first stamp.
    expect(repo.create(id, content('甲'), 'export', null, now()).exportedAt).toBe('2026-05-08T09:01:00.000Z');
    const v2 = repo.create(id, content('乙'), 'export', null, now());
    expect(v2).toMatchObject({ seq: 2, kind: 'export', exportedAt: '2026-05-08T09:02:00.000Z' });
    expect(v1.exportedAt).toBeNull();
  });

  it('marks a version exported or signed once, and says not-found for an unknown one', async () => {
    const id = await newLetter();
    repo.create(id, content('甲'), 'manual', null, now());
    expect(repo.markSigned(id, 1, '2026-05-09T00:00:00.000Z').signedAt).toBe('2026-05-09T00:00:00.000Z');
    expect(repo.markSigned(id, 1, '2026-05-10T00:00:00.000Z').signedAt).toBe('2026-05-09T00:00:00.000Z');
    expect(repo.markExported(id, 1, '2026-05-11T00:00:00.000Z').exportedAt).toBe('2026-05-11T00:00:00.000Z');
    expect(() => repo.markSigned(id, 9, now())).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => repo.get(id, 9)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => repo.list(4242)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => repo.create(4242, content('x'), 'manual', null, now())).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('refuses bad input: unknown kind, restore without a source, an overlong note', async () => {
    const id = await newLetter();
    expect(() => repo.create(id, content('x'), 'bogus' as never, null, now())).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => repo.create(id, content('x'), 'restore', null, now())).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => repo.create(id, content('x'), 'manual', null, now(), 1)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => repo.create(id, content('x'), 'manual', '注'.repeat(501), now())).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(repo.list(id)).toEqual([]);
  });

  it('database triggers keep versions write-once and exported or signed ones undeletable', async () => {
    const id = await newLetter();
    repo.create(id, content('甲'), 'manual', null, now());
    repo.create(id, content('乙'), 'export', null, now());
    repo.create(id, content('丙'), 'manual', null, now());
    repo.markSigned(id, 3, now());
    repo.create(id, content('丁'), 'auto', null, now());
    const db = t.core.db;
    const sql = (s: string) => () => db.prepare(s).run(id);
    for (const seq of [1, 2, 3]) {
      expect(sql(`UPDATE versions SET content_json = '{}' WHERE letter_id = ? AND seq = ${seq}`)).toThrow(/version-immutable/);
      expect(sql(`UPDATE versions SET hash = '${'0'.repeat(64)}' WHERE letter_id = ? AND seq = ${seq}`)).toThrow(/version-immutable/);
      expect(sql(`UPDATE versions SET seq = 99 WHERE letter_id = ? AND seq = ${seq}`)).toThrow(/version-immutable/);
      expect(sql(`UPDATE versions SET note = 'x' WHERE letter_id = ? AND seq = ${seq}`)).toThrow(/version-immutable/);
    }
    expect(sql(`UPDATE versions SET exported_at = NULL WHERE letter_id = ? AND seq = 2`)).toThrow(/version-immutable/);
    expect(sql(`UPDATE versions SET signed_at = '2030-01-01' WHERE letter_id = ? AND seq = 3`)).toThrow(/version-immutable/);
    expect(sql(`DELETE FROM versions WHERE letter_id = ? AND seq = 2`)).toThrow(/version-frozen/);
    expect(sql(`DELETE FROM versions WHERE letter_id = ? AND seq = 3`)).toThrow(/version-frozen/);
    expect(repo.list(id).map((v) => v.seq)).toEqual([4, 3, 2, 1]);
    expect([1, 2, 3, 4].every((seq) => repo.verify(id, seq))).toBe(true);
    // An unfrozen version may be deleted (that is how pruning works).
    expect(sql(`DELETE FROM versions WHERE letter_id = ? AND seq = 1`)().changes).toBe(1);
  });

  it('finds versions by a typed fingerprint across letters', async () => {
    const a = await newLetter();
    const b = await newLetter();
    const va = repo.create(a, content('同一文本'), 'export', null, now());
    const vb = repo.create(b, content('同一文本'), 'export', null, now());
    repo.create(a, content('另一文本'), 'manual', null, now());
    const found = repo.findByHashPrefix(va.fingerprint.toLowerCase());
    expect(found.map((v) => [v.letterId, v.seq])).toEqual([
      [a, 1],
      [b, vb.seq],
    ]);
    expect(repo.findByHashPrefix('0000-0000-0000')).toEqual([]);
    expect(() => repo.findByHashPrefix('12')).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('prunes only unfrozen automatic versions and never reuses a seq', async () => {
    const id = await newLetter();
    const kinds = ['auto', 'manual', 'auto', 'auto', 'export', 'auto', 'pre-edit', 'auto'] as const;
    kinds.forEach((kind, i) => repo.create(id, content(`第${i + 1}稿`), kind, null, now()));
    repo.markSigned(id, 3, now());
    t.clock.advance(30 * 86_400_000);
    const removed = repo.prune(id, { keepAllDays: 7, keepDailyDays: null }, now());
    // All were made the same day: the newest auto (8, also the newest version) stays; 3 is signed.
    expect(removed).toEqual([1, 4, 6]);
    expect(repo.list(id).map((v) => v.seq)).toEqual([8, 7, 5, 3, 2]);
    expect(repo.create(id, content('新稿'), 'manual', null, now()).seq).toBe(9);
  });

  it('snapshotLetter keeps the letter’s saved content', async () => {
    const id = await newLetter();
    const letter = await t.core.api.lettersContentGet({ id });
    await t.core.api.lettersContentSave({ id, revision: letter.letter.revision, ...content('已保存的文本') });
    const v = snapshotLetter(t.core.store, id, 'manual', 'Ctrl+S', now());
    expect(repo.get(id, v.seq).content).toEqual((await t.core.api.lettersContentGet({ id })).content);
    expect(snapshotLetter(t.core.store, id, 'export', null, now())).toMatchObject({ seq: v.seq, kind: 'manual', exportedAt: now() });
  });
});

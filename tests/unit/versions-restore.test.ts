import { beforeEach, describe, expect, it } from 'vitest';
import { restoreVersion } from '../../electron/core/versions/restore';
import type { VersionsRepo } from '../../electron/core/versions/versions-repo';
import { contentHash } from '../../electron/core/versions/canonical-hash';
import type { LetterContent } from '../../electron/shared/letter-content';
import { useTempCore } from '../helpers/core-fixture';

const t = useTempCore();
let versions: VersionsRepo;
const now = () => t.now();
beforeEach(() => {
  versions = t.core.store.versions;
});

function draft(days: number, extra = ''): LetterContent {
  return {
    doc: {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: '理赔服务承诺书' }] },
        { type: 'clause', attrs: { scheme: 'cn', level: 0 }, content: [{ type: 'text', text: '在' }, { type: 'field', attrs: { key: 'days' } }, { type: 'text', text: `内完成初步审核${extra}` }] },
      ],
    },
    fields: [{ key: 'days', label: '初审时限', type: 'number', required: true, options: { unit: '个工作日' } }],
    values: { days },
    pageStyle: 'business',
  };
}

async function save(id: number, content: LetterContent) {
  const { letter } = await t.core.api.lettersContentGet({ id });
  return t.core.api.lettersContentSave({ id, revision: letter.revision, ...content });
}

describe('restoring a version', () => {
  it('keeps the current state, restores as a new version and removes nothing', async () => {
    const { id } = await t.core.api.lettersCreate({ title: '承诺书' });
    await save(id, draft(5));
    versions.create(id, draft(5), 'manual', '初稿', now());
    await save(id, draft(3));
    versions.create(id, draft(3), 'manual', null, now());
    await save(id, draft(3, '，并书面告知')); // unsaved as a version: the pre-restore keeps it
    t.clock.advance(60_000);
    const before = versions.list(id);

    const r = restoreVersion(t.core.store, id, 1, now());
    expect(r.previous).toMatchObject({ seq: 3, kind: 'pre-restore' });
    expect(versions.get(id, 3).content).toEqual(draft(3, '，并书面告知'));
    expect(r.version).toMatchObject({ seq: 4, kind: 'restore', restoredFrom: 1, createdAt: '2026-05-08T09:01:00.000Z' });
    expect(r.version.hash).toBe(versions.summary(id, 1).hash);
    const current = await t.core.api.lettersContentGet({ id });
    expect(current.content).toEqual(draft(5));
    expect(contentHash(current.content)).toBe(r.version.hash);
    expect(r.letter.revision).toBe(current.letter.revision);
    const after = versions.list(id);
    expect(after).toHaveLength(before.length + 2);
    expect(after.slice(2)).toEqual(before); // history untouched
  });

  it('makes no pre-restore version when the current content is already the latest version', async () => {
    const { id } = await t.core.api.lettersCreate({ title: '承诺书' });
    await save(id, draft(5));
    versions.create(id, draft(5), 'manual', null, now());
    await save(id, draft(3));
    versions.create(id, draft(3), 'manual', null, now());
    const r = restoreVersion(t.core.store, id, 1, now(), undefined, '恢复初稿');
    expect(r.previous).toMatchObject({ seq: 2, kind: 'manual' });
    expect(r.version).toMatchObject({ seq: 3, kind: 'restore', note: '恢复初稿', restoredFrom: 1 });
    // The replaced state is one step away: restoring it back works the same way.
    const back = restoreVersion(t.core.store, id, r.previous.seq, now());
    expect(back.version).toMatchObject({ seq: 4, kind: 'restore', restoredFrom: 2 });
    expect((await t.core.api.lettersContentGet({ id })).content).toEqual(draft(3));
  });

  it('refuses an unknown version or a stale revision and changes nothing', async () => {
    const { id } = await t.core.api.lettersCreate({ title: '承诺书' });
    await save(id, draft(5));
    versions.create(id, draft(5), 'manual', null, now());
    await save(id, draft(3));
    expect(() => restoreVersion(t.core.store, id, 9, now())).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => restoreVersion(t.core.store, id, 1, now(), 1)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(versions.list(id)).toHaveLength(1);
    expect((await t.core.api.lettersContentGet({ id })).content).toEqual(draft(3));
  });
});

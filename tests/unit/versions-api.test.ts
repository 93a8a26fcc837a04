/** The versions calls through the API (dispatch + schema), as the UI and CLI use them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import { errorCode } from '../../electron/shared/errors';
import type { LetterContent } from '../../electron/shared/letter-content';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';

let core: Core;
let cleanup: () => void;
let clock: ReturnType<typeof makeFakeClock>;
beforeEach(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  clock = makeFakeClock();
  core = openCore({ dataDir: t.dir, clock });
});
afterEach(() => {
  core.close();
  cleanup();
});

const content = (text: string, days = 5): LetterContent => ({
  doc: {
    type: 'doc',
    content: [
      { type: 'clause', attrs: { scheme: 'cn', level: 0 }, content: [{ type: 'text', text }] },
      { type: 'paragraph', attrs: { align: null, indent: true }, content: [{ type: 'text', text: '在' }, { type: 'field', attrs: { key: 'days' } }, { type: 'text', text: '内完成' }] },
    ],
  },
  fields: [{ key: 'days', label: '初审时限', type: 'number', required: true, options: { unit: '个工作日' } }],
  values: { days },
  pageStyle: 'business',
});

async function save(id: number, c: LetterContent) {
  const { letter } = await core.api.lettersContentGet({ id });
  return core.api.lettersContentSave({ id, revision: letter.revision, ...c });
}

describe('versions through the API', () => {
  it('Ctrl+S saves a version with a note; identical content is not duplicated', async () => {
    const letter = await core.api.lettersCreate({ title: '承诺书' });
    await save(letter.id, content('服务承诺'));
    const v1 = await core.api.versionsSave({ id: letter.id, note: '  初稿  ' });
    expect(v1).toMatchObject({ seq: 1, kind: 'manual', note: '初稿' });
    expect(v1.hash).toMatch(/^[0-9a-f]{64}$/);
    const again = await core.api.versionsSave({ id: letter.id, note: '再存一次' });
    expect(again.seq).toBe(1);
    expect(await core.api.versionsList({ id: letter.id })).toHaveLength(1);
  });

  it('autosave makes a throttled automatic version (setting in minutes)', async () => {
    await core.api.settingsUpdate({ autoVersionMinutes: 10 });
    const letter = await core.api.lettersCreate({ title: '承诺书' });
    await save(letter.id, content('一稿'));
    clock.advance(5 * 60_000);
    await save(letter.id, content('二稿'));
    expect(await core.api.versionsList({ id: letter.id })).toHaveLength(0);
    clock.advance(6 * 60_000);
    await save(letter.id, content('三稿'));
    const list = await core.api.versionsList({ id: letter.id });
    expect(list.map((v) => v.kind)).toEqual(['auto']);
  });

  it('compares two versions: changed characters and the field table', async () => {
    const letter = await core.api.lettersCreate({ title: '承诺书' });
    await save(letter.id, content('理赔服务承诺', 5));
    await core.api.versionsSave({ id: letter.id });
    await save(letter.id, content('理赔时效承诺', 3));
    await core.api.versionsSave({ id: letter.id });
    const diff = await core.api.versionsDiff({ id: letter.id, from: 1, to: 2 });
    const changed = diff.blocks.filter((b) => b.op === 'change');
    expect(changed.length).toBeGreaterThan(0);
    const segs = changed.flatMap((b) => b.segments);
    expect(segs).toContainEqual({ op: 'delete', text: '服务' });
    expect(segs).toContainEqual({ op: 'insert', text: '时效' });
    expect(diff.fields).toEqual([expect.objectContaining({ key: 'days', label: '初审时限', before: '5个工作日', after: '3个工作日', change: 'changed' })]);
    // Against the current (unsaved-as-version) content.
    await save(letter.id, content('理赔时效承诺', 2));
    const current = await core.api.versionsDiff({ id: letter.id, from: 2 });
    expect(current.fields[0]).toMatchObject({ before: '3个工作日', after: '2个工作日' });
  });

  it('a changed clause is shown with the clauses it sits in (二、服务范围 › （二）)', async () => {
    const clause = (level: number, scheme: string, text: string) => ({ type: 'clause', attrs: { scheme, level }, content: [{ type: 'text', text }] });
    const nested = (changed: string): LetterContent => ({
      doc: {
        type: 'doc',
        content: [
          { type: 'title', content: [{ type: 'text', text: '服务承诺书' }] },
          clause(0, 'cn', '总则'),
          clause(0, 'cn', '服务范围：承诺方提供以下服务'),
          clause(1, 'cn-paren', '咨询服务'),
          clause(1, 'cn-paren', changed),
          clause(0, 'cn', '一个很长很长很长很长很长很长的标题没有标点'),
          clause(1, 'cn-paren', '其他'),
        ],
      },
      fields: [],
      values: {},
      pageStyle: 'business',
    });
    const letter = await core.api.lettersCreate({ title: '承诺书' });
    await save(letter.id, nested('理赔服务'));
    await core.api.versionsSave({ id: letter.id });
    await save(letter.id, nested('理赔与回访服务'));
    const diff = await core.api.versionsDiff({ id: letter.id, from: 1 });
    const changed = diff.blocks.filter((b) => b.op === 'change');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.after).toMatchObject({ number: '（二）', path: ['二、服务范围'] });
    const paths = diff.blocks.map((b) => b.after!.path);
    expect(paths).toEqual([[], [], [], ['二、服务范围'], ['二、服务范围'], [], ['三、一个很长很长很长很长很长…']]);
  });

  it('restore creates a new version; the replaced state stays one click away', async () => {
    const letter = await core.api.lettersCreate({ title: '承诺书' });
    await save(letter.id, content('第一版'));
    await core.api.versionsSave({ id: letter.id });
    await save(letter.id, content('第二版'));
    const result = await core.api.versionsRestore({ id: letter.id, seq: 1 });
    expect(result.previous.kind).toBe('pre-restore');
    expect(result.version).toMatchObject({ kind: 'restore', restoredFrom: 1 });
    const list = await core.api.versionsList({ id: letter.id });
    expect(list.map((v) => v.seq)).toEqual([3, 2, 1]);
    const { content: now } = await core.api.lettersContentGet({ id: letter.id });
    expect(JSON.stringify(now.doc)).toContain('第一版');
    expect(JSON.stringify((await core.api.versionsGet({ id: letter.id, seq: 2 })).content.doc)).toContain('第二版');
  });

  it('unknown letters and versions are not-found; bad input is refused', async () => {
    const letter = await core.api.lettersCreate({ title: '承诺书' });
    expect(await core.api.versionsList({ id: 999 }).then(() => 'ok', errorCode)).toBe('not-found');
    expect(await core.api.versionsGet({ id: letter.id, seq: 7 }).then(() => 'ok', errorCode)).toBe('not-found');
    expect(await core.dispatch('versionsSave', [{ id: letter.id, note: 'x'.repeat(501) }])).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await core.dispatch('versionsDiff', [{ id: letter.id, from: 0 }])).toMatchObject({ ok: false, code: 'invalid-input' });
  });
});

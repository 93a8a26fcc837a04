import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SCHEMA_VERSION, openCore, type Core } from '../../electron/core/create-api';
import { makeClient } from '../../electron/shared/client';
import { LetterdeskError, errorCode } from '../../electron/shared/errors';
import type { LetterdeskApi } from '../../electron/shared/api';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';

let core: Core;
let api: LetterdeskApi;
let clock: ReturnType<typeof makeFakeClock>;
let cleanup: () => void;

beforeEach(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  clock = makeFakeClock();
  core = openCore({ dataDir: t.dir, clock, appVersion: '9.9.9' });
  // Through the same client builder and dispatcher every transport uses.
  api = makeClient((method, args) => core.dispatch(method, args));
});
afterEach(() => {
  core.close();
  cleanup();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(LetterdeskError);
    return errorCode(err);
  }
  throw new Error('expected a rejection');
}

describe('letters', () => {
  it('creates, gets and lists a letter with trimmed title and timestamps from the clock', async () => {
    const letter = await api.lettersCreate({ title: '  健康险产品售后服务保证承诺书 ' });
    expect(letter).toMatchObject({ title: '健康险产品售后服务保证承诺书', status: 'draft', number: null, revision: 1 });
    expect(letter.createdAt).toBe('2026-05-08T09:00:00.000Z');
    expect(await api.lettersGet({ id: letter.id })).toEqual(letter);
    const page = await api.lettersList({});
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: letter.id, title: letter.title });
  });

  it('pages through letters, newest change first', async () => {
    for (let i = 1; i <= 7; i++) {
      await api.lettersCreate({ title: `承诺书 ${i}` });
      clock.advance(1000);
    }
    const first = await api.lettersList({ limit: 3 });
    expect(first.total).toBe(7);
    expect(first.items.map((l) => l.title)).toEqual(['承诺书 7', '承诺书 6', '承诺书 5']);
    const last = await api.lettersList({ limit: 3, offset: 6 });
    expect(last.items.map((l) => l.title)).toEqual(['承诺书 1']);
    const byTitle = await api.lettersList({ sort: 'title-asc', limit: 2 });
    expect(byTitle.items.map((l) => l.title)).toEqual(['承诺书 1', '承诺书 2']);
  });

  it('renames, bumping revision and refusing a stale revision with conflict', async () => {
    const letter = await api.lettersCreate({ title: '旧标题' });
    clock.advance(5000);
    const renamed = await api.lettersRename({ id: letter.id, title: '新标题', revision: 1 });
    expect(renamed).toMatchObject({ title: '新标题', revision: 2, updatedAt: '2026-05-08T09:00:05.000Z' });
    expect(await codeOf(api.lettersRename({ id: letter.id, title: '第三个', revision: 1 }))).toBe('conflict');
    expect((await api.lettersGet({ id: letter.id })).title).toBe('新标题');
  });

  it('moves to trash and restores; trashed letters leave the live list', async () => {
    const a = await api.lettersCreate({ title: '甲' });
    const b = await api.lettersCreate({ title: '乙' });
    const trashed = await api.lettersTrash({ id: a.id });
    expect(trashed.trashedAt).not.toBeNull();
    expect((await api.lettersList({})).items.map((l) => l.id)).toEqual([b.id]);
    expect((await api.lettersList({ trashed: true })).items.map((l) => l.id)).toEqual([a.id]);
    expect(await codeOf(api.lettersTrash({ id: a.id }))).toBe('letter-trashed');
    expect(await codeOf(api.lettersRename({ id: a.id, title: 'x' }))).toBe('letter-trashed');
    const restored = await api.lettersRestore({ id: a.id });
    expect(restored.trashedAt).toBeNull();
    expect(await codeOf(api.lettersRestore({ id: a.id }))).toBe('letter-not-trashed');
    expect((await api.lettersList({})).total).toBe(2);
  });

  it('reports a missing letter as not-found', async () => {
    expect(await codeOf(api.lettersGet({ id: 4242 }))).toBe('not-found');
  });
});

describe('input validation at the API boundary', () => {
  const bad: [string, unknown[]][] = [
    ['lettersCreate', [{ title: '' }]],
    ['lettersCreate', [{ title: '   ' }]],
    ['lettersCreate', [{ title: 'x'.repeat(201) }]],
    ['lettersCreate', [{ title: '带控制\u000B字符' }]],
    ['lettersCreate', [{ title: '带控制\u0007字符' }]],
    ['lettersCreate', [{ title: '换行\n标题' }]],
    ['lettersCreate', [{ title: 42 }]],
    ['lettersCreate', [{ title: 'ok', extra: true }]],
    ['lettersCreate', []],
    ['lettersCreate', ['just a string']],
    ['lettersGet', [{ id: '1' }]],
    ['lettersGet', [{ id: -1 }]],
    ['lettersGet', [{ id: 1.5 }]],
    ['lettersList', [{ limit: 100000 }]],
    ['lettersList', [{ sort: 'DROP TABLE letters' }]],
    ['settingsUpdate', [{ locale: 'fr' }]],
    ['profileUpdate', [{ fullName: 'x'.repeat(1000) }]],
    ['lettersCreate', [{ title: 'a' }, { title: 'b' }]],
  ];
  it.each(bad)('%s %j is refused with invalid-input', async (method, args) => {
    const envelope = await core.dispatch(method, args);
    expect(envelope).toMatchObject({ ok: false, code: 'invalid-input' });
    expect((await api.lettersList({})).total).toBe(0);
  });

  it('an unknown method is refused with unknown-method', async () => {
    expect(await core.dispatch('dropEverything', [])).toMatchObject({ ok: false, code: 'unknown-method' });
    expect(await core.dispatch('constructor', [])).toMatchObject({ ok: false, code: 'unknown-method' });
    expect(await core.dispatch('__proto__', [])).toMatchObject({ ok: false, code: 'unknown-method' });
  });

  it('stores hostile but valid text exactly', async () => {
    const title = `<script>alert("x")</script> & ' " 𠀀 😀 ；DROP TABLE letters;--`;
    const letter = await api.lettersCreate({ title });
    expect((await api.lettersGet({ id: letter.id })).title).toBe(title);
  });
});

describe('settings and profile', () => {
  it('defaults to Chinese and remembers the chosen language', async () => {
    expect(await api.settingsGet()).toMatchObject({ locale: 'zh-CN', autoVersionMinutes: 10, numberPattern: '{前缀}-{yyyy}-{seq:4}', numberPrefix: 'HXCN' });
    await api.settingsUpdate({ locale: 'en' });
    expect(await api.settingsGet()).toMatchObject({ locale: 'en', autoVersionMinutes: 10 });
    await api.settingsUpdate({ autoVersionMinutes: 30, numberPrefix: 'BJFGS' });
    expect(await api.settingsGet()).toMatchObject({ locale: 'en', autoVersionMinutes: 30, numberPrefix: 'BJFGS' });
    expect(await api.settingsUpdate({ numberPattern: '{yyyy}' } as never).catch(errorCode)).toBe('invalid-input');
  });

  it('merges profile updates', async () => {
    expect((await api.profileGet()).fullName).toBe('');
    await api.profileUpdate({ fullName: '某某健康保险股份有限公司某某分公司', partyType: 'enterprise' });
    const p = await api.profileUpdate({ defaultSigner: '张三' });
    expect(p).toMatchObject({ fullName: '某某健康保险股份有限公司某某分公司', defaultSigner: '张三', partyType: 'enterprise' });
  });

  it('appInfo and dbCheck describe the store', async () => {
    expect(await api.appInfo()).toMatchObject({ version: '9.9.9', schemaVersion: APP_SCHEMA_VERSION });
    const report = await api.dbCheck();
    expect(report).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0 });
  });
});

describe('client envelope handling', () => {
  it('turns ok:false into LetterdeskError with the code; the code is never read from a message', async () => {
    const client = makeClient(async () => ({ ok: false, code: 'disk-full', message: 'no space' }));
    const err = await client.appInfo().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LetterdeskError);
    expect(errorCode(err)).toBe('disk-full');
    expect((err as Error).message).toBe('no space');
    expect(errorCode(new Error('[disk-full] no space'))).toBe('internal');
    expect(errorCode(new Error('boom'))).toBe('internal');
  });

  it('a malformed envelope becomes an internal error', async () => {
    const client = makeClient(async () => ({ nonsense: true }) as never);
    expect(errorCode(await client.appInfo().catch((e: unknown) => e))).toBe('internal');
  });
});

/**
 * IPC fuzzing (issue #11): every contract method, through the dispatcher every transport uses,
 * called with malformed payloads — wrong types, missing fields, huge strings, deep nesting,
 * typed arrays, prototype-pollution keys, negative and NaN ids, control characters, lone
 * surrogates. Only typed error envelopes come back, each within 100 ms; the process survives;
 * the database is byte-for-byte the same content afterwards (no payload reached a handler).
 *
 * LETTERDESK_PROPERTY_RUNS sets the payloads per method (default 1,000; the seed is fixed).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openCore, type Core } from '../../electron/core/create-api';
import { API_METHODS, contract, type ApiMethod } from '../../electron/shared/api';
import { isErrorCode } from '../../electron/shared/errors';
import type { Template } from '../../electron/shared/template';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';

const RUNS = Number(process.env['LETTERDESK_PROPERTY_RUNS'] ?? 1000);
const SEED = 20261127;
const MAX_CALL_MS = 100;

// Values no input schema accepts in most places, built once (fast-check would take seconds to grow them).
function deepArray(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}
function deepObject(levels: number): unknown {
  let v: unknown = { type: 'text', text: 'x' };
  for (let i = 0; i < levels; i++) v = { type: 'paragraph', content: [v] };
  return { type: 'doc', content: [v] };
}
const HUGE = [
  'x'.repeat(1_000_000),
  '中'.repeat(8_000_001),
  new Uint8Array(1 << 20),
  new Float64Array(1 << 17),
  new ArrayBuffer(1 << 20),
  new DataView(new ArrayBuffer(64)),
  deepArray(10_000),
  deepObject(10_000),
  new Array(600_000).fill(0),
  { content: new Array(200_000).fill({ type: 'text', text: 'x' }) },
];
const PROTO_KEYS = [
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown,
  Object.create(null) as unknown,
  { toString: 'x', valueOf: 1, hasOwnProperty: null },
];
const WEIRD_TEXT = ['\u0000', 'a\u0001b', '\uFFFE', '\uFFFF', '\uD800', 'x\uDC00', 'a\u202Eb', '\u0085', 'line\nbreak', '\t', '', ' ', '<script>', '"\'><', '%00', '../../etc/passwd'];
const NUMBERS = [Number.NaN, -1, 0, -0, 1.5, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_VALUE, 2 ** 53];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HUGE, ...PROTO_KEYS, ...WEIRD_TEXT, ...NUMBERS, null, true, false, [], {}, new Date(0), new Map([[1, 2]]), new Set([1]), /x/, 10n, () => 1, Symbol('s')),
  fc.string({ unit: fc.constantFrom('a', '中', '\u0000', '\u0007', '\u001F', '\u007F', '\u009F', '\uFFFE', '\uD800', '\uDFFF', '\u202E', '\n', '\t'), maxLength: 40 }),
  fc.integer({ min: -(2 ** 40), max: 0 }),
  fc.double(),
  fc.anything({
    maxDepth: 3,
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'type')),
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
  }),
);

type AnySchema = z.ZodType & { shape?: Record<string, z.ZodType>; options?: unknown[]; unwrap?: () => z.ZodType };

const CANDIDATES: unknown[] = [1, 'x', 'a1', 'builtin-health-consultation-guarantee', true, '2026-05-08', 'business', 'docx', 'letter', 'zh-CN', '签字', '承诺方', 0, [], {}, [1]];

/** A value the key's schema accepts, found by trying a few plain ones (enums offer their options). */
function validGuess(schema: AnySchema): { found: boolean; value?: unknown } {
  const options = schema.options ?? (schema.unwrap?.() as AnySchema | undefined)?.options ?? [];
  for (const v of [...options, ...CANDIDATES]) if (schema.safeParse(v).success) return { found: true, value: v };
  return { found: false };
}

/** A payload for `method` that passes its schema where one can be guessed, else null. */
function basePayload(method: ApiMethod): Record<string, unknown> | null {
  const schema = contract[method].input as AnySchema;
  if (!schema.shape) return null;
  const base: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(schema.shape)) {
    if (s.safeParse(undefined).success) continue;
    const guess = validGuess(s as AnySchema);
    if (!guess.found) return null;
    base[key] = guess.value;
  }
  return schema.safeParse(base).success ? base : null;
}

/** Malformed arguments for `method`: the whole argument hostile, one field hostile, a required field missing, extra keys or arguments. */
function malformed(method: ApiMethod): fc.Arbitrary<unknown[]> {
  const schema = contract[method].input as AnySchema;
  const invalid = (args: unknown[]) => args.length > 1 || !schema.safeParse(args[0]).success;
  const whole = hostile.map((v) => [v]);
  const extra = fc.tuple(hostile, hostile).map(([a, b]) => [a, b]);
  const base = basePayload(method);
  const shape = schema.shape;
  if (!base || !shape) return fc.oneof(whole, extra).filter(invalid);
  const keys = Object.keys(shape);
  const required = keys.filter((k) => !shape[k]!.safeParse(undefined).success);
  const oneField = fc.tuple(fc.constantFrom(...keys), hostile).map(([k, v]) => {
    const p: Record<string, unknown> = { ...base };
    Object.defineProperty(p, k, { value: v, enumerable: true, writable: true, configurable: true });
    return [p];
  });
  const unknownKey = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', ''), hostile).map(([k, v]) => {
    const p: Record<string, unknown> = { ...base };
    Object.defineProperty(p, k, { value: v, enumerable: true, writable: true, configurable: true });
    return [p];
  });
  const arbs = [whole, extra, oneField, oneField, unknownKey];
  if (required.length) arbs.push(fc.constantFrom(...required).map((k) => [Object.fromEntries(Object.entries(base).filter(([key]) => key !== k))]));
  return fc.oneof(...arbs).filter(invalid);
}

/** Every row of every table, hashed: the database's content whatever its file layout. */
function contentHash(core: Core): string {
  const hash = createHash('sha256');
  const tables = core.db.prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all();
  for (const { name } of tables) {
    hash.update(name);
    for (const row of core.db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)));
    }
  }
  return hash.digest('hex');
}

describe('IPC fuzzing: every method, malformed payloads', () => {
  let core: Core;
  let cleanup: () => void;
  let before: string;
  const timings: { method: string; calls: number; totalMs: number; maxMs: number }[] = [];

  beforeAll(async () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    core = openCore({ dataDir: t.dir, clock: makeFakeClock('2026-05-08T09:00:00.000Z'), dialogs: { openFile: async () => null, saveFile: async () => null } });
    // Something to read and to damage: a letter from a template with a version, a party, a user template.
    const letter = await core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
    await core.api.versionsSave({ id: letter.id, note: '初稿' });
    await core.api.partiesSave({ fullName: '某某科技有限公司' });
    await core.api.templatesCreate({ name: '我的模板', category: '通用' });
    before = contentHash(core);
  });
  afterAll(() => {
    core.close();
    cleanup();
    const total = timings.reduce((n, t) => n + t.totalMs, 0);
    const calls = timings.reduce((n, t) => n + t.calls, 0);
    const worst = timings.reduce((a, t) => (t.maxMs > a.maxMs ? t : a), timings[0]!);
    console.log(`[ipc-fuzz] ${calls} calls over ${timings.length} methods in ${(total / 1000).toFixed(1)} s of dispatch; slowest call ${worst.maxMs.toFixed(1)} ms (${worst.method})`);
  });

  it.each(API_METHODS.map((m) => [m]))('%s: only typed error envelopes, each within 100 ms', async (method) => {
    const record = { method, calls: 0, totalMs: 0, maxMs: 0 };
    timings.push(record);
    const run = await fc.check(
      fc.asyncProperty(malformed(method), async (args) => {
        const t = performance.now();
        const result = await core.dispatch(method, args);
        const ms = performance.now() - t;
        record.calls++;
        record.totalMs += ms;
        record.maxMs = Math.max(record.maxMs, ms);
        if (result.ok) throw new Error(`${method} accepted a malformed payload`);
        if (!isErrorCode(result.code) || result.code !== 'invalid-input') throw new Error(`${method} answered ${result.code}: ${result.message.slice(0, 200)}`);
        if (ms > MAX_CALL_MS) throw new Error(`${method} took ${ms.toFixed(0)} ms`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Our own message: fast-check's would print a counterexample of megabytes.
    expect(run.failed ? String((run.errorInstance as Error | undefined)?.message ?? 'failed') : null, `${method} (seed ${SEED}, run ${run.numRuns})`).toBeNull();
    expect(record.calls).toBeGreaterThanOrEqual(RUNS);
  });

  it('unknown and prototype method names are refused as unknown-method', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, { toString: () => 'lettersList' }]) {
      expect(await core.dispatch(name, [])).toMatchObject({ ok: false, code: 'unknown-method' });
    }
  });

  it('afterwards: the process works, no prototype was polluted, the database content is unchanged', async () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(await core.dispatch('lettersList', [{}])).toMatchObject({ ok: true });
    expect(contentHash(core)).toBe(before);
  });
});

describe('named hostile inputs', () => {
  let core: Core;
  let cleanup: () => void;
  let dir: string;
  const dialogs = { save: null as string | null };
  beforeAll(() => {
    const t = makeTempDir();
    ({ cleanup, dir } = t);
    core = openCore({ dataDir: dir, clock: makeFakeClock('2026-05-08T09:00:00.000Z'), dialogs: { openFile: async () => null, saveFile: async () => dialogs.save } });
  });
  afterAll(() => {
    core.close();
    cleanup();
  });

  const BAD = [
    ['U+0000', 'a\u0000b', 'control-chars'],
    ['U+FFFE', '张\uFFFE三', 'control-chars'],
    ['U+0085 (C1)', '张\u0085三', 'control-chars'],
    ['a lone high surrogate', '张\uD800三', 'lone-surrogate'],
    ['a lone low surrogate', '\uDC00张三', 'lone-surrogate'],
    ['a line break in a one-line text', '张\n三', 'control-chars'],
  ] as const;

  it.each(BAD)('%s is refused in titles, names, roles, categories, parties and notes with invalid-input naming why', async (_name, value, reason) => {
    const letter = await core.api.lettersCreate({ title: '测试' });
    const calls: [string, unknown][] = [
      ['lettersCreate', { title: value }],
      ['lettersRename', { id: letter.id, title: value }],
      ['signRecord', { id: letter.id, role: value, name: '张三', dateSigned: '2026-05-08', method: '签字' }],
      ['signRecord', { id: letter.id, role: '承诺方', name: value, dateSigned: '2026-05-08', method: '签字' }],
      ['templatesCreate', { name: value, category: '通用' }],
      ['templatesCreate', { name: '模板', category: value }],
      ['partiesSave', { fullName: value }],
      ['partiesSave', { fullName: '某公司', address: value }],
      ['profileUpdate', { defaultSigner: value }],
      ['signVoid', { id: letter.id, reason: value }],
      ['importCreate', { as: 'template', title: '模板', category: value, doc: { type: 'doc', content: [{ type: 'paragraph' }] }, fields: [], values: {} }],
    ];
    if (reason !== 'control-chars' || value !== '张\n三') calls.push(['versionsSave', { id: letter.id, note: value }]);
    for (const [method, input] of calls) {
      const r = await core.dispatch(method, [input]);
      expect(r, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringContaining(reason) });
    }
  });

  it('tab and line breaks are kept where text is multi-line (a note, a description)', async () => {
    const letter = await core.api.lettersCreate({ title: '多行' });
    expect(await core.dispatch('versionsSave', [{ id: letter.id, note: '第一行\n第二行\t完' }])).toMatchObject({ ok: true, value: { note: '第一行\n第二行\t完' } });
    expect(await core.dispatch('templatesCreate', [{ name: '模板😀', category: '𠀀类', description: '说明\n第二行' }])).toMatchObject({ ok: true });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype'])('a template category named %s works through export for signature', async (category) => {
    const created = await core.dispatch('templatesCreate', [{ name: `类别 ${category}`, category }]);
    expect(created).toMatchObject({ ok: true, value: { category } });
    const { builtin: _b, createdAt: _c, updatedAt: _u, ...template } = (created as { value: Template }).value;
    const source = await core.api.templatesGet({ id: 'builtin-health-consultation-guarantee' });
    expect(await core.dispatch('templatesSave', [{ template: { ...template, doc: source.doc, fields: source.fields } }])).toMatchObject({ ok: true });
    const letter = await core.api.lettersCreate({ templateId: template.id });
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    const { requiredValues } = await import('../helpers/sample-values');
    await core.api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
    dialogs.save = `${dir}/sign-${category}.docx`;
    const exported = await core.dispatch('signExport', [{ id: letter.id }]);
    expect(exported).toMatchObject({ ok: true, value: { number: expect.stringMatching(/^HXCN-2026-\d{4}$/) } });
    // As a key of the prefix map it is refused or stored as a plain key, never a prototype.
    const set = await core.dispatch('settingsUpdate', [JSON.parse(`{"categoryPrefixes":{${JSON.stringify(category)}:"PX"}}`)]);
    if (set.ok) {
      const settings = await core.api.settingsGet();
      expect(Object.getPrototypeOf(settings.categoryPrefixes)).toBe(Object.prototype);
      expect(Object.hasOwn(settings.categoryPrefixes, category)).toBe(true);
    } else {
      expect(set.code).toBe('invalid-input');
    }
    expect(({} as Record<string, unknown>)['PX']).toBeUndefined();
  });

  it('a 10,000-level document and a typed array are refused at once as invalid-input', async () => {
    const letter = await core.api.lettersCreate({ title: '深' });
    const deep = deepObject(10_000);
    for (const [method, input] of [
      ['lettersContentSave', { id: letter.id, revision: letter.revision, doc: deep, fields: [], values: {}, pageStyle: 'business' }],
      ['importCreate', { as: 'letter', title: '深', doc: deep, fields: [], values: {} }],
      ['lettersContentSave', new Uint8Array(4 << 20)],
      ['lettersContentSave', { id: letter.id, revision: letter.revision, doc: new Float32Array(1 << 20), fields: [], values: {}, pageStyle: 'business' }],
      ['templatesSave', { template: new Uint8Array(4 << 20) }],
    ] as const) {
      const t = performance.now();
      const r = await core.dispatch(method, [input]);
      expect(performance.now() - t, method).toBeLessThan(50);
      expect(r, method).toMatchObject({ ok: false, code: 'invalid-input' });
    }
    // A document 20 levels deep passes the payload guard and is refused by the document bounds.
    const r = await core.dispatch('lettersContentSave', [{ id: letter.id, revision: letter.revision, doc: deepObject(20), fields: [], values: {}, pageStyle: 'business' }]);
    expect(r).toMatchObject({ ok: false, code: 'invalid-document', message: expect.stringContaining('deeper') });
  });
});

describe('field keys named like Object.prototype members', () => {
  let core: Core;
  let cleanup: () => void;
  let dir: string;
  beforeAll(() => {
    ({ cleanup, dir } = makeTempDir());
    core = openCore({ dataDir: dir, clock: makeFakeClock('2026-05-08T09:00:00.000Z'), dialogs: { openFile: async () => null, saveFile: async () => `${dir}/out-${Math.random().toString(36).slice(2)}.docx` } });
  });
  afterAll(() => {
    core.close();
    cleanup();
  });

  it('constructor, toString, valueOf and hasOwnProperty work as field keys: saved, checked, exported', async () => {
    const keys = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const letter = await core.api.lettersCreate({ title: '键名' });
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: keys.flatMap((key) => [{ type: 'text', text: `${key}：` }, { type: 'field', attrs: { key } }]) }] };
    const fields = keys.map((key) => ({ key, label: key, type: 'text', required: true }));
    const saved = await core.dispatch('lettersContentSave', [{ id: letter.id, revision: letter.revision, doc, fields, values: { toString: '已填' }, pageStyle: 'business' }]);
    expect(saved).toMatchObject({ ok: true });
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    expect(content.values).toEqual({ toString: '已填' });
    // Unfilled keys are reported missing (not read from Object.prototype), and a draft export prints them blank.
    expect(await core.dispatch('lettersExport', [{ id: letter.id, format: 'docx' }])).toMatchObject({ ok: false, code: 'missing-required', message: expect.stringContaining('constructor') });
    expect(await core.dispatch('lettersExport', [{ id: letter.id, format: 'docx', draft: true }])).toMatchObject({ ok: true, value: { path: expect.stringContaining('.docx') } });
  });
});

/**
 * The API contract is one map (electron/shared/api.ts): every method has exactly one input
 * schema there and exactly one handler in one domain module of core; the method list, the
 * interface, validation and the dispatcher all follow from it.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { API_METHODS, contract, isApiMethod, type ApiMethod, type InputOf, type LetterdeskApi, type ResultOf } from '../../electron/shared/api';
import { validateInput } from '../../electron/shared/validate';
import { createApi, handlerModules } from '../../electron/core/create-api';
import { createCoreDeps } from '../../electron/core/core-deps';
import type { Letter } from '../../electron/shared/domain';
import { useTempCore } from '../helpers/core-fixture';

describe('the contract', () => {
  it('lists every method of the map once, and the list is the interface', () => {
    expectTypeOf<(typeof API_METHODS)[number]>().toEqualTypeOf<keyof LetterdeskApi>();
    expectTypeOf<ApiMethod>().toEqualTypeOf<keyof typeof contract>();
    expect(API_METHODS.length).toBeGreaterThan(40);
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length);
    expect([...API_METHODS].sort()).toEqual(Object.keys(contract).sort());
    expect(isApiMethod('lettersCreate')).toBe(true);
    expect(isApiMethod('toString')).toBe(false);
    expect(isApiMethod('__proto__')).toBe(false);
  });

  it('names every method <domain><Verb>, one spelling per domain (letters*, never letter*)', () => {
    // The domain is the first word: a collection's name is plural, an action's domain is the verb's noun.
    const domains = ['app', 'letters', 'versions', 'export', 'sign', 'register', 'search', 'templates', 'import', 'parties', 'settings', 'profile', 'db', 'backups', 'archive', 'recovery'];
    const pattern = new RegExp(`^(${domains.join('|')})[A-Z][A-Za-z]*$`);
    for (const method of API_METHODS) expect(method, `${method}: its name does not start with one of the domains`).toMatch(pattern);
    // Every domain named is used (a renamed domain leaves no stale entry behind).
    for (const domain of domains) expect(API_METHODS.some((m) => pattern.exec(m)?.[1] === domain), domain).toBe(true);
  });

  it('gives every method exactly one input schema', () => {
    for (const method of API_METHODS) {
      expect(Object.keys(contract[method]), method).toEqual(['input']);
      expect(contract[method].input, method).toBeInstanceOf(z.ZodType);
    }
  });

  it('derives each method’s argument and result from its entry', () => {
    expectTypeOf<InputOf<'lettersGet'>>().toEqualTypeOf<{ id: number }>();
    expectTypeOf<ResultOf<'lettersGet'>>().toEqualTypeOf<Letter>();
    expectTypeOf<LetterdeskApi['lettersGet']>().toEqualTypeOf<(input: { id: number }) => Promise<Letter>>();
    // A method without an argument is called without one.
    expectTypeOf<LetterdeskApi['appInfo']>().toBeCallableWith();
    expectTypeOf<Parameters<LetterdeskApi['templatesDelete']>[0]>().toEqualTypeOf<{ id: string }>();
  });

  it('validates with the method’s own schema: normalised input, or invalid-input', () => {
    expect(validateInput('lettersRename', [{ id: 1, title: '  承诺书  ' }])).toEqual({ id: 1, title: '承诺书' });
    expect(validateInput('appInfo', [])).toBeUndefined();
    expect(() => validateInput('appInfo', [{ x: 1 }])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => validateInput('lettersGet', [{ id: 1, extra: true }])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => validateInput('lettersGet', [{ id: 1 }, { id: 2 }])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

describe('core implements the contract', () => {
  const t = useTempCore();

  it('has exactly one handler per method, each in one domain module', () => {
    const modules = handlerModules(createCoreDeps({ store: t.core.store, dataDir: t.dir }));
    const owners = new Map<string, string[]>();
    for (const [domain, handlers] of Object.entries(modules)) {
      for (const method of Object.keys(handlers)) owners.set(method, [...(owners.get(method) ?? []), domain]);
    }
    const twice = [...owners].filter(([, domains]) => domains.length > 1);
    expect(twice, 'methods with more than one handler').toEqual([]);
    expect([...owners.keys()].sort()).toEqual([...API_METHODS].sort());
    for (const handler of Object.values(modules).flatMap((m) => Object.values(m))) expect(typeof handler).toBe('function');
    expect(Object.keys(createApi({ store: t.core.store, dataDir: t.dir })).sort()).toEqual([...API_METHODS].sort());
  });

  it('the dispatcher refuses a name that is not a method, and validates before any handler runs', async () => {
    expect(await t.core.dispatch('toString', [])).toMatchObject({ ok: false, code: 'unknown-method' });
    expect(await t.core.dispatch('lettersDrop', [{ id: 1 }])).toMatchObject({ ok: false, code: 'unknown-method' });
    expect(await t.core.dispatch('lettersGet', [{ id: -1 }])).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await t.core.dispatch('lettersGet', [{ id: 4242 }])).toMatchObject({ ok: false, code: 'not-found' });
    expect(await t.core.dispatch('appInfo', [])).toMatchObject({ ok: true, value: { dataDir: t.dir } });
  });
});

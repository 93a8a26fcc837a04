/**
 * Typed messages (issue #10): a message's placeholders are checked where it is used, and
 * English chooses singular or plural by the number ("1 letter", never "1 letters").
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format, formatDateTime, i18n, setLocale, t } from '../../renderer/src/lib/i18n.svelte';

describe('messages', () => {
  afterEach(() => setLocale('zh-CN'));

  it('choose the plural form of the language', () => {
    setLocale('en');
    expect(t('letters.count', { n: 1 })).toBe('1 letter');
    expect(t('letters.count', { n: 2 })).toBe('2 letters');
    expect(t('letters.count', { n: 0 })).toBe('0 letters');
    expect(t('form.missing', { n: 1 })).toBe('1 required field is still empty:');
    expect(t('form.missing', { n: 3 })).toBe('3 required fields are still empty:');
    setLocale('zh-CN');
    expect(i18n.locale).toBe('zh-CN');
    expect(t('letters.count', { n: 1 })).toBe('共 1 份');
  });

  it('fill names, leave an unknown one visible, and pass text through untouched', () => {
    expect(format('en', '{a} and {b}', { a: 'x', b: 2 })).toBe('x and 2');
    expect(format('en', '{a} and {missing}', { a: 'x' })).toBe('x and {missing}');
    expect(format('en', '{n} {n|item|items}', { n: 1.5 })).toBe('1.5 items');
    expect(format('en', '{v}', { v: '{n}' })).toBe('{n}');
    // Literal braces: the number pattern's own syntax.
    expect(format('zh-CN', '需 {{seq}} 或 {{seq:N}}，{x}', { x: 1, seq: 9 })).toBe('需 {seq} 或 {seq:N}，1');
    expect(t('numbering.badPattern')).toContain('{seq}');
  });

  it('are checked where they are used (compile time)', () => {
    // @ts-expect-error — letters.count needs {n}
    expect(t('letters.count')).toContain('{n}');
    // @ts-expect-error — letters.count has no {count}
    expect(t('letters.count', { count: 1 })).toContain('{n}');
    // A message without placeholders takes none.
    // @ts-expect-error — nav.letters has no placeholders
    expect(t('nav.letters', { n: 1 })).toBe('函件');
    expect(t('nav.letters')).toBe('函件');
  });
});

describe('formatDateTime', () => {
  afterEach(() => setLocale('zh-CN'));

  it('writes exactly what Intl writes for zh-CN and en-GB (year, month, day, hour, minute; local time)', () => {
    const options = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        setLocale('zh-CN');
        expect(formatDateTime(d.toISOString())).toBe(d.toLocaleString('zh-CN', options));
        setLocale('en');
        expect(formatDateTime(d.toISOString())).toBe(d.toLocaleString('en-GB', options));
      }),
      { numRuns: 500, seed: 20261128 },
    );
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

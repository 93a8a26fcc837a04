/**
 * Typed messages (issue #10): a message's placeholders are checked where it is used, and
 * English chooses singular or plural by the number ("1 letter", never "1 letters").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { format, i18n, setLocale, t } from '../../renderer/src/lib/i18n.svelte';

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

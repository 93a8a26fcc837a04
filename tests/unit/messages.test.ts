import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../renderer/src/lib/messages';
import { ERROR_CODES } from '../../electron/shared/errors';

describe('UI messages', () => {
  it('English has exactly the Chinese keys, none empty, same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, zh] of Object.entries(zhCN)) {
      const english = en[key as keyof typeof en];
      expect(english.trim(), key).not.toBe('');
      // {n} and {n|one|other} (a plural choice) both name n.
      // {{x}} is the text {x}, not a placeholder.
      const names = (s: string) => [...new Set([...s.replace(/\{\{[^{}]*\}\}/g, '').matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();
      expect(names(english), key).toEqual(names(zh));
    }
  });

  it('every error code has a message in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(zhCN[`error.${code}`]).toBeTruthy();
      expect(en[`error.${code}`]).toBeTruthy();
    }
  });
});

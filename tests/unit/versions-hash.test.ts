import { describe, expect, it } from 'vitest';
import { canonicalContent, canonicalJson, contentHash, fingerprint, normalizeHashPrefix } from '../../electron/core/versions/canonical-hash';
import type { LetterContent } from '../../electron/shared/letter-content';

const content = (days: number): LetterContent => ({
  doc: { type: 'doc', content: [{ type: 'clause', attrs: { scheme: 'cn', level: 0 }, content: [{ type: 'text', text: '在' }, { type: 'field', attrs: { key: 'days' } }, { type: 'text', text: '内完成审核' }] }] },
  fields: [{ key: 'days', label: '初审时限', type: 'number', required: true, options: { unit: '个工作日' } }],
  values: { days },
  pageStyle: 'business',
});

describe('canonical serialization and content hash', () => {
  it('does not depend on object key order, at any depth', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: '承诺' } };
    const b = { a: { c: '承诺', d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"承诺","d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('drops undefined members as JSON does, and keeps array order significant', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('hashes equal content equally whatever the key order, and different content differently', () => {
    const c = content(5);
    const reordered: LetterContent = JSON.parse(JSON.stringify({ pageStyle: c.pageStyle, values: c.values, fields: c.fields, doc: c.doc }));
    (reordered.fields[0] as unknown as Record<string, unknown>) = { options: { unit: '个工作日' }, required: true, type: 'number', label: '初审时限', key: 'days' };
    expect(contentHash(reordered)).toBe(contentHash(c));
    expect(contentHash(c)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(content(3))).not.toBe(contentHash(c));
    expect(contentHash({ ...c, pageStyle: 'official' })).not.toBe(contentHash(c));
  });

  it('the stored canonical text round-trips to the same hash', () => {
    const c = content(5);
    expect(contentHash(JSON.parse(canonicalContent(c)))).toBe(contentHash(c));
  });

  it('prints a 12-digit upper-case fingerprint and reads it back typed any way', () => {
    const hash = contentHash(content(5));
    const fp = fingerprint(hash);
    expect(fp).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(normalizeHashPrefix(fp)).toBe(hash.slice(0, 12));
    expect(normalizeHashPrefix(` ${fp.toLowerCase().replace(/-/g, ' ')} `)).toBe(hash.slice(0, 12));
    expect(normalizeHashPrefix('12AB')).toBeNull();
    expect(normalizeHashPrefix('xyz12345')).toBeNull();
  });
});

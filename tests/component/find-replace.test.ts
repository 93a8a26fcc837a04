/**
 * Find and replace in a letter (issue #15), the pure part: matches over body text and field
 * values as shown, replace in text and through field validation, one undo step for all.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditorState, type Transaction } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { letterSchema, type DocJSON } from '../../electron/shared/doc-schema';
import type { FieldDef, FieldValues } from '../../electron/shared/fields';
import { findMatches, replaceMatches, type FieldLookup, type FindQuery } from '../../renderer/src/editor/find-replace';
import { fieldValueChanges } from '../../renderer/src/editor/field-value-step';

const DEFS: FieldDef[] = [
  { key: 'days', label: '理赔时限', type: 'number', required: true, options: { unit: '个工作日', integer: true, min: 1, max: 30 } },
  { key: 'company', label: '承诺方', type: 'text', required: true },
  { key: 'signedOn', label: '签订日期', type: 'date', required: false },
  { key: 'amount', label: '保额', type: 'money', required: false, options: { capital: true } },
];

type Piece = string | { field: string } | { br: true };
const para = (...pieces: Piece[]) => ({
  type: 'paragraph',
  attrs: { align: null, indent: true },
  content: pieces.flatMap((p) =>
    typeof p === 'string' ? (p ? [{ type: 'text', text: p }] : []) : 'field' in p ? [{ type: 'field', attrs: { key: p.field } }] : [{ type: 'hard_break' }],
  ),
});
const docOf = (...paras: ReturnType<typeof para>[]): DocJSON => ({ type: 'doc', content: paras }) as DocJSON;

/** An editor without a view: values live beside the document, as in the letter view. */
class Harness {
  state: EditorState;
  values: FieldValues;
  readonly lookup: FieldLookup;
  constructor(doc: DocJSON, values: FieldValues, defs: FieldDef[] = DEFS) {
    this.state = EditorState.create({ doc: letterSchema.nodeFromJSON(doc), plugins: [history()] });
    this.values = { ...values };
    this.lookup = { def: (k) => defs.find((d) => d.key === k), values: () => this.values };
  }
  dispatch = (tr: Transaction): void => {
    for (const c of fieldValueChanges(tr)) this.values = { ...this.values, [c.key]: c.after };
    this.state = this.state.apply(tr);
  };
  find(query: string, caseSensitive = false) {
    return findMatches(this.state.doc, { query, caseSensitive }, this.lookup);
  }
  replaceAll(q: FindQuery, replacement: string) {
    const tr = this.state.tr;
    const result = replaceMatches(tr, findMatches(this.state.doc, q, this.lookup), replacement, this.lookup);
    this.dispatch(tr);
    return result;
  }
  text(): string {
    return this.state.doc.textContent;
  }
}

const fieldKeys = (doc: PMNode) => {
  const keys: string[] = [];
  doc.descendants((n) => {
    if (n.type.name === 'field') keys.push(String(n.attrs['key']));
  });
  return keys;
};

describe('findMatches', () => {
  const letter = docOf(
    para('Apple 与 apple，APPLE 承诺在', { field: 'days' }, '内完成。'),
    para('承诺方：', { field: 'company' }, '，日期', { field: 'signedOn' }),
    para('ab', { field: 'company' }, 'cd', { br: true }, 'ef'),
  );
  const values: FieldValues = { days: 3, company: 'Apple 健康', signedOn: { y: 2026, m: 5, d: 8 } };

  it('finds in the text and in field values as shown, in document order; case only when asked', () => {
    const h = new Harness(letter, values);
    expect(h.find('apple').map((m) => m.kind)).toEqual(['text', 'text', 'text', 'field', 'field']);
    expect(h.find('apple', true)).toHaveLength(1);
    expect(h.find('Apple', true).map((m) => m.kind)).toEqual(['text', 'field', 'field']);
    // 3个工作日 shows in the field; 2026年5月8日 too.
    expect(h.find('3个工作日')).toHaveLength(1);
    expect(h.find('2026年5月8日')).toHaveLength(1);
  });

  it('never runs a match across a field boundary or a line break', () => {
    const h = new Harness(letter, values);
    expect(h.find('bApple')).toHaveLength(0);
    expect(h.find('健康cd')).toHaveLength(0);
    expect(h.find('cdef')).toHaveLength(0);
    expect(h.find('ef')).toHaveLength(1);
  });

  it('does not match a blank: an empty field shows no value', () => {
    const h = new Harness(letter, {});
    expect(h.find('理赔时限')).toHaveLength(0);
    expect(h.find('个工作日')).toHaveLength(1); // the unit beside the blank
  });
});

describe('replaceMatches', () => {
  it('replaces in text and in a field value through its validation; one undo restores both', () => {
    const h = new Harness(docOf(para('Apple 承诺：', { field: 'company' }, '，Apple。')), { company: 'Apple 健康' });
    const before = h.state.doc;
    const result = h.replaceAll({ query: 'apple', caseSensitive: false }, '安康');
    expect(result).toEqual({ replaced: 3, skipped: [] });
    expect(h.text()).toBe('安康 承诺：，安康。');
    expect(h.values['company']).toBe('安康 健康');
    expect(fieldKeys(h.state.doc)).toEqual(['company']);
    expect(undo(h.state, h.dispatch)).toBe(true);
    expect(h.state.doc.eq(before)).toBe(true);
    expect(h.values['company']).toBe('Apple 健康');
  });

  it('skips a value the field refuses and says why; the text around it is still replaced', () => {
    const h = new Harness(docOf(para('共3项，', { field: 'days' })), { days: 3 });
    const result = h.replaceAll({ query: '3', caseSensitive: false }, '三');
    expect(result.replaced).toBe(1);
    expect(result.skipped).toEqual([{ key: 'days', label: '理赔时限', reason: 'unreadable', count: 1 }]);
    expect(h.text()).toBe('共三项，');
    expect(h.values['days']).toBe(3);
    // Out of range (max 30) is refused the same way the form refuses it.
    const tooBig = h.replaceAll({ query: '3', caseSensitive: false }, '99');
    expect(tooBig.skipped).toEqual([{ key: 'days', label: '理赔时限', reason: 'too-large', count: 1 }]);
    expect(h.replaceAll({ query: '3', caseSensitive: false }, '15').replaced).toBe(1);
    expect(h.values['days']).toBe(15);
  });

  it('leaves fixed text of a field (its unit) alone', () => {
    const h = new Harness(docOf(para('个工作日：', { field: 'days' })), { days: 5 });
    const result = h.replaceAll({ query: '工作日', caseSensitive: false }, '自然日');
    expect(result.replaced).toBe(1);
    expect(result.skipped).toEqual([{ key: 'days', label: '理赔时限', reason: 'fixed-text', count: 1 }]);
    expect(h.text()).toBe('个自然日：');
  });

  it('changes one part of a date, and the figures of a capital money amount', () => {
    const h = new Harness(docOf(para({ field: 'signedOn' }, ' ', { field: 'amount' })), { signedOn: { y: 2026, m: 5, d: 8 }, amount: 100000 });
    expect(h.replaceAll({ query: '2026', caseSensitive: false }, '2027').replaced).toBe(1);
    expect(h.values['signedOn']).toEqual({ y: 2027, m: 5, d: 8 });
    expect(h.replaceAll({ query: '100,000', caseSensitive: false }, '200,000').replaced).toBe(1);
    expect(h.values['amount']).toBe(200000);
    // The capital form is printed from the figures, never typed over.
    expect(h.replaceAll({ query: '贰拾万', caseSensitive: false }, '叁拾万').skipped[0]?.reason).toBe('fixed-text');
    expect(h.values['amount']).toBe(200000);
    // 2月30日 does not exist: refused.
    expect(h.replaceAll({ query: '5', caseSensitive: false }, '2').replaced).toBe(1);
    const bad = h.replaceAll({ query: '8', caseSensitive: false }, '30');
    expect(bad.skipped[0]?.reason).toBe('bad-date');
    expect(h.values['signedOn']).toEqual({ y: 2027, m: 2, d: 8 });
  });

  it('changes a field shown in two places once, and counts both places', () => {
    const h = new Harness(docOf(para({ field: 'company' }, '与', { field: 'company' })), { company: '甲公司' });
    expect(h.replaceAll({ query: '甲', caseSensitive: false }, '乙')).toEqual({ replaced: 2, skipped: [] });
    expect(h.values['company']).toBe('乙公司');
  });
});

describe('replace all (property)', () => {
  // The query's letters and the replacement's share nothing (also after case folding), so a
  // replace cannot make a new match out of its own text.
  const queryChars = ['甲', '乙', 'a', 'B'];
  const replacementChars = ['丙', '丁', 'x', 'Y'];
  const textDefs: FieldDef[] = ['f1', 'f2', 'f3'].map((key) => ({ key, label: key, type: 'text', required: false }));
  const chars = fc.constantFrom(...queryChars, ...replacementChars, '，');
  const str = (min: number, max: number, from = chars) => fc.array(from, { minLength: min, maxLength: max }).map((a) => a.join(''));
  const piece = fc.oneof(str(1, 8), fc.constantFrom(...textDefs.map((d) => ({ field: d.key }))), fc.constant({ br: true as const }));
  const docArb = fc.array(fc.array(piece, { maxLength: 8 }), { minLength: 1, maxLength: 5 });
  const valuesArb = fc.record({ f1: str(1, 10), f2: str(1, 10), f3: str(1, 10) });

  it('leaves no match and keeps every field node', () => {
    fc.assert(
      fc.property(
        docArb,
        valuesArb,
        str(1, 3, fc.constantFrom(...queryChars)),
        str(0, 4, fc.constantFrom(...replacementChars)),
        fc.boolean(),
        (paras, values, query, replacement, caseSensitive) => {
          const h = new Harness(docOf(...paras.map((p) => para(...p))), values, textDefs);
          const keysBefore = fieldKeys(h.state.doc);
          const found = h.find(query, caseSensitive).length;
          const result = h.replaceAll({ query, caseSensitive }, replacement);
          expect(result.skipped).toEqual([]);
          expect(result.replaced).toBe(found);
          expect(h.find(query, caseSensitive)).toEqual([]);
          expect(fieldKeys(h.state.doc)).toEqual(keysBefore);
          undo(h.state, h.dispatch);
          expect(h.values).toEqual(values);
        },
      ),
      { numRuns: 300 },
    );
  });
});

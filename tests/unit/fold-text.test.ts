/**
 * foldedText (search passages and matching) is a table-driven fold of whole texts; it must give
 * exactly what folding each code point with foldChar gives — the definition kept here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldChar } from '../../electron/core/search/fold';
import { foldedText } from '../../electron/core/search/units';

/** The definition: each code point folded on its own; null when one changes UTF-16 length. */
function byCodePoint(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(width === 1 ? text[i]! : text.slice(i, i + 2));
    if (folded.length !== width) return null;
    out += folded;
    i += width;
  }
  return out;
}

const letterish = fc.string({
  unit: fc.constantFrom(...'理賠理赔保單保单服務服务ＨＸＣＮhxcnÉé①１２３，。：（）__ 　\n𠀀𡈽﹏Ⅻ㍿ﬀ\ud800\udc00'.split('')),
  maxLength: 200,
});

describe('foldedText', () => {
  it('equals folding each code point on its own (any Unicode, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), letterish), (text) => {
        expect(foldedText(text)).toBe(byCodePoint(text));
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it('returns the text itself when nothing folds, and folds traditional, full-width and case', () => {
    const plain = '承诺方应在三个工作日内完成理赔初审';
    expect(foldedText(plain)).toBe(plain);
    expect(foldedText('理賠ＨＸＣＮ-2026')).toBe('理赔hxcn-2026');
    expect(foldedText('a'.repeat(10_000) + '賠')).toBe('a'.repeat(10_000) + '赔');
  });
});

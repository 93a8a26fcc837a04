/** Search text rules (issue #13): folding, units, query terms, the FTS5 tokens and phrases, passages. */
import { describe, expect, it } from 'vitest';
import { foldChar } from '../../electron/core/search/fold';
import { unitsOf } from '../../electron/core/search/units';
import { parseQuery } from '../../electron/core/search/query';
import { columnTokens, SEGMENT_BARRIER, termPhrase } from '../../electron/core/search/fts-text';
import { findTerm, matchText } from '../../electron/core/search/match';
import { buildSnippet } from '../../electron/core/search/snippet';
import { passageParts } from '../../renderer/src/register/passage';

const fold = (s: string) => [...s].map(foldChar).join('');
const units = (s: string) => unitsOf(s).map((u) => (u.kind === 'cjk' ? u.chars.join('') : `[${u.chars[0]}]`));
const phrases = (q: string) => parseQuery(q).map(termPhrase);
const find = (text: string, q: string) => {
  const [term] = parseQuery(q);
  return findTerm(matchText(text), term!).map(([s, e]) => text.slice(s, e));
};

describe('folding', () => {
  it('maps traditional and variant characters to simplified, full-width to plain, case and accents away', () => {
    expect(fold('理賠服務保險單據')).toBe('理赔服务保险单据');
    expect(fold('臺灣為裏')).toBe('台湾为里');
    expect(fold('ＨＸＣＮ－２０２６')).toBe('hxcn-2026');
    expect(fold('Café ①')).toBe('cafe 1');
    expect(fold('理赔服务')).toBe('理赔服务');
  });
  it('keeps one code point per code point, so offsets stay those of the text as written', () => {
    for (const s of ['𠮷野家', '㈠理賠', 'ﬁle', 'İ']) expect([...fold(s)].length).toBe([...s].length);
  });
});

describe('units', () => {
  it('splits mixed Chinese, Latin and numbers, punctuation and blanks only separate', () => {
    expect(units('承诺书编号：HXCN-2026-0012，金额5万元（50,000.00元）')).toEqual([
      '承诺书编号', '[hxcn]', '[2026]', '[0012]', '金额', '[5]', '万元', '[50]', '[000]', '[00]', '元',
    ]);
    expect(units('第1条 健康險')).toEqual(['第', '[1]', '条', '健康险']);
    expect(unitsOf('a理赔')[1]!.starts).toEqual([1, 2]);
  });
});

describe('query terms', () => {
  it('splits on spaces, keeps quoted text (any quote style) as one term, drops empty and repeated terms', () => {
    expect(parseQuery('理赔  时限').map((t) => t.text)).toEqual(['理赔', '时限']);
    expect(parseQuery('“理赔 时限” 保单').map((t) => t.text)).toEqual(['理赔 时限', '保单']);
    expect(parseQuery('"a b" 「c」 ，， 理赔 理賠').map((t) => t.text)).toEqual(['a b', 'c', '理赔']);
    expect(parseQuery('   ，。')).toEqual([]);
  });
});

describe('FTS5 tokens', () => {
  it('stores bigrams, each run’s end, words, barriers between segments and each character once', () => {
    const B = SEGMENT_BARRIER;
    expect(columnTokens(['理赔时限', 'HXCN-7'])).toBe(`理赔 赔时 时限 限 ${B} hxcn 7 ${B} 理 ${B} 赔 ${B} 时 ${B} 限`);
    expect(columnTokens(['保，单'])).toBe(`保 单 ${B} 保 ${B} 单`);
  });
  it('turns every query length into one token or a phrase', () => {
    expect(phrases('保')).toEqual(['"保"']);
    expect(phrases('理赔')).toEqual(['"理赔"']);
    expect(phrases('健康险')).toEqual(['"健康 康险"']);
    expect(phrases('服务承诺')).toEqual(['"服务 务承 承诺"']);
    expect(phrases('hotline')).toEqual(['"hotline"*']);
    expect(phrases('HXCN-2026-0012')).toEqual(['"hxcn 2026 0012"*']);
    expect(phrases('5万元')).toEqual(['"5 万元"']);
    expect(phrases('第1条')).toEqual(['"第 1 条"*']);
    expect(phrases('理赔，保')).toEqual(['"理赔 赔 保"*']);
    expect(phrases('理賠 時限')).toEqual(['"理赔"', '"时限"']);
  });
});

describe('matching (what the index answers, stated over text)', () => {
  it('finds Chinese anywhere in a run, in simplified or traditional form', () => {
    expect(find('健康險理賠服務', '理赔')).toEqual(['理賠']);
    expect(find('保险保单', '保')).toEqual(['保', '保']);
    expect(find('理赔，保单', '赔保')).toEqual([]);
    expect(find('理赔，保单', '赔，保')).toEqual(['赔，保']);
  });
  it('matches Latin words and numbers whole, the last one also as a prefix', () => {
    expect(find('编号 HXCN-2026-0012', 'HXCN-2026-00')).toEqual(['HXCN-2026-0012']);
    expect(find('编号 HXCN-2026-0012', '2026-0012')).toEqual(['2026-0012']);
    expect(find('编号 HXCN-2026-0012', 'XCN')).toEqual([]);
    expect(find('Hotline service', 'hot')).toEqual(['Hotline']);
  });
});

describe('passages', () => {
  it('cuts a window around the first match and marks every match in it by offsets', () => {
    const body = '一、总则\n承诺方应当在收到理赔申请后三个工作日内完成理赔初审。\n二、其他';
    const { snippet, bodyMatch } = buildSnippet([{ field: 'body', text: body }, { field: 'title', text: '理赔承诺书' }], parseQuery('理赔'));
    expect(bodyMatch).toBe('理赔');
    expect(snippet!.field).toBe('body');
    // A short lead-in, so the match shows in a narrow column; the passage stays within its line.
    expect(snippet!.text).toBe('方应当在收到理赔申请后三个工作日内完成理赔初审。');
    expect(snippet!.highlights.map(([s, e]) => snippet!.text.slice(s, e))).toEqual(['理赔', '理赔']);
    expect(snippet!.cutStart && snippet!.cutEnd).toBe(true);
  });
  it('falls back to the title when the body has no match', () => {
    const { snippet, bodyMatch } = buildSnippet([{ field: 'body', text: '正文' }, { field: 'title', text: '<b>理赔</b>' }], parseQuery('理赔'));
    expect(bodyMatch).toBeNull();
    expect(snippet).toMatchObject({ field: 'title', text: '<b>理赔</b>', highlights: [[3, 5]] });
  });
});

describe('passage parts (the register marks matches from offsets, never from markup)', () => {
  it('cuts the text at the highlights, clamps bad offsets and adds the ellipses outside the marks', () => {
    const parts = passageParts({ field: 'body', text: '<i>理赔</i>时限', highlights: [[3, 5], [9, 99]], cutStart: true, cutEnd: true });
    expect(parts).toEqual([
      { text: '…', mark: false },
      { text: '<i>', mark: false },
      { text: '理赔', mark: true },
      { text: '</i>', mark: false },
      { text: '时限', mark: true },
      { text: '…', mark: false },
    ]);
  });
});

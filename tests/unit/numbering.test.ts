import { describe, expect, it } from 'vitest';
import { chineseCount, numberClauses, type ClauseLike } from '../../electron/shared/numbering';

const c = (scheme: ClauseLike['scheme'], level = 0): ClauseLike => ({ scheme, level });

describe('chinese counting numbers', () => {
  it.each([
    [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [99, '九十九'],
    [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1000, '一千'], [1001, '一千零一'],
  ])('%i → %s', (n, text) => expect(chineseCount(n)).toBe(text));
});

describe('clause numbering', () => {
  it('numbers each scheme', () => {
    expect(numberClauses([c('cn'), c('cn'), c('cn')])).toEqual(['一、', '二、', '三、']);
    expect(numberClauses([c('cn-paren'), c('cn-paren')])).toEqual(['（一）', '（二）']);
    expect(numberClauses([c('decimal'), c('decimal')])).toEqual(['1.', '2.']);
    expect(numberClauses([c('decimal-paren'), c('decimal-paren')])).toEqual(['（1）', '（2）']);
    expect(numberClauses([c('article'), c('article'), c('article')])).toEqual(['第一条　', '第二条　', '第三条　']);
    expect(numberClauses([c('chapter'), c('chapter')])).toEqual(['第一章　', '第二章　']);
  });

  it('nests mixed schemes and restarts deeper levels (一、 then 1. then (1))', () => {
    const out = numberClauses([
      c('cn', 0), c('decimal', 1), c('decimal-paren', 2), c('decimal-paren', 2), c('decimal', 1),
      c('cn', 0), c('decimal', 1),
    ]);
    expect(out).toEqual(['一、', '1.', '（1）', '（2）', '2.', '二、', '1.']);
  });

  it('outline numbers carry their parents: 1.1, 2.3.1', () => {
    const out = numberClauses([
      c('outline', 0), c('outline', 1), c('outline', 0), c('outline', 1), c('outline', 1), c('outline', 1), c('outline', 2),
    ]);
    expect(out).toEqual(['1.', '1.1 ', '2.', '2.1 ', '2.2 ', '2.3 ', '2.3.1 ']);
  });

  it('renumbers after insert, delete, move and indent', () => {
    const base = [c('cn'), c('cn'), c('cn')];
    expect(numberClauses([base[0]!, c('cn'), ...base.slice(1)])).toEqual(['一、', '二、', '三、', '四、']);
    expect(numberClauses(base.slice(1))).toEqual(['一、', '二、']);
    // Indent the second clause under the first: the third becomes 二、
    expect(numberClauses([c('cn'), c('cn-paren', 1), c('cn')])).toEqual(['一、', '（一）', '二、']);
  });

  it('a change of scheme at the same level starts a new list', () => {
    expect(numberClauses([c('cn'), c('cn'), c('article'), c('article')])).toEqual(['一、', '二、', '第一条　', '第二条　']);
  });

  it('articles count straight through chapters (第一章 第一条 第二条 第二章 第三条)', () => {
    expect(numberClauses([c('chapter', 0), c('article', 1), c('article', 1), c('chapter', 0), c('article', 1), c('cn-paren', 2)])).toEqual([
      '第一章　', '第一条　', '第二条　', '第二章　', '第三条　', '（一）',
    ]);
  });

  it('clamps levels to the nine Word allows', () => {
    expect(numberClauses([c('decimal', 0), c('decimal', 42)])).toEqual(['1.', '1.']);
  });
});

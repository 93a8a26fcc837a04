import { describe, expect, it } from 'vitest';
import { acceptedFormats, coerceFieldInput, parseFieldInput } from '../../electron/shared/field-input';
import type { FieldDef } from '../../electron/shared/fields';

const def = (type: FieldDef['type'], options: FieldDef['options'] = {}): FieldDef => ({ key: 'f', label: '字段', type, required: true, options });
const value = (d: FieldDef, text: string) => {
  const r = parseFieldInput(d, text);
  return r.ok ? r.value : `problem:${r.problem}`;
};

describe('dates as people type them or Excel exports them', () => {
  const date = def('date');
  it.each([
    ['2026-05-08', { y: 2026, m: 5, d: 8 }],
    ['2026年5月8日', { y: 2026, m: 5, d: 8 }],
    ['2026 年 5 月 8 日', { y: 2026, m: 5, d: 8 }],
    ['２０２６年５月８日', { y: 2026, m: 5, d: 8 }],
    ['2026/5/8', { y: 2026, m: 5, d: 8 }],
    ['2026.5.8', { y: 2026, m: 5, d: 8 }],
    ['20260508', { y: 2026, m: 5, d: 8 }],
    ['2026/5/8 0:00', { y: 2026, m: 5, d: 8 }],
    ['2026-05-08T00:00:00Z', { y: 2026, m: 5, d: 8 }],
    ['2026年5月', { y: 2026, m: 5 }],
    ['2026-05', { y: 2026, m: 5 }],
    ['2026年', { y: 2026 }],
    ['{"y":2026,"m":5,"d":8}', { y: 2026, m: 5, d: 8 }],
  ])('%s', (text, expected) => expect(value(date, text)).toEqual(expected));

  it.each([
    ['2026-02-30', 'bad-date'],
    ['2026-13-01', 'bad-date'],
    ['2026-5/8', 'unreadable'],
    ['五月八日', 'unreadable'],
    ['2026年5', 'unreadable'],
    ['{"y":', 'unreadable'],
  ])('%s is refused (%s)', (text, problem) => expect(value(date, text)).toBe(`problem:${problem}`));
});

describe('choices by their label', () => {
  const type = def('choice', { choices: ['企业', '个人'], other: true });
  const multi = def('choice', { choices: ['理赔', '咨询', '投诉'], multiple: true });
  it('one label, the box drawn before it, the write-in', () => {
    expect(value(type, '企业')).toEqual({ selected: ['企业'] });
    expect(value(type, '☑个人')).toEqual({ selected: ['个人'] });
    expect(value(type, '其他:事业单位')).toEqual({ selected: ['其他'], other: '事业单位' });
    expect(value(type, '其他：事业单位、社团')).toEqual({ selected: ['其他'], other: '事业单位、社团' });
    expect(value(type, '其他')).toEqual({ selected: ['其他'] });
  });
  it('several with 、 or , when the field allows several', () => {
    expect(value(multi, '理赔、投诉')).toEqual({ selected: ['理赔', '投诉'] });
    expect(value(multi, '理赔,咨询，投诉')).toEqual({ selected: ['理赔', '咨询', '投诉'] });
    expect(value(type, '企业、个人')).toBe('problem:too-many-choices');
  });
  it('an unknown label or 其他 where there is no write-in is refused', () => {
    expect(value(type, '事业单位')).toBe('problem:unreadable');
    expect(value(multi, '其他:保全')).toBe('problem:unreadable');
  });
  it('the exact JSON form and a JSON list of labels', () => {
    expect(value(type, '{"selected":["企业"]}')).toEqual({ selected: ['企业'] });
    expect(coerceFieldInput(multi, ['理赔', '咨询'])).toEqual({ ok: true, value: { selected: ['理赔', '咨询'] } });
    expect(value(type, '{"selected":["机关"]}')).toBe('problem:unknown-choice');
  });
});

describe('money, percent and numbers with their unit', () => {
  const money = def('money');
  it.each([
    ['12345', 12345],
    ['12,345.00', 12345],
    ['¥12,345.00', 12345],
    ['￥12,345.50', 12345.5],
    ['人民币12345元', 12345],
    ['RMB 1,000', 1000],
    ['1.5万元', 15000],
    ['1.23万', 12300],
    ['１２３４５元整', 12345],
  ])('money %s', (text, n) => expect(value(money, text)).toBe(n));
  it('money refuses what is not an amount or has more than cents', () => {
    expect(value(money, '壹万元')).toBe('problem:unreadable');
    expect(value(money, '12.345')).toBe('problem:too-precise');
    expect(value(money, '1,23')).toBe('problem:unreadable');
  });

  const percent = def('percent');
  it('percent as 95 or 95%', () => {
    expect(value(percent, '95')).toBe(95);
    expect(value(percent, '95%')).toBe(95);
    expect(value(percent, '99.5 ％')).toBe(99.5);
    expect(value(percent, '120%')).toBe('problem:too-large');
  });

  const days = def('number', { unit: '个工作日', integer: true, min: 1 });
  it('a number alone or with its unit; another unit is refused', () => {
    expect(value(days, '5')).toBe(5);
    expect(value(days, '5个工作日')).toBe(5);
    expect(value(days, '5 工作日')).toBe(5);
    expect(value(days, '1,000')).toBe(1000);
    expect(value(days, '5小时')).toBe('problem:wrong-unit');
    expect(value(days, '五')).toBe('problem:unreadable');
    expect(value(days, '2.5')).toBe('problem:not-integer');
    expect(value(days, '0')).toBe('problem:too-small');
    expect(coerceFieldInput(days, 7)).toEqual({ ok: true, value: 7 });
  });
});

describe('text, handwritten and empty input', () => {
  it('text keeps what was typed (trimmed); a JSON number becomes its text', () => {
    expect(value(def('text'), '  某某健康保险（北京）分公司 ')).toBe('某某健康保险（北京）分公司');
    expect(value(def('text'), '{不是 JSON}')).toBe('{不是 JSON}');
    expect(coerceFieldInput(def('docnumber'), 2026)).toEqual({ ok: true, value: '2026' });
    expect(value(def('text', { maxLength: 3 }), '四个字啊')).toBe('problem:too-long');
  });
  it('empty text clears any field; a handwritten blank takes no value', () => {
    expect(value(def('date'), '  ')).toBeNull();
    expect(value(def('handwritten'), '')).toBeNull();
    expect(value(def('handwritten'), '张三')).toBe('problem:handwritten-filled');
  });
  it('a JSON value of the wrong shape is refused', () => {
    expect(coerceFieldInput(def('date'), true)).toEqual({ ok: false, problem: 'wrong-type' });
    expect(coerceFieldInput(def('number'), { y: 2026 })).toEqual({ ok: false, problem: 'wrong-type' });
  });
});

describe('accepted formats are read back by the parser', () => {
  const defs = [
    def('date'),
    def('money'),
    def('percent'),
    def('number', { unit: '个工作日' }),
    def('choice', { choices: ['企业', '个人'], multiple: true, other: true }),
  ];
  it.each(defs.map((d) => [d.type, d] as const))('%s', (_type, d) => {
    for (const example of acceptedFormats(d)) {
      const text = example.replace('…', '事业单位');
      expect(parseFieldInput(d, text).ok, `${d.type}: ${text}`).toBe(true);
    }
  });
});

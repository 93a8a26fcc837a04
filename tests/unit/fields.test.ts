import { describe, expect, it } from 'vitest';
import { fieldText, moneyToCapital, printField, validateField, type FieldDef } from '../../electron/shared/fields';

const def = (type: FieldDef['type'], options: FieldDef['options'] = {}, required = false): FieldDef => ({
  key: 'f',
  label: '字段',
  type,
  required,
  options,
});

describe('Chinese capital amounts', () => {
  it.each([
    [100000, '壹拾万元整'],
    [0, '零元整'],
    [1, '壹元整'],
    [10, '壹拾元整'],
    [1234.56, '壹仟贰佰叁拾肆元伍角陆分'],
    [1005, '壹仟零伍元整'],
    [100.5, '壹佰元伍角整'],
    [100.05, '壹佰元零伍分'],
    [10010, '壹万零壹拾元整'],
    [100000000, '壹亿元整'],
    [120000000, '壹亿贰仟万元整'],
    [100001000, '壹亿零壹仟元整'],
    [3050000, '叁佰零伍万元整'],
  ])('%d → %s', (n, text) => expect(moneyToCapital(n)).toBe(text));
});

describe('printed form of fields', () => {
  it('dates print without zero padding, missing parts as blanks', () => {
    expect(fieldText(def('date'), { y: 2026, m: 5, d: 8 })).toBe('2026年5月8日');
    expect(fieldText(def('date'), { y: 2026 })).toBe('2026年__月__日');
    expect(fieldText(def('date'), null)).toBe('____年__月__日');
  });

  it('numbers carry their unit; percent its sign; money 人民币…元, or the capital amount with the figures', () => {
    expect(fieldText(def('number', { unit: '个工作日' }), 5)).toBe('5个工作日');
    expect(fieldText(def('number', { unit: '个工作日' }), null)).toBe('____个工作日');
    expect(fieldText(def('percent'), 98.5)).toBe('98.5%');
    expect(fieldText(def('money', { capital: true }), 100000)).toBe('人民币壹拾万元整（¥100,000.00）');
    expect(fieldText(def('money'), 1234.5)).toBe('人民币1,234.50元');
    expect(fieldText(def('money'), 12345)).toBe('人民币12,345.00元');
  });

  it('choices print ☑/☐ with an optional write-in', () => {
    const choice = def('choice', { choices: ['企业', '个人'], other: true });
    expect(fieldText(choice, { selected: ['企业'] })).toBe('☑企业 ☐个人 ☐其他________');
    expect(fieldText(choice, { selected: ['其他'], other: '事业单位' })).toBe('☐企业 ☐个人 ☑其他事业单位');
  });

  it('handwritten fields always print as a blank', () => {
    expect(printField(def('handwritten', { blankWidth: 12 }), null)).toEqual([{ kind: 'blank', width: 12 }]);
    // A value in a handwritten field is invalid: still a blank, marked for the draft print.
    expect(printField(def('handwritten', { blankWidth: 12 }), 'ignored')).toEqual([{ kind: 'blank', width: 12, invalid: true }]);
  });

  it('a handwritten date prints as a whole ____年__月__日 to be written in by hand', () => {
    expect(fieldText(def('handwritten', { blankWidth: 12, mark: 'date' }), null)).toBe('____年__月__日');
    expect(fieldText(def('handwritten', { mark: 'date' }), 'ignored')).toBe('____年__月__日');
    expect(fieldText(def('handwritten', { mark: 'signature' }), null)).toBe('__________');
  });

  it('keeps the lines of a long text, whatever the line ends (CRLF, CR, LF)', () => {
    expect(fieldText(def('longtext'), '1.第一项；\r\n2.第二项；\r3.第三项。\n')).toBe('1.第一项；\n2.第二项；\n3.第三项。');
  });
});

describe('field validation', () => {
  it('required, types and ranges', () => {
    expect(validateField(def('text', {}, true), '')).toBe('required');
    expect(validateField(def('text'), '')).toBeNull();
    expect(validateField(def('number', { min: 1, max: 30 }), 0)).toBe('too-small');
    expect(validateField(def('number', { integer: true }), 2.5)).toBe('not-integer');
    expect(validateField(def('percent'), 101)).toBe('too-large');
    expect(validateField(def('number'), '5' as never)).toBe('wrong-type');
    expect(validateField(def('money'), 10.005)).toBe('too-precise');
    expect(validateField(def('date'), { y: 2026, m: 2, d: 30 })).toBe('bad-date');
    expect(validateField(def('date'), { y: 2028, m: 2, d: 29 })).toBeNull();
    expect(validateField(def('choice', { choices: ['甲', '乙'] }), { selected: ['甲', '乙'] })).toBe('too-many-choices');
    expect(validateField(def('choice', { choices: ['甲'] }), { selected: ['丙'] })).toBe('unknown-choice');
    expect(validateField(def('handwritten'), '张三')).toBe('handwritten-filled');
  });
});

/**
 * The form's one date box (issue #15): what clerks type is read by the CLI's reader and stored
 * as {y, m, d}; the box shows the value as it prints; a refused date says which part is wrong;
 * the calendar picks a day by mouse or keyboard.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import FieldInput from '../../renderer/src/letter/FieldInput.svelte';
import { dayFromIso, formatDate, isoOfDay, readDateEntry, readDayEntry, whatIsWrong } from '../../renderer/src/components/date-text';
import type { FieldDef, FieldValue } from '../../electron/shared/fields';

const def: FieldDef = { key: 'issueDate', label: '出具日期', type: 'date', required: true };

describe('reading a typed date', () => {
  it.each([
    ['2026-05-08', { y: 2026, m: 5, d: 8 }],
    ['2026/5/8', { y: 2026, m: 5, d: 8 }],
    ['2026.5.8', { y: 2026, m: 5, d: 8 }],
    ['2026年5月8日', { y: 2026, m: 5, d: 8 }],
    [' 2026 年 5 月 8 日 ', { y: 2026, m: 5, d: 8 }],
    ['20260508', { y: 2026, m: 5, d: 8 }],
    ['２０２６－０５－０８', { y: 2026, m: 5, d: 8 }],
    ['2026年5月', { y: 2026, m: 5 }],
    ['2024-02-29', { y: 2024, m: 2, d: 29 }],
  ])('%s → %o', (text, value) => {
    expect(readDateEntry(def, text)).toEqual({ ok: true, value });
  });

  it('empty text is no date', () => {
    expect(readDateEntry(def, '  ')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['2026-02-30', { kind: 'day', y: 2026, m: 2, d: 30, max: 28 }],
    ['2025年2月29日', { kind: 'day', y: 2025, m: 2, d: 29, max: 28 }],
    ['2026-04-31', { kind: 'day', y: 2026, m: 4, d: 31, max: 30 }],
    ['2026-13-01', { kind: 'month', m: 13 }],
    ['1800-01-01', { kind: 'year', y: 1800 }],
  ])('%s is read but refused: %o', (text, problem) => {
    const entry = readDateEntry(def, text);
    expect(entry.ok).toBe(false);
    expect(!entry.ok && entry.problem).toEqual(problem);
    // The parts are kept, so core flags the value and never prints it.
    expect(entry.value).not.toBeNull();
  });

  it.each(['明天', '5月8日', '2026-5/8', '2026-05-08x'])('%s is no date form', (text) => {
    expect(readDateEntry(def, text)).toEqual({ ok: false, value: null, problem: { kind: 'unreadable', text } });
  });

  it('names the day that is out of range when year or month are missing', () => {
    expect(whatIsWrong({ d: 32 })).toEqual({ kind: 'day-any', d: 32 });
  });
});

describe('showing a stored date', () => {
  it('as it prints, partial dates as far as they go', () => {
    expect(formatDate({ y: 2026, m: 5, d: 8 })).toBe('2026年5月8日');
    expect(formatDate({ y: 2026, m: 12 })).toBe('2026年12月');
    expect(formatDate({ y: 2026 })).toBe('2026年');
    expect(formatDate({ m: 5, d: 8 })).toBe('____年5月8日');
    expect(formatDate(null)).toBe('');
    expect(formatDate({})).toBe('');
  });

  it('what it shows reads back as the same value', () => {
    for (const value of [{ y: 2026, m: 5, d: 8 }, { y: 2026, m: 5 }, { y: 2026 }, { y: 1999, m: 12, d: 31 }]) {
      expect(readDateEntry(def, formatDate(value))).toEqual({ ok: true, value });
    }
  });
});

function renderField(value: FieldValue = null, problem = '') {
  const onchange = vi.fn<(v: FieldValue) => void>();
  const view = render(FieldInput, { def, value, problem, parties: [], onchange });
  const box = screen.getByRole('textbox', { name: /出具日期/ }) as HTMLInputElement;
  return { onchange, box, view };
}

// Role queries walk the accessibility tree in jsdom: seconds on a loaded 2-core machine.
describe('the date box', { timeout: 30_000 }, () => {
  it('is one text box with a calendar button, showing the stored date as it prints', () => {
    const { box } = renderField({ y: 2026, m: 5, d: 8 });
    expect(box.value).toBe('2026年5月8日');
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '出具日期：打开日历' })).toHaveAttribute('aria-expanded', 'false');
    expect(document.querySelector('input[type="number"], input[type="date"]')).toBeNull();
  });

  it('stores what is typed as {y, m, d} and shows it as printed on leaving', async () => {
    const { box, onchange } = renderField();
    await fireEvent.input(box, { target: { value: '2026/5/8' } });
    expect(onchange).toHaveBeenLastCalledWith({ y: 2026, m: 5, d: 8 });
    await fireEvent.blur(box);
    expect(box.value).toBe('2026年5月8日');
    expect(box).toHaveAttribute('aria-invalid', 'false');
  });

  it('says which part of a refused date is wrong, once the clerk leaves the box', async () => {
    const { box, onchange } = renderField();
    await fireEvent.input(box, { target: { value: '2026-02-30' } });
    expect(onchange).toHaveBeenLastCalledWith({ y: 2026, m: 2, d: 30 });
    expect(screen.queryByRole('alert')).toBeNull();
    await fireEvent.blur(box);
    expect(screen.getByRole('alert')).toHaveTextContent('2026年2月只有 28 天，没有 30 日。');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('2026年2月只有 28 天，没有 30 日。');
    expect(box.value).toBe('2026-02-30');
    // Corrected: the message goes at once.
    await fireEvent.input(box, { target: { value: '2026-02-28' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onchange).toHaveBeenLastCalledWith({ y: 2026, m: 2, d: 28 });
  });

  it('text that is no date leaves the field empty and says how to type one', async () => {
    const { box, onchange } = renderField({ y: 2026, m: 5, d: 8 });
    await fireEvent.input(box, { target: { value: '下周一' } });
    expect(onchange).toHaveBeenLastCalledWith(null);
    await fireEvent.blur(box);
    expect(screen.getByRole('alert')).toHaveTextContent('无法识别“下周一”：请按 2026-05-08、2026/5/8、2026年5月8日 或 20260508 填写。');
  });

  it('a month or year out of range is named', async () => {
    const { box } = renderField();
    await fireEvent.input(box, { target: { value: '2026年13月1日' } });
    await fireEvent.blur(box);
    expect(screen.getByRole('alert')).toHaveTextContent('没有 13 月：月份为 1 至 12。');
  });

  it('follows a value changed elsewhere (a restore, an undo)', async () => {
    const { box, view } = renderField({ y: 2026, m: 5, d: 8 });
    await view.rerender({ value: { y: 2027, m: 1, d: 2 } });
    expect(box.value).toBe('2027年1月2日');
  });

  it('the calendar opens on the stored month, picks a day by keyboard and closes with Escape', async () => {
    const { onchange } = renderField({ y: 2026, m: 5, d: 8 });
    const button = screen.getByRole('button', { name: '出具日期：打开日历' });
    await fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const calendar = screen.getByRole('dialog', { name: '出具日期：选择日期' });
    expect(within(calendar).getByRole('heading')).toHaveTextContent('2026年5月');
    const chosen = within(calendar).getByRole('button', { name: '2026年5月8日' });
    expect(chosen).toHaveAttribute('aria-pressed', 'true');
    await vi.waitFor(() => expect(chosen).toHaveFocus());
    // Monday first: 2026-05-01 is a Friday, so the first row has four empty days.
    expect(calendar.querySelector('tbody tr')!.querySelectorAll('td button')).toHaveLength(3);
    await fireEvent.keyDown(chosen, { key: 'ArrowDown' });
    const next = within(calendar).getByRole('button', { name: '2026年5月15日' });
    await vi.waitFor(() => expect(next).toHaveFocus());
    await fireEvent.keyDown(next, { key: 'PageDown' });
    expect(within(calendar).getByRole('heading')).toHaveTextContent('2026年6月');
    await vi.waitFor(() => expect(within(calendar).getByRole('button', { name: '2026年6月15日' })).toHaveFocus());
    await fireEvent.click(within(calendar).getByRole('button', { name: '2026年6月15日' }));
    expect(onchange).toHaveBeenLastCalledWith({ y: 2026, m: 6, d: 15 });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('textbox', { name: /出具日期/ })).toHaveValue('2026年6月15日');
    expect(button).toHaveFocus();

    await fireEvent.click(button);
    const again = screen.getByRole('dialog');
    await fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('the calendar goes back and forth by month with its buttons', async () => {
    renderField({ y: 2026, m: 1, d: 31 });
    await fireEvent.click(screen.getByRole('button', { name: '出具日期：打开日历' }));
    const calendar = screen.getByRole('dialog');
    await fireEvent.click(within(calendar).getByRole('button', { name: '上个月' }));
    expect(within(calendar).getByRole('heading')).toHaveTextContent('2025年12月');
    await fireEvent.click(within(calendar).getByRole('button', { name: '下个月' }));
    await fireEvent.click(within(calendar).getByRole('button', { name: '下个月' }));
    // 31 January → February has no 31st: the last day of February has the focus.
    expect(within(calendar).getByRole('heading')).toHaveTextContent('2026年2月');
    expect(within(calendar).getByRole('button', { name: '2026年2月28日' })).toHaveAttribute('tabindex', '0');
  });
});

describe('a date that must name one day (filters, the day of signing)', () => {
  it('reads the same forms, refuses a month or a year alone as incomplete, and a day that does not exist', () => {
    expect(readDayEntry('2026/5/8')).toEqual({ ok: true, value: { y: 2026, m: 5, d: 8 } });
    expect(readDayEntry('')).toEqual({ ok: true, value: null });
    expect(readDayEntry('2026年5月')).toEqual({ ok: false, value: { y: 2026, m: 5 }, problem: { kind: 'incomplete' } });
    expect(readDayEntry('2026-02-30')).toMatchObject({ ok: false, problem: { kind: 'day', max: 28 } });
    expect(readDayEntry('明天')).toMatchObject({ ok: false, value: null, problem: { kind: 'unreadable' } });
    expect(dayFromIso('2026-05-08')).toEqual({ y: 2026, m: 5, d: 8 });
    expect(dayFromIso('')).toBeNull();
    expect(dayFromIso('2026-5-8')).toBeNull();
    expect(isoOfDay({ y: 2026, m: 5, d: 8 })).toBe('2026-05-08');
  });
});

import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../electron/core/backup/retention';

/** Local time, as the rule reads the calendar. */
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);
const b = (id: string, date: Date) => ({ id, createdAt: date });

describe('backup retention', () => {
  const now = at(2026, 5, 20, 15);

  it('keeps every backup from today', () => {
    const today = [b('a', at(2026, 5, 20, 0, 1)), b('b', at(2026, 5, 20, 9)), b('c', at(2026, 5, 20, 14, 59))];
    expect([...backupsToKeep(today, now)].sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps the newest of each day for 30 days', () => {
    const list = [b('y-early', at(2026, 5, 19, 8)), b('y-late', at(2026, 5, 19, 18)), b('d29', at(2026, 4, 21, 10)), b('d29-early', at(2026, 4, 21, 9))];
    expect([...backupsToKeep(list, now)].sort()).toEqual(['d29', 'y-late']);
  });

  it('keeps the newest of each month before that', () => {
    const list = [
      b('apr-10', at(2026, 4, 10)),
      b('apr-02', at(2026, 4, 2)),
      b('mar-31', at(2026, 3, 31)),
      b('mar-01', at(2026, 3, 1)),
      b('2025-dec', at(2025, 12, 5)),
      b('2025-dec-b', at(2025, 12, 4)),
    ];
    expect([...backupsToKeep(list, now)].sort()).toEqual(['2025-dec', 'apr-10', 'mar-31']);
  });

  it('a month whose newest backup is within the 30 days keeps no older one', () => {
    // Window: 21 April – 20 May. April's newest (the 25th) is kept as a daily one.
    const list = [b('apr-25', at(2026, 4, 25)), b('apr-03', at(2026, 4, 3))];
    expect([...backupsToKeep(list, now)]).toEqual(['apr-25']);
  });

  it('one backup every 30 minutes for a year leaves today + 29 days + about 11 months', () => {
    const list = [];
    const start = at(2025, 5, 21, 0).getTime();
    for (let t = start; t <= now.getTime(); t += 30 * 60 * 1000) list.push(b(String(t), new Date(t)));
    const kept = backupsToKeep(list, now);
    const todayCount = list.filter((x) => x.createdAt >= at(2026, 5, 20, 0, 0)).length;
    expect(todayCount).toBe(31);
    // today's all, 29 earlier days one each, and one for each month May 2025 – March 2026 (11):
    // April 2026 is already represented by its days inside the window.
    expect(kept.size).toBe(todayCount + 29 + 11);
    // the newest of a day is the one kept
    expect(kept.has(String(at(2026, 5, 19, 23, 30).getTime()))).toBe(true);
    expect(kept.has(String(at(2026, 5, 19, 23, 0).getTime()))).toBe(false);
  });

  it('is pure: same input, same answer, input untouched', () => {
    const list = [b('x', at(2026, 1, 1)), b('y', at(2026, 1, 2))];
    const copy = JSON.stringify(list);
    expect(backupsToKeep(list, now)).toEqual(backupsToKeep(list, now));
    expect(JSON.stringify(list)).toBe(copy);
    expect([...backupsToKeep(list, now)]).toEqual(['y']);
  });
});

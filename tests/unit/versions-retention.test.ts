import { describe, expect, it } from 'vitest';
import { KEEP_EVERYTHING, versionsToPrune, type RetentionCandidate } from '../../electron/core/versions/retention';
import type { VersionKind } from '../../electron/core/versions/version-types';
import { LetterdeskError } from '../../electron/shared/errors';

const NOW = '2026-05-08T12:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One candidate `ageMs` before NOW. */
function v(seq: number, ageMs: number, kind: VersionKind = 'auto', flags: Partial<RetentionCandidate> = {}): RetentionCandidate {
  return { seq, kind, createdAt: new Date(Date.parse(NOW) - ageMs).toISOString(), exportedAt: null, signedAt: null, ...flags };
}

describe('retention of automatic versions', () => {
  it('keeps everything by default', () => {
    const versions = Array.from({ length: 50 }, (_, i) => v(i + 1, (50 - i) * DAY));
    expect(versionsToPrune(versions, KEEP_EVERYTHING, NOW)).toEqual([]);
  });

  it('keeps every version of the last N days, then the newest automatic one per day', () => {
    const versions = [
      v(1, 10 * DAY + 3 * HOUR), // day -10, older
      v(2, 10 * DAY + 1 * HOUR), // day -10, newest of that day → kept
      v(3, 5 * DAY + 2 * HOUR),
      v(4, 5 * DAY + 1 * HOUR), // kept
      v(5, 1 * DAY + 2 * HOUR), // inside keepAllDays=2
      v(6, 1 * DAY + 1 * HOUR),
      v(7, 1 * HOUR),
    ];
    expect(versionsToPrune(versions, { keepAllDays: 2, keepDailyDays: null }, NOW)).toEqual([1, 3]);
  });

  it('past the daily tier keeps the newest automatic version per week', () => {
    // 2026-04-06 (Mon) … 2026-04-12 (Sun) is one week; 2026-03-30 … 04-05 the one before.
    const at = (iso: string, seq: number): RetentionCandidate => ({ seq, kind: 'auto', createdAt: iso, exportedAt: null, signedAt: null });
    const versions = [
      at('2026-04-01T02:00:00.000Z', 1),
      at('2026-04-03T02:00:00.000Z', 2),
      at('2026-04-06T02:00:00.000Z', 3),
      at('2026-04-09T02:00:00.000Z', 4),
      at('2026-04-12T02:00:00.000Z', 5),
      at('2026-05-08T11:00:00.000Z', 6),
    ];
    expect(versionsToPrune(versions, { keepAllDays: 1, keepDailyDays: 7 }, NOW)).toEqual([1, 3, 4]);
  });

  it('never removes manual, export, pre-edit, pre-restore, restore, exported, signed or the newest version', () => {
    const old = 100 * DAY;
    const versions = [
      v(1, old + 9, 'manual'),
      v(2, old + 8, 'export', { exportedAt: NOW }),
      v(3, old + 7, 'pre-edit'),
      v(4, old + 6, 'pre-restore'),
      v(5, old + 5, 'restore'),
      v(6, old + 4, 'auto', { exportedAt: NOW }),
      v(7, old + 3, 'auto', { signedAt: NOW }),
      v(8, old + 2),
      v(9, old + 1), // the newest automatic one of that day survives
      v(10, old - DAY), // alone on its day, and the newest version of the letter
    ];
    expect(versionsToPrune(versions, { keepAllDays: 0, keepDailyDays: null }, NOW)).toEqual([8]);
    // With weekly thinning the newest version is that week's survivor, and is never removed.
    expect(versionsToPrune(versions, { keepAllDays: 0, keepDailyDays: 0 }, NOW)).toEqual([8, 9]);
  });

  it('counts days in China Standard Time by default', () => {
    // 2026-05-06 23:30 and 2026-05-07 00:30 in UTC+8 are two days; in UTC they are one.
    const versions = [
      { seq: 1, kind: 'auto' as const, createdAt: '2026-05-06T15:30:00.000Z', exportedAt: null, signedAt: null },
      { seq: 2, kind: 'auto' as const, createdAt: '2026-05-06T16:30:00.000Z', exportedAt: null, signedAt: null },
      { seq: 3, kind: 'manual' as const, createdAt: NOW, exportedAt: null, signedAt: null },
    ];
    expect(versionsToPrune(versions, { keepAllDays: 1, keepDailyDays: null }, NOW)).toEqual([]);
    expect(versionsToPrune(versions, { keepAllDays: 1, keepDailyDays: null, utcOffsetMinutes: 0 }, NOW)).toEqual([1]);
  });

  it('refuses a nonsensical policy with invalid-input', () => {
    expect(() => versionsToPrune([], { keepAllDays: -1, keepDailyDays: null }, NOW)).toThrow(LetterdeskError);
    expect(() => versionsToPrune([], { keepAllDays: Number.NaN, keepDailyDays: null }, NOW)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

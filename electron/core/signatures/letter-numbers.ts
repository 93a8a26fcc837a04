import type { Db } from '../db/open-db';
import { LetterdeskError } from '../../shared/errors';
import { formatLetterNumber } from '../../shared/signatures';
import type { SearchIndex } from '../search/search-index';

/**
 * Gap-free letter numbers per prefix and year. Call inside the transaction that records the
 * export: a number is taken only when the letter keeps it, and a taken number is never reused.
 */
export function createLetterNumbers(db: Db, search: SearchIndex) {
  const bump = db.prepare<[string, number], { last: number }>(
    `INSERT INTO number_sequences (prefix, year, last) VALUES (?, ?, 1)
     ON CONFLICT(prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  const current = db.prepare<[string, number], { last: number }>(`SELECT last FROM number_sequences WHERE prefix = ? AND year = ?`);
  const taken = db.prepare<[string, number], { id: number }>(`SELECT id FROM letters WHERE number = ? AND id <> ?`);
  const set = db.prepare<[string, number]>(`UPDATE letters SET number = ? WHERE id = ?`);

  return {
    /** The next number for this prefix and year; skips any number a clerk already set by hand. */
    next(pattern: string, prefix: string, year: number, letterId: number): string {
      for (;;) {
        const seq = bump.get(prefix, year)!.last;
        const number = formatLetterNumber(pattern, prefix, year, seq);
        if (!taken.get(number, letterId)) return number;
      }
    },
    /** The number next() would give now, without taking it (to print it before the export commits). */
    peek(pattern: string, prefix: string, year: number, letterId: number): string {
      for (let seq = (current.get(prefix, year)?.last ?? 0) + 1; ; seq++) {
        const number = formatLetterNumber(pattern, prefix, year, seq);
        if (!taken.get(number, letterId)) return number;
      }
    },
    assign(letterId: number, number: string): void {
      if (taken.get(number, letterId)) throw new LetterdeskError('number-taken', `Number ${number} is already used`);
      set.run(number, letterId);
      search.sync(letterId);
    },
  };
}

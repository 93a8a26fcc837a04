/**
 * 最近打开 (issue #15): the last letters the clerk opened, newest first, kept in the database
 * (the settings table, one key) so they survive a restart and travel with a backup. Letters
 * since trashed are left out of the list, not forgotten: restored, they come back.
 */
import type { Db } from './db/open-db';
import type { LetterStatus } from '../shared/domain';
import { LetterdeskError } from '../shared/errors';
import { RECENT_MAX, type RecentLetter } from '../shared/letters-batch';

const KEY = 'recentLetters';
/** Entries kept beyond what is shown, so trashing a few does not empty the list. */
const KEEP = RECENT_MAX * 2;

interface Entry {
  id: number;
  openedAt: string;
}

function parse(value: string | undefined): Entry[] {
  if (!value) return [];
  try {
    const list: unknown = JSON.parse(value);
    if (!Array.isArray(list)) return [];
    return list.filter(
      (e): e is Entry => typeof e === 'object' && e !== null && Number.isSafeInteger((e as Entry).id) && typeof (e as Entry).openedAt === 'string',
    );
  } catch {
    return []; // a damaged list starts again; it is a convenience, not a record
  }
}

export function createRecentLetters(db: Db) {
  const read = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
  const write = db.prepare<[string, string]>(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  const letter = db.prepare<[number], { id: number; title: string; number: string | null; status: LetterStatus; trashed_at: string | null }>(
    `SELECT id, title, number, status, trashed_at FROM letters WHERE id = ?`,
  );

  const entries = () => parse(read.get(KEY)?.value);

  return {
    /** Puts the letter first (once). */
    add(id: number, now: string): void {
      db.transaction(() => {
        if (!letter.get(id)) throw new LetterdeskError('not-found', `No letter ${id}`);
        const next = [{ id, openedAt: now }, ...entries().filter((e) => e.id !== id)].slice(0, KEEP);
        write.run(KEY, JSON.stringify(next));
      })();
    },
    list(): RecentLetter[] {
      const out: RecentLetter[] = [];
      for (const e of entries()) {
        const row = letter.get(e.id);
        if (!row || row.trashed_at) continue;
        out.push({ id: row.id, title: row.title, number: row.number, status: row.status, openedAt: e.openedAt });
        if (out.length === RECENT_MAX) break;
      }
      return out;
    },
  };
}

export type RecentLetters = ReturnType<typeof createRecentLetters>;

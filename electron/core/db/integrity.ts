/**
 * The full integrity check, in the background (issue 11): the open runs quick_check; this runs
 * `PRAGMA integrity_check(table)` one table (with its indexes) at a time, yielding to the event
 * loop between tables, so a large database never blocks the app for the whole check.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from './db';

export interface IntegrityResult {
  ok: boolean;
  /** integrity_check's findings (at most 20), empty when ok. */
  problems: string[];
  tables: number;
}

export async function integrityCheckInSteps(db: Db, stillOpen: () => boolean = () => db.open): Promise<IntegrityResult | null> {
  const tables = db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .all()
    .map((r) => r.name);
  const problems: string[] = [];
  for (const table of tables) {
    if (!stillOpen()) return null;
    try {
      // An identifier cannot be bound: quoted, with any double quote doubled.
      const rows = db.pragma(`integrity_check("${table.replace(/"/g, '""')}")`) as { integrity_check: string }[];
      for (const r of rows) if (r.integrity_check !== 'ok') problems.push(`${table}: ${r.integrity_check}`);
    } catch (err) {
      problems.push(`${table}: ${(err as Error).message}`);
    }
    await yieldToLoop();
  }
  return { ok: problems.length === 0, problems: problems.slice(0, 20), tables: tables.length };
}

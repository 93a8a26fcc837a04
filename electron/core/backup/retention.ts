/**
 * Which backups to keep (issue 11): every one from today, the newest of each of the last 30
 * days, the newest of each month before that. Pure: the caller deletes the rest. Days and
 * months are the computer's local calendar, as the user reads the backup list.
 */
export interface Dated {
  id: string;
  createdAt: Date;
}

export const DAILY_DAYS = 30;

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

function monthKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}`;
}

/** Local midnight `days` days before `now`'s day. */
function startOfDay(now: Date, daysBack: number): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysBack).getTime();
}

export function backupsToKeep(backups: readonly Dated[], now: Date): Set<string> {
  const keep = new Set<string>();
  const today = startOfDay(now, 0);
  const dailyFrom = startOfDay(now, DAILY_DAYS - 1);
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const days = new Set<string>();
  const months = new Set<string>();
  for (const b of newestFirst) {
    const t = b.createdAt.getTime();
    // Today's, and any from a clock that runs ahead: never thrown away for being "new".
    if (t >= today) keep.add(b.id);
    else if (t >= dailyFrom) {
      if (!days.has(dayKey(b.createdAt))) keep.add(b.id);
    } else if (!months.has(monthKey(b.createdAt))) keep.add(b.id);
    days.add(dayKey(b.createdAt));
    months.add(monthKey(b.createdAt));
  }
  return keep;
}

/**
 * Which automatic versions to thin out (issue #4). Pure, like Actual Budget's backup
 * retention. Only 'auto' versions are ever candidates: manual, export, pre-edit, pre-restore
 * and restore versions are decisions or safety nets a user relies on, exported or signed
 * versions are frozen, and the newest version of a letter is always kept (its seq must
 * never be reused, and it is what the next change is measured against).
 */
import { LetterdeskError } from '../../shared/errors';
import { isFrozen, type VersionSummary } from './version-types';

export interface RetentionPolicy {
  /** Every automatic version younger than this many days is kept; null: all, forever. */
  keepAllDays: number | null;
  /** Older ones: the newest per day until this age in days, then the newest per week; null: per day forever. */
  keepDailyDays: number | null;
  /** Where a day starts, minutes east of UTC. Default 480: China Standard Time (UTC+8, no DST). */
  utcOffsetMinutes?: number;
}

/** The default: nothing is ever thinned. */
export const KEEP_EVERYTHING: RetentionPolicy = { keepAllDays: null, keepDailyDays: null };

/** Settings → 自动版本保留 → 精简: every automatic version of the last 30 days, one a day until 180 days, then one a week. */
export const THIN_AUTO_VERSIONS: RetentionPolicy = { keepAllDays: 30, keepDailyDays: 180 };

export type RetentionCandidate = Pick<VersionSummary, 'seq' | 'kind' | 'createdAt' | 'exportedAt' | 'signedAt'>;

const DAY_MS = 86_400_000;

export function checkRetentionPolicy(policy: RetentionPolicy): void {
  for (const [name, v] of [['keepAllDays', policy.keepAllDays], ['keepDailyDays', policy.keepDailyDays]] as const) {
    if (v !== null && !(Number.isFinite(v) && v >= 0)) throw new LetterdeskError('invalid-input', `Retention ${name} must be a number of days ≥ 0 or null`);
  }
  const offset = policy.utcOffsetMinutes ?? 480;
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) throw new LetterdeskError('invalid-input', 'Retention utcOffsetMinutes out of range');
}

/** Seqs of the versions the policy lets go, ascending. */
export function versionsToPrune(versions: readonly RetentionCandidate[], policy: RetentionPolicy, nowIso: string): number[] {
  checkRetentionPolicy(policy);
  if (policy.keepAllDays === null || versions.length === 0) return [];
  const now = Date.parse(nowIso);
  const offsetMs = (policy.utcOffsetMinutes ?? 480) * 60_000;
  const newest = Math.max(...versions.map((v) => v.seq));
  // Per bucket (a day, or a week for the oldest tier) the newest automatic version survives;
  // frozen ones and the letter's newest version count as that survivor but are never removed.
  const keeper = new Map<string, number>();
  const candidates: { seq: number; bucket: string; removable: boolean }[] = [];
  for (const v of versions) {
    if (v.kind !== 'auto') continue;
    const created = Date.parse(v.createdAt);
    const ageDays = (now - created) / DAY_MS;
    if (!(ageDays >= policy.keepAllDays)) continue; // also keeps unparsable or future dates
    const day = Math.floor((created + offsetMs) / DAY_MS);
    // 1970-01-01 was a Thursday: +3 makes weeks start on Monday.
    const bucket = policy.keepDailyDays === null || ageDays < policy.keepDailyDays ? `d${day}` : `w${Math.floor((day + 3) / 7)}`;
    candidates.push({ seq: v.seq, bucket, removable: !isFrozen(v) && v.seq !== newest });
    keeper.set(bucket, Math.max(keeper.get(bucket) ?? 0, v.seq));
  }
  return candidates
    .filter((c) => c.removable && keeper.get(c.bucket) !== c.seq)
    .map((c) => c.seq)
    .sort((a, b) => a - b);
}

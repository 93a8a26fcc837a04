/**
 * When an autosave also makes a version (issue #4, after Joplin's RevisionService): pure,
 * times in, decisions out.
 *
 * - 'pre-edit': the letter was untouched for `staleMs` (7 days) and this save changes it, so
 *   the state everyone last saw is kept first, before it is overwritten.
 * - 'auto': `throttleMs` (10 minutes) have passed since the letter's latest version (or
 *   since it was created, when it has none); the saved content becomes a version. Content
 *   equal to the latest version is not duplicated — the repository returns that version.
 * A pre-edit version is itself the latest version, so the same save makes no 'auto' one.
 */
import { LetterdeskError } from '../../shared/errors';

export interface AutoVersionSettings {
  throttleMs: number;
  staleMs: number;
}

export const DEFAULT_AUTO_VERSION_SETTINGS: AutoVersionSettings = {
  throttleMs: 10 * 60_000,
  staleMs: 7 * 24 * 3_600_000,
};

export interface DraftSaveFacts {
  now: string;
  /** The letter's updatedAt before this save. */
  lastEditAt: string;
  letterCreatedAt: string;
  /** createdAt of the letter's latest version; null when it has none. */
  lastVersionAt: string | null;
  /** Whether the save changes the stored content; asked only when the letter is stale. */
  changesContent: () => boolean;
}

export interface DraftSavePlan {
  /** Keep the stored content as a 'pre-edit' version before saving. */
  preEdit: boolean;
  /** Keep the saved content as an 'auto' version after saving. */
  auto: boolean;
}

export function checkAutoVersionSettings(s: AutoVersionSettings): void {
  if (!(Number.isFinite(s.throttleMs) && s.throttleMs >= 0)) throw new LetterdeskError('invalid-input', 'throttleMs must be ≥ 0');
  if (!(Number.isFinite(s.staleMs) && s.staleMs >= 0)) throw new LetterdeskError('invalid-input', 'staleMs must be ≥ 0');
}

const elapsed = (fromIso: string, toIso: string) => Date.parse(toIso) - Date.parse(fromIso);

export function planDraftSave(facts: DraftSaveFacts, settings: AutoVersionSettings = DEFAULT_AUTO_VERSION_SETTINGS): DraftSavePlan {
  checkAutoVersionSettings(settings);
  const preEdit = elapsed(facts.lastEditAt, facts.now) >= settings.staleMs && facts.changesContent();
  const auto = !preEdit && elapsed(facts.lastVersionAt ?? facts.letterCreatedAt, facts.now) >= settings.throttleMs;
  return { preEdit, auto };
}

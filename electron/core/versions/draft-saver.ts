/**
 * The autosave entry point (issue #4): one durable commit of the working draft, with the
 * pre-edit and throttled automatic versions the policy asks for, all in one transaction —
 * a crash keeps either the whole save with its versions or none of it.
 */
import type { Letter } from '../../shared/domain';
import type { LetterContent } from '../../shared/letter-content';
import { prepareContent } from '../letter-content-rules';
import { assertEditable } from '../letter-edit-guard';
import { DEFAULT_AUTO_VERSION_SETTINGS, planDraftSave, type AutoVersionSettings } from './auto-version-policy';
import { contentHash } from './canonical-hash';
import type { VersionStore } from './version-store';
import { KEEP_EVERYTHING, type RetentionPolicy } from './retention';
import type { VersionSummary } from './version-types';

export interface VersioningSettings extends AutoVersionSettings {
  /** Applied after each new automatic version; the default keeps everything. */
  retention: RetentionPolicy;
}

export const DEFAULT_VERSIONING_SETTINGS: VersioningSettings = { ...DEFAULT_AUTO_VERSION_SETTINGS, retention: KEEP_EVERYTHING };

export interface DraftSaveResult {
  letter: Letter;
  /** New versions made by this save, oldest first ('pre-edit' and/or 'auto'); usually none. */
  versionsCreated: VersionSummary[];
}

/**
 * Saves the draft. `content` is cleaned and checked here (prepareContent), so callers pass
 * what the editor sent; 'invalid-document' / 'invalid-input' are thrown before any write,
 * 'illegal-transition' for an archived or void letter, 'conflict' on a stale `expectedRevision`,
 * 'letter-trashed' and 'not-found' as the letters repo says — each leaving the store untouched.
 */
export function saveDraft(
  { db, letters, versions }: VersionStore,
  letterId: number,
  content: LetterContent,
  expectedRevision: number | undefined,
  nowIso: string,
  settings: VersioningSettings = DEFAULT_VERSIONING_SETTINGS,
): DraftSaveResult {
  const prepared = prepareContent(content);
  return db.transaction(() => {
    const before = letters.get(letterId);
    assertEditable(before);
    const latest = versions.latest(letterId);
    let stored: LetterContent | undefined;
    const storedContent = () => (stored ??= letters.getContent(letterId).content);
    const plan = planDraftSave(
      {
        now: nowIso,
        lastEditAt: before.updatedAt,
        letterCreatedAt: before.createdAt,
        lastVersionAt: latest?.createdAt ?? null,
        changesContent: () => contentHash(storedContent()) !== contentHash(prepared),
      },
      settings,
    );
    const created: VersionSummary[] = [];
    let last = latest;
    const keep = (v: VersionSummary) => {
      if (v.seq !== last?.seq) created.push(v);
      last = v;
    };
    if (plan.preEdit) keep(versions.create(letterId, storedContent(), 'pre-edit', null, nowIso));
    const letter = letters.saveContent(letterId, prepared, nowIso, expectedRevision);
    if (plan.auto) {
      const made = created.length;
      keep(versions.create(letterId, prepared, 'auto', null, nowIso));
      if (created.length > made && settings.retention.keepAllDays !== null) versions.prune(letterId, settings.retention, nowIso);
    }
    return { letter, versionsCreated: created };
  })();
}

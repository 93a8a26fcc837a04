/** The versions core (issue #4): what the API wiring imports. */
export { canonicalJson, contentHash, fingerprint, normalizeHashPrefix } from './canonical-hash';
export { createVersionsRepo, MAX_NOTE_LENGTH, type VersionsRepo } from './versions-repo';
export { VERSION_KINDS, isFrozen, type Version, type VersionKind, type VersionSummary } from './version-types';
export { DEFAULT_AUTO_VERSION_SETTINGS, planDraftSave, type AutoVersionSettings, type DraftSaveFacts, type DraftSavePlan } from './auto-version-policy';
export { KEEP_EVERYTHING, versionsToPrune, checkRetentionPolicy, type RetentionPolicy, type RetentionCandidate } from './retention';
export { diffContents, type ContentDiff, type BlockDiff, type DiffStats, type FieldChange, type TextSegment, type BlockSide } from './version-diff';
export { saveDraft, DEFAULT_VERSIONING_SETTINGS, type VersioningSettings, type DraftSaveResult } from './draft-saver';
export { restoreVersion, type RestoreResult } from './restore';
export { snapshotLetter } from './snapshot-letter';
export { reposFor } from './repos';

import type { CoreDeps } from '../core-deps';
import { DEFAULT_VERSIONING_SETTINGS, type VersioningSettings } from '../versions/draft-saver';

/** Autosave's versioning rules with the user's throttle (Settings → 自动版本间隔). */
export function versioningSettings(settings: CoreDeps['settings']): VersioningSettings {
  return { ...DEFAULT_VERSIONING_SETTINGS, throttleMs: settings.getSettings().autoVersionMinutes * 60_000 };
}

import type { CoreDeps } from '../core-deps';
import { DEFAULT_VERSIONING_SETTINGS, type VersioningSettings } from '../versions/draft-saver';
import { KEEP_EVERYTHING, THIN_AUTO_VERSIONS } from '../versions/retention';

/** Autosave's versioning rules from Settings: 自动版本间隔 (throttle) and 自动版本保留 (retention). */
export function versioningSettings(settings: CoreDeps['settings']): VersioningSettings {
  const s = settings.getSettings();
  return {
    ...DEFAULT_VERSIONING_SETTINGS,
    throttleMs: s.autoVersionMinutes * 60_000,
    // Anything but an explicit choice to thin keeps everything (a damaged stored value included).
    retention: s.autoVersionRetention === 'thin' ? THIN_AUTO_VERSIONS : KEEP_EVERYTHING,
  };
}

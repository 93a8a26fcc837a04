import type { Db } from './db/open-db';
import type { Profile, Settings } from '../shared/domain';
import { DEFAULT_NUMBER_PATTERN, DEFAULT_NUMBER_PREFIX } from '../shared/signatures';
import { DEFAULT_FONTS } from './export/fonts';

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  autoVersionMinutes: 10,
  autoVersionRetention: 'keep-all',
  numberPattern: DEFAULT_NUMBER_PATTERN,
  numberPrefix: DEFAULT_NUMBER_PREFIX,
  categoryPrefixes: {},
  exportFonts: { ...DEFAULT_FONTS },
  lastExportDir: '',
};

export const EMPTY_PROFILE: Profile = {
  fullName: '',
  shortName: '',
  partyType: 'enterprise',
  address: '',
  legalRepresentative: '',
  contact: '',
  defaultSigner: '',
};

/** Key/value settings stored as JSON; unknown or damaged values fall back to defaults per key. */
export function createSettingsRepo(db: Db) {
  const read = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
  const write = db.prepare<[string, string]>(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );

  function readObject<T extends object>(key: string, defaults: T): T {
    const row = read.get(key);
    if (!row) return { ...defaults };
    try {
      const parsed = JSON.parse(row.value) as Record<string, unknown>;
      const base = defaults as Record<string, unknown>;
      const out: Record<string, unknown> = { ...base };
      for (const k of Object.keys(base)) {
        if (typeof parsed[k] === typeof base[k]) out[k] = parsed[k];
      }
      return out as T;
    } catch {
      return { ...defaults };
    }
  }

  function merge<T extends object>(key: string, defaults: T, patch: Partial<T>): T {
    return db.transaction(() => {
      const next = { ...readObject(key, defaults) };
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
      write.run(key, JSON.stringify(next));
      return next;
    })();
  }

  return {
    getSettings: () => readObject('settings', DEFAULT_SETTINGS),
    updateSettings: (patch: Partial<Settings>) => merge('settings', DEFAULT_SETTINGS, patch),
    getProfile: () => readObject('profile', EMPTY_PROFILE),
    updateProfile: (patch: Partial<Profile>) => merge('profile', EMPTY_PROFILE, patch),
  };
}

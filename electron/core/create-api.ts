import type { LetterdeskApi, ApiMethod } from '../shared/api';
import { validateInput } from '../shared/validate';
import { LetterdeskError, type Envelope } from '../shared/errors';
import { openDatabase, schemaVersion, APP_SCHEMA_VERSION, type Db } from './db/open-db';
import { toLetterdeskError } from './db/sqlite-errors';
import { checkDatabase } from './db/check-db';
import { createLettersRepo } from './letters-repo';
import { createSettingsRepo } from './settings-repo';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** File dialogs are the one thing the shell provides; tests pass a port that returns test paths. */
export interface DialogsPort {
  saveFile(options: { defaultName: string; filters?: { name: string; extensions: string[] }[] }): Promise<string | null>;
  openFile(options: { filters?: { name: string; extensions: string[] }[] }): Promise<string | null>;
}

export const noDialogs: DialogsPort = {
  saveFile: async () => null,
  openFile: async () => null,
};

export interface ApiDeps {
  db: Db;
  dataDir: string;
  clock?: Clock;
  dialogs?: DialogsPort;
  appVersion?: string;
}

/** Implements the whole LetterdeskApi on Node over one open database. */
export function createApi(deps: ApiDeps): LetterdeskApi {
  const { db, dataDir } = deps;
  const clock = deps.clock ?? systemClock;
  const letters = createLettersRepo(db);
  const settings = createSettingsRepo(db);
  const now = () => clock.now().toISOString();

  const api: LetterdeskApi = {
    appInfo: async () => ({ version: deps.appVersion ?? '0.0.0', dataDir, schemaVersion: schemaVersion(db) }),
    lettersList: async (query) => letters.list(query ?? {}),
    lettersCreate: async ({ title }) => letters.create(title, now()),
    lettersGet: async ({ id }) => letters.get(id),
    lettersRename: async ({ id, title, revision }) => letters.rename(id, title, now(), revision),
    lettersTrash: async ({ id }) => letters.trash(id, now()),
    lettersRestore: async ({ id }) => letters.restore(id, now()),
    settingsGet: async () => settings.getSettings(),
    settingsUpdate: async (patch) => settings.updateSettings(patch ?? {}),
    profileGet: async () => settings.getProfile(),
    profileUpdate: async (patch) => settings.updateProfile(patch ?? {}),
    dbCheck: async () => checkDatabase(db, dataDir),
  };
  return api;
}

/**
 * Validates and runs one call, returning an envelope. The single entry point for every
 * transport (IPC, the e2e binding, the CLI): input is untrusted until the schema accepts it.
 */
export function createDispatcher(api: LetterdeskApi) {
  return async function dispatch(method: unknown, args: unknown): Promise<Envelope<unknown>> {
    try {
      const input = validateInput(method, Array.isArray(args) ? args : [args]);
      const fn = api[method as ApiMethod] as (input: unknown) => Promise<unknown>;
      const value = await fn(input);
      return { ok: true, value };
    } catch (err) {
      const e = toLetterdeskError(err, String(method));
      return { ok: false, code: e.code, message: e.message };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

export interface Core {
  db: Db;
  api: LetterdeskApi;
  dispatch: Dispatch;
  close(): void;
}

/** Opens the data folder and wires the API; what main, the CLI and the e2e harness call. */
export function openCore(options: Omit<ApiDeps, 'db'>): Core {
  const db = openDatabase(options.dataDir);
  const api = createApi({ ...options, db });
  return { db, api, dispatch: createDispatcher(api), close: () => db.close() };
}

export { APP_SCHEMA_VERSION, LetterdeskError };

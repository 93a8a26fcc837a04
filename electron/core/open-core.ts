import type { LetterdeskApi } from '../shared/api';
import { createApi } from './compose-api';
import type { ApiDeps } from './core-deps';
import { openDatabase, type Db } from './db/open-db';
import { createDispatcher, type Dispatch } from './dispatcher';

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

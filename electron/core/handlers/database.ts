/** The app and its database: version and data folder, and `db check` (integrity and evidence). */
import type { LetterdeskApi } from '../../shared/api';
import type { CoreDeps } from '../core-deps';
import { checkDatabase } from '../db/check-db';
import { schemaVersion } from '../db/open-db';
import { checkEvidence } from '../signatures/evidence-check';

export type DatabaseMethods = 'appInfo' | 'dbCheck';

export function databaseHandlers(deps: Pick<CoreDeps, 'db' | 'dataDir' | 'appVersion' | 'sign'>): Pick<LetterdeskApi, DatabaseMethods> {
  const { db, dataDir } = deps;
  return {
    appInfo: async () => ({ version: deps.appVersion, dataDir, schemaVersion: schemaVersion(db) }),
    dbCheck: async () => checkDatabase(db, dataDir, deps.sign.events.verifyChain(), checkEvidence(db)),
  };
}

import path from 'node:path';
import type { DbCheckReport } from '../../shared/domain';
import { APP_SCHEMA_VERSION } from './migrations';
import { DB_FILE_NAME, schemaVersion, type Db } from './open-db';

/**
 * Runs SQLite's integrity and foreign-key checks, compares the schema with this app's, and
 * takes the evidence check's report (signatures/evidence-check.ts). Only reads.
 */
export function checkDatabase(db: Db, dataDir: string, chain: DbCheckReport['chain'], evidence: DbCheckReport['evidence']): DbCheckReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const fk = db.pragma('foreign_key_check') as unknown[];
  const version = schemaVersion(db);
  const ok = integrity.length === 1 && integrity[0] === 'ok' && fk.length === 0 && version === APP_SCHEMA_VERSION && chain.ok && evidence.ok;
  return {
    ok,
    chain,
    schemaVersion: version,
    appSchemaVersion: APP_SCHEMA_VERSION,
    integrity,
    foreignKeyViolations: fk.length,
    path: path.join(dataDir, DB_FILE_NAME),
    evidence,
  };
}

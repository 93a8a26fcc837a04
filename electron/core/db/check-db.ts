import fs from 'node:fs';
import path from 'node:path';
import type { DbCheckReport } from '../../shared/domain';
import { APP_SCHEMA_VERSION } from './migrations';
import { checkEvidence } from '../signatures/evidence-check';
import { verifyChain } from '../signatures/events-repo';
import { closeDatabase, DB_FILE_NAME, openDatabase, openDatabaseReadOnly, schemaVersion, type Db } from './open-db';
import { toLetterdeskError } from './sqlite-errors';

/**
 * Runs SQLite's integrity and foreign-key checks, compares the schema with this app's, and
 * takes the evidence check's report (signatures/evidence-check.ts). Only reads.
 */
export function checkDatabase(db: Db, dataDir: string, chain: DbCheckReport['chain'], evidence: DbCheckReport['evidence']): DbCheckReport {
  // Damage can make a check itself fail: that is reported as what it found, not thrown.
  const integrity = attempt(() => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check));
  const fk = attempt(() => db.pragma('foreign_key_check') as unknown[]);
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

/**
 * `letterdesk db check` on a data folder (issue 11): a read-only connection, so the check never
 * migrates, checkpoints or writes — a damaged, older or newer file is reported as it is.
 */
function attempt<T>(read: () => T[]): T[] | string[] {
  try {
    return read();
  } catch (err) {
    return [`check failed: ${(err as Error).message ?? String(err)}`];
  }
}

export function checkDataFolder(dataDir: string): DbCheckReport {
  // No database yet: the one the app would create is made (no existing file is changed).
  if (!fs.existsSync(path.join(dataDir, DB_FILE_NAME))) closeDatabase(openDatabase(dataDir));
  const db = openDatabaseReadOnly(dataDir);
  try {
    let chain: DbCheckReport['chain'];
    let evidence: DbCheckReport['evidence'];
    try {
      chain = verifyChain(db);
      evidence = checkEvidence(db);
    } catch (err) {
      // An older schema, or damage where the chain lives: reported, not thrown.
      const reason = (err as Error).message ?? String(err);
      chain = { ok: false, events: 0, firstBroken: { id: 0, letterId: null, reason } };
      evidence = { ok: false, head: null, checked: { events: 0, versions: 0, scans: 0, letters: 0 }, problems: [], problemCount: 0 };
    }
    return checkDatabase(db, dataDir, chain, evidence);
  } catch (err) {
    throw toLetterdeskError(err, 'db check');
  } finally {
    db.close();
  }
}

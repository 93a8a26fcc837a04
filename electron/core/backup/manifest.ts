/**
 * A backup's manifest and what checks it (issue 11): the files with their SHA-256, the copy's
 * own integrity_check, and the shape of a manifest that may come from anywhere (an archive).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupManifest } from '../../shared/backup';
import { LetterdeskError } from '../../shared/errors';
import { APP_SCHEMA_VERSION } from '../db/migrations';
import { DB_FILE_NAME } from '../db/open-db';

export const MANIFEST_NAME = 'manifest.json';

export type CopyFacts = Pick<BackupManifest, 'schemaVersion' | 'letters' | 'versions' | 'scans' | 'chainHead'>;

/** Opens a copy read-only: integrity_check must say ok; then what it holds. */
export function readCopy(file: string, appVersion = APP_SCHEMA_VERSION): CopyFacts {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new LetterdeskError('backup-invalid', `The copy cannot be opened: ${(err as Error).message}`);
  }
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new LetterdeskError('backup-invalid', `The copy is damaged: ${integrity.slice(0, 3).join('; ')}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > appVersion) {
      throw new LetterdeskError('db-newer-than-app', `The copy has schema version ${schemaVersion}, this app knows up to ${appVersion}. Update Letterdesk.`);
    }
    const tables = new Set(db.prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all().map((r) => r.name));
    if (schemaVersion < 1 || !tables.has('letters') || !tables.has('settings')) throw new LetterdeskError('backup-invalid', 'The copy is not a Letterdesk database');
    const count = (table: string) => (tables.has(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
    const head = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`).get('chain-head');
    let chainHead: CopyFacts['chainHead'] = null;
    if (head) {
      const parsed = JSON.parse(head.value) as { id?: unknown; hash?: unknown };
      if (typeof parsed.id === 'number' && typeof parsed.hash === 'string') chainHead = { id: parsed.id, hash: parsed.hash };
    }
    return { schemaVersion, letters: count('letters'), versions: count('versions'), scans: count('scans'), chainHead };
  } finally {
    db.close();
  }
}

/** Every file under `dir` (relative, with '/'), manifest excluded, in a stable order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else if (entry.isFile() && r !== MANIFEST_NAME) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** A manifest read from disk, checked for shape (it may come from anywhere: an archive). */
export function parseManifest(text: string): BackupManifest {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new LetterdeskError('backup-invalid', 'The manifest is not JSON');
  }
  const o = m as Partial<BackupManifest>;
  const okFiles =
    Array.isArray(o.files) &&
    o.files.every(
      (f) =>
        typeof f?.path === 'string' &&
        safeRelative(f.path) &&
        typeof f.size === 'number' &&
        Number.isSafeInteger(f.size) &&
        f.size >= 0 &&
        typeof f.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(f.sha256),
    );
  if (o?.format !== 'letterdesk-backup' || o.formatVersion !== 1 || !okFiles || typeof o.schemaVersion !== 'number' || typeof o.createdAt !== 'string') {
    throw new LetterdeskError('backup-invalid', 'The manifest is not a Letterdesk backup manifest');
  }
  if (!o.files!.some((f) => f.path === DB_FILE_NAME)) throw new LetterdeskError('backup-invalid', 'The manifest lists no database');
  return o as BackupManifest;
}

/** A relative path with no way out of its folder. */
export function safeRelative(p: string): boolean {
  return p.length > 0 && p.length < 512 && !p.startsWith('/') && !/[\\:\0]/.test(p) && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/**
 * Everything in a backup folder checks out: the manifest's files are all there with their
 * sizes and SHA-256 and nothing else is, and the database copy passes integrity_check.
 */
export function verifyBackupFolder(dir: string, appVersion = APP_SCHEMA_VERSION): BackupManifest {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, MANIFEST_NAME), 'utf8');
  } catch (err) {
    throw new LetterdeskError('backup-invalid', `No manifest in ${dir}: ${(err as Error).message}`);
  }
  const manifest = parseManifest(text);
  if (manifest.schemaVersion > appVersion) {
    throw new LetterdeskError('db-newer-than-app', `The backup has schema version ${manifest.schemaVersion}, this app knows up to ${appVersion}. Update Letterdesk.`);
  }
  const present = listFiles(dir);
  const listed = manifest.files.map((f) => f.path).sort();
  if (JSON.stringify(present) !== JSON.stringify(listed)) throw new LetterdeskError('backup-invalid', `Files differ from the manifest in ${dir}`);
  for (const f of manifest.files) {
    const full = path.join(dir, f.path);
    if (fs.statSync(full).size !== f.size || sha256File(full) !== f.sha256) throw new LetterdeskError('backup-invalid', `${f.path} does not match its checksum`);
  }
  const facts = readCopy(path.join(dir, DB_FILE_NAME), appVersion);
  if (facts.schemaVersion !== manifest.schemaVersion || facts.letters !== manifest.letters) throw new LetterdeskError('backup-invalid', 'The database differs from its manifest');
  return manifest;
}

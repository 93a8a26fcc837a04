/**
 * Backups on disk (issue 11): one folder per backup holding a copy of the database made by
 * SQLite (online backup API, or VACUUM INTO where the caller cannot wait), the scan files
 * kept beside the database if any, and manifest.json with the checksum of each file, the
 * letter count and the event chain's head. A backup is written under a `.partial` name,
 * verified (integrity_check on the copy, opened read-only) and only then renamed into place,
 * so a listed backup is always whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupManifest, BackupReason } from '../../shared/backup';
import { LetterdeskError } from '../../shared/errors';
import { DB_FILE_NAME, syncFolder, type Db } from '../db/open-db';
import { toLetterdeskError } from '../db/sqlite-errors';
import { listFiles, MANIFEST_NAME, parseManifest, readCopy, sha256File } from './manifest';
import { backupsToKeep } from './retention';

/** Scan files stored beside the database (none yet: scans are rows of the database itself). */
export const SCANS_DIR = 'scans';

export function backupId(at: Date, reason: BackupReason): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}-${p(at.getMilliseconds(), 3)}`;
  return `letterdesk-${stamp}-${reason}`;
}

export interface BackupTarget {
  dataDir: string;
  folder: string;
  reason: BackupReason;
  at: Date;
  appVersion: string;
}

/** A folder's backup can be written: it exists (or can be made) and takes a file. */
export function assertFolderUsable(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (err) {
    throw new LetterdeskError('backup-unavailable', `The backup folder cannot be used: ${folder} (${(err as Error).message})`);
  }
}

/** Online backup: SQLite copies the pages in steps while the app keeps working. */
export async function createBackup(db: Db, target: BackupTarget): Promise<BackupInfo> {
  const { partial, dbCopy } = startBackup(target);
  try {
    await db.backup(dbCopy);
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw toLetterdeskError(err, 'Backup failed');
  }
  return finishBackup(partial, dbCopy, target);
}

/**
 * The same, synchronously, for callers that cannot wait (before a migration, inside the open):
 * VACUUM INTO writes a consistent copy through SQLite too — never a file copy of a live WAL.
 */
export function createBackupSync(db: Db, target: BackupTarget): BackupInfo {
  const { partial, dbCopy } = startBackup(target);
  try {
    db.prepare('VACUUM INTO ?').run(dbCopy);
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw toLetterdeskError(err, 'Backup failed');
  }
  return finishBackup(partial, dbCopy, target);
}

function startBackup(target: BackupTarget): { partial: string; dbCopy: string } {
  assertFolderUsable(target.folder);
  const partial = path.join(target.folder, `${backupId(target.at, target.reason)}.partial`);
  fs.rmSync(partial, { recursive: true, force: true });
  try {
    fs.mkdirSync(partial);
  } catch (err) {
    throw new LetterdeskError('backup-unavailable', `Cannot write in the backup folder: ${(err as Error).message}`);
  }
  return { partial, dbCopy: path.join(partial, DB_FILE_NAME) };
}

function finishBackup(partial: string, dbCopy: string, target: BackupTarget): BackupInfo {
  try {
    // A backup is one self-contained file: no WAL beside it.
    const rw = new Database(dbCopy, { fileMustExist: true });
    try {
      rw.pragma('journal_mode = DELETE');
    } finally {
      rw.close();
    }
    const facts = readCopy(dbCopy);
    copyScans(path.join(target.dataDir, SCANS_DIR), path.join(partial, SCANS_DIR));
    const id = backupId(target.at, target.reason);
    const manifest: BackupManifest = {
      format: 'letterdesk-backup',
      formatVersion: 1,
      id,
      createdAt: target.at.toISOString(),
      reason: target.reason,
      appVersion: target.appVersion,
      ...facts,
      integrity: 'ok',
      files: listFiles(partial).map((rel) => fileEntry(partial, rel)),
    };
    writeFileSynced(path.join(partial, MANIFEST_NAME), JSON.stringify(manifest, null, 2));
    const final = path.join(target.folder, id);
    fs.renameSync(partial, final);
    syncFolder(target.folder);
    return infoOf(final, manifest, true);
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw err instanceof LetterdeskError ? err : toLetterdeskError(err, 'Backup failed');
  }
}

function copyScans(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  fs.cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
}

function fileEntry(dir: string, rel: string): BackupManifest['files'][number] {
  const full = path.join(dir, rel);
  return { path: rel, size: fs.statSync(full).size, sha256: sha256File(full) };
}

export function writeFileSynced(file: string, text: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function infoOf(dir: string, m: BackupManifest, verified: boolean): BackupInfo {
  return {
    id: m.id,
    createdAt: m.createdAt,
    reason: m.reason,
    size: m.files.reduce((s, f) => s + f.size, 0),
    letters: m.letters,
    schemaVersion: m.schemaVersion,
    chainHead: m.chainHead,
    verified,
    path: dir,
  };
}

/** The backups in a folder, newest first. Cheap: reads manifests and file sizes, hashes nothing. */
export function listBackups(folder: string): BackupInfo[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith('letterdesk-') || e.name.endsWith('.partial')) continue;
    const dir = path.join(folder, e.name);
    try {
      const m = parseManifest(fs.readFileSync(path.join(dir, MANIFEST_NAME), 'utf8'));
      const whole = m.integrity === 'ok' && m.files.every((f) => fs.statSync(path.join(dir, f.path), { throwIfNoEntry: false })?.size === f.size);
      out.push(infoOf(dir, m, whole));
    } catch {
      // A folder without a readable manifest is not a backup we can offer.
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

/** Deletes what the retention rule does not keep; returns the ids removed. */
export function pruneBackups(folder: string, now: Date): string[] {
  const all = listBackups(folder);
  const keep = backupsToKeep(
    all.map((b) => ({ id: b.id, createdAt: new Date(b.createdAt) })),
    now,
  );
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.id)) continue;
    fs.rmSync(b.path, { recursive: true, force: true });
    removed.push(b.id);
  }
  return removed;
}

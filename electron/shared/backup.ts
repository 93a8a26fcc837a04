/** Backups, restore and the archive (issue 11): what crosses the API. */

export type BackupReason = 'daily' | 'periodic' | 'manual' | 'pre-migration' | 'pre-restore' | 'pre-import';

/** The manifest stored in every backup and archive: what it holds and the checksum of each file. */
export interface BackupManifest {
  format: 'letterdesk-backup';
  formatVersion: 1;
  id: string;
  createdAt: string;
  reason: BackupReason;
  appVersion: string;
  schemaVersion: number;
  letters: number;
  versions: number;
  scans: number;
  /** The tamper-evident event log's head at the time of the backup. */
  chainHead: { id: number; hash: string } | null;
  /** `PRAGMA integrity_check` of the copy, run read-only after writing it. */
  integrity: 'ok';
  files: { path: string; size: number; sha256: string }[];
}

export interface BackupInfo {
  id: string;
  createdAt: string;
  reason: BackupReason;
  /** Bytes of all its files. */
  size: number;
  letters: number;
  schemaVersion: number;
  chainHead: { id: number; hash: string } | null;
  /** Checked after writing and its files are all present with their recorded sizes. */
  verified: boolean;
  path: string;
}

export interface BackupsOverview {
  folder: string;
  defaultFolder: string;
  /** False when the folder cannot be written (drive unplugged, share offline). */
  available: boolean;
  backups: BackupInfo[];
  /** The full integrity check run in the background after start; null until it has run. */
  integrity: { ok: boolean; checkedAt: string; problems: string[] } | null;
}

/** A long task (archive export or import) the renderer polls, and may cancel. */
export interface BackupJob {
  id: number;
  kind: 'archive-export' | 'archive-import';
  state: 'running' | 'done' | 'failed' | 'cancelled';
  phase: 'snapshot' | 'read' | 'verify' | 'backup' | 'replace' | 'write' | 'done';
  done: number;
  total: number;
  /** The file written or read. */
  path: string | null;
  error: { code: string; message: string } | null;
}

/** The start found a damaged database, moved it aside and opened in recovery (issue 11). */
export interface RecoveryInfo {
  reason: 'db-corrupt';
  /** Where the damaged file now is (left as it was, for a specialist). */
  movedTo: string;
  detail: string;
  newestBackup: BackupInfo | null;
}

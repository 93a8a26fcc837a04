/**
 * Backups as the app runs them (issue 11): at start once a day, every 30 minutes while there
 * were changes, before every migration, restore and archive import, and on demand; restore
 * and archive import verify everything before the database is replaced, and back up the
 * current state first so it can be restored back. The backup folder is kept in a small file
 * in the data folder, not in the database: it must be known before a migration, in recovery,
 * and a restored database must not bring back an old folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupJob, BackupReason, BackupsOverview, RecoveryInfo } from '../../shared/backup';
import { errorCode, LetterdeskError } from '../../shared/errors';
import { integrityCheckInSteps } from '../db/integrity';
import { DB_FILE_NAME, syncFile, syncFolder, type Db } from '../db/open-db';
import { toLetterdeskError } from '../db/sqlite-errors';
import type { Clock } from '../ports';
import { readArchive, writeArchive, type TaskControl } from './archive';
import { assertFolderUsable, createBackup, createBackupSync, listBackups, pruneBackups, SCANS_DIR } from './backup-store';
import { verifyBackupFolder } from './manifest';

/** A task's controls, and the phase it reports (BackupJob.phase). */
type JobControl = TaskControl & { phase?: (p: BackupJob['phase']) => void };

export const BACKUP_SETTINGS_FILE = 'backup-settings.json';
export const PERIODIC_MS = 30 * 60 * 1000;

export interface BackupServiceDeps {
  dataDir: string;
  appVersion: string;
  clock: Clock;
  /** The open database; null in recovery (the damaged one was moved aside). */
  db(): Db | null;
  /**
   * Closes the database, lets `install` put a verified copy at the database's path, and opens
   * the core on it again (open-core.ts). Absent when the API was built on a bare database.
   */
  replaceDatabase?: (install: (target: string) => void) => void;
  recovery?: () => RecoveryInfo | null;
}

export type BackupService = ReturnType<typeof createBackupService>;

export function createBackupService(deps: BackupServiceDeps) {
  const defaultFolder = path.join(deps.dataDir, 'backups');
  const settingsFile = path.join(deps.dataDir, BACKUP_SETTINGS_FILE);
  const jobs = new Map<number, { job: BackupJob; abort: AbortController; done: Promise<void> }>();
  let nextJob = 1;
  let lastBacked: { db: Db; changes: number } | null = null;
  let timer: NodeJS.Timeout | null = null;
  let dailyTimer: NodeJS.Timeout | null = null;
  let integrity: BackupsOverview['integrity'] = null;
  /** One backup, restore or import at a time. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  function folder(): string {
    try {
      const v = (JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as { folder?: unknown }).folder;
      if (typeof v === 'string' && path.isAbsolute(v)) return v;
    } catch {
      // No file yet, or unreadable: the default folder.
    }
    return defaultFolder;
  }

  function available(dir: string): boolean {
    try {
      assertFolderUsable(dir);
      return true;
    } catch {
      return false;
    }
  }

  function openDb(): Db {
    const db = deps.db();
    if (!db) throw new LetterdeskError('db-recovery', 'The database is damaged and was moved aside; restore a backup first');
    return db;
  }

  function changes(db: Db): number {
    return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  function target(reason: BackupReason, dir = folder()) {
    return { dataDir: deps.dataDir, folder: dir, reason, at: deps.clock.now(), appVersion: deps.appVersion };
  }

  /** A backup into the chosen folder; one the app makes for safety falls back to the default folder. */
  async function backup(reason: BackupReason): Promise<BackupInfo> {
    const db = openDb();
    const before = changes(db);
    let info: BackupInfo;
    try {
      info = await createBackup(db, target(reason));
    } catch (err) {
      if (reason === 'manual' || errorCode(err) !== 'backup-unavailable' || folder() === defaultFolder) throw err;
      info = await createBackup(db, target(reason, defaultFolder));
    }
    lastBacked = { db, changes: before };
    pruneBackups(path.dirname(info.path), deps.clock.now());
    return info;
  }

  /** Stages a backup folder or an archive file, verified; returns the folder to install from. */
  async function stage(source: string, control: JobControl, staging: string): Promise<string> {
    const stat = fs.statSync(source, { throwIfNoEntry: false });
    if (!stat) throw new LetterdeskError('not-found', `No backup at ${source}`);
    if (stat.isDirectory()) {
      verifyBackupFolder(source);
      return source;
    }
    await readArchive(source, staging, control);
    control.phase?.('verify');
    verifyBackupFolder(staging);
    return staging;
  }

  function install(from: string, to: string): void {
    const temp = `${to}.installing`;
    try {
      fs.copyFileSync(path.join(from, DB_FILE_NAME), temp);
      syncFile(temp);
      fs.renameSync(temp, to);
    } catch (err) {
      fs.rmSync(temp, { force: true }); // a full disk leaves no half copy behind
      throw toLetterdeskError(err, 'Cannot install the database');
    }
    const scans = path.join(deps.dataDir, SCANS_DIR);
    fs.rmSync(scans, { recursive: true, force: true });
    if (fs.existsSync(path.join(from, SCANS_DIR))) fs.cpSync(path.join(from, SCANS_DIR), scans, { recursive: true });
    syncFolder(deps.dataDir);
  }

  /** Verify, back up what is there now, then replace: the way back always exists. */
  async function replaceFrom(source: string, reason: 'pre-restore' | 'pre-import', control: JobControl) {
    if (!deps.replaceDatabase) throw new LetterdeskError('internal', 'Restore needs the core opened on a data folder (openCore)');
    const staging = path.join(deps.dataDir, `.staging-${process.pid}-${Date.now()}`);
    try {
      control.phase?.('read');
      const from = await stage(source, control, staging);
      control.phase?.('backup');
      const before = deps.db() ? await backup(reason) : null;
      if (control.signal?.aborted) throw new LetterdeskError('cancelled', 'Cancelled');
      control.phase?.('replace');
      deps.replaceDatabase((to) => install(from, to));
      return { before };
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }

  /** A fresh verified backup, made in a scratch folder, is what gets zipped. */
  async function exportTo(outFile: string, control: JobControl): Promise<void> {
    const temp = path.join(deps.dataDir, `.archive-${process.pid}-${Date.now()}`);
    try {
      const info = await createBackup(openDb(), target('manual', temp));
      control.phase?.('write');
      await writeArchive(info.path, outFile, control);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  }

  function startJob(kind: BackupJob['kind'], filePath: string, run: (control: JobControl) => Promise<void>): BackupJob {
    const job: BackupJob = { id: nextJob++, kind, state: 'running', phase: kind === 'archive-export' ? 'snapshot' : 'read', done: 0, total: 0, path: filePath, error: null };
    const abort = new AbortController();
    const control = {
      signal: abort.signal,
      onProgress: (done: number, total: number) => Object.assign(job, { done, total }),
      phase: (p: BackupJob['phase']) => (job.phase = p),
    };
    const done = serial(() => run(control)).then(
      () => Object.assign(job, { state: 'done', phase: 'done' }),
      (err: unknown) =>
        Object.assign(job, {
          state: errorCode(err) === 'cancelled' ? 'cancelled' : 'failed',
          error: { code: errorCode(err), message: (err as Error).message ?? String(err) },
        }),
    );
    jobs.set(job.id, { job, abort, done: done.then(() => undefined) });
    return { ...job };
  }

  return {
    folder,
    defaultFolder,

    overview(): BackupsOverview {
      const dir = folder();
      return { folder: dir, defaultFolder, available: available(dir), backups: listBackups(dir), integrity };
    },

    /** null: back to the default folder. The new folder must be usable now. */
    setFolder(dir: string | null): BackupsOverview {
      if (dir !== null) {
        if (!path.isAbsolute(dir)) throw new LetterdeskError('invalid-input', 'The backup folder must be an absolute path');
        assertFolderUsable(dir);
      }
      fs.writeFileSync(settingsFile, JSON.stringify({ folder: dir }));
      return this.overview();
    },

    backupNow: (reason: BackupReason = 'manual') => serial(() => backup(reason)),

    /** At start: one a day. Returns null when today's exists already. */
    dailyBackup: () =>
      serial(async () => {
        if (!deps.db()) return null;
        const today = deps.clock.now().toDateString();
        if (listBackups(folder()).some((b) => new Date(b.createdAt).toDateString() === today)) return null;
        return backup('daily');
      }),

    /** The 30-minute tick: checkpoint the WAL; back up if anything changed since the last backup. */
    tick: () =>
      serial(async () => {
        const db = deps.db();
        if (!db) return null;
        db.pragma('wal_checkpoint(TRUNCATE)');
        if (lastBacked?.db === db && lastBacked.changes === changes(db)) return null;
        return backup('periodic');
      }),

    /** Before a migration (open-db.ts beforeMigrate): synchronous, as the open is. */
    beforeMigration(db: Db): BackupInfo {
      try {
        return createBackupSync(db, target('pre-migration'));
      } catch (err) {
        if (errorCode(err) !== 'backup-unavailable' || folder() === defaultFolder) throw err;
        return createBackupSync(db, target('pre-migration', defaultFolder));
      }
    },

    restore: (source: string) => serial(() => replaceFrom(source, 'pre-restore', {})),

    /** The whole history as one file (the CLI, tests; the app starts it as a task). */
    exportArchive: (outFile: string, control: TaskControl = {}) => serial(() => exportTo(outFile, control)),

    importArchive: (file: string, control: TaskControl = {}) => serial(() => replaceFrom(file, 'pre-import', control)),

    startExport(outFile: string): BackupJob {
      return startJob('archive-export', outFile, (control) => exportTo(outFile, control));
    },

    startImport(file: string): BackupJob {
      return startJob('archive-import', file, async (control) => {
        await replaceFrom(file, 'pre-import', control);
      });
    },

    job(id: number): BackupJob {
      const j = jobs.get(id);
      if (!j) throw new LetterdeskError('not-found', `No task ${id}`);
      return { ...j.job };
    },

    cancel(id: number): BackupJob {
      const j = jobs.get(id);
      if (!j) throw new LetterdeskError('not-found', `No task ${id}`);
      // Cancelling stops before anything is replaced; once replacing, it finishes.
      if (j.job.phase !== 'replace') j.abort.abort();
      return { ...j.job };
    },

    /** Waits for a task to end (the CLI; tests). */
    async settle(id: number): Promise<BackupJob> {
      const j = jobs.get(id);
      if (!j) throw new LetterdeskError('not-found', `No task ${id}`);
      await j.done;
      return { ...j.job };
    },

    recovery: () => deps.recovery?.() ?? null,

    /** The full integrity check, table by table (db/integrity.ts); its result shows in the overview. */
    async integrityCheck(): Promise<BackupsOverview['integrity']> {
      const db = deps.db();
      if (!db) return integrity;
      const result = await integrityCheckInSteps(db, () => deps.db() === db && db.open);
      if (!result) return integrity;
      integrity = { ok: result.ok, checkedAt: deps.clock.now().toISOString(), problems: result.problems };
      if (!result.ok) console.error(`[letterdesk] integrity check: ${result.problems.join('; ')}`);
      return integrity;
    },

    /** The app's timers: the daily backup soon after start and the 30-minute tick. */
    start(options: { daily?: boolean; periodicMs?: number; dailyDelayMs?: number } = {}): void {
      this.stop();
      const report = (err: unknown) => console.error(`[letterdesk] backup: ${(err as Error).message ?? String(err)}`);
      // Soon after start: the full integrity check, then (once a day) a backup.
      const atStart = async () => {
        await this.integrityCheck();
        if (options.daily !== false) await this.dailyBackup();
      };
      dailyTimer = setTimeout(() => void atStart().catch(report), options.dailyDelayMs ?? 5000).unref();
      timer = setInterval(() => void this.tick().catch(report), options.periodicMs ?? PERIODIC_MS);
      timer.unref();
    },

    stop(): void {
      if (timer) clearInterval(timer);
      if (dailyTimer) clearTimeout(dailyTimer);
      timer = dailyTimer = null;
      for (const j of jobs.values()) j.abort.abort();
    },

    /** For a shell's close: whatever runs is waited for (a restore must not be cut in half). */
    idle: () => queue,
  };
}

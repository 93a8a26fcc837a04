import fs from 'node:fs';
import path from 'node:path';
import { API_METHODS, type LetterdeskApi } from '../shared/api';
import type { RecoveryInfo } from '../shared/backup';
import { errorCode, LetterdeskError } from '../shared/errors';
import { createBackupService, type BackupService } from './backup/backup-service';
import { listBackups } from './backup/backup-store';
import { createApi } from './compose-api';
import type { ApiDeps } from './core-deps';
import { closeDatabase, DB_FILE_NAME, openDatabase, type Db } from './db/open-db';
import { createDispatcher, type Dispatch } from './dispatcher';
import { recoveryApi } from './handlers/backup';
import { noDialogs, systemClock } from './ports';
import { createVersionStore, type VersionStore } from './versions/version-store';

export interface Core {
  /** The open database (throws in recovery, where there is none). */
  readonly db: Db;
  /** The open database's repositories and search index, as the API uses them (tests, the bench). */
  readonly store: VersionStore;
  api: LetterdeskApi;
  dispatch: Dispatch;
  backups: BackupService;
  /** Non-null when the start found the database damaged and opened in recovery. */
  readonly recovery: RecoveryInfo | null;
  /** Stops the backup timers, checkpoints the WAL into the main file and closes. */
  close(): void;
}

export interface OpenCoreOptions extends Omit<ApiDeps, 'store' | 'backups'> {
  /**
   * The app: a damaged database is moved aside and the core opens in recovery instead of
   * failing (the CLI and tests fail with 'db-corrupt' and touch nothing).
   */
  recoverDamaged?: boolean;
  /** The app: daily backup at start and the 30-minute backup and checkpoint tick. */
  autoBackup?: boolean;
}

/** Opens the data folder and wires the API; what main, the CLI and the e2e harness call. */
export function openCore(options: OpenCoreOptions): Core {
  const { dataDir } = options;
  const clock = options.clock ?? systemClock;
  let store: VersionStore | null = null;
  let recovery: RecoveryInfo | null = null;
  let current: LetterdeskApi;
  const backups = createBackupService({
    dataDir,
    appVersion: options.appVersion ?? '0.0.0',
    clock,
    db: () => store?.db ?? null,
    replaceDatabase,
    recovery: () => recovery,
  });
  const open = () => openDatabase(dataDir, { beforeMigrate: (d) => void backups.beforeMigration(d) });
  const build = (next: Db) => {
    store = createVersionStore(next);
    recovery = null;
    current = createApi({ ...options, store, backups });
  };

  /** Close, swap the file in, open again; on failure the previous file goes back. */
  function replaceDatabase(install: (target: string) => void): void {
    const file = path.join(dataDir, DB_FILE_NAME);
    if (store) closeDatabase(store.db);
    store = null;
    const aside = `${file}.replaced-${Date.now()}`;
    if (fs.existsSync(file)) fs.renameSync(file, aside);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    try {
      install(file);
      build(open());
      fs.rmSync(aside, { force: true });
    } catch (err) {
      fs.rmSync(file, { force: true });
      if (fs.existsSync(aside)) {
        fs.renameSync(aside, file);
        build(open());
      }
      throw err;
    }
  }

  try {
    build(open());
  } catch (err) {
    if (!options.recoverDamaged || errorCode(err) !== 'db-corrupt') throw err;
    const movedTo = moveAside(dataDir, clock.now());
    recovery = {
      reason: 'db-corrupt',
      movedTo,
      detail: (err as Error).message,
      newestBackup: listBackups(backups.folder()).find((b) => b.verified) ?? null,
    };
    current = recoveryApi(backups, { version: options.appVersion ?? '0.0.0', dataDir }, options.dialogs ?? noDialogs);
  }
  if (options.autoBackup) backups.start();

  // The dispatcher and shells hold this object; it forwards to the API of the database open now.
  const facade = Object.fromEntries(API_METHODS.map((m) => [m, (input: never) => (current[m] as (i: never) => Promise<unknown>)(input)])) as unknown as LetterdeskApi;
  return {
    get db() {
      return this.store.db;
    },
    get store() {
      if (!store) throw new LetterdeskError('db-recovery', 'No database is open (recovery)');
      return store;
    },
    api: facade,
    dispatch: createDispatcher(facade),
    backups,
    get recovery() {
      return recovery;
    },
    close: () => {
      backups.stop();
      if (store) closeDatabase(store.db);
      store = null;
    },
  };
}

/** The damaged file (and its -wal, -shm) into a folder of its own, unchanged, for a specialist. */
function moveAside(dataDir: string, at: Date): string {
  const dir = path.join(dataDir, `damaged-${at.toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const from = path.join(dataDir, DB_FILE_NAME + suffix);
    if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, DB_FILE_NAME + suffix));
  }
  return dir;
}


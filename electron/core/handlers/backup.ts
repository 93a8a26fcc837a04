/**
 * Backups, restore and the archive (issue 11). Paths never come from the renderer: a backup is
 * named by its id from the list, files and folders are chosen in the shell's dialogs (the CLI
 * answers them from its command line).
 */
import path from 'node:path';
import type { LetterdeskApi } from '../../shared/api';
import { API_METHODS } from '../../shared/api';
import { LetterdeskError } from '../../shared/errors';
import type { BackupService } from '../backup/backup-service';
import { ARCHIVE_EXTENSION } from '../backup/archive';
import { MANIFEST_NAME } from '../backup/manifest';
import type { CoreDeps } from '../core-deps';
import { APP_SCHEMA_VERSION } from '../db/migrations';
import type { DialogsPort } from '../ports';

export type BackupMethods =
  | 'backupsList'
  | 'backupsCreate'
  | 'backupsFolderChoose'
  | 'backupsFolderReset'
  | 'backupsRestore'
  | 'archiveExport'
  | 'archiveImport'
  | 'backupsJobGet'
  | 'backupsJobCancel'
  | 'recoveryInfo';

const ARCHIVE_FILTERS = [{ name: '函件台归档 Letterdesk archive', extensions: [ARCHIVE_EXTENSION] }];

export function backupHandlers(deps: Pick<CoreDeps, 'backups' | 'dialogs' | 'now'>): Pick<LetterdeskApi, BackupMethods> {
  return backupMethods(deps.backups, deps.dialogs, () => new Date(deps.now()));
}

function backupMethods(backups: BackupService, dialogs: DialogsPort, now: () => Date): Pick<LetterdeskApi, BackupMethods> {
  /** A listed backup by id, or a backup folder (its manifest.json) or an archive chosen in the open dialog. */
  async function source(id: string | undefined): Promise<string | null> {
    if (id !== undefined) {
      const hit = backups.overview().backups.find((b) => b.id === id);
      if (!hit) throw new LetterdeskError('not-found', `No backup ${id}`);
      return hit.path;
    }
    const file = await dialogs.openFile({ filters: [...ARCHIVE_FILTERS, { name: '备份清单 backup manifest', extensions: ['json'] }] });
    if (!file) return null;
    return path.basename(file) === MANIFEST_NAME ? path.dirname(file) : file;
  }
  return {
    backupsList: async () => backups.overview(),
    backupsCreate: async () => backups.backupNow('manual'),
    backupsFolderChoose: async () => {
      if (!dialogs.chooseFolder) throw new LetterdeskError('invalid-input', 'This shell cannot choose a folder');
      const dir = await dialogs.chooseFolder({ defaultPath: backups.folder() });
      return dir ? backups.setFolder(dir) : null;
    },
    backupsFolderReset: async () => backups.setFolder(null),
    backupsRestore: async ({ id }) => {
      const from = await source(id);
      return from ? backups.restore(from) : null;
    },
    archiveExport: async () => {
      const day = now().toISOString().slice(0, 10);
      const file = await dialogs.saveFile({ defaultName: `函件台归档-${day}.${ARCHIVE_EXTENSION}`, filters: ARCHIVE_FILTERS });
      return file ? backups.startExport(file) : null;
    },
    archiveImport: async () => {
      const file = await dialogs.openFile({ filters: ARCHIVE_FILTERS });
      return file ? backups.startImport(file) : null;
    },
    backupsJobGet: async ({ id }) => backups.job(id),
    backupsJobCancel: async ({ id }) => backups.cancel(id),
    recoveryInfo: async () => backups.recovery(),
  };
}

const RECOVERY_METHODS = new Set<string>(['appInfo', 'backupsList', 'backupsFolderChoose', 'backupsFolderReset', 'backupsRestore', 'archiveImport', 'backupsJobGet', 'backupsJobCancel', 'recoveryInfo']);

/**
 * The API while the start found the database damaged (open-core.ts): the backup methods work,
 * a restore opens the full API; everything else says 'db-recovery'.
 */
export function recoveryApi(backups: BackupService, app: { version: string; dataDir: string }, dialogs: DialogsPort): LetterdeskApi {
  const methods = backupMethods(backups, dialogs, () => new Date());
  const refuse = async () => {
    throw new LetterdeskError('db-recovery', 'The database is damaged and was moved aside; restore a backup first');
  };
  const api = Object.fromEntries(API_METHODS.map((m) => [m, RECOVERY_METHODS.has(m) && m in methods ? methods[m as BackupMethods] : refuse])) as unknown as LetterdeskApi;
  api.appInfo = async () => ({ version: app.version, dataDir: app.dataDir, schemaVersion: APP_SCHEMA_VERSION });
  return api;
}

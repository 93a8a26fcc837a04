/**
 * The one dependency object of the API: the database, its repositories (each built once, so
 * statements are prepared once) and the shell's ports. createApi builds it; each handler
 * module declares the slice it uses (`Pick<CoreDeps, …>`), so its dependencies are explicit.
 */
import path from 'node:path';
import { createBackupService, type BackupService } from './backup/backup-service';
import { findImportWorker } from './import/import-worker-protocol';
import { createPartiesRepo } from './parties-repo';
import { noDialogs, systemClock, type Clock, type DialogsPort, type PdfPort, type PrinterPort } from './ports';
import { createRegisterRepo } from './register-repo';
import { createSettingsRepo } from './settings-repo';
import { createSignContext, type SignContext } from './signatures/context';
import { createTemplatesRepo, loadBuiltinTemplates, type TemplatesRepo } from './templates-repo';
import type { VersionStore } from './versions/version-store';

/** resources/ beside the sources (dev, tests) — main and the CLI pass their own. */
export const DEFAULT_RESOURCES_DIR = path.resolve(__dirname, '../../resources');

/** What a shell passes to createApi. */
export interface ApiDeps {
  /** The open database with its repositories and search index, built once per database (createVersionStore). */
  store: VersionStore;
  dataDir: string;
  /** Folder holding templates/*.json (the built-in templates). */
  resourcesDir?: string;
  clock?: Clock;
  dialogs?: DialogsPort;
  /** PDF rendering of print HTML; absent → PDF export reports it is unavailable. */
  pdf?: PdfPort;
  printer?: PrinterPort;
  appVersion?: string;
  /** Backups over this data folder; openCore passes one that can also restore (issue 11). */
  backups?: BackupService;
  /**
   * The import worker script (out/main/import-worker.cjs): a chosen file is read there, so a
   * cancel lands during a long unzip or XML parse. Absent → the one beside the running bundle;
   * null (or none found) → read in this thread, in slices.
   */
  importWorker?: string | null;
}

export interface CoreDeps extends VersionStore {
  dataDir: string;
  appVersion: string;
  /** The clock's time as an ISO string: what every write stamps. */
  now: () => string;
  dialogs: DialogsPort;
  pdf: PdfPort | null;
  printer: PrinterPort | null;
  settings: ReturnType<typeof createSettingsRepo>;
  parties: ReturnType<typeof createPartiesRepo>;
  templates: TemplatesRepo;
  register: ReturnType<typeof createRegisterRepo>;
  /** The signature history's repositories and its export turn (signatures/context.ts). */
  sign: SignContext;
  /** The file the last export wrote, for "show in folder" (export and export for signature set it). */
  lastExport: { path: string | null };
  backups: BackupService;
  importWorker: string | null;
}

export function createCoreDeps(deps: ApiDeps): CoreDeps {
  const { store } = deps;
  const { db } = store;
  const clock = deps.clock ?? systemClock;
  const now = () => clock.now().toISOString();
  const settings = createSettingsRepo(db);
  const templates = createTemplatesRepo(db, loadBuiltinTemplates(deps.resourcesDir ?? DEFAULT_RESOURCES_DIR));
  const dialogs = deps.dialogs ?? noDialogs;
  return {
    ...store,
    dataDir: deps.dataDir,
    appVersion: deps.appVersion ?? '0.0.0',
    now,
    dialogs,
    pdf: deps.pdf ?? null,
    printer: deps.printer ?? null,
    settings,
    parties: createPartiesRepo(db),
    templates,
    register: createRegisterRepo(db, store.search),
    sign: createSignContext({
      ...store,
      templates,
      settings: () => settings.getSettings(),
      profile: () => settings.getProfile(),
      dialogs,
      now,
    }),
    lastExport: { path: null },
    importWorker: deps.importWorker === undefined ? findImportWorker() : deps.importWorker,
    backups: deps.backups ?? createBackupService({ dataDir: deps.dataDir, appVersion: deps.appVersion ?? '0.0.0', clock, db: () => db }),
  };
}

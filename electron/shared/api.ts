/**
 * The LetterdeskApi contract: every call the renderer (or the CLI) may make, in ONE map from
 * method name to the schema of its single argument and the type it resolves to. Everything
 * else derives from it: the `LetterdeskApi` interface (core implements it, one handler module
 * per domain), `API_METHODS` (main registers one IPC channel each), input validation
 * (validate.ts) and the typed client (client.ts).
 *
 * To add a method: add one entry here (schema pieces in api-schemas.ts), then its handler in
 * the domain module under electron/core/handlers/ — the compiler and the contract test name
 * anything missing.
 *
 * Method names keep their historical mix of `letter*` and `letters*`; renaming them is a
 * separate change (issue 10), since the CLI and saved scripts use them.
 */
import { z } from 'zod';
import type { BackupInfo, BackupJob, BackupsOverview, RecoveryInfo } from './backup';
import type { AppInfo, DbCheckReport, Letter, LetterSummary, Page, Party, Profile, Settings } from './domain';
import type { LetterContent } from './letter-content';
import type { Template, TemplateSummary } from './template';
import type { ContentDiff, Version, VersionSummary } from './versions';
import type { LetterSignatureState, ScanSummary, VerifyResult } from './signatures';
import type { RegisterRow } from './register';
import type { ExportBatchJob, RecentLetter } from './letters-batch';
import type { SearchPage, SearchRebuildProgress } from './search';
import type { ImportResult } from './import/import-types';
import type { ImportProgress } from './import/import-steps';
import { importCreateInput, importTextInput } from './import/import-api';
import {
  fieldValues,
  id,
  letterContentInput,
  line,
  listLettersQuery,
  newTemplateInput,
  none,
  pageStyle,
  partyInput,
  profilePatch,
  registerFilter,
  registerQuery,
  searchQuery,
  revision,
  settingsPatch,
  signatureInput,
  templateDataSchema,
  templateId,
  text,
  title,
} from './api-schemas';

/** A backup's id as the list gives it (backup-store.ts backupId). */
const backupIdSchema = z.string().regex(/^letterdesk-\d{8}-\d{6}-\d{3}-[a-z-]{1,20}$/);

/** One method: the schema its argument must pass, and (as a type only) what it resolves to. */
export interface Method<I extends z.ZodType, R> {
  readonly input: I;
  /** Never set at run time: it carries the result type. */
  readonly result?: R;
}

/** `method(inputSchema).returns<Result>()` */
function method<I extends z.ZodType>(input: I) {
  return { returns: <R>(): Method<I, R> => ({ input }) };
}

export interface LetterWithContent {
  letter: Letter;
  content: LetterContent;
  templateId: string | null;
}

export const contract = {
  appInfo: method(none).returns<AppInfo>(),

  // Letters
  lettersList: method(listLettersQuery).returns<Page<LetterSummary>>(),
  /** A blank letter (title required) or one from a template (title defaults to the template's name). */
  lettersCreate: method(
    z
      .strictObject({ title: title.optional(), templateId: templateId.optional(), counterpartyId: id.optional() })
      .refine((v) => v.title !== undefined || v.templateId !== undefined, 'title-empty'),
  ).returns<Letter>(),
  lettersGet: method(z.strictObject({ id })).returns<Letter>(),
  lettersRename: method(z.strictObject({ id, title, revision: revision.optional() })).returns<Letter>(),
  /**
   * Moves a letter to the trash. One that was ever exported for signature (it has a number) is
   * refused with 'confirmation-required' unless `confirmNumber` repeats that number.
   */
  lettersTrash: method(z.strictObject({ id, confirmNumber: z.string().trim().min(1).max(80).optional() })).returns<Letter>(),
  /** 复制为新函件: a new draft with the same body, fields, values (own number emptied), page style and template; title 原标题（副本） by default. */
  lettersCopy: method(z.strictObject({ id, title: title.optional() })).returns<Letter>(),
  lettersRestore: method(z.strictObject({ id })).returns<Letter>(),
  lettersContentGet: method(z.strictObject({ id })).returns<LetterWithContent>(),
  /** Stores the whole content in one durable commit; `revision` guards against overwriting another writer. */
  lettersContentSave: method(letterContentInput).returns<Letter>(),
  /** Sets field values by key, type-checked (merged into the current values). */
  lettersFill: method(z.strictObject({ id, values: fieldValues, revision: revision.optional() })).returns<LetterWithContent>(),
  /** 最近打开 (issue #15): the letters opened last, newest first (trashed ones left out). */
  lettersRecent: method(none).returns<RecentLetter[]>(),
  /** The renderer opened a letter: it goes to the top of 最近打开. */
  lettersRecentAdd: method(z.strictObject({ id })).returns<void>(),
  /** Exports a selection into a folder chosen in the dialog (null when cancelled); poll lettersBatchGet. */
  lettersExportBatch: method(
    z.strictObject({ ids: z.array(id).min(1).max(500), format: z.enum(['docx', 'pdf']), style: pageStyle.optional(), draft: z.boolean().optional() }),
  ).returns<ExportBatchJob | null>(),
  lettersBatchGet: method(z.strictObject({ id })).returns<ExportBatchJob>(),
  /** Stops before the next letter; the file in hand is finished whole. */
  lettersBatchCancel: method(z.strictObject({ id })).returns<ExportBatchJob>(),
  /** Answers the job's question about a file that exists already (`all`: for the rest of the job too). */
  lettersBatchResolve: method(z.strictObject({ id, replace: z.boolean(), all: z.boolean().optional() })).returns<ExportBatchJob>(),

  // Versions
  /** The letter's timeline, newest first (no content). */
  versionsList: method(z.strictObject({ id })).returns<VersionSummary[]>(),
  /** Ctrl+S: a version of the current content with an optional note (identical content is not duplicated). */
  versionsSave: method(z.strictObject({ id, note: text(500).optional() })).returns<VersionSummary>(),
  versionsGet: method(z.strictObject({ id, seq: id })).returns<Version>(),
  /** Compares version `from` with version `to`, or with the current content when `to` is omitted. */
  versionsDiff: method(z.strictObject({ id, from: id, to: id.optional() })).returns<ContentDiff>(),
  /** Restores a version as a new version (the current state is kept first). */
  versionsRestore: method(z.strictObject({ id, seq: id, revision: revision.optional() })).returns<{
    letter: Letter;
    version: VersionSummary;
    previous: VersionSummary;
  }>(),

  // Export and print
  /** Export to .docx or PDF; required fields empty → 'missing-required' unless draft. Every export is a version. */
  lettersExport: method(
    z.strictObject({ id, format: z.enum(['docx', 'pdf']), style: pageStyle.optional(), version: id.optional(), draft: z.boolean().optional() }),
  ).returns<{ path: string | null; version: VersionSummary | null; draft: boolean }>(),
  /** Ctrl+P: prints the letter through the same print HTML as the PDF. */
  lettersPrint: method(z.strictObject({ id, style: pageStyle.optional() })).returns<{ printed: boolean }>(),
  /** Fonts the export will name that this PC does not have. */
  exportFontCheck: method(z.strictObject({ style: pageStyle })).returns<{ fonts: string[]; missing: string[] }>(),
  /** Shows the last exported file in the system file manager. */
  exportReveal: method(none).returns<void>(),

  // Signature history
  /** Export for signature: required fields filled, number assigned, version frozen, event recorded. */
  signExport: method(z.strictObject({ id, style: pageStyle.optional() })).returns<{
    path: string | null;
    number: string | null;
    version: VersionSummary | null;
    fileSha256: string | null;
  }>(),
  signRecord: method(signatureInput).returns<{ letter: Letter; complete: boolean }>(),
  /** Asks for the scanned signed copy (PDF/JPG/PNG) and stores it with its SHA-256. */
  signAttachScan: method(z.strictObject({ id })).returns<ScanSummary | null>(),
  /** A stored scan as a data: URL, for viewing in the app. */
  signScanData: method(z.strictObject({ id, scanId: id })).returns<{ mime: string; fileName: string; dataUrl: string }>(),
  signScanSave: method(z.strictObject({ id, scanId: id })).returns<{ path: string | null }>(),
  signArchive: method(z.strictObject({ id })).returns<Letter>(),
  signVoid: method(z.strictObject({ id, reason: line(500) })).returns<Letter>(),
  signState: method(z.strictObject({ id })).returns<LetterSignatureState>(),
  signVerify: method(z.strictObject({ number: z.string().trim().min(1).max(80), fingerprint: z.string().trim().min(1).max(80) })).returns<VerifyResult>(),
  signAudit: method(z.strictObject({ id })).returns<{ path: string | null }>(),

  // Register
  registerList: method(registerQuery).returns<Page<RegisterRow>>(),
  registerExportCsv: method(registerFilter).returns<{ path: string | null; count: number }>(),
  /** Full-text search (issue #13): hits ranked title/number first, then newest, each with its passage. */
  searchLetters: method(searchQuery).returns<SearchPage>(),
  /** Repairs the search index one batch per call (`restart` begins); call until `finished`, stop to cancel. */
  searchRebuild: method(z.strictObject({ restart: z.boolean().optional() })).returns<SearchRebuildProgress>(),

  // Templates
  templatesList: method(none).returns<TemplateSummary[]>(),
  templatesGet: method(z.strictObject({ id: templateId })).returns<Template>(),
  /** A new user template: empty, or from a letter's current content. */
  templatesCreate: method(newTemplateInput).returns<Template>(),
  templatesSave: method(z.strictObject({ template: templateDataSchema })).returns<Template>(),
  templatesDuplicate: method(z.strictObject({ id: templateId, name: line(100).optional() })).returns<Template>(),
  templatesDelete: method(z.strictObject({ id: templateId })).returns<void>(),
  /** Asks for a file (save dialog) and writes a template pack; null path when cancelled. */
  templatesExportPack: method(z.strictObject({ ids: z.array(templateId).min(1).max(500) })).returns<{ path: string | null; count: number }>(),
  /** Asks for a pack file (open dialog) and imports every template in it, or none. */
  templatesImportPack: method(none).returns<{ path: string | null; imported: number; replaced: number }>(),

  // Import (issue #12): nothing is saved until importCreate
  /** Smart paste: text → the recovered structure and typed fields, with source spans for the preview. */
  importText: method(importTextInput).returns<ImportResult>(),
  /** Asks for a .txt or .docx file (open dialog) and reads it the same way; null when cancelled. */
  importFile: method(none).returns<{ path: string | null; result: ImportResult | null }>(),
  /** Creates a letter or a user template from the previewed content, in one write. */
  importCreate: method(importCreateInput).returns<{ letter: Letter | null; template: Template | null }>(),
  /** How far the running importText/importFile is; null when none runs. */
  importProgress: method(none).returns<ImportProgress | null>(),
  /** Stops the running importText/importFile: it fails with `cancelled`, having saved nothing. */
  importCancel: method(none).returns<void>(),

  // The office: address book, settings, own profile
  partiesList: method(none).returns<Party[]>(),
  partiesSave: method(partyInput).returns<Party>(),
  partiesDelete: method(z.strictObject({ id })).returns<void>(),
  settingsGet: method(none).returns<Settings>(),
  settingsUpdate: method(settingsPatch).returns<Settings>(),
  profileGet: method(none).returns<Profile>(),
  profileUpdate: method(profilePatch).returns<Profile>(),

  // The database
  dbCheck: method(none).returns<DbCheckReport>(),

  // Backups, restore, archive (issue 11). Paths come from the shell's dialogs, never from here.
  backupsList: method(none).returns<BackupsOverview>(),
  backupsCreate: method(none).returns<BackupInfo>(),
  /** Asks for a folder; null when cancelled. The folder must be writable now. */
  backupsFolderChoose: method(none).returns<BackupsOverview | null>(),
  backupsFolderReset: method(none).returns<BackupsOverview>(),
  /** A listed backup by id, or (no id) a backup or archive chosen in the open dialog; the current state is backed up first. */
  backupsRestore: method(z.strictObject({ id: backupIdSchema.optional() })).returns<{ before: BackupInfo | null } | null>(),
  /** Starts writing the whole history to a file chosen in the save dialog; poll backupsJobGet. */
  archiveExport: method(none).returns<BackupJob | null>(),
  /** Starts reading an archive chosen in the open dialog: verified whole before anything is replaced. */
  archiveImport: method(none).returns<BackupJob | null>(),
  backupsJobGet: method(z.strictObject({ id })).returns<BackupJob>(),
  backupsJobCancel: method(z.strictObject({ id })).returns<BackupJob>(),
  /** Non-null when the start found the database damaged and opened in recovery. */
  recoveryInfo: method(none).returns<RecoveryInfo | null>(),
};

export type ApiContract = typeof contract;
export type ApiMethod = keyof ApiContract;
/**
 * What a method's handler receives: its argument after the schema (trimmed, normalised) —
 * z.output (z.infer) of its schema, spelled as the schema's own output type so TypeScript can
 * follow a generic method name through validation into the handler (validate.ts, dispatcher.ts).
 */
export type InputOf<M extends ApiMethod> = ApiContract[M]['input']['_zod']['output'];
export type ResultOf<M extends ApiMethod> = ApiContract[M] extends Method<z.ZodType, infer R> ? R : never;

/** Every call the renderer may make; core implements it, the client calls it. */
export type LetterdeskApi = { [M in keyof ApiContract]: (input: InputOf<M>) => Promise<ResultOf<M>> };

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Every method name; transports register one channel each. */
export const API_METHODS: readonly ApiMethod[] = Object.keys(contract).filter(isApiMethod);

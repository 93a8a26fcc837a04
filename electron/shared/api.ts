/**
 * The LetterdeskApi contract: every call the renderer (or the CLI) may make.
 * One interface, one list of method names, one input schema per method. Core implements it,
 * main registers it on IPC, preload and the e2e harness build clients from the same list.
 */
import type {
  AppInfo,
  DbCheckReport,
  Letter,
  LetterSummary,
  ListLettersQuery,
  Page,
  Party,
  PartyInput,
  Profile,
  Settings,
} from './domain';
import type { FieldValues } from './fields';
import type { LetterContent, PageStyle } from './letter-content';
import type { Template, TemplateData, TemplateSummary } from './template';
import type { ContentDiff, Version, VersionSummary } from './versions';
import type { ChainReport, LetterSignatureState, ScanSummary, SignatureRecord, VerifyResult } from './signatures';
import type { RegisterFilter, RegisterQuery, RegisterRow } from './register';

export interface LetterWithContent {
  letter: Letter;
  content: LetterContent;
  templateId: string | null;
}

export interface LetterdeskApi {
  appInfo(): Promise<AppInfo>;
  lettersList(query: ListLettersQuery): Promise<Page<LetterSummary>>;
  /** A blank letter (title required) or one from a template (title defaults to the template's name). */
  lettersCreate(input: { title?: string; templateId?: string; counterpartyId?: number }): Promise<Letter>;
  lettersGet(input: { id: number }): Promise<Letter>;
  lettersRename(input: { id: number; title: string; revision?: number }): Promise<Letter>;
  /**
   * Moves a letter to the trash. One that was ever exported for signature (it has a number) is
   * refused with 'confirmation-required' unless `confirmNumber` repeats that number.
   */
  lettersTrash(input: { id: number; confirmNumber?: string }): Promise<Letter>;
  /** 复制为新函件: a new draft with the same body, fields, values (own number emptied), page style and template; title 原标题（副本） by default. */
  lettersCopy(input: { id: number; title?: string }): Promise<Letter>;
  lettersRestore(input: { id: number }): Promise<Letter>;
  letterContentGet(input: { id: number }): Promise<LetterWithContent>;
  /** Stores the whole content in one durable commit; `revision` guards against overwriting another writer. */
  letterContentSave(input: { id: number; revision: number } & LetterContent): Promise<Letter>;
  /** Sets field values by key, type-checked (merged into the current values). */
  lettersFill(input: { id: number; values: FieldValues; revision?: number }): Promise<LetterWithContent>;
  /** The letter's timeline, newest first (no content). */
  versionsList(input: { id: number }): Promise<VersionSummary[]>;
  /** Ctrl+S: a version of the current content with an optional note (identical content is not duplicated). */
  versionsSave(input: { id: number; note?: string }): Promise<VersionSummary>;
  versionsGet(input: { id: number; seq: number }): Promise<Version>;
  /** Compares version `from` with version `to`, or with the current content when `to` is omitted. */
  versionsDiff(input: { id: number; from: number; to?: number }): Promise<ContentDiff>;
  /** Restores a version as a new version (the current state is kept first). */
  versionsRestore(input: { id: number; seq: number; revision?: number }): Promise<{ letter: Letter; version: VersionSummary; previous: VersionSummary }>;
  /** Export to .docx or PDF; required fields empty → 'missing-required' unless draft. Every export is a version. */
  letterExport(input: { id: number; format: 'docx' | 'pdf'; style?: PageStyle; version?: number; draft?: boolean }): Promise<{ path: string | null; version: VersionSummary | null; draft: boolean }>;
  /** Ctrl+P: prints the letter through the same print HTML as the PDF. */
  letterPrint(input: { id: number; style?: PageStyle }): Promise<{ printed: boolean }>;
  /** Fonts the export will name that this PC does not have. */
  exportFontCheck(input: { style: PageStyle }): Promise<{ fonts: string[]; missing: string[] }>;
  /** Shows the last exported file in the system file manager. */
  exportReveal(): Promise<void>;
  /** Export for signature: required fields filled, number assigned, version frozen, event recorded. */
  signExport(input: { id: number; style?: PageStyle }): Promise<{ path: string | null; number: string | null; version: VersionSummary | null; fileSha256: string | null }>;
  signRecord(input: { id: number } & Omit<SignatureRecord, 'organisation' | 'note' | 'recordedBy'> & Partial<Pick<SignatureRecord, 'organisation' | 'note' | 'recordedBy'>>): Promise<{ letter: Letter; complete: boolean }>;
  /** Asks for the scanned signed copy (PDF/JPG/PNG) and stores it with its SHA-256. */
  signAttachScan(input: { id: number }): Promise<ScanSummary | null>;
  /** A stored scan as a data: URL, for viewing in the app. */
  signScanData(input: { id: number; scanId: number }): Promise<{ mime: string; fileName: string; dataUrl: string }>;
  signScanSave(input: { id: number; scanId: number }): Promise<{ path: string | null }>;
  signArchive(input: { id: number }): Promise<Letter>;
  signVoid(input: { id: number; reason: string }): Promise<Letter>;
  signState(input: { id: number }): Promise<LetterSignatureState>;
  signVerify(input: { number: string; fingerprint: string }): Promise<VerifyResult>;
  signAudit(input: { id: number }): Promise<{ path: string | null }>;
  signChainCheck(): Promise<ChainReport>;
  /** A number given by hand (must be unique). */
  lettersSetNumber(input: { id: number; number: string }): Promise<Letter>;
  registerList(query: RegisterQuery): Promise<Page<RegisterRow>>;
  registerExportCsv(filter: RegisterFilter): Promise<{ path: string | null; count: number }>;
  templatesList(): Promise<TemplateSummary[]>;
  templatesGet(input: { id: string }): Promise<Template>;
  /** A new user template: empty, or from a letter's current content. */
  templatesCreate(input: { name: string; category: string; description?: string; pageStyle?: PageStyle; fromLetterId?: number }): Promise<Template>;
  templatesSave(input: { template: TemplateData }): Promise<Template>;
  templatesDuplicate(input: { id: string; name?: string }): Promise<Template>;
  templatesDelete(input: { id: string }): Promise<void>;
  /** Asks for a file (save dialog) and writes a template pack; null path when cancelled. */
  templatesExportPack(input: { ids: string[] }): Promise<{ path: string | null; count: number }>;
  /** Asks for a pack file (open dialog) and imports every template in it, or none. */
  templatesImportPack(): Promise<{ path: string | null; imported: number; replaced: number }>;
  partiesList(): Promise<Party[]>;
  partiesSave(input: PartyInput): Promise<Party>;
  partiesDelete(input: { id: number }): Promise<void>;
  settingsGet(): Promise<Settings>;
  settingsUpdate(patch: Partial<Settings>): Promise<Settings>;
  profileGet(): Promise<Profile>;
  profileUpdate(patch: Partial<Profile>): Promise<Profile>;
  dbCheck(): Promise<DbCheckReport>;
}

export type ApiMethod = keyof LetterdeskApi;

/** Every method name, in one list; transports register and build clients from it. */
export const API_METHODS = [
  'appInfo',
  'lettersList',
  'lettersCreate',
  'lettersGet',
  'lettersRename',
  'lettersTrash',
  'lettersCopy',
  'lettersRestore',
  'letterContentGet',
  'letterContentSave',
  'lettersFill',
  'versionsList',
  'versionsSave',
  'versionsGet',
  'versionsDiff',
  'versionsRestore',
  'letterExport',
  'letterPrint',
  'exportFontCheck',
  'exportReveal',
  'signExport',
  'signRecord',
  'signAttachScan',
  'signScanData',
  'signScanSave',
  'signArchive',
  'signVoid',
  'signState',
  'signVerify',
  'signAudit',
  'signChainCheck',
  'lettersSetNumber',
  'registerList',
  'registerExportCsv',
  'templatesList',
  'templatesGet',
  'templatesCreate',
  'templatesSave',
  'templatesDuplicate',
  'templatesDelete',
  'templatesExportPack',
  'templatesImportPack',
  'partiesList',
  'partiesSave',
  'partiesDelete',
  'settingsGet',
  'settingsUpdate',
  'profileGet',
  'profileUpdate',
  'dbCheck',
] as const satisfies readonly ApiMethod[];

// Compile-time proof that the list names every method of the interface.
type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
export const API_METHODS_COMPLETE: Missing extends never ? true : Missing = true;

export const TITLE_MAX = 200;

export type ApiInput<M extends ApiMethod> = Parameters<LetterdeskApi[M]>[0];
export type ApiOutput<M extends ApiMethod> = Awaited<ReturnType<LetterdeskApi[M]>>;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** IPC channel for a method; one channel per method so main can refuse unknown channels. */
export function channelOf(method: ApiMethod): string {
  return `letterdesk:${method}`;
}

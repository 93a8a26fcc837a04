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
  Profile,
  Settings,
} from './domain';

export interface LetterdeskApi {
  appInfo(): Promise<AppInfo>;
  lettersList(query: ListLettersQuery): Promise<Page<LetterSummary>>;
  lettersCreate(input: { title: string }): Promise<Letter>;
  lettersGet(input: { id: number }): Promise<Letter>;
  lettersRename(input: { id: number; title: string; revision?: number }): Promise<Letter>;
  lettersTrash(input: { id: number }): Promise<Letter>;
  lettersRestore(input: { id: number }): Promise<Letter>;
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
  'lettersRestore',
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

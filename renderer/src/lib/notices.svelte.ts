/**
 * Status and error messages shown in the page's live region (issue #15: messages that do not
 * pile up or go stale). Information dismisses itself; an error stays until it is dismissed, its
 * condition is fixed (`withdraw` its key), the clerk moves to another view, or the language
 * changes — then a message in the old language would be stale.
 */
import { errorCode } from '../../../electron/shared/errors';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** The condition the message is about; a new message with the same key replaces it. */
  key?: string;
}

/** How long information stays. */
export const INFO_MS = 5000;
/** An error with no condition to watch stays this long unless dismissed (long enough to read twice). */
export const ERROR_MS = 20_000;

/** The letter cannot go to paper while fields are empty or invalid: fixed by filling them. */
export const LETTER_ISSUES = 'letter-issues';

let nextId = 1;
export const notices = $state<{ items: Notice[] }>({ items: [] });

export function notify(text: string, kind: Notice['kind'] = 'info', key?: string): void {
  const notice: Notice = { id: nextId++, kind, text, ...(key !== undefined && { key }) };
  const others = key === undefined ? notices.items : notices.items.filter((n) => n.key !== key);
  notices.items = [...others.slice(-3), notice];
  // A message about a condition stays while the condition does.
  if (key === undefined) setTimeout(() => dismiss(notice.id), kind === 'info' ? INFO_MS : ERROR_MS);
}

/** The condition an error is about, when the app can tell it has been fixed. */
export function conditionOf(err: unknown): string | undefined {
  const code = errorCode(err);
  return code === 'missing-required' || code === 'invalid-values' ? LETTER_ISSUES : undefined;
}

export function dismiss(id: number): void {
  notices.items = notices.items.filter((n) => n.id !== id);
}

/** The condition `key` is fixed: its message goes. */
export function withdraw(key: string): void {
  if (notices.items.some((n) => n.key === key)) notices.items = notices.items.filter((n) => n.key !== key);
}

/** Errors belong to the view they happened in (another view is shown now). */
export function clearErrors(): void {
  if (notices.items.some((n) => n.kind === 'error')) notices.items = notices.items.filter((n) => n.kind !== 'error');
}

/** Every message (the language changed: they were written in the other one). */
export function clearNotices(): void {
  notices.items = [];
}

import type { DocJSON } from '../../../electron/shared/doc-schema';
import type { LetterContent } from '../../../electron/shared/letter-content';

/**
 * A working copy that could not be stored before the page went away (a reload, a window
 * closed while saving failed, a save refused because the letter changed elsewhere). It is
 * written synchronously to this profile's localStorage, because async work cannot finish
 * during unload, and stays there until it is stored or the clerk discards it (issue 9:
 * nothing typed is lost).
 */
export interface KeptDraft extends LetterContent {
  id: number;
  /** With the id, names the letter across data folders (ids repeat between databases). */
  createdAt: string;
  /** The stored revision the copy was edited from. */
  revision: number;
  keptAt: string;
}

const PREFIX = 'letterdesk.kept-draft.';
const keyOf = (letter: { id: number; createdAt: string }) => `${PREFIX}${letter.id}.${letter.createdAt}`;

export function writeKept(kept: KeptDraft): boolean {
  try {
    localStorage.setItem(keyOf(kept), JSON.stringify(kept));
    return true;
  } catch {
    return false; // storage full or disabled: the caller says the copy could not be kept
  }
}

export function readKept(letter: { id: number; createdAt: string }): KeptDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(letter));
    if (!raw) return null;
    const kept = JSON.parse(raw) as Partial<KeptDraft> | null;
    return isKept(kept) && kept.id === letter.id ? kept : null;
  } catch {
    return null;
  }
}

export function clearKept(letter: { id: number; createdAt: string }): void {
  try {
    localStorage.removeItem(keyOf(letter));
  } catch {
    // storage disabled: nothing was kept either
  }
}

function isKept(value: Partial<KeptDraft> | null): value is KeptDraft {
  return (
    !!value &&
    typeof value.id === 'number' &&
    typeof value.revision === 'number' &&
    (value.doc as DocJSON | undefined)?.type === 'doc' &&
    Array.isArray(value.fields) &&
    typeof value.values === 'object' &&
    value.values !== null &&
    typeof value.pageStyle === 'string'
  );
}

/** JSON with object keys sorted, so equal content compares equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Whether a kept copy says what is stored (a save that still landed while the page unloaded).
 * Field definitions are compared by key only: the core may complete a definition on save.
 */
export function sameContent(a: LetterContent, b: LetterContent): boolean {
  const keys = (c: LetterContent) => c.fields.map((f) => f.key).join('\u0000');
  return a.pageStyle === b.pageStyle && keys(a) === keys(b) && canonical(a.doc) === canonical(b.doc) && canonical(a.values) === canonical(b.values);
}

import type { LetterWithContent } from '../../../electron/shared/api';
import type { Node as PMNode } from 'prosemirror-model';
import type { DocJSON } from '../../../electron/shared/doc-schema';
import type { Letter } from '../../../electron/shared/domain';
import { errorCode, type ErrorCode } from '../../../electron/shared/errors';
import { validateField, type FieldDef, type FieldValue, type FieldValues } from '../../../electron/shared/fields';
import type { FieldIssue, LetterContent, PageStyle } from '../../../electron/shared/letter-content';
import { fieldKeysInOrder } from '../../../electron/shared/letter-model';
import { getApi } from '../lib/api';
import { withRole } from './field-role-edit';
import { clearKept, writeKept, type KeptDraft } from './kept-draft';

/**
 * Field keys in document order, read from the edited node itself: serialising a 30-page body to
 * JSON for this took milliseconds that a keystroke could have to wait for (issue #15).
 */
export function fieldKeysOf(doc: DocJSON | PMNode): string[] {
  if (!('descendants' in doc)) return fieldKeysInOrder(doc);
  const seen = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === 'field') seen.add(String(node.attrs['key'] ?? ''));
  });
  return [...seen];
}

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

/** Quiet period before a batch of edits is saved (the issue asks for under a second). */
export const SAVE_DELAY_MS = 600;
export const RETRY_DELAY_MS = 3000;

/**
 * The open letter's working copy. Edits are batched over a short quiet period and each batch
 * is one durable save; a failed save keeps everything in memory and retries; a save refused
 * because someone else changed the letter stops and says so (nothing is overwritten).
 */
export class LetterDraft {
  letter = $state<Letter>() as Letter;
  fields = $state<FieldDef[]>([]);
  values = $state<FieldValues>({});
  pageStyle = $state<PageStyle>('business');
  status = $state<SaveStatus>('saved');
  lastError = $state<ErrorCode | null>(null);
  /** Field keys in document order; updated when the body changes. */
  order = $state<string[]>([]);
  /** The body as loaded (JSON) or as last edited (a ProseMirror node, serialised at save time). */
  doc: DocJSON | PMNode;
  #orderTimer: ReturnType<typeof setTimeout> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: Promise<void> | null = null;
  /** This working copy wrote or adopted the kept copy: clear it once everything is stored. */
  #ownsKept = false;

  constructor(loaded: LetterWithContent) {
    this.letter = loaded.letter;
    this.doc = loaded.content.doc;
    this.fields = loaded.content.fields;
    this.values = loaded.content.values;
    this.pageStyle = loaded.content.pageStyle;
    this.order = fieldKeysInOrder(loaded.content.doc);
  }

  get orderedFields(): FieldDef[] {
    const byKey = new Map(this.fields.map((f) => [f.key, f]));
    return this.order.map((k) => byKey.get(k)).filter((f): f is FieldDef => !!f);
  }

  /** Problems of the fields used in the text (required and empty, out of range, …), in order. */
  get issues(): FieldIssue[] {
    const issues: FieldIssue[] = [];
    for (const def of this.orderedFields) {
      const problem = validateField(def, this.values[def.key]);
      if (problem) issues.push({ key: def.key, label: def.label, problem });
    }
    return issues;
  }

  get docJSON(): DocJSON {
    return 'toJSON' in this.doc ? (this.doc.toJSON() as DocJSON) : this.doc;
  }

  setDoc(doc: PMNode): void {
    this.doc = doc;
    // The form's field order follows the text; recomputed after a pause, not per keystroke.
    if (this.#orderTimer) clearTimeout(this.#orderTimer);
    this.#orderTimer = setTimeout(() => {
      const order = fieldKeysOf(this.doc);
      if (order.join('\u0000') !== this.order.join('\u0000')) this.order = order;
    }, 150);
    this.touch();
  }

  /** Recompute the field order now (after inserting a field). */
  refreshOrder(): void {
    this.order = fieldKeysOf(this.doc);
  }

  setValue(key: string, value: FieldValue): void {
    this.values = { ...this.values, [key]: value };
    this.touch();
  }

  addField(def: FieldDef): void {
    // At most one field holds a role: a new field that takes one takes it over.
    this.fields = withRole([...this.fields, def], def.key, def.role);
    this.touch();
  }

  setPageStyle(style: PageStyle): void {
    this.pageStyle = style;
    this.touch();
  }

  /**
   * Takes a kept copy (see kept-draft.ts) as the working copy; call before the editor shows the
   * body. It is saved like any edit.
   */
  adopt(kept: LetterContent): void {
    this.doc = kept.doc;
    this.fields = kept.fields;
    this.values = kept.values;
    this.pageStyle = kept.pageStyle;
    this.order = fieldKeysInOrder(kept.doc);
    this.#ownsKept = true;
    this.touch();
  }

  /** Something typed is not stored yet: waiting for the pause, being saved, failed or refused. */
  get unsaved(): boolean {
    return this.status !== 'saved';
  }

  /** The working copy as plain data (no proxies), as it would be saved now. */
  snapshot(): { id: number; revision: number } & LetterContent {
    return {
      id: this.letter.id,
      revision: this.letter.revision,
      doc: this.docJSON,
      fields: $state.snapshot(this.fields) as FieldDef[],
      values: $state.snapshot(this.values) as FieldValues,
      pageStyle: this.pageStyle,
    };
  }

  /**
   * Synchronously keeps what is not stored yet in this profile's localStorage: for when the page
   * goes away before a save can finish (reload, pagehide) or storing failed. Writes no $state, so
   * it is safe anywhere. Returns whether a copy is kept.
   */
  keep(): boolean {
    if (!this.unsaved) return false;
    const kept: KeptDraft = { ...this.snapshot(), createdAt: this.letter.createdAt, keptAt: new Date().toISOString() };
    const written = writeKept(kept);
    if (written) this.#ownsKept = true;
    return written;
  }

  touch(): void {
    if (this.status === 'conflict') return;
    this.status = 'dirty';
    this.schedule(SAVE_DELAY_MS);
  }

  private schedule(ms: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), ms);
  }

  /** Save now if anything is pending (blur, closing, Ctrl+S). Resolves when stored or failed. */
  async flush(): Promise<void> {
    // Callers include a blur that fires while Svelte removes the editor from the page (a
    // shortcut that leaves the view) and teardown code; Svelte refuses $state writes there
    // (state_unsafe_mutation), which used to abort the save and lose the text. So the work
    // starts on a fresh microtask; the draft outlives its view, and its state may be written
    // after the view has gone.
    await Promise.resolve();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#inFlight) await this.#inFlight;
    if (this.status !== 'dirty' && this.status !== 'error') return;
    const run = this.save();
    this.#inFlight = run;
    try {
      await run;
    } finally {
      if (this.#inFlight === run) this.#inFlight = null;
    }
  }

  private async save(): Promise<void> {
    this.status = 'saving';
    const snapshot = this.snapshot();
    try {
      const letter = await getApi().lettersContentSave(snapshot);
      this.letter = letter;
      this.lastError = null;
      // Edits made while this save was in flight set 'dirty' and scheduled their own save.
      if (this.status === 'saving') {
        this.status = 'saved';
        if (this.#ownsKept) clearKept(letter);
        this.#ownsKept = false;
      }
    } catch (err) {
      const code = errorCode(err);
      this.lastError = code;
      // Stop (no retry) where saving cannot succeed: changed elsewhere, trashed, gone, archived or void meanwhile.
      if (code === 'conflict' || code === 'letter-trashed' || code === 'not-found' || code === 'illegal-transition') {
        this.status = 'conflict';
        return;
      }
      this.status = 'error';
      this.schedule(RETRY_DELAY_MS);
    }
  }
}

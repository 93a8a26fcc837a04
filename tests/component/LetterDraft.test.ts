/** The letter's working copy against the real core (real SQLite in a temp folder) through the page's client. */
import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import type { DocJSON } from '../../electron/shared/doc-schema';
import { LetterDraft } from '../../renderer/src/letter/draft.svelte';
import { readKept, sameContent } from '../../renderer/src/letter/kept-draft';
import FlushWhileRendering from './fixtures/FlushWhileRendering.svelte';
import { makeTempDir } from '../helpers/temp-dir';

let core: Core;
let cleanup: () => void;
beforeEach(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  core = openCore({ dataDir: t.dir });
  // The bridge the preload installs; the page builds its client on it (renderer/src/lib/api.ts).
  globalThis.letterdesk = { invoke: (method, args) => core.dispatch(method, args) };
  localStorage.clear();
});
afterEach(() => {
  core.close();
  cleanup();
});

const body = (text: string): DocJSON => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }) as DocJSON;

/** A draft of a new letter with `text` typed but not yet saved (the autosave pause is running). */
async function typedDraft(text: string): Promise<LetterDraft> {
  const letter = await core.api.lettersCreate({ title: '草稿测试' });
  const draft = new LetterDraft(await core.api.lettersContentGet({ id: letter.id }));
  draft.doc = body(text);
  draft.touch();
  return draft;
}

const storedJSON = async (id: number) => JSON.stringify((await core.api.lettersContentGet({ id })).content.doc);

describe('LetterDraft', () => {
  it('saves when flushed while Svelte renders a block (the view is being left), without state_unsafe_mutation', async () => {
    const draft = await typedDraft('离开前输入的文字');
    const view = render(FlushWhileRendering, { draft, leaving: false });
    await view.rerender({ draft, leaving: true });
    expect(screen.getByText('left the editor')).toBeInTheDocument();
    await draft.flush();
    expect(draft.status).toBe('saved');
    expect(await storedJSON(draft.letter.id)).toContain('离开前输入的文字');
  });

  it('keeps what is not stored synchronously, and clears the kept copy once it is stored', async () => {
    const draft = await typedDraft('重新加载前输入的文字');
    expect(draft.keep()).toBe(true);
    const kept = readKept(draft.letter);
    expect(kept?.revision).toBe(draft.letter.revision);
    expect(JSON.stringify(kept?.doc)).toContain('重新加载前输入的文字');
    await draft.flush();
    expect(draft.status).toBe('saved');
    expect(readKept(draft.letter)).toBeNull();
    // Nothing pending: nothing to keep.
    expect(draft.keep()).toBe(false);
    expect(readKept(draft.letter)).toBeNull();
  });

  it('a kept copy adopted by a fresh draft is saved like an edit', async () => {
    const first = await typedDraft('上次未保存的文字');
    first.keep();
    const loaded = await core.api.lettersContentGet({ id: first.letter.id });
    const kept = readKept(loaded.letter)!;
    expect(kept.revision).toBe(loaded.letter.revision);
    expect(sameContent(kept, loaded.content)).toBe(false);
    const second = new LetterDraft(loaded);
    second.adopt(kept);
    await second.flush();
    expect(await storedJSON(loaded.letter.id)).toContain('上次未保存的文字');
    expect(readKept(loaded.letter)).toBeNull();
    expect(sameContent(kept, (await core.api.lettersContentGet({ id: loaded.letter.id })).content)).toBe(true);
  });
});

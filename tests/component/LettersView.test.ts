/** The register view against the real core (real SQLite in a temp folder) through makeClient. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import { makeClient } from '../../electron/shared/client';
import LettersView from '../../renderer/src/views/LettersView.svelte';
import { makeTempDir } from '../helpers/temp-dir';

let core: Core;
let cleanup: () => void;
beforeEach(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  core = openCore({ dataDir: t.dir });
  window.letterdesk = makeClient((method, args) => core.dispatch(method, args));
});
afterEach(() => {
  core.close();
  cleanup();
});

describe('LettersView', () => {
  it('shows the empty state, then a created letter as a row', async () => {
    render(LettersView);
    expect(await screen.findByText('还没有函件')).toBeInTheDocument();
    await fireEvent.click(screen.getAllByRole('button', { name: '新建函件' })[0]!);
    const dialog = screen.getByRole('dialog');
    await fireEvent.input(within(dialog).getByLabelText('函件标题'), { target: { value: '服务承诺书' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    const row = (await screen.findByText('服务承诺书')).closest('tr')!;
    expect(within(row).getByText('草稿')).toBeInTheDocument();
    expect(within(row).getByText('未编号')).toBeInTheDocument();
    expect((await core.api.lettersList({})).total).toBe(1);
  });

  it('pages through more than one page of letters', async () => {
    for (let i = 0; i < 55; i++) await core.api.lettersCreate({ title: `函件${String(i).padStart(2, '0')}` });
    render(LettersView);
    expect(await screen.findByText('第 1–50 条，共 55 条')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(screen.getByText('第 51–55 条，共 55 条')).toBeInTheDocument());
    expect(screen.getAllByRole('row')).toHaveLength(6); // header + 5
  });
});

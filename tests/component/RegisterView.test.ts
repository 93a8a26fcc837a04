/** The register view against the real core (real SQLite in a temp folder) through the page's client. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import RegisterView from '../../renderer/src/views/RegisterView.svelte';
import { pagesFor, pagesToEvict, visibleRange, widen } from '../../renderer/src/register/virtual';
import { nextSort, shownParties, COLUMNS } from '../../renderer/src/register/columns';
import { makeTempDir } from '../helpers/temp-dir';
import { rebuildSearchIndex } from '../../electron/core/search/search-rebuild';

let core: Core;
let cleanup: () => void;
beforeEach(() => {
  const t = makeTempDir();
  cleanup = t.cleanup;
  core = openCore({ dataDir: t.dir });
  // The bridge the preload installs; the page builds its client on it (renderer/src/lib/api.ts).
  globalThis.letterdesk = { invoke: (method, args) => core.dispatch(method, args) };
});
afterEach(() => {
  core.close();
  cleanup();
});

/** `n` letters straight into the database, letter i changed i minutes after the first. */
function seed(n: number): void {
  const insert = core.db.prepare(`INSERT INTO letters (title, created_at, updated_at) VALUES (?, ?, ?)`);
  core.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      insert.run(`函件${String(i).padStart(3, '0')}`, at, at);
    }
  })();
}

const bodyRows = () => screen.getAllByRole('row').filter((r) => r.closest('tbody'));

describe('RegisterView', () => {
  it('shows the empty state, then a created letter as a row', async () => {
    render(RegisterView);
    expect(await screen.findByText('还没有函件')).toBeInTheDocument();
    await fireEvent.click(screen.getAllByRole('button', { name: '新建函件' })[0]!);
    const dialog = screen.getByRole('dialog');
    // The dialog opens on the template list, its first template chosen and focused (issue #15); this letter is blank.
    const list = within(dialog).getByRole('listbox', { name: '模板' }) as HTMLSelectElement;
    const first = (await core.api.templatesList())[0]!.id;
    await waitFor(() => expect(list.value).toBe(first));
    await waitFor(() => expect(list).toHaveFocus());
    await fireEvent.change(list, { target: { value: '' } });
    await fireEvent.input(within(dialog).getByLabelText('函件标题'), { target: { value: '服务承诺书' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    const row = (await screen.findByText('服务承诺书')).closest('tr')!;
    expect(within(row).getByText('草稿')).toBeInTheDocument();
    expect(within(row).getByText('未编号')).toBeInTheDocument();
    expect(within(row).getByText('空白函件')).toBeInTheDocument();
    expect((await core.api.lettersList({})).total).toBe(1);
    // Role queries over the template list walk jsdom's accessibility tree: slow on a loaded machine.
  }, 30_000);

  it('renders only the rows in view of a long register and fetches the end on End', async () => {
    seed(450);
    render(RegisterView);
    expect(await screen.findByText('函件449')).toBeInTheDocument();
    expect(screen.getByText('共 450 份')).toBeInTheDocument();
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '451');
    // jsdom has no layout: the grid assumes a 600 px viewport, so a few dozen rows, not 450.
    expect(bodyRows().length).toBeLessThan(60);
    const first = screen.getByText('函件449').closest('tr')!;
    expect(first).toHaveAttribute('aria-rowindex', '2');
    expect(first).toHaveAttribute('tabindex', '0');

    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(screen.getByText('函件448').closest('tr')).toHaveFocus());
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    // Row 450 is on the third page of 200: fetched on demand, then focused.
    await waitFor(() => expect(screen.getByText('函件000').closest('tr')).toHaveFocus());
    expect(screen.getByText('函件000').closest('tr')).toHaveAttribute('aria-rowindex', '451');
    expect(bodyRows().length).toBeLessThan(60);
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(screen.getByText('函件449').closest('tr')).toHaveFocus());
  });

  it('sorts from a column header and says so with aria-sort', async () => {
    seed(3);
    render(RegisterView);
    await screen.findByText('函件002');
    const titleHeader = screen.getByRole('columnheader', { name: /标题/ });
    expect(titleHeader).not.toHaveAttribute('aria-sort');
    expect(screen.getByRole('columnheader', { name: /最后修改/ })).toHaveAttribute('aria-sort', 'descending');
    await fireEvent.click(within(titleHeader).getByRole('button'));
    await waitFor(() => expect(titleHeader).toHaveAttribute('aria-sort', 'ascending'));
    await waitFor(() => expect(bodyRows()[0]).toHaveTextContent('函件000'));
  });

  it('filters by party after a pause in typing and clears the filters', async () => {
    seed(2);
    core.db.prepare(`UPDATE letters SET parties = '某某市第一人民医院' WHERE title = '函件000'`).run();
    // Written around the app: the search box reads the full-text index (issue #13), brought up to date here.
    rebuildSearchIndex(core.store);
    render(RegisterView);
    await screen.findByText('函件001');
    await fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    const party = screen.getByLabelText('搜索');
    expect(party).toHaveFocus();
    await fireEvent.input(party, { target: { value: '医院' } });
    expect(screen.getByText('函件001')).toBeInTheDocument(); // not yet: debounced
    await waitFor(() => expect(screen.queryByText('函件001')).not.toBeInTheDocument());
    expect(screen.getByText('1 份符合条件')).toBeInTheDocument();
    await fireEvent.input(party, { target: { value: '不存在' } });
    expect(await screen.findByText('没有符合筛选条件的函件')).toBeInTheDocument();
    await fireEvent.click(within(screen.getByTestId('no-match')).getByRole('button', { name: '清除筛选' }));
    expect(await screen.findByText('函件001')).toBeInTheDocument();
    expect(screen.getByText('共 2 份')).toBeInTheDocument();
    expect(screen.getByLabelText('搜索')).toHaveValue('');
  });

  it('moves a letter to the trash and restores it there', async () => {
    seed(2);
    render(RegisterView);
    await screen.findByText('函件001');
    await fireEvent.click(screen.getByRole('button', { name: '移到回收站：函件001' }));
    await waitFor(() => expect(screen.queryByText('函件001')).not.toBeInTheDocument());
    await fireEvent.click(screen.getByRole('button', { name: '回收站', pressed: false }));
    expect(await screen.findByText('函件001')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: '恢复：函件001' }));
    expect(await screen.findByText('回收站是空的')).toBeInTheDocument();
  });

  it('verifying a paper letter with an unknown number says so', async () => {
    seed(1);
    render(RegisterView);
    await screen.findByText('函件000');
    await fireEvent.click(screen.getByRole('button', { name: '核验纸质函件' }));
    const dialog = screen.getByRole('dialog');
    await fireEvent.input(within(dialog).getByLabelText('函件编号'), { target: { value: 'HXCN-2026-0999' } });
    await fireEvent.input(within(dialog).getByLabelText('校验码'), { target: { value: '3F2A-91C0-77BE' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: '核验' }));
    expect(await within(dialog).findByText(/没有这个编号的函件/)).toBeInTheDocument();
  });
});

describe('register virtualization arithmetic', () => {
  it('renders the rows in view plus overscan, clamped to the register', () => {
    expect(visibleRange(0, 440, 44, 100_000, 8)).toEqual({ first: 0, last: 18 });
    expect(visibleRange(44 * 1000, 440, 44, 100_000, 8)).toEqual({ first: 992, last: 1018 });
    expect(visibleRange(44 * 100_000, 440, 44, 100_000, 8)).toEqual({ first: 99_992, last: 100_000 });
    expect(visibleRange(0, 440, 44, 0)).toEqual({ first: 0, last: 0 });
  });

  it('fetches the pages covering a range and drops the farthest beyond the limit', () => {
    expect(pagesFor({ first: 190, last: 410 }, 200)).toEqual([0, 1, 2]);
    expect(pagesFor(widen({ first: 0, last: 20 }, 40, 30), 200)).toEqual([0]);
    expect(pagesToEvict([0, 1, 2, 3], [2], 10)).toEqual([]);
    expect(pagesToEvict([0, 1, 2, 50, 51, 52, 120], [50, 51], 4).sort((a, b) => a - b)).toEqual([0, 1, 120]);
  });

  it('cycles a column through its sorts; the parties column leaves out our own office', () => {
    const number = COLUMNS.find((c) => c.id === 'number')!;
    expect(nextSort(number, 'updated-desc')).toBe('number-asc');
    expect(nextSort(number, 'number-asc')).toBe('number-desc');
    expect(nextSort(COLUMNS.find((c) => c.id === 'status')!, 'updated-desc')).toBeNull();
    expect(shownParties('本公司 / 某某医院', '本公司')).toBe('某某医院');
    expect(shownParties('本公司', '本公司')).toBe('本公司');
    expect(shownParties('甲 / 乙', '')).toBe('甲 / 乙');
  });
});

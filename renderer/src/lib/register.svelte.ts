import type { LetterStatus, Page } from '../../../electron/shared/domain';
import type { RegisterFilter, RegisterRow, RegisterSort } from '../../../electron/shared/register';
import type { SearchHit } from '../../../electron/shared/search';
import { getApi } from './api';
import { errorMessage } from './i18n.svelte';
import { notify } from './notices.svelte';
import { PAGE_SIZE, PREFETCH, pagesFor, pagesToEvict, widen, type Range } from '../register/virtual';

/** Rows fetched for the very first screen (a tall window at 100 % shows about 25). */
const FIRST_SCREEN_ROWS = 40;
/** Search hits are taller (title and passage) and each passage costs a read: fewer fill the first screen. */
const FIRST_SCREEN_HITS = 24;
/** Ctrl+A chooses at most this many letters (the API exports at most 500 at once). */
export const SELECT_ALL_MAX = 500;

/** The filters as the form holds them: empty strings mean "no filter". */
export interface RegisterFilterForm {
  status: LetterStatus[];
  templateId: string;
  party: string;
  from: string;
  to: string;
  /** The search also looks in earlier versions of the letters (包括旧版本). */
  history: boolean;
}

const NO_FILTER: RegisterFilterForm = { status: [], templateId: '', party: '', from: '', to: '', history: false };

/** How long scrolling may run before the rows it reached are fetched (throttle, not debounce). */
const FETCH_THROTTLE_MS = 50;

/**
 * The letter register's state (issue #6): filters, sort and a cache of pages of rows from
 * registerList. The grid says which rows it shows (`want`); pages covering them (and a few
 * rows ahead) are fetched, at most MAX_CACHED_PAGES are kept.
 */
export class LetterRegister {
  trashed = $state(false);
  filter = $state<RegisterFilterForm>({ ...NO_FILTER });
  sort = $state<RegisterSort>('updated-desc');
  total = $state(0);
  /** Searching: `total` is where counting stopped (more letters match). */
  capped = $state(false);
  loaded = $state(false);
  /** Bumped whenever the list itself changes (filter, sort, trash): the grid scrolls to the top. */
  epoch = $state(0);
  // Raw: rows are replaced page by page, never mutated; proxying 2,000 rows would cost for nothing.
  // While searching, rows are SearchHits (a RegisterRow with its passage).
  pages = $state.raw(new Map<number, (RegisterRow | SearchHit)[]>());
  /**
   * Where the clerk was in the list (issue #15): kept for the session, so that coming back
   * from a letter shows the same rows, scrolled and selected as they were. Not reactive.
   */
  view = { scrollTop: 0, active: 0, epoch: 0 };
  /** The menu requests (新建函件, 查找) already answered: coming back must not answer them again. */
  handled = { newLetter: 0, search: 0, recent: 0, copy: 0 };
  /**
   * The letters chosen for 导出/打印/归档 (issue #15), by id, with the row as it was when
   * chosen (its title and status name it in the summary). Replaced whole on each change.
   */
  selected = $state.raw(new Map<number, RegisterRow>());
  /** Where a Shift+click or Shift+Arrow range starts (row index). */
  anchor = 0;

  #generation = 0;
  /** A new search: its first screen of hits comes first, the rest of the page after (issue #13). */
  #newSearch = false;
  #inflight = new Set<number>();
  #wanted: Range = { first: 0, last: PAGE_SIZE };
  /** A row outside the range the grid keeps rendered (the focused one). */
  #also: number | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  get filterActive(): boolean {
    const f = this.filter;
    return f.status.length > 0 || !!f.templateId || !!f.party.trim() || !!f.from || !!f.to;
  }

  /** Text in the search box: the list is then the full-text search's ranked hits (issue #13). */
  get searching(): boolean {
    return this.filter.party.trim() !== '';
  }

  /** The filter as the API takes it (also for the CSV export). */
  query(): RegisterFilter {
    const f = this.filter;
    return {
      trashed: this.trashed,
      ...(f.status.length ? { status: [...f.status] } : {}),
      ...(f.templateId ? { templateId: f.templateId } : {}),
      // The search box searches the whole letter (title, number, body, parties, signers, notes).
      ...(f.party.trim() ? { text: f.party.trim() } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
    };
  }

  rowAt(index: number): RegisterRow | SearchHit | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Loads the rows the grid shows again (after a change); keeps the old rows on screen meanwhile. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    this.#inflight.clear();
    const newSearch = this.#newSearch;
    this.#newSearch = false;
    if (!this.loaded || newSearch) {
      // First screen: just the rows a window shows, so the register appears at once; the full
      // page follows (a short page is refetched by #missing once the grid asks for its rows).
      const first = await this.#list(0, this.searching ? FIRST_SCREEN_HITS : FIRST_SCREEN_ROWS);
      if (generation !== this.#generation) return;
      this.pages = new Map([[0, first.items]]);
      this.#setTotal(first);
      this.loaded = true;
      this.want(this.#wanted, this.#also);
      return;
    }
    const needed = this.#keep(Math.max(this.total, PAGE_SIZE));
    if (needed.length === 0) needed.push(0);
    const results = await Promise.all(needed.map((p) => this.#fetchPage(p)));
    if (generation !== this.#generation) return;
    const pages = new Map<number, (RegisterRow | SearchHit)[]>();
    results.forEach((r, i) => pages.set(needed[i]!, r.items));
    this.pages = pages;
    this.#setTotal(results[results.length - 1]!);
    this.loaded = true;
    // The total may have shrunk below the rows asked for; the grid will ask again.
  }

  /** The grid shows rows [first, last) and row `also`: fetch what is missing, soon. */
  want(range: Range, also: number | null = null): void {
    this.#wanted = range;
    this.#also = also;
    if (!this.loaded || this.#timer) return;
    if (this.#missing().length === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      for (const p of this.#missing()) void this.#fetchInto(p, this.#generation);
    }, FETCH_THROTTLE_MS);
  }

  #missing(): number[] {
    // A short page is stale when the total says more rows exist now (added elsewhere).
    const stale = (p: number) => {
      const rows = this.pages.get(p);
      return !rows || (rows.length < PAGE_SIZE && p * PAGE_SIZE + rows.length < this.total);
    };
    return this.#keep(this.total).filter((p) => stale(p) && !this.#inflight.has(p));
  }

  /** The pages the grid needs now: never evicted. */
  #keep(total: number): number[] {
    const pages = pagesFor(widen(this.#wanted, PREFETCH, total));
    const also = this.#also === null || this.#also >= total ? null : Math.floor(this.#also / PAGE_SIZE);
    return also === null || pages.includes(also) ? pages : [...pages, also];
  }

  #fetchPage(page: number) {
    return this.#list(page * PAGE_SIZE, PAGE_SIZE);
  }

  /** Rows [offset, offset + limit): the register's, or the search's ranked hits when text is typed. */
  async #list(offset: number, limit: number): Promise<Page<RegisterRow | SearchHit> & { capped?: boolean }> {
    const { text, ...filter } = this.query();
    return text
      ? getApi().searchLetters({ ...filter, text, ...(this.filter.history && { history: true }), offset, limit })
      : getApi().registerList({ ...filter, sort: this.sort, offset, limit });
  }

  #setTotal(page: { total: number; capped?: boolean }): void {
    this.total = page.total;
    this.capped = page.capped ?? false;
  }

  async #fetchInto(page: number, generation: number): Promise<void> {
    this.#inflight.add(page);
    try {
      const result = await this.#fetchPage(page);
      if (generation !== this.#generation) return;
      const pages = new Map(this.pages);
      pages.set(page, result.items);
      for (const p of pagesToEvict(pages.keys(), this.#keep(result.total))) pages.delete(p);
      this.pages = pages;
      this.#setTotal(result);
    } catch (err) {
      if (generation === this.#generation) notify(errorMessage(err), 'error');
    } finally {
      if (generation === this.#generation) this.#inflight.delete(page);
    }
  }

  /** A different list (filter, sort, trash): start again from the top. */
  #restart(): Promise<void> {
    this.#wanted = { first: 0, last: PAGE_SIZE };
    this.#also = null;
    this.epoch++;
    this.#newSearch = this.searching;
    return this.load();
  }

  setFilter(patch: Partial<RegisterFilterForm>): Promise<void> {
    this.filter = { ...this.filter, ...patch };
    return this.#restart();
  }

  clearFilters(): Promise<void> {
    this.filter = { ...NO_FILTER };
    return this.#restart();
  }

  setSort(sort: RegisterSort): Promise<void> {
    if (sort === this.sort) return Promise.resolve();
    this.sort = sort;
    return this.#restart();
  }

  showTrash(trashed: boolean): Promise<void> {
    this.trashed = trashed;
    return this.#restart();
  }

  exportCsv() {
    return getApi().registerExportCsv(this.query());
  }

  async create(input: { title?: string; templateId?: string; counterpartyId?: number }) {
    const letter = await getApi().lettersCreate(input);
    if (this.trashed) await this.showTrash(false);
    else await this.load();
    return letter;
  }

  async rename(id: number, title: string) {
    const letter = await getApi().lettersRename({ id, title });
    await this.load();
    return letter;
  }

  /** `confirmNumber`: the number the clerk typed, for a letter that went to paper. */
  async trash(id: number, confirmNumber?: string) {
    const letter = await getApi().lettersTrash({ id, ...(confirmNumber !== undefined && { confirmNumber }) });
    if (this.selected.has(id)) this.selected = new Map([...this.selected].filter(([k]) => k !== id));
    await this.load();
    return letter;
  }

  /** 复制为新函件: the new draft letter. */
  async copy(id: number) {
    const letter = await getApi().lettersCopy({ id });
    await this.load();
    return letter;
  }

  async restore(id: number) {
    const letter = await getApi().lettersRestore({ id });
    await this.load();
    return letter;
  }

  isSelected(id: number): boolean {
    return this.selected.has(id);
  }

  /** Chooses or unchooses one row; it becomes the anchor of the next range. */
  toggle(index: number, on?: boolean): void {
    const row = this.rowAt(index);
    if (!row) return;
    const next = new Map(this.selected);
    if (on ?? !next.has(row.id)) next.set(row.id, row);
    else next.delete(row.id);
    this.selected = next;
    this.anchor = index;
  }

  /** Only this row (a plain click). */
  selectOnly(index: number): void {
    const row = this.rowAt(index);
    this.selected = row ? new Map([[row.id, row]]) : new Map();
    this.anchor = index;
  }

  /** The rows from the anchor to `index` (Shift+click, Shift+Arrow); `add` keeps what was chosen before (Ctrl+Shift). */
  selectRange(index: number, add = false): void {
    const next = add ? new Map(this.selected) : new Map<number, RegisterRow>();
    const [lo, hi] = this.anchor <= index ? [this.anchor, index] : [index, this.anchor];
    for (let i = lo; i <= hi; i++) {
      const row = this.rowAt(i);
      if (row) next.set(row.id, row);
    }
    this.selected = next;
  }

  /** Ctrl+A: every row of the list as filtered (up to SELECT_ALL_MAX), fetched where not loaded yet. */
  async selectAll(): Promise<void> {
    const total = Math.min(this.total, SELECT_ALL_MAX);
    const generation = this.#generation;
    const next = new Map<number, RegisterRow>();
    for (let offset = 0; offset < total; offset += PAGE_SIZE) {
      const cached = this.pages.get(offset / PAGE_SIZE);
      const rows = cached && (cached.length === PAGE_SIZE || offset + cached.length >= this.total) ? cached : (await this.#list(offset, PAGE_SIZE)).items;
      if (generation !== this.#generation) return;
      for (const row of rows.slice(0, total - offset)) next.set(row.id, row);
    }
    this.selected = next;
  }

  clearSelection(): void {
    if (this.selected.size) this.selected = new Map();
    this.anchor = 0;
  }

  /** The chosen rows in list order as far as known (the order they were chosen otherwise). */
  selection(): RegisterRow[] {
    return [...this.selected.values()];
  }

  /** After work on the selection: the rows again, the chosen ones with their new status. */
  async reloadSelection(): Promise<void> {
    await this.load();
    const next = new Map<number, RegisterRow>();
    for (const [id, row] of this.selected) {
      let fresh: RegisterRow | undefined;
      for (const rows of this.pages.values()) fresh ??= rows.find((r) => r.id === id);
      next.set(id, fresh ?? row);
    }
    this.selected = next;
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#generation++;
  }
}

import type { LetterSummary } from '../../../electron/shared/domain';
import { getApi } from './api';

export const PAGE_SIZE = 50;

/** The letter register's state: one page of letters (live or trashed) from the API. */
export class LetterRegister {
  items = $state<LetterSummary[]>([]);
  total = $state(0);
  offset = $state(0);
  trashed = $state(false);
  loading = $state(false);
  loaded = $state(false);
  #request = 0;

  async load(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const page = await getApi().lettersList({ trashed: this.trashed, offset: this.offset, limit: PAGE_SIZE });
      if (request !== this.#request) return;
      if (page.items.length === 0 && page.total > 0 && this.offset > 0) {
        this.offset = Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE);
        return this.load();
      }
      this.items = page.items;
      this.total = page.total;
      this.loaded = true;
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  async showTrash(trashed: boolean): Promise<void> {
    this.trashed = trashed;
    this.offset = 0;
    await this.load();
  }

  async page(delta: number): Promise<void> {
    const next = this.offset + delta * PAGE_SIZE;
    if (next < 0 || next >= this.total) return;
    this.offset = next;
    await this.load();
  }

  async create(input: { title?: string; templateId?: string; counterpartyId?: number }) {
    const letter = await getApi().lettersCreate(input);
    this.trashed = false;
    this.offset = 0;
    await this.load();
    return letter;
  }

  async rename(id: number, title: string) {
    const letter = await getApi().lettersRename({ id, title });
    await this.load();
    return letter;
  }

  async trash(id: number) {
    const letter = await getApi().lettersTrash({ id });
    await this.load();
    return letter;
  }

  async restore(id: number) {
    const letter = await getApi().lettersRestore({ id });
    await this.load();
    return letter;
  }
}

import type { RegisterSort } from '../../../electron/shared/register';
import type { MessageKey } from '../lib/messages';

export interface RegisterColumn {
  id: 'number' | 'title' | 'parties' | 'template' | 'status' | 'updated' | 'signed' | 'actions';
  label: MessageKey;
  /** The sorts a click on the header cycles through; empty when the column does not sort. */
  sorts: RegisterSort[];
}

export const COLUMNS: RegisterColumn[] = [
  { id: 'number', label: 'letters.col.number', sorts: ['number-asc', 'number-desc'] },
  { id: 'title', label: 'letters.col.title', sorts: ['title-asc'] },
  { id: 'parties', label: 'letters.col.parties', sorts: [] },
  { id: 'template', label: 'letters.col.template', sorts: [] },
  { id: 'status', label: 'letters.col.status', sorts: [] },
  { id: 'updated', label: 'letters.col.updated', sorts: ['updated-desc', 'updated-asc'] },
  { id: 'signed', label: 'letters.col.signed', sorts: ['signed-desc'] },
  { id: 'actions', label: 'letters.col.actions', sorts: [] },
];

/** The sort after a click on `column`'s header: its first sort, or the next one when it already sorts. */
export function nextSort(column: RegisterColumn, current: RegisterSort): RegisterSort | null {
  if (column.sorts.length === 0) return null;
  const at = column.sorts.indexOf(current);
  return column.sorts[(at + 1) % column.sorts.length]!;
}

export function ariaSort(column: RegisterColumn, current: RegisterSort): 'ascending' | 'descending' | undefined {
  if (!column.sorts.includes(current)) return undefined;
  return current.endsWith('-asc') ? 'ascending' : 'descending';
}

/**
 * The parties cell: the register stores 承诺方 / 接收方; our own office is the 承诺方 of
 * nearly every letter, so it is left out and the counterparty shows (the tooltip has all).
 */
export function shownParties(parties: string, ownName: string): string {
  const own = ownName.trim();
  if (!own) return parties;
  const others = parties.split(' / ').filter((p) => p !== own);
  return others.length ? others.join(' / ') : parties;
}

/** Status and error messages shown in the page's live region. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

let nextId = 1;
export const notices = $state<{ items: Notice[] }>({ items: [] });

export function notify(text: string, kind: Notice['kind'] = 'info'): void {
  const notice = { id: nextId++, kind, text };
  notices.items = [...notices.items.slice(-3), notice];
  if (kind === 'info') setTimeout(() => dismiss(notice.id), 5000);
}

export function dismiss(id: number): void {
  notices.items = notices.items.filter((n) => n.id !== id);
}

/**
 * Arrow keys, Home and End inside a menu (WAI-ARIA menu pattern): moves focus among `items`,
 * wrapping at the ends. True when the key was one of them (the caller handles the rest).
 */
export function moveMenuFocus(event: KeyboardEvent, items: HTMLElement[]): boolean {
  const at = items.indexOf(document.activeElement as HTMLElement);
  const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
  if (!(event.key in moves)) return false;
  event.preventDefault();
  const n = items.length;
  items[((moves[event.key]! % n) + n) % n]?.focus();
  return true;
}

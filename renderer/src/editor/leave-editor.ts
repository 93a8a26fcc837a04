import type { Command } from 'prosemirror-state';

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';

function tabbable(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert], fieldset:disabled')) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0;
}

/** Moves focus to the first control after (dir 1) or before (dir -1) `from`, outside it; false when there is none. */
export function focusBeyond(from: HTMLElement, dir: 1 | -1): boolean {
  // Neither inside the editor nor around it (the scrolling pane that holds it is focusable too).
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !from.contains(el) && !el.contains(from));
  const after = (el: HTMLElement) => (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const candidates = dir === 1 ? all.filter(after) : all.filter((el) => !after(el)).reverse();
  const target = candidates.find(tabbable);
  target?.focus();
  return !!target;
}

/**
 * Escape (and Ctrl+Shift+F6) leaves the text for the next control; Shift+Escape for the one
 * before (issue #15): Tab indents a clause, so without this a keyboard-only clerk could not
 * get out of a numbered clause.
 */
export const leaveEditor =
  (dir: 1 | -1): Command =>
  (_state, _dispatch, view) => {
    if (!view) return false;
    return focusBeyond(view.dom as HTMLElement, dir);
  };

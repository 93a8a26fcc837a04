/**
 * Focus goes back where it was when a dialog closes (issue #15; WAI-ARIA dialog pattern). The
 * app's dialogs are `<dialog>` elements shown with showModal() and taken out of the page when
 * they close ({#if}); a dialog removed while open gives focus to nobody (the page body), so a
 * keyboard user had to start again from the top. One watcher for every dialog: it notes the
 * element focus came from as it entered a dialog, and when that dialog leaves the page with
 * the focus lost, puts it back there. A dialog whose closing moves focus on purpose (a new
 * letter's text) has already done so, and is left alone.
 */
export function installDialogFocusReturn(doc: Document): () => void {
  const openers = new WeakMap<Element, HTMLElement>();

  function onFocusIn(event: FocusEvent): void {
    const dialog = (event.target as Element | null)?.closest?.('dialog');
    const from = event.relatedTarget;
    if (!dialog || openers.has(dialog) || !(from instanceof HTMLElement) || dialog.contains(from)) return;
    openers.set(dialog, from);
  }

  function removedDialogs(records: MutationRecord[]): Element[] {
    const found: Element[] = [];
    for (const record of records)
      for (const node of record.removedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('dialog')) found.push(node);
        found.push(...node.querySelectorAll('dialog'));
      }
    return found;
  }

  const observer = new MutationObserver((records) => {
    const active = doc.activeElement;
    if (active && active !== doc.body) return;
    for (const dialog of removedDialogs(records).reverse()) {
      const opener = openers.get(dialog);
      if (opener?.isConnected && !opener.closest('dialog:not([open])')) {
        opener.focus();
        return;
      }
    }
  });

  doc.addEventListener('focusin', onFocusIn, true);
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => {
    doc.removeEventListener('focusin', onFocusIn, true);
    observer.disconnect();
  };
}

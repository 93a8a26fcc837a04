/**
 * Whether the letter view's side panel (fields, versions, signatures) is collapsed (issue #15),
 * remembered in this profile: a layout choice of this clerk on this machine, not letter data,
 * so it lives beside the window rather than in the database.
 */
const KEY = 'letterdesk.sidePanelCollapsed';

export function readSideCollapsed(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage refused (private profile): the panel shows
  }
}

export function writeSideCollapsed(collapsed: boolean): void {
  try {
    if (collapsed) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Not remembered; the panel still collapses for this visit.
  }
}

import type { LetterdeskApi } from '../../../electron/shared/api';
import type { LetterdeskShell } from '../../../electron/shared/shell';

declare global {
  interface Window {
    letterdesk?: LetterdeskApi;
    letterdeskShell?: LetterdeskShell;
  }
}

/** The API the preload (or the e2e harness) installed on window. */
export function getApi(): LetterdeskApi {
  const api = window.letterdesk;
  if (!api) throw new Error('[internal] Letterdesk API is not available in this window');
  return api;
}

export function getShell(): LetterdeskShell | undefined {
  return window.letterdeskShell;
}

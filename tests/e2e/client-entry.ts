// Bundled into the page by the browser benchmarks (tests/bench/bench-browser.ts) — not by the
// end-to-end tests, which run the shipped browser shell and its own transport (BRIDGE_SCRIPT):
// the bridge the Electron preload exposes (window.letterdesk.invoke → envelope), with a Playwright
// binding as its transport instead of ipcRenderer.invoke. The page builds its client on it with
// makeClient, as in the app.
import type { LetterdeskBridge } from '../../electron/shared/bridge';
import type { Envelope } from '../../electron/shared/errors';

const page = globalThis as unknown as {
  __letterdeskInvoke(method: string, args: unknown[]): Promise<Envelope<unknown>>;
  letterdesk?: LetterdeskBridge;
};

page.letterdesk = { invoke: (method, args) => page.__letterdeskInvoke(method, args) };

// Bundled into the page by the e2e harness: the same makeClient the preload uses, with a
// Playwright binding as its transport instead of ipcRenderer.invoke.
import { makeClient } from '../../electron/shared/client';
import type { LetterdeskApi } from '../../electron/shared/api';
import type { Envelope } from '../../electron/shared/errors';

const page = globalThis as unknown as {
  __letterdeskInvoke(method: string, args: unknown[]): Promise<Envelope<unknown>>;
  letterdesk?: LetterdeskApi;
};

page.letterdesk = makeClient((method, args) => page.__letterdeskInvoke(method, args));

/**
 * What crosses between page and main: one function that sends a call and resolves with its
 * envelope. The preload exposes it over IPC, the e2e harness over a Playwright binding, unit
 * tests over `core.dispatch`; the page builds its typed client on it (client.ts).
 *
 * Kept free of the contract's schemas (type imports only): the sandboxed preload and the page
 * bundle load this file, and zod would add ~450 KB to each.
 */
import type { Envelope } from './errors';

/**
 * A transport: sends one call (a method name, at most one argument) and resolves with its
 * envelope — an error is an ok:false envelope, never a rejection. The name is a plain string
 * on the wire; the receiving side refuses one that is not an ApiMethod ('unknown-method').
 */
export type Invoke = (method: string, args: unknown[]) => Promise<Envelope<unknown>>;

/** `window.letterdesk`: installed by the preload (or the e2e harness); `window.letterdeskMenu` beside it (menu-commands.ts). */
export interface LetterdeskBridge {
  invoke: Invoke;
}

/** IPC channel of a method; one channel per method, so main refuses unknown ones. */
export function channelOf(method: string): string {
  return `letterdesk:${method}`;
}

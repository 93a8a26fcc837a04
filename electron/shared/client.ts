import { API_METHODS, type ApiMethod, type LetterdeskApi } from './api';
import { LetterdeskError, isErrorCode, type Envelope } from './errors';

/** A transport: sends one call and resolves with its envelope. IPC, Playwright binding, … */
export type Invoke = (method: ApiMethod, args: unknown[]) => Promise<Envelope<unknown>>;

/**
 * Builds the typed API client over any transport. Every transport (preload IPC, the e2e
 * Playwright binding) uses this one builder, so the page sees the same object everywhere.
 * An ok:false envelope becomes a thrown LetterdeskError carrying its code.
 */
export function makeClient(invoke: Invoke): LetterdeskApi {
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    client[method] = async (...args: unknown[]) => {
      const envelope = await invoke(method, args.length && args[0] !== undefined ? [args[0]] : []);
      if (envelope && envelope.ok === true) return envelope.value;
      const code = envelope && isErrorCode(envelope.code) ? envelope.code : 'internal';
      const message = envelope && typeof envelope.message === 'string' ? envelope.message : 'Malformed response';
      throw new LetterdeskError(code, message);
    };
  }
  return Object.freeze(client) as unknown as LetterdeskApi;
}

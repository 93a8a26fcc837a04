/**
 * The typed API client over any transport (bridge.ts): the page builds it on the preload's
 * `invoke`, the e2e harness on a Playwright binding, tests and the CLI on `core.dispatch`.
 * An ok:false envelope becomes a thrown LetterdeskError carrying the envelope's code.
 */
import type { LetterdeskApi } from './api';
import type { Invoke } from './bridge';
import { LetterdeskError, isErrorCode } from './errors';

/**
 * The client knows the contract by its type only: importing the contract's method list would
 * bring its schemas (zod, ~450 KB) into the page bundle. So it is a Proxy — reading any method
 * name gives the function that calls it, and the other side refuses a name it does not know
 * ('unknown-method'). `then` and Object.prototype's names are not methods, so the client is
 * not mistaken for a promise and prints like an object.
 */
export function makeClient(invoke: Invoke): LetterdeskApi {
  const calls = new Map<string, (input?: unknown) => Promise<unknown>>();
  const call = (method: string) => async (input?: unknown) => {
    const envelope = await invoke(method, input === undefined ? [] : [input]);
    if (envelope?.ok === true) return envelope.value;
    const code = isErrorCode(envelope?.code) ? envelope.code : 'internal';
    const message = typeof envelope?.message === 'string' ? envelope.message : 'Malformed response';
    throw new LetterdeskError(code, message);
  };
  const target: Partial<LetterdeskApi> = Object.freeze({});
  const client = new Proxy(target, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then' || name in Object.prototype) return undefined;
      let fn = calls.get(name);
      if (!fn) calls.set(name, (fn = call(name)));
      return fn;
    },
  });
  // The one assertion between the wire and the contract: the envelope's value of method M is
  // what the contract says M resolves to (the other side is our own core).
  return client as LetterdeskApi;
}

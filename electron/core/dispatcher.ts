import { isApiMethod, type ApiMethod, type LetterdeskApi } from '../shared/api';
import { LetterdeskError, type Envelope } from '../shared/errors';
import { validateInput } from '../shared/validate';
import { toLetterdeskError } from './db/sqlite-errors';

/**
 * Validates and runs one call, returning an envelope. The single entry point for every
 * transport (IPC, the e2e binding, the CLI): input is untrusted until the schema accepts it.
 */
export function createDispatcher(api: LetterdeskApi) {
  return async function dispatch(method: unknown, args: unknown): Promise<Envelope<unknown>> {
    try {
      if (!isApiMethod(method)) throw new LetterdeskError('unknown-method', `Unknown API method: ${String(method).slice(0, 80)}`);
      return { ok: true, value: await call(api, method, Array.isArray(args) ? args : [args]) };
    } catch (err) {
      const e = toLetterdeskError(err, String(method));
      return { ok: false, code: e.code, message: e.message };
    }
  };
}

function call<M extends ApiMethod>(api: LetterdeskApi, method: M, args: unknown[]) {
  return api[method](validateInput(method, args));
}

export type Dispatch = ReturnType<typeof createDispatcher>;

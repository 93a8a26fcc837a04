import { contract, type ApiMethod, type InputOf } from './api';
import { LetterdeskError } from './errors';
import { guardPayload } from './payload-guard';

/**
 * Checks the single argument of a call to `method` against the contract's schema. Returns the
 * parsed (trimmed, normalised) input or throws LetterdeskError('invalid-input') naming the problem.
 * Binary, huge or deeply nested arguments are refused before the schema reads them (payload-guard.ts).
 */
export function validateInput<M extends ApiMethod>(method: M, args: unknown[]): InputOf<M> {
  if (args.length > 1) throw new LetterdeskError('invalid-input', `${method} takes at most one argument`);
  guardPayload(method, args[0]);
  const result = contract[method].input.safeParse(args[0]);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'input';
    throw new LetterdeskError('invalid-input', `${method}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

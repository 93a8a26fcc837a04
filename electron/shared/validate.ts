import { contract, type ApiMethod, type InputOf } from './api';
import { LetterdeskError } from './errors';

/**
 * Checks the single argument of a call to `method` against the contract's schema. Returns the
 * parsed (trimmed, normalised) input or throws LetterdeskError('invalid-input') naming the problem.
 */
export function validateInput<M extends ApiMethod>(method: M, args: unknown[]): InputOf<M> {
  if (args.length > 1) throw new LetterdeskError('invalid-input', `${method} takes at most one argument`);
  const result = contract[method].input.safeParse(args[0]);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'input';
    throw new LetterdeskError('invalid-input', `${method}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

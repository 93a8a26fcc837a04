import { isApiMethod, type ApiMethod } from './api';
import { apiInputSchemas } from './api-schemas';
import { LetterdeskError } from './errors';

/**
 * Checks the single argument of an API call against its schema. Returns the parsed
 * (trimmed, normalised) input or throws LetterdeskError('invalid-input') naming the problem.
 */
export function validateInput(method: unknown, args: unknown[]): unknown {
  if (!isApiMethod(method)) throw new LetterdeskError('unknown-method', `Unknown API method: ${String(method)}`);
  if (!Array.isArray(args) || args.length > 1) {
    throw new LetterdeskError('invalid-input', `${method} takes at most one argument`);
  }
  const schema = apiInputSchemas[method as ApiMethod];
  const result = schema.safeParse(args[0]);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'input';
    throw new LetterdeskError('invalid-input', `${method}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

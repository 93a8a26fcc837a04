/**
 * The closed set of error codes that cross the API boundary. The renderer and CLI branch
 * on the code and show their own message; message text is for logs only.
 */
export const ERROR_CODES = [
  'invalid-input',
  'invalid-document',
  'template-readonly',
  'bad-template-pack',
  'missing-required',
  'invalid-values',
  'file-locked',
  'illegal-transition',
  'confirmation-required',
  'number-taken',
  'file-too-large',
  'unsupported-file',
  'file-encrypted',
  'unknown-method',
  'not-found',
  'letter-trashed',
  'letter-not-trashed',
  'conflict',
  'db-newer-than-app',
  'db-corrupt',
  'db-busy',
  'db-empty',
  'db-not-letterdesk',
  'db-recovery',
  'backup-unavailable',
  'backup-invalid',
  'cancelled',
  'disk-full',
  'read-only',
  'io-error',
  'forbidden-sender',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Envelope<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/**
 * Thrown inside core, and by the client when an envelope says ok:false. The code crosses every
 * transport as envelope data (never inside the message), so the message is for people and logs.
 */
export class LetterdeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'LetterdeskError';
    this.code = code;
  }
}

/** The code of any thrown value: its `code` when that is one of ours, else 'internal'. Never read from the message. */
export function errorCode(err: unknown): ErrorCode {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return isErrorCode(code) ? code : 'internal';
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

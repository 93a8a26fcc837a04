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
  'unknown-method',
  'not-found',
  'letter-trashed',
  'letter-not-trashed',
  'conflict',
  'db-newer-than-app',
  'db-corrupt',
  'db-busy',
  'disk-full',
  'read-only',
  'io-error',
  'forbidden-sender',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Envelope<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** Thrown inside core and by the client when an envelope says ok:false. */
export class LetterdeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    // The code also leads the message: Electron's contextBridge keeps only an Error's
    // message when a rejection crosses into the page, and errorCode() reads it back.
    super(message.startsWith(`[${code}]`) ? message : `[${code}] ${message}`);
    this.name = 'LetterdeskError';
    this.code = code;
  }
}

/** The code of any thrown value: a LetterdeskError, or an Error whose message starts `[code]`. */
export function errorCode(err: unknown): ErrorCode {
  const direct = (err as { code?: unknown } | null)?.code;
  if (isErrorCode(direct)) return direct;
  const message = (err as { message?: unknown } | null)?.message;
  const match = typeof message === 'string' ? /^\[([a-z-]+)\]/.exec(message) : null;
  return match && isErrorCode(match[1]) ? match[1] : 'internal';
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

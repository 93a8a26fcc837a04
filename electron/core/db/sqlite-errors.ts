import { LetterdeskError } from '../../shared/errors';

/** Maps SQLite / file-system failures to API error codes so the UI can say what happened. */
export function toLetterdeskError(err: unknown, context: string): LetterdeskError {
  if (err instanceof LetterdeskError) return err;
  const e = err as { code?: string; message?: string };
  const detail = `${context}: ${e?.message ?? String(err)}`;
  switch (e?.code) {
    case 'SQLITE_FULL':
    case 'ENOSPC':
      return new LetterdeskError('disk-full', detail);
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DBMOVED':
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new LetterdeskError('read-only', detail);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new LetterdeskError('db-busy', detail);
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new LetterdeskError('db-corrupt', detail);
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
      return new LetterdeskError('io-error', detail);
    default:
      if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_IOERR')) return new LetterdeskError('io-error', detail);
      if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CORRUPT')) return new LetterdeskError('db-corrupt', detail);
      if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_READONLY')) return new LetterdeskError('read-only', detail);
      if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_BUSY')) return new LetterdeskError('db-busy', detail);
      return new LetterdeskError('internal', detail);
  }
}

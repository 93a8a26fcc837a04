/**
 * Writes an exported file so that the target is either the old file or the whole new one:
 * a temporary file in the same folder, flushed, then renamed over the target. Failures
 * come back as LetterdeskError codes the renderer explains (file open in Word, folder
 * read-only, disk full), and leave no temporary file behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LetterdeskError, type ErrorCode } from '../../shared/errors';

type Stage = 'create' | 'write' | 'replace';

/** The error code for an errno at a stage of the write. */
export function writeErrorCode(errno: string | undefined, stage: Stage, targetExists: boolean): ErrorCode {
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EBUSY':
      return 'file-locked';
    case 'EROFS':
      return 'read-only';
    case 'EPERM':
    case 'EACCES':
      // Windows refuses to replace a file another program (Word, WPS) holds open with
      // EPERM/EACCES; the same errno while creating the temporary file means the folder.
      return stage === 'replace' && targetExists ? 'file-locked' : 'read-only';
    default:
      return 'io-error';
  }
}

function fail(err: unknown, stage: Stage, filePath: string, targetExists: boolean): never {
  const errno = (err as NodeJS.ErrnoException).code;
  const code = writeErrorCode(errno, stage, targetExists);
  throw new LetterdeskError(code, `Cannot write ${filePath} (${errno ?? 'error'} at ${stage}): ${(err as Error).message}`);
}

export function writeFileAtomic(filePath: string, data: Buffer | string): void {
  const dir = path.dirname(filePath);
  const tmp = path.join(dir, `.${path.basename(filePath)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const targetExists = fs.existsSync(filePath);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx');
  } catch (err) {
    fail(err, 'create', filePath, targetExists);
  }
  let stage: Stage = 'write';
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    stage = 'replace';
    fs.renameSync(tmp, filePath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    fail(err, stage, filePath, targetExists);
  }
  syncFolder(dir);
}

/** Makes the rename itself durable where the OS allows opening a folder (not Windows). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: the data is already flushed; Windows cannot fsync a folder.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

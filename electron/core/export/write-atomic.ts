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

/**
 * Throws the LetterdeskError for a failed step. The message names the target, never the
 * hidden temporary file beside it (issue #14): that name means nothing to the clerk.
 */
function fail(err: unknown, stage: Stage, filePath: string, targetExists: boolean, tmp: string): never {
  const errno = (err as NodeJS.ErrnoException).code;
  const code = writeErrorCode(errno, stage, targetExists);
  const reason = errno === 'ENOENT' && stage !== 'write' ? `the folder ${path.dirname(filePath)} does not exist` : String((err as Error).message).split(tmp).join(filePath);
  throw new LetterdeskError(code, `Cannot write ${filePath} (${errno ?? 'error'} at ${stage}): ${reason}`);
}

/**
 * A file marked read-only is refused, not replaced (issue #14): a rename would replace it
 * (the folder allows it) and drop the mark. The mode bits are read as well as access(2),
 * which lets root (and so a test run) write anything; Windows maps its read-only attribute
 * to the mode bits.
 */
export function refuseReadOnly(filePath: string): void {
  let mode: number;
  try {
    mode = fs.statSync(filePath).mode;
  } catch {
    return; // gone, or never there: nothing to protect
  }
  let writable = (mode & 0o222) !== 0;
  if (writable) {
    try {
      fs.accessSync(filePath, fs.constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (!writable) throw new LetterdeskError('read-only', `Cannot write ${filePath}: the file is read-only; nothing was changed`);
}

/** A file written and flushed under a temporary name beside its target, not yet in place. */
export interface StagedFile {
  /** Renames the staged file over the target (throws a LetterdeskError on failure; then nothing changed). */
  commit(): void;
  /** Removes the staged file (or, after commit, the written target) — for undoing a step that failed later. */
  discard(): void;
}

/**
 * Writes `data` to a temporary file in the target's folder and flushes it; the target is not
 * touched until commit(). Export for signature stages its file, commits the database, then
 * commits the file — so a failed write leaves no number, version or event behind (issue #9).
 */
export function stageFile(filePath: string, data: Buffer | string): StagedFile {
  const { tmp, targetExists } = tempBeside(filePath);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx');
  } catch (err) {
    fail(err, 'create', filePath, targetExists, tmp);
  }
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    fail(err, 'write', filePath, targetExists, tmp);
  }
  return stagedAt(filePath, tmp, targetExists);
}

/**
 * stageFile for a file another component writes (the PDF renderer): `render` writes the
 * temporary path it is given; the result is flushed and waits for commit(). A failed render
 * leaves no temporary file; an errno (a full disk) becomes its LetterdeskError as above.
 */
export async function stageRendered(filePath: string, render: (tmp: string) => Promise<void>): Promise<StagedFile> {
  const { tmp, targetExists } = tempBeside(filePath);
  try {
    await render(tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if (!(err instanceof LetterdeskError) && typeof (err as NodeJS.ErrnoException).code === 'string') fail(err, 'write', filePath, targetExists, tmp);
    throw err;
  }
  return stagedAt(filePath, tmp, targetExists);
}

function tempBeside(filePath: string): { tmp: string; targetExists: boolean } {
  const tmp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const targetExists = fs.existsSync(filePath);
  if (targetExists) refuseReadOnly(filePath);
  return { tmp, targetExists };
}

function stagedAt(filePath: string, tmp: string, targetExists: boolean): StagedFile {
  let committed = false;
  return {
    commit() {
      try {
        refuseReadOnly(filePath); // marked read-only since the file was staged
      } catch (err) {
        fs.rmSync(tmp, { force: true });
        throw err;
      }
      try {
        fs.renameSync(tmp, filePath);
      } catch (err) {
        fs.rmSync(tmp, { force: true });
        fail(err, 'replace', filePath, targetExists, tmp);
      }
      committed = true;
      syncFolder(path.dirname(filePath));
    },
    discard() {
      fs.rmSync(committed ? filePath : tmp, { force: true });
    },
  };
}

export function writeFileAtomic(filePath: string, data: Buffer | string): void {
  stageFile(filePath, data).commit();
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

/**
 * Reading a scan the user picked (issue #11): a FIFO hung `sign attach`, /dev/zero grew
 * memory without bound (the size check trusted stat). Only a regular file is read — checked
 * on the path (following a symlink) and again on the opened descriptor, which is opened
 * non-blocking so a FIFO cannot hang the open — and reading stops at the cap, whatever stat said.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LetterdeskError } from '../../shared/errors';
import { toLetterdeskError } from '../db/sqlite-errors';

const CHUNK = 1 << 20;

function fileError(err: unknown, name: string): LetterdeskError {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new LetterdeskError('not-found', `${name} does not exist`);
  if (code === 'EISDIR') return new LetterdeskError('unsupported-file', `${name} is a folder, not a file`);
  return toLetterdeskError(err, `Cannot read ${name}`);
}

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The file's bytes, at most `cap` of them; refuses anything that is not a regular file. */
export async function readRegularFileCapped(file: string, cap: number): Promise<Buffer> {
  const name = path.basename(file);
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(file);
  } catch (err) {
    throw fileError(err, name);
  }
  if (!st.isFile()) throw new LetterdeskError('unsupported-file', `${name} is ${kindOf(st)}, not a file`);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw fileError(err, name);
  }
  try {
    const opened = await handle.stat();
    // Swapped between the two looks (a race, or a symlink re-pointed): refuse, do not read.
    if (!opened.isFile() || opened.ino !== st.ino || opened.dev !== st.dev) throw new LetterdeskError('unsupported-file', `${name} changed while it was opened`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, cap + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) throw new LetterdeskError('file-too-large', `${name}: more than ${cap} bytes`);
      chunks.push(buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    throw fileError(err, name);
  } finally {
    await handle.close();
  }
}

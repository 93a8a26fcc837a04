/**
 * The archive (issue 11): a whole backup folder — manifest.json first, then the database and
 * any scan files — as one zip file, to move the letter history to another PC. Written and read
 * in 1 MB steps that report progress and yield to the event loop, so a task can be cancelled;
 * reading never writes outside the staging folder it is given, and refuses an archive whose
 * entries are not exactly its manifest's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate';
import { LetterdeskError } from '../../shared/errors';
import { toLetterdeskError } from '../db/sqlite-errors';
import { MANIFEST_NAME, listFiles, parseManifest, safeRelative } from './manifest';

export interface TaskControl {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const CHUNK = 1 << 20;
export const ARCHIVE_EXTENSION = 'ldarchive';

/** Errors of the disk being written, not of the archive being read. */
const WRITE_ERRNOS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM']);

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LetterdeskError('cancelled', 'Cancelled');
}

/** Zips `folder` (a verified backup) into `outFile`, written under a temporary name and renamed when whole. */
export async function writeArchive(folder: string, outFile: string, control: TaskControl = {}): Promise<void> {
  const files = [MANIFEST_NAME, ...listFiles(folder)];
  const total = files.reduce((s, f) => s + fs.statSync(path.join(folder, f)).size, 0);
  const temp = `${outFile}.partial`;
  const out = fs.openSync(temp, 'w');
  let failure: Error | null = null;
  let done = 0;
  try {
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else fs.writeSync(out, chunk);
    });
    for (const rel of files) {
      const entry = new ZipDeflate(rel, { level: 6 });
      zip.add(entry);
      const fd = fs.openSync(path.join(folder, rel), 'r');
      try {
        const size = fs.fstatSync(fd).size;
        if (size === 0) entry.push(new Uint8Array(0), true);
        for (let read = 0; read < size; ) {
          const buf = Buffer.allocUnsafe(Math.min(CHUNK, size - read));
          const n = fs.readSync(fd, buf, 0, buf.length, read);
          if (n <= 0) throw new LetterdeskError('io-error', `${rel} ended early`);
          read += n;
          entry.push(buf.subarray(0, n), read >= size);
          done += n;
          if (failure) throw failure;
          control.onProgress?.(done, total);
          checkCancelled(control.signal);
          await yieldToLoop();
        }
      } finally {
        fs.closeSync(fd);
      }
    }
    zip.end();
    if (failure) throw failure;
    fs.fsyncSync(out);
  } catch (err) {
    fs.closeSync(out);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(out);
  fs.renameSync(temp, outFile);
}

/**
 * Unzips `archive` into the empty folder `staging`. The first entry must be the manifest; every
 * later entry must be one of its files, no larger than it says, and all of them must come.
 * Checksums and the database are verified afterwards (backup-store.ts verifyBackupFolder).
 */
export async function readArchive(archive: string, staging: string, control: TaskControl = {}): Promise<void> {
  let total: number;
  try {
    total = fs.statSync(archive).size;
  } catch (err) {
    throw new LetterdeskError('not-found', `Cannot read ${archive}: ${(err as Error).message}`);
  }
  fs.mkdirSync(staging, { recursive: true });
  let failure: unknown = null;
  let manifestText = '';
  let sizes: Map<string, number> | null = null;
  const seen = new Set<string>();
  let open: { fd: number; name: string; written: number } | null = null;
  const fail = (err: unknown) => {
    failure ??= err;
  };
  const unzip = new Unzip((file) => {
    if (failure) return;
    const name = file.name;
    const isManifest = name === MANIFEST_NAME && sizes === null && seen.size === 0;
    if (!isManifest && (sizes === null || !sizes.has(name) || seen.has(name) || !safeRelative(name))) {
      fail(new LetterdeskError('backup-invalid', `Unexpected entry in the archive: ${name.slice(0, 200)}`));
      return;
    }
    seen.add(name);
    if (!isManifest) {
      const target = path.join(staging, ...name.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      open = { fd: fs.openSync(target, 'wx'), name, written: 0 };
    }
    const decoder = new TextDecoder();
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) return fail(new LetterdeskError('backup-invalid', `The archive is damaged: ${err.message}`));
      try {
        if (isManifest) {
          manifestText += decoder.decode(data, { stream: !final });
          if (manifestText.length > 4 << 20) throw new LetterdeskError('backup-invalid', 'The manifest is too large');
          if (final) {
            const m = parseManifest(manifestText);
            sizes = new Map(m.files.map((f) => [f.path, f.size]));
            fs.writeFileSync(path.join(staging, MANIFEST_NAME), manifestText);
          }
          return;
        }
        const o = open!;
        o.written += data.length;
        // No entry may grow past the size its manifest records (a zip bomb stops here).
        if (o.written > sizes!.get(o.name)!) throw new LetterdeskError('backup-invalid', `${o.name} is larger than its manifest says`);
        for (let off = 0; off < data.length; ) off += fs.writeSync(o.fd, data, off, data.length - off);
        if (final) {
          fs.closeSync(o.fd);
          open = null;
        }
      } catch (e) {
        fail(e);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const fd = fs.openSync(archive, 'r');
  try {
    let read = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const n = fs.readSync(fd, buf, 0, CHUNK, read);
      read += n;
      unzip.push(buf.subarray(0, n), n === 0 || read >= total);
      if (failure) throw failure;
      control.onProgress?.(read, total);
      checkCancelled(control.signal);
      if (n === 0 || read >= total) break;
      await yieldToLoop();
    }
  } catch (err) {
    if (err instanceof LetterdeskError) throw err;
    // Writing the staged copy failed (a full disk, a read-only folder): this PC's problem, not the archive's.
    if (WRITE_ERRNOS.has((err as NodeJS.ErrnoException).code ?? '')) throw toLetterdeskError(err, `Cannot unpack the archive into ${path.dirname(staging)}`);
    throw new LetterdeskError('backup-invalid', `The archive cannot be read: ${(err as Error).message}`);
  } finally {
    fs.closeSync(fd);
    const o = open as { fd: number } | null;
    if (o) fs.closeSync(o.fd);
  }
  if (sizes === null) throw new LetterdeskError('backup-invalid', 'The archive has no manifest');
  const missing = [...(sizes as Map<string, number>).keys()].filter((p) => !seen.has(p));
  if (missing.length) throw new LetterdeskError('backup-invalid', `The archive lacks ${missing.slice(0, 3).join(', ')}`);
}

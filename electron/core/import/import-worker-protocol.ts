/**
 * What the import worker (import-worker.ts) and ImportJobs (import-jobs.ts) say to each other,
 * and where the worker's script is. A chosen file is read in a worker thread so that a cancel
 * lands at once even while a large document.xml is being unzipped and parsed in one go
 * (@xmldom/xmldom has no incremental mode): the worker is terminated.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../shared/errors';
import type { ImportStep } from '../../shared/import/import-steps';
import type { ImportResult } from '../../shared/import/import-types';

/** The worker script's file name: build/scripts/build-import-worker.mjs writes it into out/main/. */
export const IMPORT_WORKER_FILE = 'import-worker.cjs';

export interface ImportWorkerData {
  /** Marks a thread started to import (a test runner's own worker threads have other data). */
  letterdeskImport: true;
}

/**
 * One file to import. The worker stays up between imports (warm: its code is compiled and
 * optimised after the first file), so each request and every answer carries the import's id.
 */
export interface ImportWorkerRequest {
  id: number;
  file: string;
}

export type ImportWorkerMessage = { id: number } & (
  | { type: 'step'; step: ImportStep }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; code: ErrorCode; message: string }
);

/**
 * The worker script beside the running bundle: out/main/ for the Electron main process, and
 * out/main/ seen from out/cli/ or out/browser-shell/. In a packaged app it is unpacked from
 * the asar archive (electron-builder.yml asarUnpack). Null when there is none (the sources run
 * by a test runner): the import then runs in this thread, in slices.
 */
export function findImportWorker(bundleDir: string = __dirname): string | null {
  for (const dir of [bundleDir, path.join(bundleDir, '..', 'main')]) {
    const file = path.join(dir, IMPORT_WORKER_FILE);
    const unpacked = file.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
    if (unpacked !== file && fs.existsSync(unpacked)) return unpacked;
    if (fs.existsSync(file)) return file;
  }
  return null;
}

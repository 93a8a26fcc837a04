/**
 * The import worker: reads chosen files (.docx or text), one at a time, in a worker thread and
 * posts each one's progress and result (import-worker-protocol.ts). ImportJobs keeps it for the
 * next file while the clerk works, and terminates it on cancel, so a cancel lands during the
 * unzip or the XML parse too. Bundled on its own into
 * out/main/import-worker.cjs (build/scripts/build-import-worker.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorCode } from '../../shared/errors';
import { importPathSteps } from './import-service';
import type { ImportWorkerData, ImportWorkerMessage, ImportWorkerRequest } from './import-worker-protocol';

/** Progress is posted at most this often (ms): the shell polls a few times a second. */
const STEP_EVERY_MS = 20;

type Answer = ImportWorkerMessage extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

function runImport(file: string, post: (m: Answer) => void): void {
  try {
    const steps = importPathSteps(file);
    let last = 0;
    for (;;) {
      const r = steps.next();
      if (r.done) {
        post({ type: 'done', result: r.value });
        return;
      }
      const now = performance.now();
      if (now - last >= STEP_EVERY_MS) {
        last = now;
        post({ type: 'step', step: r.value });
      }
    }
  } catch (err) {
    post({ type: 'error', code: errorCode(err), message: (err as Error)?.message ?? String(err) });
  }
}

const data = workerData as Partial<ImportWorkerData> | null;
if (parentPort && data?.letterdeskImport === true) {
  const port = parentPort;
  // One import at a time, as ImportJobs sends them; the thread waits for the next.
  port.on('message', (request: Partial<ImportWorkerRequest> | null) => {
    const id = request?.id;
    const file = request?.file;
    if (typeof id !== 'number' || typeof file !== 'string') return;
    runImport(file, (m) => port.postMessage({ ...m, id } as ImportWorkerMessage));
  });
}

/**
 * The import that is running, for the shell to watch and stop (issue #12: long work shows
 * progress and can be cancelled; nothing is saved half-way — an import saves nothing anyway
 * until importCreate). One at a time: the import dialog is modal, and starting another import
 * cancels the one before. Pasted text runs here in slices of about a frame, with the event
 * loop free in between so importProgress and importCancel are answered while it runs. A chosen
 * file runs in a worker thread (import-worker.ts), terminated on cancel: a .docx's unzip and
 * XML parse are one long synchronous call each, which no slice can interrupt. The thread is kept
 * a while for the next file (IMPORT_WORKER_IDLE_MS), without keeping the process alive.
 */
import { Worker } from 'node:worker_threads';
import { LetterdeskError } from '../../shared/errors';
import { IMPORT_PHASES, type ImportProgress, type ImportStep, type ImportSteps } from '../../shared/import/import-steps';
import type { ImportResult } from '../../shared/import/import-types';
import type { ImportWorkerData, ImportWorkerMessage, ImportWorkerRequest } from './import-worker-protocol';

/** Work between two turns of the event loop: short enough that a cancel lands at once. */
const SLICE_MS = 25;

/**
 * An idle import worker is kept this long for the next file (warm: compiled and optimised by the
 * first one, so a second .docx imports several times faster than in a fresh thread), then ended.
 */
export const IMPORT_WORKER_IDLE_MS = 120_000;

interface Running {
  /** Null until the work starts (while the file dialog is open). */
  progress: ImportProgress | null;
  cancelled: boolean;
  /** Stops a worker at once (set while one runs). */
  stop?: () => void;
}

/** A file to read in the worker script `worker`. */
export interface WorkerImport {
  worker: string;
  file: string;
}

const progressOf = (step: ImportStep): ImportProgress => ({ ...step, phaseIndex: IMPORT_PHASES.indexOf(step.phase), phases: IMPORT_PHASES.length });
const stopped = () => new LetterdeskError('cancelled', 'The import was cancelled; nothing was saved');

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface WarmWorker {
  worker: Worker;
  script: string;
  idle?: ReturnType<typeof setTimeout>;
}

export class ImportJobs {
  private current: Running | null = null;
  private warm: WarmWorker | null = null;
  private nextId = 1;
  /** Worker threads started so far (a warm one is reused; tests and the bench read this). */
  workersStarted = 0;

  constructor(private readonly idleMs = IMPORT_WORKER_IDLE_MS) {}

  progress(): ImportProgress | null {
    return this.current?.progress ? { ...this.current.progress } : null;
  }

  cancel(): void {
    if (!this.current) return;
    this.current.cancelled = true;
    this.current.stop?.();
  }

  /**
   * Runs an import. `start` may first wait for something (the file dialog): a cancel that comes
   * meanwhile still stops it. Null when `start` gives nothing to do (the dialog was cancelled).
   */
  async run<T>(start: () => ImportSteps<T> | null | Promise<ImportSteps<T> | null>): Promise<T | null> {
    this.cancel();
    const job: Running = { progress: null, cancelled: false };
    this.current = job;
    try {
      const steps = await start();
      if (!steps) return null;
      if (job.cancelled) throw stopped();
      job.progress = { phase: 'read', done: 0, total: 0, phaseIndex: 0, phases: IMPORT_PHASES.length };
      let sliceStart = performance.now();
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
        job.progress = progressOf(r.value);
        if (performance.now() - sliceStart >= SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
        if (job.cancelled) {
          steps.return(undefined as T);
          throw stopped();
        }
      }
    } finally {
      if (this.current === job) this.current = null;
    }
  }

  /**
   * Runs a file import in the worker thread (started for it, or the one kept from the last
   * file). `start` may first wait (the file dialog); a cancel then or later terminates the worker
   * and fails the import with `cancelled` at once.
   */
  async runWorker(start: () => WorkerImport | null | Promise<WorkerImport | null>): Promise<ImportResult | null> {
    this.cancel();
    const job: Running = { progress: null, cancelled: false };
    this.current = job;
    try {
      const task = await start();
      if (!task) return null;
      if (job.cancelled) throw stopped();
      job.progress = progressOf({ phase: 'read', done: 0, total: 0 });
      const id = this.nextId++;
      const worker = this.workerFor(task.worker);
      return await new Promise<ImportResult>((resolve, reject) => {
        let settled = false;
        /** `keep`: the worker answered and may take the next file; otherwise it is ended. */
        const finish = (settle: () => void, keep: boolean) => {
          if (settled) return;
          settled = true;
          job.stop = undefined;
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          if (keep) this.keepIdle(worker);
          else this.endWorker(worker);
          settle();
        };
        const onMessage = (m: ImportWorkerMessage) => {
          if (m.id !== id) return;
          if (m.type === 'step') {
            if (!settled) job.progress = progressOf(m.step);
          } else if (m.type === 'done') finish(() => resolve(m.result), true);
          else finish(() => reject(new LetterdeskError(m.code, m.message)), true);
        };
        const onError = (err: Error) => finish(() => reject(new LetterdeskError('internal', `The import failed: ${err.message}`)), false);
        const onExit = (code: number) => finish(() => reject(new LetterdeskError('internal', `The import stopped unexpectedly (exit code ${code})`)), false);
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        job.stop = () => finish(() => reject(stopped()), false);
        const request: ImportWorkerRequest = { id, file: task.file };
        worker.postMessage(request);
      });
    } finally {
      if (this.current === job) this.current = null;
    }
  }

  /** Ends the kept worker. */
  private endWarm(): void {
    if (this.warm) this.endWorker(this.warm.worker);
  }

  /** The kept worker for `script`, or a new one; it keeps the process alive only while it works. */
  private workerFor(script: string): Worker {
    if (this.warm && this.warm.script === script) {
      clearTimeout(this.warm.idle);
      this.warm.worker.ref();
      return this.warm.worker;
    }
    this.endWarm();
    const data: ImportWorkerData = { letterdeskImport: true };
    const worker = new Worker(script, { workerData: data });
    this.workersStarted++;
    const warm: WarmWorker = { worker, script };
    this.warm = warm;
    worker.on('exit', () => {
      if (this.warm === warm) this.warm = null;
    });
    // An 'error' with no import running must not throw in this process; the thread is gone.
    worker.on('error', () => {
      if (this.warm === warm) this.warm = null;
    });
    return worker;
  }

  private keepIdle(worker: Worker): void {
    const warm = this.warm;
    if (!warm || warm.worker !== worker) return void worker.terminate();
    worker.unref();
    clearTimeout(warm.idle);
    warm.idle = setTimeout(() => this.endWorker(worker), this.idleMs);
    warm.idle.unref();
  }

  private endWorker(worker: Worker): void {
    if (this.warm?.worker === worker) {
      clearTimeout(this.warm.idle);
      this.warm = null;
    }
    void worker.terminate();
  }
}

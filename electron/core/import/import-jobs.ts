/**
 * The import that is running, for the shell to watch and stop (issue #12: long work shows
 * progress and can be cancelled; nothing is saved half-way — an import saves nothing anyway
 * until importCreate). One at a time: the import dialog is modal, and starting another import
 * cancels the one before. The work runs in slices of about a frame, with the event loop free
 * in between so importProgress and importCancel are answered while it runs.
 */
import { LetterdeskError } from '../../shared/errors';
import { IMPORT_PHASES, type ImportProgress, type ImportSteps } from '../../shared/import/import-steps';

/** Work between two turns of the event loop: short enough that a cancel lands at once. */
const SLICE_MS = 25;

interface Running {
  /** Null until the work starts (while the file dialog is open). */
  progress: ImportProgress | null;
  cancelled: boolean;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ImportJobs {
  private current: Running | null = null;

  progress(): ImportProgress | null {
    return this.current?.progress ? { ...this.current.progress } : null;
  }

  cancel(): void {
    if (this.current) this.current.cancelled = true;
  }

  /**
   * Runs an import. `start` may first wait for something (the file dialog): a cancel that comes
   * meanwhile still stops it. Null when `start` gives nothing to do (the dialog was cancelled).
   */
  async run<T>(start: () => ImportSteps<T> | null | Promise<ImportSteps<T> | null>): Promise<T | null> {
    this.cancel();
    const job: Running = { progress: null, cancelled: false };
    this.current = job;
    const stopped = () => new LetterdeskError('cancelled', 'The import was cancelled; nothing was saved');
    try {
      const steps = await start();
      if (!steps) return null;
      if (job.cancelled) throw stopped();
      job.progress = { phase: 'read', done: 0, total: 0, phaseIndex: 0, phases: IMPORT_PHASES.length };
      let sliceStart = performance.now();
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
        job.progress = { ...r.value, phaseIndex: IMPORT_PHASES.indexOf(r.value.phase), phases: IMPORT_PHASES.length };
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
}

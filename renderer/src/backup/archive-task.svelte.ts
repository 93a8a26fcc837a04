/**
 * An archive export or import as the renderer follows it: started by one call, polled until it
 * ends, cancellable until the database is being replaced (issue 11).
 */
import type { BackupJob } from '../../../electron/shared/backup';
import { LetterdeskError, isErrorCode } from '../../../electron/shared/errors';
import { getApi } from '../lib/api';

export function createArchiveTask() {
  const state = $state<{ job: BackupJob | null }>({ job: null });
  return {
    get job() {
      return state.job;
    },
    get running() {
      return state.job?.state === 'running';
    },
    /** Runs a started job to its end; resolves with the finished job (null when the dialog was cancelled). */
    async run(start: () => Promise<BackupJob | null>): Promise<BackupJob | null> {
      let job = await start();
      state.job = job;
      while (job && job.state === 'running') {
        await new Promise((r) => setTimeout(r, 150));
        job = await getApi().backupsJobGet({ id: job.id });
        state.job = job;
      }
      if (job && job.state === 'failed') {
        const code = job.error?.code;
        throw new LetterdeskError(isErrorCode(code) ? code : 'internal', job.error?.message ?? 'failed');
      }
      return job;
    },
    async cancel(): Promise<void> {
      if (state.job?.state === 'running') state.job = await getApi().backupsJobCancel({ id: state.job.id });
    },
  };
}

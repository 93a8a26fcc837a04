/**
 * Work on the register's selection (issue #15): export into a folder (a job in core, polled),
 * print and archive (one call per letter from here). Each shows progress as n of m, stops on
 * 取消 before the next letter, and ends with a summary of what was done and what was skipped
 * and why. Files are written whole by core, so a cancel never leaves half a file.
 */
import type { RegisterRow } from '../../../electron/shared/register';
import type { BatchSkipCode, ExportBatchJob } from '../../../electron/shared/letters-batch';
import { canDo } from '../../../electron/shared/signatures';
import type { LetterStatus } from '../../../electron/shared/domain';
import { errorCode } from '../../../electron/shared/errors';
import { getApi } from '../lib/api';

export type BatchKind = 'export' | 'print' | 'archive';

/** Why a letter was left out: an error code, a choice, or a status that does not allow the action. */
export type SkipReason = { code: BatchSkipCode } | { status: LetterStatus } | { code: 'print-cancelled' };

export interface BatchOutcome {
  id: number;
  title: string;
  /** The file written (export). */
  file?: string;
}

export interface BatchSkip {
  id: number;
  title: string;
  reason: SkipReason;
}

/** How often the export job is asked for its progress. */
const POLL_MS = 120;

export class BatchRun {
  kind = $state<BatchKind>('export');
  state = $state<'running' | 'confirm' | 'finished'>('running');
  total = $state(0);
  done = $state(0);
  current = $state<string | null>(null);
  /** The file that exists already (export waits for the answer). */
  conflict = $state<{ title: string; file: string } | null>(null);
  cancelled = $state(false);
  written = $state<BatchOutcome[]>([]);
  skipped = $state<BatchSkip[]>([]);
  folder = $state('');
  #job: number | null = null;
  #stop = false;

  constructor(kind: BatchKind) {
    this.kind = kind;
  }

  cancel(): void {
    this.#stop = true;
    this.cancelled = true;
    if (this.#job !== null) void getApi().lettersBatchCancel({ id: this.#job }).then((job) => this.#take(job));
  }

  /** The answer about an existing file. */
  async resolve(replace: boolean, all: boolean): Promise<void> {
    if (this.#job === null) return;
    this.#take(await getApi().lettersBatchResolve({ id: this.#job, replace, all }));
  }

  #take(job: ExportBatchJob): void {
    this.total = job.total;
    this.done = job.done;
    this.folder = job.folder;
    this.current = job.current?.title ?? null;
    this.conflict = job.conflict && { title: job.conflict.title, file: job.conflict.file };
    this.written = job.written.map((w) => ({ id: w.id, title: w.title, file: w.file }));
    this.skipped = job.skipped.map((s) => ({ id: s.id, title: s.title, reason: { code: s.code } }));
    this.cancelled = job.state === 'cancelled' || this.cancelled;
    this.state = job.state === 'confirm' ? 'confirm' : job.state === 'running' ? 'running' : 'finished';
  }

  /** Asks for the folder in core; false when the clerk cancelled the folder dialog. */
  async startExport(ids: number[], format: 'docx' | 'pdf', draft: boolean): Promise<boolean> {
    this.total = ids.length;
    const job = await getApi().lettersExportBatch({ ids, format, ...(draft && { draft: true }) });
    if (!job) return false;
    this.#job = job.id;
    this.#take(job);
    void this.#poll(job.id);
    return true;
  }

  async #poll(id: number): Promise<void> {
    while (this.state !== 'finished') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      this.#take(await getApi().lettersBatchGet({ id }));
    }
  }

  /** One letter at a time; each call is whole in core. */
  async #each(rows: RegisterRow[], work: (row: RegisterRow) => Promise<SkipReason | null>): Promise<void> {
    this.total = rows.length;
    for (const [i, row] of rows.entries()) {
      if (this.#stop) {
        for (const rest of rows.slice(i)) this.skipped = [...this.skipped, { id: rest.id, title: rest.title, reason: { code: 'cancelled' } }];
        break;
      }
      this.current = row.title;
      let reason: SkipReason | null;
      try {
        reason = await work(row);
      } catch (err) {
        reason = { code: errorCode(err) };
      }
      if (reason) this.skipped = [...this.skipped, { id: row.id, title: row.title, reason }];
      else this.written = [...this.written, { id: row.id, title: row.title }];
      this.done = i + 1;
    }
    this.current = null;
    this.state = 'finished';
  }

  print(rows: RegisterRow[]): Promise<void> {
    return this.#each(rows, async (row) => ((await getApi().lettersPrint({ id: row.id })).printed ? null : { code: 'print-cancelled' }));
  }

  /** Only signed letters can be archived (the lifecycle's rule); the others are skipped with their status. */
  archive(rows: RegisterRow[]): Promise<void> {
    return this.#each(rows, async (row) => {
      if (!canDo('archive', row.status)) return { status: row.status };
      await getApi().signArchive({ id: row.id });
      return null;
    });
  }
}

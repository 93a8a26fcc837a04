/**
 * Exporting a selection of letters into one folder (issue #15). The folder comes from the
 * shell's dialog, never from the caller. The job runs in the background, one letter at a
 * time, each through the same export as a single letter (a version per export, the draft
 * rule, an atomic write): a file is whole or absent, never half-written. The renderer polls
 * the job for its progress; a cancel stops before the next letter. A file that exists
 * already is never replaced without asking: the job waits in `confirm` for the answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportBatchJob, BatchConflictAnswer } from '../shared/letters-batch';
import { LetterdeskError, errorCode } from '../shared/errors';
import type { PageStyle } from '../shared/letter-content';
import { defaultExportFileName } from './export/meta';
import { exportLetter, type LetterExportDeps } from './export/letter-export';

export interface ExportBatchRequest {
  ids: number[];
  format: 'docx' | 'pdf';
  style?: PageStyle;
  /** Letters with required fields still empty are exported marked 草稿 instead of skipped. */
  draft?: boolean;
}

/** Finished jobs kept for polling; older ones are forgotten. */
const KEEP_FINISHED = 20;

/**
 * File names for the letters, in order: 编号_标题.ext, made unique within the batch
 * (两份同名函件 → 标题.docx, 标题 (2).docx). Case-insensitive, as on Windows.
 */
export function batchFileNames(letters: { number: string | null; title: string }[], format: 'docx' | 'pdf'): string[] {
  const taken = new Set<string>();
  return letters.map((l) => {
    const name = defaultExportFileName({ letterNumber: l.number, title: l.title, versionLabel: null }, format);
    const stem = name.slice(0, -(format.length + 1));
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n}).${format}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

interface RunningJob {
  job: ExportBatchJob;
  cancelled: boolean;
  /** Set while the job waits for the answer about an existing file. */
  answer: ((a: BatchConflictAnswer | null) => void) | null;
  /** The answer for every further existing file, once the clerk said "all". */
  policy: boolean | null;
}

export function createExportBatches(deps: LetterExportDeps & { chooseFolder: (defaultPath: string) => Promise<string | null> }) {
  const jobs = new Map<number, RunningJob>();
  let nextId = 1;

  function titleOf(id: number): string {
    try {
      return deps.letters.get(id).title;
    } catch {
      return `#${id}`; // gone since the selection was made: its export says why
    }
  }

  function snapshot(r: RunningJob): ExportBatchJob {
    const j = r.job;
    return { ...j, current: j.current && { ...j.current }, conflict: j.conflict && { ...j.conflict }, written: [...j.written], skipped: [...j.skipped] };
  }

  function running(id: number): RunningJob {
    const r = jobs.get(id);
    if (!r) throw new LetterdeskError('not-found', `No export job ${id}`);
    return r;
  }

  function forgetOld(): void {
    const finished = [...jobs.values()].filter((r) => !['running', 'confirm'].includes(r.job.state));
    for (const r of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(r.job.id);
  }

  async function run(r: RunningJob, req: ExportBatchRequest, names: string[]): Promise<void> {
    const { job } = r;
    let i = 0;
    for (; i < req.ids.length; i++) {
      const id = req.ids[i]!;
      const file = names[i]!;
      if (r.cancelled) break;
      const title = titleOf(id);
      job.current = { id, title };
      const target = path.join(job.folder, file);
      if (fs.existsSync(target)) {
        let replace = r.policy;
        if (replace === null) {
          job.state = 'confirm';
          job.conflict = { id, title, file };
          const answer = await new Promise<BatchConflictAnswer | null>((resolve) => (r.answer = resolve));
          r.answer = null;
          job.conflict = null;
          if (answer === null) {
            r.cancelled = true;
            break;
          }
          job.state = 'running';
          replace = answer.replace;
          if (answer.all) r.policy = answer.replace;
        }
        if (!replace) {
          job.skipped.push({ id, title, code: 'exists' });
          job.done++;
          continue;
        }
      }
      try {
        // The dialogs port answers with the planned file: the folder was chosen once for all.
        const result = await exportLetter(
          { ...deps, dialogs: { saveFile: async () => target, openFile: async () => null } },
          { id, format: req.format, ...(req.style && { style: req.style }), ...(req.draft && { draft: true }) },
        );
        if (result.path) job.written.push({ id, title, file: path.basename(result.path) });
      } catch (err) {
        job.skipped.push({ id, title, code: errorCode(err) });
      }
      job.done++;
    }
    job.current = null;
    // What a cancel left undone is listed too, so the summary accounts for every letter.
    for (; r.cancelled && i < req.ids.length; i++) job.skipped.push({ id: req.ids[i]!, title: titleOf(req.ids[i]!), code: 'cancelled' });
    job.state = r.cancelled ? 'cancelled' : 'done';
  }

  return {
    /** Asks for the folder; null when the clerk cancels the dialog. Then exports in the background. */
    async start(req: ExportBatchRequest): Promise<ExportBatchJob | null> {
      for (const id of req.ids) deps.letters.get(id); // an unknown id is refused before anything is asked
      const folder = await deps.chooseFolder(deps.settings().lastExportDir);
      if (!folder) return null;
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new LetterdeskError('io-error', `${folder} is not a folder`);
      const names = batchFileNames(
        req.ids.map((id) => deps.letters.get(id)),
        req.format,
      );
      const job: ExportBatchJob = {
        id: nextId++,
        state: 'running',
        format: req.format,
        folder,
        total: req.ids.length,
        done: 0,
        current: null,
        conflict: null,
        written: [],
        skipped: [],
      };
      const r: RunningJob = { job, cancelled: false, answer: null, policy: null };
      jobs.set(job.id, r);
      forgetOld();
      void run(r, req, names).catch((err: unknown) => {
        job.state = 'failed';
        job.current = null;
        job.skipped.push({ id: 0, title: '', code: errorCode(err) });
      });
      return snapshot(r);
    },
    get(id: number): ExportBatchJob {
      return snapshot(running(id));
    },
    /** Stops before the next letter; the file being written is finished whole. */
    cancel(id: number): ExportBatchJob {
      const r = running(id);
      r.cancelled = true;
      r.answer?.(null);
      return snapshot(r);
    },
    /** The answer about the existing file the job waits on. */
    resolve(id: number, answer: BatchConflictAnswer): ExportBatchJob {
      const r = running(id);
      if (r.job.state !== 'confirm' || !r.answer) throw new LetterdeskError('illegal-transition', `Export job ${id} is not waiting for an answer`);
      r.answer(answer);
      return snapshot(r);
    },
  };
}

export type ExportBatches = ReturnType<typeof createExportBatches>;

/**
 * Work on a selection of letters (issue #15): the job that exports several letters into one
 * folder, and the recent-letters list. Pure types; no I/O.
 */
import type { ErrorCode } from './errors';
import type { LetterStatus } from './domain';

/** Why a letter of a selection was left out: an error code of its own export, or a choice. */
export type BatchSkipCode = ErrorCode | 'exists' | 'cancelled';

export interface BatchItem {
  id: number;
  title: string;
}

export interface BatchSkipped extends BatchItem {
  code: BatchSkipCode;
}

export interface BatchWritten extends BatchItem {
  /** The file's name inside the folder. */
  file: string;
}

/**
 * An export of a selection into a folder. `confirm`: the next file already exists and the
 * clerk must say whether to replace it; `cancelled`: stopped on request, after the file in
 * hand (files are written whole, never in part).
 */
export interface ExportBatchJob {
  id: number;
  state: 'running' | 'confirm' | 'done' | 'cancelled' | 'failed';
  format: 'docx' | 'pdf';
  folder: string;
  total: number;
  /** Letters dealt with so far (written or skipped). */
  done: number;
  /** The letter being exported now. */
  current: BatchItem | null;
  /** Set in state `confirm`: the file that exists already. */
  conflict: { id: number; title: string; file: string } | null;
  written: BatchWritten[];
  skipped: BatchSkipped[];
}

/** What to do with a file that exists already; `all` applies the choice to the rest of the job. */
export interface BatchConflictAnswer {
  replace: boolean;
  all?: boolean;
}

/** A recently opened letter (最近打开), newest first. */
export interface RecentLetter {
  id: number;
  title: string;
  number: string | null;
  status: LetterStatus;
  openedAt: string;
}

/** How many letters 最近打开 keeps. */
export const RECENT_MAX = 10;

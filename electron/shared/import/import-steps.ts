/**
 * Long imports report progress and can be cancelled (issue #12, "long work shows progress and
 * can be cancelled"). The structuring is pure and synchronous; its long loops are generators
 * that yield a step now and then. `drain` runs one to its end at once (tests, the CLI); core
 * runs one a slice at a time, letting the shell ask for progress or cancel in between.
 */
export type ImportPhase = 'read' | 'blanks' | 'structure' | 'fields';

export interface ImportStep {
  phase: ImportPhase;
  /** Work done and to do in this phase, in its own units (characters, paragraphs, blocks). */
  done: number;
  total: number;
}

export type ImportSteps<T> = Generator<ImportStep, T, void>;

export function drain<T>(steps: ImportSteps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** What the shell shows while an import runs. */
export interface ImportProgress extends ImportStep {
  /** The phases in order and which one this is, for an overall bar. */
  phaseIndex: number;
  phases: number;
}

export const IMPORT_PHASES: readonly ImportPhase[] = ['read', 'blanks', 'structure', 'fields'];

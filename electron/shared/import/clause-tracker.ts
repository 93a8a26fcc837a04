/**
 * Sequence continuity for clause markers: which lists are open (a stack, outermost first),
 * what number each expects next, and so which level a marker is at. A marker that neither
 * continues an open list nor starts a new one (at 1) is not a marker but part of a sentence.
 */
import { MAX_CLAUSE_LEVEL, type NumberingScheme } from '../numbering';
import { KIND_RANK, KIND_SCHEME, type MarkerReading } from './clause-markers';

interface ListEntry {
  key: string;
  rank: number;
  value: number;
  /** The numbers of this list and the outline lists it nests in (2.3 → [2,3]). */
  chain: number[];
  scheme: NumberingScheme;
}

export interface Fit {
  mode: 'continue' | 'start';
  depth: number;
  /** The outline parent (a `1.` list) this starts under, to be printed as an outline. */
  parent?: number;
}

function keyOf(r: MarkerReading): string {
  return r.kind === 'outline' ? `outline:${r.segs!.length}` : r.kind;
}

function sameChain(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export class ClauseTracker {
  private stack: ListEntry[] = [];
  /** Every list ever opened; a clause keeps its list so a later `1.1` can make `1.` an outline. */
  readonly lists: ListEntry[] = [];
  /** Articles (第N条) count through the whole letter, across chapters (numbering.ts). */
  private articles = 0;

  /**
   * How the reading fits the open lists, or null when it does not (then it is no marker).
   * `lenient`: for a marker that must be one (fitLenient), skip the refusals that only tell
   * a marker from text.
   */
  fit(r: MarkerReading, lenient = false): Fit | null {
    const key = keyOf(r);
    for (let d = this.stack.length - 1; d >= 0; d--) {
      const e = this.stack[d]!;
      if (e.key !== key) continue;
      if (r.kind === 'outline') {
        const prefix = r.segs!.slice(0, -1);
        if (!sameChain(prefix, e.chain.slice(0, -1))) continue;
      }
      return r.value === e.value + 1 ? { mode: 'continue', depth: d } : null;
    }
    if (r.value !== 1 && !(r.kind === 'article' && r.value === this.articles + 1)) return null;
    if (r.kind === 'outline') {
      const prefix = r.segs!.slice(0, -1);
      for (let d = this.stack.length - 1; d >= 0; d--) {
        const e = this.stack[d]!;
        const parentKey = prefix.length === 1 ? 'decimal' : `outline:${prefix.length}`;
        if ((e.key === parentKey || e.key === `outline:${prefix.length}`) && sameChain(e.chain, prefix)) return { mode: 'start', depth: d + 1, parent: d };
      }
      // 2.3.1 inside clause 2. of a letter that has no 2.3: a level is missing, so it is a number
      // typed in the clause's text (cut as a clause it would print as 1. and end the list of 2.).
      const skipsALevel = this.stack.some(
        (e) => (e.key === 'decimal' || e.key.startsWith('outline:')) && e.chain.length < prefix.length && sameChain(e.chain, prefix.slice(0, e.chain.length)),
      );
      if (!lenient && prefix.length >= 2 && skipsALevel) return null;
    }
    let depth = this.stack.length;
    while (depth > 0 && this.stack[depth - 1]!.rank >= KIND_RANK[r.kind]) depth--;
    return { mode: 'start', depth };
  }

  /**
   * A list that starts again at 1 (`1.…2.…` text `1.…`, no parent clause between): the open
   * list of the reading's kind it restarts, or null. Only for a `1` after a sentence's end
   * (the caller checks), and never for 第N条 or outline numbers, which count on by their nature.
   */
  fitRestart(r: MarkerReading): Fit | null {
    if (r.value !== 1 || r.kind === 'outline' || r.kind === 'article' || r.kind === 'chapter') return null;
    const key = keyOf(r);
    const top = this.stack[this.stack.length - 1];
    // The restarted list must be the innermost one open: a deeper list between would make it a parent.
    if (!top || top.key !== key || top.value < 2) return null;
    return { mode: 'continue', depth: this.stack.length - 1 };
  }

  /**
   * Where a marker that must be one goes (a line that starts with it, a Word list): the fitting
   * place, else the open list of its kind, else a new list.
   */
  fitLenient(r: MarkerReading): Fit {
    const fit = this.fit(r, true);
    if (fit) return fit;
    const key = keyOf(r);
    for (let d = this.stack.length - 1; d >= 0; d--) if (this.stack[d]!.key === key) return { mode: 'continue', depth: d };
    return this.fit({ ...r, value: 1, segs: r.segs && [...r.segs.slice(0, -1), 1] }, true) ?? { mode: 'start', depth: this.stack.length };
  }

  /** Takes the reading as a marker; returns its list (an index into `lists`) and level. */
  accept(r: MarkerReading, fit: Fit): { list: number; level: number } {
    if (r.kind === 'article') this.articles = r.value;
    if (fit.mode === 'continue') {
      const e = this.stack[fit.depth]!;
      this.stack.length = fit.depth + 1;
      e.value = r.value;
      e.chain = r.kind === 'outline' ? [...r.segs!] : [...e.chain.slice(0, -1), r.value];
      return { list: this.lists.indexOf(e), level: Math.min(fit.depth, MAX_CLAUSE_LEVEL) };
    }
    this.stack.length = fit.depth;
    if (fit.parent !== undefined) this.stack[fit.parent]!.scheme = 'outline';
    const e: ListEntry = {
      key: keyOf(r),
      rank: KIND_RANK[r.kind],
      value: r.value,
      chain: r.kind === 'outline' ? [...r.segs!] : [r.value],
      scheme: KIND_SCHEME[r.kind],
    };
    this.stack.push(e);
    this.lists.push(e);
    return { list: this.lists.length - 1, level: Math.min(fit.depth, MAX_CLAUSE_LEVEL) };
  }

  schemeOf(list: number): NumberingScheme {
    return this.lists[list]!.scheme;
  }
}

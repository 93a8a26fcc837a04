/**
 * Character-level and block-level diffs on top of diff-match-patch. Chinese has no spaces,
 * so the unit is the character; diff_cleanupSemantic then merges the noise of scattered
 * one-character coincidences into readable replacements.
 */
import DiffMatchPatch from 'diff-match-patch';

import type { SegmentOp, TextSegment } from '../../shared/versions';

export type { SegmentOp, TextSegment };

const DIFF_DELETE = -1;
const DIFF_INSERT = 1;

const dmp = new DiffMatchPatch();
// A bounded worst case: after one second diff-match-patch returns a coarser but valid diff.
dmp.Diff_Timeout = 1;

function opOf(code: number): SegmentOp {
  return code === DIFF_INSERT ? 'insert' : code === DIFF_DELETE ? 'delete' : 'equal';
}

/** Readable character diff of two texts. */
export function diffText(a: string, b: string): TextSegment[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const diffs = dmp.diff_main(a, b);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.filter(([, text]) => text !== '').map(([code, text]) => ({ op: opOf(code), text }));
}

/** 0…1: how much of the longer text survives into the other (1 − edit distance / length). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const diffs = dmp.diff_main(a, b, false);
  return 1 - dmp.diff_levenshtein(diffs) / longest;
}

/**
 * Aligns two sequences of keys with the line-mode trick of diff-match-patch: one UTF-16 code
 * unit per distinct key, so equal blocks are found by the same algorithm. Returns runs of
 * [op, count]. Past 65,535 distinct keys (no real letter) it reports a whole replacement.
 */
export function diffSequences(a: readonly string[], b: readonly string[]): [SegmentOp, number][] {
  const codes = new Map<string, string>();
  const encode = (keys: readonly string[]) => {
    let out = '';
    for (const k of keys) {
      let c = codes.get(k);
      if (c === undefined) {
        c = String.fromCharCode(codes.size + 1);
        codes.set(k, c);
      }
      out += c;
    }
    return out;
  };
  const textA = encode(a);
  const textB = encode(b);
  if (codes.size > 0xfffe) {
    return [
      ['delete', a.length],
      ['insert', b.length],
    ].filter(([, n]) => n) as [SegmentOp, number][];
  }
  // Code units, not code points: each key is exactly one unit, even where it is a surrogate.
  return dmp.diff_main(textA, textB, false).map(([code, text]) => [opOf(code), text.length]);
}

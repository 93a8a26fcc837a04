/**
 * Compares two versions of a letter (issue #4): blocks aligned by their text (clause numbers
 * aside, so an inserted clause is one inserted block and not a cascade of renumbered ones),
 * a character diff inside each changed block, and the field table. Pure and JSON-serialisable:
 * the result crosses IPC to the compare view.
 */
import type { LetterContent } from '../../shared/letter-content';
import type { BlockDiff, BlockSide, ContentDiff, DiffStats, FieldChange, TextSegment } from '../../shared/versions';
import { blockTexts, charCount, type BlockText } from './block-texts';
import { fieldChanges } from './field-changes';
import { diffSequences, diffText, similarity } from './text-diff';

export type { BlockDiff, BlockSide, ContentDiff, DiffStats, FieldChange, TextSegment };

/** Below this similarity a deleted and an inserted block are shown as two, not as one edit. */
const MIN_PAIR_SIMILARITY = 0.4;
/** Pairing inside one run of deletions and insertions is quadratic; past this, no pairing. */
const MAX_PAIR_CANDIDATES = 2500;

function changeOf(before: BlockText, after: BlockText): BlockDiff {
  const same = before.key === after.key;
  return { op: same ? 'equal' : 'change', before: before.side, after: after.side, segments: diffText(before.text, after.text) };
}

const deleted = (b: BlockText): BlockDiff => ({ op: 'delete', before: b.side, after: null, segments: b.text ? [{ op: 'delete', text: b.text }] : [] });
const inserted = (b: BlockText): BlockDiff => ({ op: 'insert', before: null, after: b.side, segments: b.text ? [{ op: 'insert', text: b.text }] : [] });

/**
 * How much two blocks look like one edited block. A short heading that gained or lost words
 * ('定义' → '定义（修订）') is an edit even when most of the longer text is new.
 */
function pairScore(a: string, b: string): number {
  const s = similarity(a, b);
  const contained = a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
  return contained ? Math.max(s, MIN_PAIR_SIMILARITY) : s;
}

/**
 * Within a run of removed blocks and added blocks, pairs the ones that are edits of each
 * other: an order-keeping alignment that maximises total similarity (small DP).
 */
function pairRun(dels: BlockText[], inss: BlockText[]): BlockDiff[] {
  const m = dels.length;
  const n = inss.length;
  if (m === 0 || n === 0 || m * n > MAX_PAIR_CANDIDATES) return [...dels.map(deleted), ...inss.map(inserted)];
  const sim = dels.map((d) => inss.map((i) => pairScore(d.text, i.text)));
  // best[i][j]: best total for dels[i..] and inss[j..]
  const best = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const s = sim[i]![j]!;
      const pair = s >= MIN_PAIR_SIMILARITY ? s + best[i + 1]![j + 1]! : -1;
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const out: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  const pendingDel: BlockText[] = [];
  const pendingIns: BlockText[] = [];
  const flush = () => {
    out.push(...pendingDel.splice(0).map(deleted), ...pendingIns.splice(0).map(inserted));
  };
  while (i < m && j < n) {
    const s = sim[i]![j]!;
    if (s >= MIN_PAIR_SIMILARITY && best[i]![j] === s + best[i + 1]![j + 1]!) {
      flush();
      out.push(changeOf(dels[i]!, inss[j]!));
      i++;
      j++;
    } else if (best[i]![j] === best[i + 1]![j]) pendingDel.push(dels[i++]!);
    else pendingIns.push(inss[j++]!);
  }
  pendingDel.push(...dels.slice(i));
  pendingIns.push(...inss.slice(j));
  flush();
  return out;
}

/** Aligns the blocks of two versions; equal blocks are matched by text, never by number. */
export function diffBlocks(a: BlockText[], b: BlockText[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  let ia = 0;
  let ib = 0;
  let dels: BlockText[] = [];
  let inss: BlockText[] = [];
  const flushRun = () => {
    out.push(...pairRun(dels, inss));
    dels = [];
    inss = [];
  };
  for (const [op, count] of diffSequences(a.map((x) => x.key), b.map((x) => x.key))) {
    if (op === 'delete') dels.push(...a.slice(ia, (ia += count)));
    else if (op === 'insert') inss.push(...b.slice(ib, (ib += count)));
    else {
      flushRun();
      for (let k = 0; k < count; k++) out.push(changeOf(a[ia++]!, b[ib++]!));
    }
  }
  flushRun();
  return out;
}

export function diffStats(blocks: BlockDiff[], fields: FieldChange[]): DiffStats {
  const stats: DiffStats = { added: 0, removed: 0, changedBlocks: 0, renumbered: 0, fieldsChanged: fields.length };
  for (const block of blocks) {
    if (block.op !== 'equal') stats.changedBlocks++;
    if (block.before?.number != null && block.after?.number != null && block.before.number !== block.after.number) stats.renumbered++;
    for (const s of block.segments) {
      if (s.op === 'insert') stats.added += charCount(s.text);
      else if (s.op === 'delete') stats.removed += charCount(s.text);
    }
  }
  return stats;
}

/** Everything that changed from `a` (older) to `b` (newer). */
export function diffContents(a: LetterContent, b: LetterContent): ContentDiff {
  const blocks = diffBlocks(blockTexts(a), blockTexts(b));
  const fields = fieldChanges(a, b);
  return {
    blocks,
    fields,
    pageStyle: a.pageStyle === b.pageStyle ? null : { before: a.pageStyle, after: b.pageStyle },
    stats: diffStats(blocks, fields),
  };
}

/** Characters added and removed from `a` to `b` (what the timeline shows per version). */
export function changeSize(a: LetterContent | null, b: LetterContent): { added: number; removed: number } {
  if (!a) {
    const added = blockTexts(b).reduce((n, block) => n + charCount(block.text), 0);
    return { added, removed: 0 };
  }
  const blocks = diffBlocks(blockTexts(a), blockTexts(b));
  const { added, removed } = diffStats(blocks, []);
  return { added, removed };
}

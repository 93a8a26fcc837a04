/**
 * A letter's blocks as comparable text, clause numbers kept aside. Numbers are computed from
 * position (letter-model.ts), so comparing them would report every later clause as changed
 * when one clause is inserted near the top; the diff compares the text only (issue #4).
 */
import type { LetterContent } from '../../shared/letter-content';
import { letterBlocks, letterPlainText, type Block } from '../../shared/letter-model';
import type { BlockKind, BlockSide } from '../../shared/versions';

export type { BlockKind, BlockSide };

export interface BlockText {
  side: BlockSide;
  text: string;
  /** Identity for block alignment: kind, scheme, level, a restart of the numbering and text — never the number. */
  key: string;
}

/** Printed text of one block without its clause number; blanks as `_`, tables row by row. */
function textOf(block: Block): string {
  return letterPlainText([block.type === 'clause' ? { ...block, number: '' } : block]);
}

/** Longest heading shown for an enclosing clause in a path. */
const PATH_HEADING_MAX = 12;

/**
 * How an enclosing clause is named in a path: its number and the start of its text up to the
 * first sentence punctuation ('二、服务范围：承诺方…' → '二、服务范围'), cut at PATH_HEADING_MAX
 * characters with '…'.
 */
export function clauseHeading(number: string, text: string): string {
  const head = text.trim().split(/[：:，,。；;！!？?\n]/u)[0]!.trim();
  const chars = [...head];
  return number + (chars.length > PATH_HEADING_MAX ? `${chars.slice(0, PATH_HEADING_MAX).join('')}…` : head);
}

export function blockTexts(content: Pick<LetterContent, 'doc' | 'fields' | 'values'>): BlockText[] {
  /** The enclosing clauses of the next clause, innermost last; headings made when first needed. */
  const open: { level: number; number: string; text: string; heading?: string }[] = [];
  return letterBlocks(content.doc, content.fields, content.values).map((block) => {
    const text = textOf(block);
    let side: BlockSide;
    let restart = '';
    if (block.type === 'clause') {
      // A clause that starts its level again (or stops doing so) is a change, though its text is not.
      if (block.start !== undefined) restart = String(block.start);
      while (open.length > 0 && open[open.length - 1]!.level >= block.level) open.pop();
      const path = open.map((o) => (o.heading ??= clauseHeading(o.number, o.text)));
      side = { kind: 'clause', number: block.number, scheme: block.scheme, level: block.level, path };
      open.push({ level: block.level, number: block.number, text });
    } else {
      if (block.type === 'title') open.length = 0;
      side = { kind: block.type, number: null, scheme: null, level: null, path: [] };
    }
    return { side, text, key: `${side.kind}\u0000${side.scheme ?? ''}\u0000${side.level ?? ''}\u0000${restart}\u0000${text}` };
  });
}

/** Length in characters as a reader counts them (code points: 𠀀 is one character). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

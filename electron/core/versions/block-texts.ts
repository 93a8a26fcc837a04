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
  /** Identity for block alignment: kind, scheme, level and text — never the number. */
  key: string;
}

/** Printed text of one block without its clause number; blanks as `_`, tables row by row. */
function textOf(block: Block): string {
  return letterPlainText([block.type === 'clause' ? { ...block, number: '' } : block]);
}

export function blockTexts(content: Pick<LetterContent, 'doc' | 'fields' | 'values'>): BlockText[] {
  return letterBlocks(content.doc, content.fields, content.values).map((block) => {
    const side: BlockSide =
      block.type === 'clause'
        ? { kind: 'clause', number: block.number, scheme: block.scheme, level: block.level }
        : { kind: block.type, number: null, scheme: null, level: null };
    const text = textOf(block);
    return { side, text, key: `${side.kind}\u0000${side.scheme ?? ''}\u0000${side.level ?? ''}\u0000${text}` };
  });
}

/** Length in characters as a reader counts them (code points: 𠀀 is one character). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

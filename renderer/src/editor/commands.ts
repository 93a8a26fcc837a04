import { setBlockType, splitBlockAs } from 'prosemirror-commands';
import type { Node as PMNode, NodeType } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { letterSchema, type Alignment } from '../../../electron/shared/doc-schema';
import { MAX_CLAUSE_LEVEL, type NumberingScheme } from '../../../electron/shared/numbering';

const node = (name: string): NodeType => letterSchema.nodes[name]!;
const paragraph = node('paragraph');
const title = node('title');
const clause = node('clause');
const table = node('table');
const table_row = node('table_row');
const table_cell = node('table_cell');
const field = node('field');

/** The top-level block the selection starts in, with its position. */
export function currentBlock(state: EditorState): { node: PMNode; pos: number; index: number } | null {
  const $from = state.selection.$from;
  if ($from.depth < 1) return null;
  const index = $from.index(0);
  const node = state.doc.child(index);
  return { node, pos: $from.before(1), index };
}

/** What a clause indented to `level` should look like: the scheme its siblings use, or the next in the ladder. */
const LADDER: Record<NumberingScheme, NumberingScheme> = {
  chapter: 'article',
  article: 'cn-paren',
  cn: 'cn-paren',
  'cn-paren': 'decimal',
  decimal: 'decimal-paren',
  'decimal-paren': 'decimal-paren',
  outline: 'outline',
};

function schemeForLevel(doc: PMNode, index: number, level: number, fallbackFrom: NumberingScheme): NumberingScheme {
  for (let i = index - 1; i >= 0; i--) {
    const n = doc.child(i);
    if (n.type !== clause) continue;
    const l = n.attrs['level'] as number;
    if (l === level) return n.attrs['scheme'] as NumberingScheme;
    if (l < level) return level > l ? LADDER[n.attrs['scheme'] as NumberingScheme] : fallbackFrom;
  }
  return level === 0 ? fallbackFrom : LADDER[fallbackFrom];
}

/** Tab / Shift+Tab on a clause: one level deeper or shallower; the numbers follow. */
export function indentClause(delta: 1 | -1): Command {
  return (state, dispatch) => {
    const block = currentBlock(state);
    if (!block || block.node.type !== clause) return false;
    const level = block.node.attrs['level'] as number;
    const next = Math.max(0, Math.min(MAX_CLAUSE_LEVEL, level + delta));
    if (next === level) return true;
    if (delta === 1) {
      // A clause can only go one level below the clause before it.
      const prev = block.index > 0 ? state.doc.child(block.index - 1) : null;
      const prevLevel = prev?.type === clause ? (prev.attrs['level'] as number) : -1;
      if (next > prevLevel + 1) return true;
    }
    const scheme = schemeForLevel(state.doc, block.index, next, block.node.attrs['scheme'] as NumberingScheme);
    dispatch?.(state.tr.setNodeMarkup(block.pos, undefined, { scheme, level: next }).scrollIntoView());
    return true;
  };
}

/** Enter in a clause continues the list; Enter in an empty clause outdents, then leaves the list. */
export const clauseEnter: Command = (state, dispatch) => {
  const block = currentBlock(state);
  if (!block || block.node.type !== clause || !state.selection.empty) return false;
  if (block.node.content.size === 0) {
    const level = block.node.attrs['level'] as number;
    if (level > 0) return indentClause(-1)(state, dispatch);
    dispatch?.(state.tr.setNodeMarkup(block.pos, paragraph, { align: null, indent: true }));
    return true;
  }
  // The new clause continues the list: a restart (start) stays with the clause it was set on.
  return splitBlockAs((node) => ({ type: clause, attrs: { scheme: node.attrs['scheme'], level: node.attrs['level'] } }))(state, dispatch);
};

export type BlockKind = 'paragraph' | 'title' | NumberingScheme;

export function setBlockKind(kind: BlockKind): Command {
  return (state, dispatch) => {
    if (kind === 'paragraph') return setBlockType(paragraph, { align: null, indent: true })(state, dispatch);
    if (kind === 'title') return setBlockType(title)(state, dispatch);
    const block = currentBlock(state);
    const level = block?.node.type === clause ? (block.node.attrs['level'] as number) : 0;
    return setBlockType(clause, { scheme: kind, level })(state, dispatch);
  };
}

export function blockKindOf(state: EditorState): BlockKind | null {
  const block = currentBlock(state);
  if (!block) return null;
  if (block.node.type === clause) return block.node.attrs['scheme'] as NumberingScheme;
  if (block.node.type === title) return 'title';
  if (block.node.type === paragraph) return 'paragraph';
  return null;
}

export function setAlign(align: Alignment | null): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    let tr = state.tr;
    let changed = false;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (node.type === paragraph) {
        tr = tr.setNodeMarkup(pos, undefined, { ...node.attrs, align });
        changed = true;
      }
    });
    if (changed) dispatch?.(tr);
    return changed;
  };
}

/** Alt+↑ / Alt+↓: move the current top-level block past its neighbour (numbers follow). */
export function moveBlock(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const block = currentBlock(state);
    if (!block) return false;
    const otherIndex = block.index + dir;
    if (otherIndex < 0 || otherIndex >= state.doc.childCount) return true;
    const other = state.doc.child(otherIndex);
    const offsetInBlock = state.selection.from - block.pos;
    let tr = state.tr.delete(block.pos, block.pos + block.node.nodeSize);
    const insertAt = dir === -1 ? block.pos - other.nodeSize : block.pos + other.nodeSize;
    tr = tr.insert(insertAt, block.node);
    tr = tr.setSelection(TextSelection.create(tr.doc, Math.min(insertAt + offsetInBlock, tr.doc.content.size - 1)));
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}

export function insertField(key: string): Command {
  return (state, dispatch) => {
    if (!state.selection.$from.parent.inlineContent) return false;
    dispatch?.(state.tr.replaceSelectionWith(field.create({ key }), false).scrollIntoView());
    return true;
  };
}

export function insertTable(rows: number, cols: number): Command {
  return (state, dispatch) => {
    const cell = () => table_cell.create(null, paragraph.create({ align: null, indent: false }));
    const rowNodes = Array.from({ length: rows }, () => table_row.create(null, Array.from({ length: cols }, cell)));
    const block = currentBlock(state);
    if (!block) return false;
    const at = block.pos + block.node.nodeSize;
    const tableNode = table.create({ kind: 'grid' }, rowNodes);
    let tr = state.tr.insert(at, tableNode);
    tr = tr.setSelection(TextSelection.create(tr.doc, at + 4));
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}

/** All positions of field atoms with this key, in document order. */
export function fieldPositions(doc: PMNode, key: string): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type === field && node.attrs['key'] === key) out.push(pos);
    return true;
  });
  return out;
}

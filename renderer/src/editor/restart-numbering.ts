/**
 * Restarting a clause's numbering (issue #12: a Word list that starts again at 1): the
 * clause's `start` attribute (numbering.ts). "重新从 1 开始编号" sets it, "继续编号" removes
 * it — removed, not set to null, so the clause serialises as if it had never restarted.
 */
import type { Command, EditorState } from 'prosemirror-state';
import { isClauseStart } from '../../../electron/shared/numbering';
import { currentBlock } from './commands';

/** The clause the selection starts in and its restart; null outside a clause. */
export function clauseRestartAt(state: EditorState): { pos: number; start: number | undefined } | null {
  const block = currentBlock(state);
  if (!block || block.node.type.name !== 'clause') return null;
  const start = block.node.attrs['start'];
  return { pos: block.pos, start: isClauseStart(start) ? start : undefined };
}

/** Numbering of the clause's level starts again at `start` (1 unless said) from this clause. */
export function restartNumbering(start = 1): Command {
  return (state, dispatch) => {
    const at = clauseRestartAt(state);
    if (!at || !isClauseStart(start)) return false;
    if (at.start === start) return true;
    dispatch?.(state.tr.setNodeAttribute(at.pos, 'start', start).scrollIntoView());
    return true;
  };
}

/** The clause counts on from the clause before it again. */
export const continueNumbering: Command = (state, dispatch) => {
  const at = clauseRestartAt(state);
  if (!at) return false;
  if (at.start === undefined) return true;
  // undefined is the attribute's default: toJSON() then writes nothing JSON keeps.
  dispatch?.(state.tr.setNodeAttribute(at.pos, 'start', undefined).scrollIntoView());
  return true;
};

/** One key for both (Ctrl+Alt+N): a clause that restarts continues, any other restarts at 1. */
export const toggleRestartNumbering: Command = (state, dispatch) => {
  const at = clauseRestartAt(state);
  if (!at) return false;
  return at.start === undefined ? restartNumbering(1)(state, dispatch) : continueNumbering(state, dispatch);
};

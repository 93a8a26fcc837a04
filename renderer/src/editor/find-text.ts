import type { Node as PMNode } from 'prosemirror-model';

/**
 * Where `text` first occurs inside one textblock of `doc` (document positions), or null. Fields
 * and line breaks count as one object character, so a match never runs across them.
 */
export function findTextRange(doc: PMNode, text: string): { from: number; to: number } | null {
  if (!text) return null;
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    let chars = '';
    const starts: number[] = [];
    node.forEach((child, offset) => {
      const piece = child.isText ? child.text! : '\uFFFC';
      for (let i = 0; i < piece.length; i++) starts.push(pos + 1 + offset + (child.isText ? i : 0));
      chars += piece;
    });
    const at = chars.indexOf(text);
    if (at >= 0) found = { from: starts[at]!, to: starts[at + text.length - 1]! + 1 };
    return false;
  });
  return found;
}

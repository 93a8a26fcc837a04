import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { letterSchema } from '../../../electron/shared/doc-schema';

/** Pasting more than this is refused with a message rather than freezing the window. */
export const MAX_PASTE_CHARS = 1_000_000;

/**
 * Fields pasted from another letter refer to definitions this letter does not have; they
 * become their key as plain text so nothing silently disappears and the document stays valid.
 */
export function stripUnknownFields(slice: Slice, known: (key: string) => boolean): Slice {
  const mapFragment = (fragment: Fragment): Fragment => {
    const nodes: PMNode[] = [];
    fragment.forEach((node) => {
      if (node.type.name === 'field' && !known(String(node.attrs['key']))) {
        nodes.push(letterSchema.text(`{${String(node.attrs['key'])}}`, node.marks));
      } else if (node.content.size) {
        nodes.push(node.copy(mapFragment(node.content)));
      } else {
        nodes.push(node);
      }
    });
    return Fragment.from(nodes);
  };
  return new Slice(mapFragment(slice.content), slice.openStart, slice.openEnd);
}

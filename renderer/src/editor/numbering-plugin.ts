import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { numberClauses, type NumberingScheme } from '../../../electron/shared/numbering';

/** Clause numbers as widgets: computed from structure on every change, never typed text. */
export const numberingKey = new PluginKey<DecorationSet>('clause-numbering');

function build(doc: PMNode): DecorationSet {
  const clauses: { scheme: NumberingScheme; level: number }[] = [];
  const positions: number[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== 'clause') return;
    clauses.push({ scheme: node.attrs['scheme'] as NumberingScheme, level: node.attrs['level'] as number });
    positions.push(offset + 1);
  });
  const labels = numberClauses(clauses);
  return DecorationSet.create(
    doc,
    labels.map((label, i) =>
      Decoration.widget(
        positions[i]!,
        () => {
          const span = document.createElement('span');
          span.className = 'ld-clause-number';
          span.textContent = label;
          span.contentEditable = 'false';
          return span;
        },
        { side: -1, key: `n:${label}`, ignoreSelection: true },
      ),
    ),
  );
}

export function numberingPlugin(): Plugin<DecorationSet> {
  return new Plugin({
    key: numberingKey,
    state: {
      init: (_config, state) => build(state.doc),
      apply: (tr, old) => (tr.docChanged ? build(tr.doc) : old),
    },
    props: { decorations: (state) => numberingKey.getState(state) },
  });
}

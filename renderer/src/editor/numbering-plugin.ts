import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { numberClauses, type NumberingScheme } from '../../../electron/shared/numbering';

/** Clause numbers as widgets: computed from structure on every change, never typed text. */
export const numberingKey = new PluginKey<{ sig: string; decorations: DecorationSet }>('clause-numbering');

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

/** Scheme and level of every clause in order: numbers change only when this changes. */
function signature(doc: PMNode): { sig: string; starts: number[] } {
  let sig = '';
  const starts: number[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== 'clause') return;
    sig += `${node.attrs['scheme']}${node.attrs['level']};`;
    starts.push(offset + 1);
  });
  return { sig, starts };
}

interface NumberingState {
  sig: string;
  decorations: DecorationSet;
}

export function numberingPlugin(): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => ({ sig: signature(state.doc).sig, decorations: build(state.doc) }),
      apply: (tr, old) => {
        if (!tr.docChanged) return old;
        const { sig, starts } = signature(tr.doc);
        // Typing inside a clause only moves the widgets; reuse them when every clause still
        // has its widget at its start (a moved or replaced clause does not, so it is rebuilt).
        if (sig === old.sig) {
          const mapped = old.decorations.map(tr.mapping, tr.doc);
          const at = mapped.find().map((d) => d.from);
          if (at.length === starts.length && at.every((pos, i) => pos === starts[i])) return { sig, decorations: mapped };
        }
        return { sig, decorations: build(tr.doc) };
      },
    },
    props: { decorations: (state) => numberingKey.getState(state)?.decorations },
  });
}

import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { isClauseStart, numberClauses, type NumberingScheme } from '../../../electron/shared/numbering';

/** Clause numbers as widgets: computed from structure on every change, never typed text. */
export const numberingKey = new PluginKey<{ sig: string; decorations: DecorationSet }>('clause-numbering');

function build(doc: PMNode): DecorationSet {
  const clauses: { scheme: NumberingScheme; level: number; start?: number }[] = [];
  const positions: number[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== 'clause') return;
    const start = node.attrs['start'];
    clauses.push({ scheme: node.attrs['scheme'] as NumberingScheme, level: node.attrs['level'] as number, ...(isClauseStart(start) && { start }) });
    positions.push(offset + 1);
  });
  const labels = numberClauses(clauses);
  return DecorationSet.create(
    doc,
    labels.map((label, i) =>
      Decoration.widget(
        positions[i]!,
        madeOnce(() => {
          const span = document.createElement('span');
          span.className = clauses[i]!.start ? 'ld-clause-number ld-restart' : 'ld-clause-number';
          span.textContent = label;
          // A restart is seen: marked, and said (restart-numbering.ts changes it).
          if (clauses[i]!.start) span.title = `从 ${clauses[i]!.start} 重新编号 Restarts at ${clauses[i]!.start}`;
          span.contentEditable = 'false';
          return span;
        }),
        { side: -1, key: `n:${label}${clauses[i]!.start ? '!' : ''}`, ignoreSelection: true },
      ),
    ),
  );
}

/**
 * The widget's element, made on first use and handed back after. Typing in a clause makes
 * ProseMirror draw the widget at its start again (the change marks it dirty with the text); the
 * same element leaves the DOM as it is, where a new one cost a second layout per keystroke (issue #15).
 */
function madeOnce(make: () => HTMLElement): () => HTMLElement {
  let element: HTMLElement | null = null;
  return () => (element ??= make());
}

/**
 * Whether the transaction only changes text inside textblocks (typing, deleting or pasting
 * inline content within one block, marks): no clause starts, ends or changes its attributes,
 * so the numbers stay and their widgets map with the text.
 */
export function onlyInlineChanges(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
    if (!(step instanceof ReplaceStep) || step.slice.openStart || step.slice.openEnd) return false;
    let inline = true;
    step.slice.content.forEach((node) => (inline &&= node.isInline));
    if (!inline) return false;
    const $from = tr.docs[i]!.resolve(step.from);
    return $from.parent.isTextblock && step.to <= $from.end();
  });
}

/** Scheme and level of every clause in order: numbers change only when this changes. */
function signature(doc: PMNode): { sig: string; starts: number[] } {
  let sig = '';
  const starts: number[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== 'clause') return;
    sig += `${node.attrs['scheme']}${node.attrs['level']}${isClauseStart(node.attrs['start']) ? `@${node.attrs['start']}` : ''};`;
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
        // Typing (issue #15): no walk over every clause, the widgets only move.
        if (onlyInlineChanges(tr)) return { sig: old.sig, decorations: old.decorations.map(tr.mapping, tr.doc) };
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

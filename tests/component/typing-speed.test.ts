/**
 * Typing in a long letter (issue #15): what the editor does per keystroke. Clause numbers are
 * widgets whose element survives typing (a new element cost a second layout per key), they
 * only move on text-only changes and stay equal to freshly computed numbers after any edit,
 * and the form's field order is read from the edited node without serialising it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { splitBlock } from 'prosemirror-commands';
import { letterSchema, type DocJSON } from '../../electron/shared/doc-schema';
import { fieldKeysInOrder } from '../../electron/shared/letter-model';
import { createEditorState } from '../../renderer/src/editor/create-state';
import { numberingKey, onlyInlineChanges } from '../../renderer/src/editor/numbering-plugin';
import { fieldKeysOf } from '../../renderer/src/letter/draft.svelte';

const text = (t: string) => ({ type: 'text', text: t });
const clause = (level: number, t: string, scheme = level ? 'decimal' : 'cn') => ({ type: 'clause', attrs: { scheme, level }, content: t ? [text(t)] : [] });

/** `parts` headings of `each` clauses, like the bench's thirty-page letter but smaller. */
function letter(parts = 3, each = 4): DocJSON {
  const content: unknown[] = [{ type: 'title', content: [text('承诺书')] }];
  for (let h = 0; h < parts; h++) {
    content.push(clause(0, `第${h + 1}部分`));
    for (let c = 0; c < each; c++) content.push(clause(1, '承诺方应在收到材料后及时完成初步审核。'));
  }
  content.push({ type: 'paragraph', attrs: { align: null, indent: true }, content: [text('特此承诺。')] });
  return { type: 'doc', content } as DocJSON;
}

/** Positions and labels (the widget key) of the numbers as the plugin holds them. */
const numbersOf = (state: EditorState) =>
  numberingKey
    .getState(state)!
    .decorations.find()
    .map((d) => [d.from, (d.spec as { key: string }).key]);

/** The numbers a fresh editor computes for the same document. */
const freshNumbers = (state: EditorState) => numbersOf(createEditorState(state.doc.toJSON() as DocJSON));

let view: EditorView | null = null;
afterEach(() => {
  view?.destroy();
  view?.dom.remove();
  view = null;
});

describe('clause numbers while typing', () => {
  it('keeps the number element of the clause typed in: the DOM change is read back without redrawing it', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    view = new EditorView(host, { state: createEditorState(letter()) });
    const p = view.dom.querySelectorAll('.ld-clause')[6]!;
    const number = p.querySelector('.ld-clause-number')!;
    const label = number.textContent;
    const textNode = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
    // Typing as the browser does it: the text node changes, ProseMirror reads the change back.
    const added: Node[] = [];
    const watch = new MutationObserver((records) => records.forEach((r) => added.push(...r.addedNodes)));
    watch.observe(p, { childList: true });
    textNode.data = 'ab' + textNode.data;
    (view as unknown as { domObserver: { flush(): void } }).domObserver.flush();
    await Promise.resolve();
    watch.disconnect();
    expect(view.state.doc.child(7).textContent.startsWith('ab')).toBe(true); // the title comes first
    expect(p.querySelector('.ld-clause-number')).toBe(number);
    expect(number.isConnected).toBe(true);
    expect(number.textContent).toBe(label);
    expect(added).toEqual([]);
  });

  it('tells text-only changes from structural ones', () => {
    const state = createEditorState(letter());
    const inClause = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 3; // inside the first level-1 clause
    const tr = (f: (tr: Transaction) => unknown) => {
      const t = state.tr;
      f(t);
      return t;
    };
    expect(onlyInlineChanges(tr((t) => t.insertText('字', inClause)))).toBe(true);
    expect(onlyInlineChanges(tr((t) => t.delete(inClause, inClause + 2)))).toBe(true);
    expect(onlyInlineChanges(tr((t) => t.addMark(inClause, inClause + 2, letterSchema.marks['bold']!.create())))).toBe(true);
    expect(onlyInlineChanges(tr((t) => t.insert(inClause, letterSchema.nodes['field']!.create({ key: 'days' }))))).toBe(true);
    expect(onlyInlineChanges(tr((t) => t.split(inClause)))).toBe(false);
    expect(onlyInlineChanges(tr((t) => t.setNodeMarkup(inClause - 3, undefined, { scheme: 'decimal', level: 2 })))).toBe(false);
    // A deletion from one clause into the next joins them.
    expect(onlyInlineChanges(tr((t) => t.delete(inClause, inClause + state.doc.child(2).nodeSize)))).toBe(false);
    expect(onlyInlineChanges(tr((t) => t.insert(inClause - 3, letterSchema.nodes['clause']!.create({ scheme: 'cn', level: 0 }))))).toBe(false);
  });

  it('numbers stay those of a fresh editor after any sequence of typing, deleting, splitting, joining and re-levelling', () => {
    type Op = { kind: 'type' | 'delete' | 'split' | 'join' | 'level' | 'deleteAcross'; at: number; n: number };
    const op = fc.record({
      kind: fc.constantFrom<Op['kind']>('type', 'type', 'delete', 'split', 'join', 'level', 'deleteAcross'),
      at: fc.nat(),
      n: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        let state = createEditorState(letter(3, 3));
        for (const o of ops) {
          const blocks: number[] = [];
          state.doc.forEach((node, offset) => {
            if (node.isTextblock) blocks.push(offset);
          });
          const start = blocks[o.at % blocks.length]!;
          const node = state.doc.nodeAt(start)!;
          const inside = start + 1 + (node.content.size ? o.at % (node.content.size + 1) : 0);
          const tr = state.tr;
          if (o.kind === 'type') tr.insertText('字'.repeat(o.n + 1), inside);
          else if (o.kind === 'delete') tr.delete(inside, Math.min(inside + o.n, start + 1 + node.content.size));
          else if (o.kind === 'deleteAcross') tr.delete(inside, Math.min(inside + o.n + node.nodeSize, state.doc.content.size));
          else if (o.kind === 'level' && node.type.name === 'clause') tr.setNodeMarkup(start, undefined, { scheme: o.n % 2 ? 'cn' : 'decimal', level: o.n % 3 });
          else if (o.kind === 'join' && start > 0) tr.join(start);
          else if (o.kind === 'split') {
            const s = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inside)));
            splitBlock(s, (t) => {
              state = s.apply(t);
            });
            expect(numbersOf(state)).toEqual(freshNumbers(state));
            continue;
          }
          if (!tr.docChanged) continue;
          state = state.apply(tr);
          expect(numbersOf(state)).toEqual(freshNumbers(state));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('field order for the form panel', () => {
  it('reads the edited node in the same order as the stored JSON, first occurrence only', () => {
    const field = (key: string) => ({ type: 'field', attrs: { key } });
    const json = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { align: null, indent: true }, content: [text('甲'), field('company'), text('乙'), field('days')] },
        { type: 'clause', attrs: { scheme: 'cn', level: 0 }, content: [field('amount'), field('company')] },
        {
          type: 'table',
          attrs: { kind: 'signature' },
          content: [{ type: 'table_row', content: [{ type: 'table_cell', content: [{ type: 'paragraph', attrs: { align: null, indent: false }, content: [field('signedOn')] }] }] }],
        },
        { type: 'paragraph', attrs: { align: null, indent: false }, content: [field('days'), field('zeta')] },
      ],
    } as unknown as DocJSON;
    const node = letterSchema.nodeFromJSON(json);
    expect(fieldKeysOf(node)).toEqual(['company', 'days', 'amount', 'signedOn', 'zeta']);
    expect(fieldKeysOf(node)).toEqual(fieldKeysInOrder(json));
    expect(fieldKeysOf(json)).toEqual(fieldKeysInOrder(json));
  });
});

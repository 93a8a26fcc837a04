import fs from 'node:fs';
import path from 'node:path';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { letterSchema } from '../../electron/shared/doc-schema';
import { letterBlocks } from '../../electron/shared/letter-model';
import { indentClause, moveBlock, clauseEnter } from '../../renderer/src/editor/commands';

const dir = path.resolve(__dirname, '../../resources/templates');
const templates = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));

describe('letter schema', () => {
  it.each(templates.map((t) => [t.name, t]))('round-trips %s: JSON → doc → JSON', (_name, template) => {
    const node = letterSchema.nodeFromJSON(template.doc);
    node.check();
    expect(node.toJSON()).toEqual(letterSchema.nodeFromJSON(node.toJSON()).toJSON());
    // Attribute defaults are filled in; content is unchanged.
    expect(JSON.stringify(node.toJSON()).length).toBeGreaterThanOrEqual(JSON.stringify(template.doc).length * 0.9);
  });

  it('rejects documents that break the schema', () => {
    const bad = [
      { type: 'doc', content: [] },
      { type: 'doc', content: [{ type: 'field', attrs: { key: 'x' } }] },
      { type: 'doc', content: [{ type: 'table', content: [{ type: 'paragraph' }] }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'italic' }] }] }] },
    ];
    for (const doc of bad) {
      expect(() => letterSchema.nodeFromJSON(doc).check()).toThrow();
    }
  });
});

function stateOf(clauses: { text: string; scheme?: string; level?: number }[]) {
  const doc = letterSchema.nodeFromJSON({
    type: 'doc',
    content: clauses.map((c) => ({ type: 'clause', attrs: { scheme: c.scheme ?? 'cn', level: c.level ?? 0 }, content: [{ type: 'text', text: c.text }] })),
  });
  return EditorState.create({ doc });
}

function at(state: EditorState, text: string): EditorState {
  let pos = -1;
  state.doc.descendants((node, p) => {
    if (node.isText && node.text === text) pos = p + 1;
    return pos < 0;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

function run(state: EditorState, command: (s: EditorState, d?: (tr: import('prosemirror-state').Transaction) => void) => boolean): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

const numbers = (state: EditorState) =>
  letterBlocks(state.doc.toJSON(), [], {}).map((b) => (b.type === 'clause' ? b.number + b.runs.map((r) => r.text).join('') : ''));

describe('editing commands keep numbering as structure', () => {
  it('Tab indents under the previous clause with the next scheme; Shift+Tab undoes it', () => {
    let s = stateOf([{ text: '甲' }, { text: '乙' }, { text: '丙' }]);
    s = run(at(s, '乙'), indentClause(1));
    expect(numbers(s)).toEqual(['一、甲', '（一）乙', '二、丙']);
    s = run(at(s, '丙'), indentClause(1));
    expect(numbers(s)).toEqual(['一、甲', '（一）乙', '（二）丙']);
    s = run(at(s, '丙'), indentClause(1));
    expect(numbers(s)).toEqual(['一、甲', '（一）乙', '1.丙']);
    s = run(at(s, '乙'), indentClause(-1));
    expect(numbers(s)).toEqual(['一、甲', '二、乙', '1.丙']);
  });

  it('a clause cannot be indented two levels below its predecessor', () => {
    let s = stateOf([{ text: '甲' }, { text: '乙' }]);
    s = run(at(s, '乙'), indentClause(1));
    s = run(at(s, '乙'), indentClause(1));
    expect(numbers(s)).toEqual(['一、甲', '（一）乙']);
  });

  it('moving a clause renumbers all of them', () => {
    let s = stateOf([{ text: '甲' }, { text: '乙' }, { text: '丙' }]);
    s = run(at(s, '丙'), moveBlock(-1));
    expect(numbers(s)).toEqual(['一、甲', '二、丙', '三、乙']);
    s = run(at(s, '甲'), moveBlock(1));
    expect(numbers(s)).toEqual(['一、丙', '二、甲', '三、乙']);
  });

  it('Enter at the end of a clause starts the next clause of the same scheme and level', () => {
    let s = stateOf([{ text: '甲', scheme: 'decimal', level: 0 }]);
    s = at(s, '甲');
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, s.doc.content.size - 1)));
    s = run(s, clauseEnter);
    expect(s.doc.childCount).toBe(2);
    expect(s.doc.child(1).type.name).toBe('clause');
    expect(s.doc.child(1).attrs).toEqual({ scheme: 'decimal', level: 0 });
    // Enter again on the empty clause leaves the list.
    s = run(s, clauseEnter);
    expect(s.doc.child(1).type.name).toBe('paragraph');
  });
});

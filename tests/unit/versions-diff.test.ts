import { describe, expect, it } from 'vitest';
import { diffContents, changeSize, type BlockDiff } from '../../electron/core/versions/version-diff';
import type { LetterContent } from '../../electron/shared/letter-content';
import type { FieldDef, FieldValues } from '../../electron/shared/fields';

const text = (t: string) => ({ type: 'text', text: t });
const field = (key: string) => ({ type: 'field', attrs: { key } });
const title = (t: string) => ({ type: 'title', content: [text(t)] });
const clause = (...inline: unknown[]) => ({ type: 'clause', attrs: { scheme: 'cn', level: 0 }, content: inline.map((x) => (typeof x === 'string' ? text(x) : x)) });
const para = (t: string) => ({ type: 'paragraph', attrs: { align: null, indent: true }, content: [text(t)] });

const DAYS: FieldDef = { key: 'days', label: '理赔初审时限', type: 'number', required: true, options: { unit: '个工作日' } };
const SIGNER: FieldDef = { key: 'signer', label: '承诺人签名', type: 'handwritten', required: false };

function letter(blocks: unknown[], fields: FieldDef[] = [], values: FieldValues = {}): LetterContent {
  return { doc: { type: 'doc', content: blocks }, fields, values, pageStyle: 'business' };
}

const CLAUSES = ['建立全面的客户服务体系', '在接到报案后及时联系客户', '对理赔材料进行初步审核', '按约定时限支付保险金'];

const changed = (blocks: BlockDiff[]) => blocks.filter((b) => b.op !== 'equal');

describe('comparing two versions', () => {
  it('shows a changed digit in Chinese text as one replaced character', () => {
    const a = letter([title('理赔服务承诺书'), clause('在5个工作日内完成初步审核')]);
    const b = letter([title('理赔服务承诺书'), clause('在3个工作日内完成初步审核')]);
    const d = diffContents(a, b);
    expect(changed(d.blocks)).toHaveLength(1);
    expect(changed(d.blocks)[0]).toMatchObject({
      op: 'change',
      before: { kind: 'clause', number: '一、' },
      after: { kind: 'clause', number: '一、' },
      segments: [
        { op: 'equal', text: '在' },
        { op: 'delete', text: '5' },
        { op: 'insert', text: '3' },
        { op: 'equal', text: '个工作日内完成初步审核' },
      ],
    });
    expect(d.stats).toMatchObject({ added: 1, removed: 1, changedBlocks: 1, renumbered: 0 });
  });

  it('a short heading that gained words is one changed clause, not a deleted and an inserted one', () => {
    const a = letter([title('承诺书'), clause('定义'), clause(CLAUSES[0]!)]);
    const b = letter([title('承诺书'), clause('定义（修订）'), clause(CLAUSES[0]!)]);
    expect(changed(diffContents(a, b).blocks)).toEqual([
      {
        op: 'change',
        before: { kind: 'clause', number: '一、', scheme: 'cn', level: 0, path: [] },
        after: { kind: 'clause', number: '一、', scheme: 'cn', level: 0, path: [] },
        segments: [
          { op: 'equal', text: '定义' },
          { op: 'insert', text: '（修订）' },
        ],
      },
    ]);
    // And the other way round.
    expect(changed(diffContents(b, a).blocks).map((d) => d.op)).toEqual(['change']);
  });

  it('a clause that starts its numbering again is a changed block though its text is not', () => {
    const restarted = (start?: number) => ({ ...clause(CLAUSES[2]!), attrs: { scheme: 'cn', level: 0, ...(start !== undefined && { start }) } });
    const a = letter([title('承诺书'), clause(CLAUSES[0]!), clause(CLAUSES[1]!), para('以下为补充条款'), restarted(), clause(CLAUSES[3]!)]);
    const b = letter([title('承诺书'), clause(CLAUSES[0]!), clause(CLAUSES[1]!), para('以下为补充条款'), restarted(1), clause(CLAUSES[3]!)]);
    const d = diffContents(a, b);
    expect(changed(d.blocks)).toEqual([
      {
        op: 'change',
        before: { kind: 'clause', number: '三、', scheme: 'cn', level: 0, path: [] },
        after: { kind: 'clause', number: '一、', scheme: 'cn', level: 0, path: [] },
        segments: [{ op: 'equal', text: CLAUSES[2] }],
      },
    ]);
    // The clause after it is renumbered (四、 → 二、) but unchanged.
    expect(d.stats).toMatchObject({ added: 0, removed: 0, changedBlocks: 1, renumbered: 2 });
    expect(changed(diffContents(b, b).blocks)).toEqual([]);
  });

  it('inserting a clause at the top is one inserted clause, not every later number changed', () => {
    const a = letter([title('承诺书'), ...CLAUSES.map((c) => clause(c))]);
    const b = letter([title('承诺书'), clause('严格遵守保险法律法规'), ...CLAUSES.map((c) => clause(c))]);
    const d = diffContents(a, b);
    expect(changed(d.blocks)).toEqual([
      { op: 'insert', before: null, after: { kind: 'clause', number: '一、', scheme: 'cn', level: 0, path: [] }, segments: [{ op: 'insert', text: '严格遵守保险法律法规' }] },
    ]);
    expect(d.stats).toMatchObject({ added: 10, removed: 0, changedBlocks: 1, renumbered: 4 });
    // The renumbering is there for the view to show, beside equal text.
    const moved = d.blocks.filter((b) => b.op === 'equal' && b.before?.kind === 'clause');
    expect(moved.map((b) => `${b.before!.number}→${b.after!.number}`)).toEqual(['一、→二、', '二、→三、', '三、→四、', '四、→五、']);
    expect(moved.every((b) => b.segments.every((s) => s.op === 'equal'))).toBe(true);
  });

  it('pairs an edited clause with its old text even next to an inserted and a deleted one', () => {
    const a = letter(CLAUSES.map((c) => clause(c)));
    const b = letter([clause(CLAUSES[0]!), clause('新增：设立专属理赔服务专员'), clause('在接到报案后24小时内联系客户'), clause(CLAUSES[3]!)]);
    const d = diffContents(a, b);
    expect(changed(d.blocks).map((x) => x.op)).toEqual(['insert', 'change', 'delete']);
    const edit = changed(d.blocks)[1]!;
    expect(edit.segments.filter((s) => s.op !== 'equal').map((s) => `${s.op}:${s.text}`)).toEqual(['delete:及时', 'insert:24小时内']);
  });

  it('reports a deleted block and a paragraph turned into a clause', () => {
    const a = letter([para('特此承诺。'), para('本承诺书一式两份')]);
    const b = letter([clause('特此承诺。')]);
    const d = diffContents(a, b);
    expect(d.blocks.map((x) => x.op)).toEqual(['change', 'delete']);
    expect(d.blocks[0]).toMatchObject({ before: { kind: 'paragraph', number: null }, after: { kind: 'clause', number: '一、' }, segments: [{ op: 'equal', text: '特此承诺。' }] });
    expect(d.stats).toMatchObject({ added: 0, removed: 8 });
  });

  it('lists field changes with printed old and new values, added and removed definitions', () => {
    const PHONE: FieldDef = { key: 'phone', label: '服务热线', type: 'text', required: false };
    const RATE: FieldDef = { key: 'rate', label: '满意度', type: 'percent', required: false };
    const a = letter([clause('在', field('days'), '内完成初步审核'), para('热线'), clause(field('phone'))], [DAYS, PHONE, SIGNER], { days: 5, phone: '95500' });
    const b = letter(
      [clause('在', field('days'), '内完成初步审核'), clause('满意度达到', field('rate'), '以上')],
      [{ ...DAYS, label: '理赔初审时限（个工作日）' }, SIGNER, RATE],
      { days: 3, rate: 95 },
    );
    const d = diffContents(a, b);
    expect(d.fields).toEqual([
      { key: 'days', label: '理赔初审时限（个工作日）', change: 'changed', before: '5个工作日', after: '3个工作日', definitionChanged: true },
      { key: 'rate', label: '满意度', change: 'added', before: null, after: '95%', definitionChanged: false },
      { key: 'phone', label: '服务热线', change: 'removed', before: '95500', after: null, definitionChanged: false },
    ]);
    expect(d.stats.fieldsChanged).toBe(3);
    // The value also shows inside the text where the field is printed.
    expect(changed(d.blocks)[0]!.segments.filter((s) => s.op !== 'equal').map((s) => s.text)).toEqual(['5', '3']);
  });

  it('an empty value prints as a blank, and unchanged fields are not listed', () => {
    const a = letter([clause('在', field('days'), '内')], [DAYS, SIGNER], {});
    const b = letter([clause('在', field('days'), '内')], [DAYS, SIGNER], { days: 7 });
    expect(diffContents(a, b).fields).toEqual([
      { key: 'days', label: DAYS.label, change: 'changed', before: '____个工作日', after: '7个工作日', definitionChanged: false },
    ]);
  });

  it('identical content is all equal; a page style change is reported', () => {
    const a = letter([title('承诺书'), ...CLAUSES.map((c) => clause(c))]);
    const d = diffContents(a, structuredClone(a));
    expect(changed(d.blocks)).toEqual([]);
    expect(d.stats).toEqual({ added: 0, removed: 0, changedBlocks: 0, renumbered: 0, fieldsChanged: 0 });
    expect(d.pageStyle).toBeNull();
    expect(diffContents(a, { ...a, pageStyle: 'official' }).pageStyle).toEqual({ before: 'business', after: 'official' });
  });

  it('is plain JSON: it survives structured cloning unchanged', () => {
    const a = letter(CLAUSES.map((c) => clause(c)), [DAYS], { days: 5 });
    const b = letter([clause('新条款'), ...CLAUSES.slice(1).map((c) => clause(c))], [DAYS], { days: 4 });
    const d = diffContents(a, b);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('counts characters as a reader does (an astral character is one)', () => {
    expect(changeSize(null, letter([para('𠀀承诺')]))).toEqual({ added: 3, removed: 0 });
    expect(changeSize(letter([para('承诺')]), letter([para('承诺𠀀')]))).toEqual({ added: 1, removed: 0 });
  });
});

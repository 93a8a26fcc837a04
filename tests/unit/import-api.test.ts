/**
 * The import methods over a real core (issue #12): text and files structured without saving,
 * a letter or template created in one write from the previewed result, the preview's edits,
 * and refusals that leave nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCore } from '../helpers/core-fixture';
import { importSummary, importToContent } from '../../electron/shared/import/to-content';
import { mergeField, mergeWithNext, setBlockKind, setClause, splitBlock, splitPoints, updateField } from '../../electron/shared/import/preview-edits';
import { structureText } from '../../electron/shared/import/smart-paste';
import { errorCode } from '../../electron/shared/errors';
import { claimsLetter, flattened } from '../fixtures/import/letters';

let nextOpen: string | null = null;
const ctx = useTempCore({ dialogs: { saveFile: async () => null, openFile: async () => nextOpen } });

async function code(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (err) {
    return errorCode(err);
  }
}

describe('import API', () => {
  it('structures text, and creates a template and a letter from the result', async () => {
    const api = ctx.core.api;
    const result = await api.importText({ text: flattened(claimsLetter) });
    expect(result.blocks.filter((b) => b.kind === 'clause')).toHaveLength(9);
    expect(await api.lettersList({})).toMatchObject({ total: 0 });

    const content = importToContent(result);
    const { template } = await api.importCreate({ as: 'template', title: '导入模板', doc: content.doc, fields: content.fields, values: {} });
    expect(template).toMatchObject({ name: '导入模板', category: '导入', builtin: false });
    const fromTemplate = await api.lettersCreate({ templateId: template!.id });
    expect((await api.lettersContentGet({ id: fromTemplate.id })).content.fields).toHaveLength(12);

    const { letter } = await api.importCreate({ as: 'letter', title: '导入函件', doc: content.doc, fields: content.fields, values: content.values });
    const saved = await api.lettersContentGet({ id: letter!.id });
    expect(saved.content.doc).toEqual(content.doc);
    expect(saved.letter.title).toBe('导入函件');
  });

  it('reads a chosen .txt (GB18030) or .docx; cancelling reads nothing', async () => {
    const api = ctx.core.api;
    expect(await api.importFile()).toEqual({ path: null, result: null });
    const txt = path.join(ctx.dir, 'gbk.txt');
    // 承诺书\n一、服务。 in GB18030 (GBK) bytes.
    fs.writeFileSync(txt, Buffer.from([0xb3, 0xd0, 0xc5, 0xb5, 0xca, 0xe9, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2, 0xb7, 0xfe, 0xce, 0xf1, 0xa1, 0xa3]));
    nextOpen = txt;
    const fromText = await api.importFile();
    expect(fromText.result?.source).toBe('承诺书\n一、服务。');
    nextOpen = '/work/shared/fixtures/real-docx/expert-invitation.docx';
    const fromDocx = await api.importFile();
    expect(fromDocx.result?.format).toBe('docx');
    expect(fromDocx.result?.fields).toHaveLength(4);
  });

  it('refuses a 5 MB paste, a damaged document and bad content, saving nothing', async () => {
    const api = ctx.core.api;
    expect(await code(api.importText({ text: '一、服务。'.repeat(1_000_000) }))).toBe('file-too-large');
    const content = importToContent(structureText(claimsLetter.lines));
    const badDoc = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'field', attrs: { key: 'nope' } }] }] };
    expect(await code(api.importCreate({ as: 'letter', title: 'x', doc: badDoc, fields: content.fields, values: {} }))).toBe('invalid-document');
    const twoRoles = content.fields.map((f) => (f.type === 'party' ? { ...f, role: 'promisor-name' as const } : f));
    expect(await code(api.importCreate({ as: 'template', title: 'x', doc: content.doc, fields: twoRoles, values: {} }))).toBe('invalid-document');
    expect((await api.lettersList({})).total).toBe(0);
    expect((await api.templatesList()).filter((t) => !t.builtin)).toHaveLength(0);
  });
});

describe('preview edits', () => {
  const base = structureText(claimsLetter.lines);
  it('merges, splits, changes kinds and levels, and keeps one field per role', () => {
    const closing = base.blocks.findIndex((b) => b.kind === 'paragraph' && b.content.some((c) => c.type === 'text' && c.text === '特此承诺。'));
    const merged = mergeWithNext(base, closing - 1);
    expect(merged.blocks).toHaveLength(base.blocks.length - 1);
    const point = splitPoints(merged.blocks[closing - 1]!).at(-1)!;
    const split = splitBlock(merged, closing - 1, point.offset);
    expect(split.blocks[closing]).toMatchObject({ kind: 'paragraph', content: [{ type: 'text', text: '特此承诺。' }] });

    const asClause = setBlockKind(base, closing, 'clause');
    expect(asClause.blocks[closing]).toMatchObject({ kind: 'clause', scheme: 'outline', level: 2 });
    expect(setClause(asClause, closing, { level: 0 }).blocks[closing]).toMatchObject({ level: 0 });

    const recipient = base.fields.find((f) => f.role === 'recipient-name')!;
    const moved = updateField(base, base.fields.find((f) => f.role === 'promisor-name')!.key, { role: 'recipient-name' });
    expect(moved.fields.filter((f) => f.role === 'recipient-name').map((f) => f.key)).not.toContain(recipient.key);
    expect(() => importToContent(moved)).not.toThrow();

    const retyped = updateField(base, 'f5', { type: 'number', unit: '小时', label: '热线接通时限' });
    expect(retyped.fields.find((f) => f.key === 'f5')).toMatchObject({ type: 'number', label: '热线接通时限', options: { unit: '小时', min: 0 } });
    const signer = updateField(base, 'f12', { signer: '见证人' });
    expect(signer.fields.find((f) => f.key === 'f12')?.signer).toBe('见证人');
    expect(() => importToContent(signer)).not.toThrow();
  });
});

describe('restructuring in the preview', () => {
  const text = '服务承诺书\n承诺方：__________\n一、服务时效\n（一）在____个工作日内完成初审。\n（二）热线接通率达到____%以上。\n二、违约责任\n承诺方名称再次确认：__________\n交付方式：□快递□自提';

  it('changes a clause’s numbering scheme and level; the letter prints them', () => {
    const base = structureText(text);
    expect(base.blocks.map((b) => (b.kind === 'clause' ? `${b.scheme}:${b.level}` : b.kind))).toEqual(['title', 'paragraph', 'cn:0', 'cn-paren:1', 'cn-paren:1', 'cn:0', 'paragraph', 'paragraph']);
    const renumbered = setClause(setClause(base, 3, { scheme: 'decimal', level: 1 }), 5, { level: 1 });
    expect(renumbered.blocks.map((b) => (b.kind === 'clause' ? `${b.scheme}:${b.level}` : b.kind))).toEqual(['title', 'paragraph', 'cn:0', 'decimal:1', 'cn-paren:1', 'cn:1', 'paragraph', 'paragraph']);
    expect(importSummary(renumbered).blocks.filter((b) => b.kind === 'clause').map((b) => b.marker)).toEqual(['一、', '1.', '（一）', '一、']);
    // Out-of-range levels are clamped to Word's nine.
    expect(setClause(base, 2, { level: 12 }).blocks[2]).toMatchObject({ level: 8 });
  });

  it('edits a choice’s options and makes two blanks one field', () => {
    const base = structureText(text);
    expect(base.fields.map((f) => `${f.key}:${f.label}:${f.type}`)).toEqual(['f1:承诺方名称:party', 'f2:完成初审时限（个工作日）:number', 'f3:热线接通率:percent', 'f4:承诺方名称再次确认:text', 'f5:交付方式:choice']);
    const options = updateField(base, 'f5', { choices: [' 快递 ', '自提', '', '快递', '上门'] });
    expect(options.fields.find((f) => f.key === 'f5')?.options).toEqual({ choices: ['快递', '自提', '上门'] });

    const merged = mergeField(updateField(base, 'f4', { type: 'party' }), 'f4', 'f1');
    expect(merged.fields.map((f) => f.key)).toEqual(['f1', 'f2', 'f3', 'f5']);
    expect(importSummary(merged).blocks[6]).toEqual({ kind: 'paragraph', text: '承诺方名称再次确认：{f1}' });
    const content = importToContent(merged);
    const keys: string[] = [];
    const visit = (n: { type: string; attrs?: Record<string, unknown>; content?: unknown[] }) => {
      if (n.type === 'field') keys.push(String(n.attrs?.['key']));
      (n.content as (typeof n)[] | undefined)?.forEach(visit);
    };
    visit(content.doc as never);
    expect(keys.filter((k) => k === content.fields.find((f) => f.label === '承诺方名称')!.key)).toHaveLength(2);
    // Unknown keys and merging a field into itself change nothing.
    expect(mergeField(base, 'f4', 'f4')).toBe(base);
    expect(mergeField(base, 'nope', 'f1')).toBe(base);
  });

  it('merges and splits paragraphs back to where they were', () => {
    const base = structureText(text);
    const merged = mergeWithNext(base, 3);
    expect(importSummary(merged).blocks[3]).toEqual({ kind: 'clause', marker: '（一）', level: 1, scheme: 'cn-paren', text: '在{f2}内完成初审。热线接通率达到{f3}以上。' });
    const point = splitPoints(merged.blocks[3]!).find((p) => p.before.endsWith('完成初审。'))!;
    const split = splitBlock(merged, 3, point.offset);
    expect(importSummary(split).blocks.slice(3, 5)).toEqual([
      { kind: 'clause', marker: '（一）', level: 1, scheme: 'cn-paren', text: '在{f2}内完成初审。' },
      { kind: 'paragraph', text: '热线接通率达到{f3}以上。' },
    ]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import type { DialogsPort } from '../../electron/core/ports';
import { errorCode } from '../../electron/shared/errors';
import { parseTemplatePack, TEMPLATE_PACK_FORMAT } from '../../electron/shared/template';
import { letterBlocks, letterPlainText } from '../../electron/shared/letter-model';
import { makeTempDir } from '../helpers/temp-dir';

let core: Core;
let dir: string;
let cleanup: () => void;
const dialogs: DialogsPort & { save: string | null; open: string | null } = {
  save: null,
  open: null,
  saveFile: async () => dialogs.save,
  openFile: async () => dialogs.open,
};

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  core = openCore({ dataDir: dir, dialogs });
});
afterEach(() => {
  core.close();
  cleanup();
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', errorCode);

describe('letters from templates', () => {
  it('copies the template, prefills party fields from the profile and the chosen counterparty', async () => {
    await core.api.profileUpdate({ fullName: '某某健康保险股份有限公司某某分公司', address: '某市某区某路1号' });
    const party = await core.api.partiesSave({ fullName: '某某科技有限公司', address: '某市高新区2号' });
    const [tp] = (await core.api.templatesList()).filter((t) => t.builtin && t.id === 'builtin-group-client-data-protection');
    const template = await core.api.templatesGet({ id: tp!.id });
    const letter = await core.api.lettersCreate({ templateId: template.id, counterpartyId: party.id });
    expect(letter.title).toBe(template.name);
    const { content, templateId } = await core.api.lettersContentGet({ id: letter.id });
    expect(templateId).toBe(template.id);
    expect(content.doc).toEqual(template.doc);
    const partyFields = template.fields.filter((f) => f.type === 'party');
    for (const f of partyFields) {
      const expected =
        f.options?.party === 'recipient'
          ? f.options.part === 'address' ? '某市高新区2号' : f.options.part === 'fullName' || !f.options.part ? '某某科技有限公司' : undefined
          : f.options?.part === 'address' ? '某市某区某路1号' : f.options?.part === 'fullName' || !f.options?.part ? '某某健康保险股份有限公司某某分公司' : undefined;
      if (expected) expect(content.values[f.key], f.label).toBe(expected);
    }
    // Later profile edits do not rewrite the letter.
    await core.api.profileUpdate({ fullName: '改名后的公司' });
    const again = await core.api.lettersContentGet({ id: letter.id });
    expect(JSON.stringify(again.content.values)).not.toContain('改名后的公司');
  });

  it('every built-in template makes a letter whose text prints', async () => {
    const list = (await core.api.templatesList()).filter((t) => t.builtin);
    expect(list).toHaveLength(8);
    for (const tp of list) {
      const letter = await core.api.lettersCreate({ templateId: tp.id });
      const { content } = await core.api.lettersContentGet({ id: letter.id });
      expect(letterPlainText(letterBlocks(content.doc, content.fields, content.values)).length).toBeGreaterThan(200);
    }
  });

  it('an unknown template or counterparty is not-found', async () => {
    expect(await codeOf(core.api.lettersCreate({ templateId: 'no-such' }))).toBe('not-found');
    expect(await codeOf(core.api.lettersCreate({ title: 'x', counterpartyId: 99 }))).toBe('not-found');
    expect(await core.dispatch('lettersCreate', [{}])).toMatchObject({ ok: false, code: 'invalid-input' });
  });
});

describe('saving content', () => {
  async function blank() {
    const letter = await core.api.lettersCreate({ title: '测试' });
    return core.api.lettersContentGet({ id: letter.id });
  }
  const doc = (text: string, key?: string) => ({
    type: 'doc' as const,
    content: [{ type: 'paragraph', attrs: { align: null, indent: true }, content: [{ type: 'text', text }, ...(key ? [{ type: 'field', attrs: { key } }] : [])] }],
  });

  it('stores body, fields and values in one commit and bumps the revision', async () => {
    const { letter } = await blank();
    const fields = [{ key: 'days', label: '时限', type: 'number' as const, required: true, options: { unit: '个工作日' } }];
    const saved = await core.api.lettersContentSave({ id: letter.id, revision: letter.revision, doc: doc('在', 'days'), fields, values: { days: 5 }, pageStyle: 'official' });
    expect(saved.revision).toBe(letter.revision + 1);
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    expect(content).toMatchObject({ fields, values: { days: 5 }, pageStyle: 'official' });
    expect(letterPlainText(letterBlocks(content.doc, content.fields, content.values))).toBe('在5个工作日');
  });

  it('refuses a stale revision with conflict and keeps the stored text', async () => {
    const { letter } = await blank();
    await core.api.lettersContentSave({ id: letter.id, revision: letter.revision, doc: doc('第一稿'), fields: [], values: {}, pageStyle: 'business' });
    const stale = core.api.lettersContentSave({ id: letter.id, revision: letter.revision, doc: doc('过期的'), fields: [], values: {}, pageStyle: 'business' });
    expect(await codeOf(stale)).toBe('conflict');
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    expect(JSON.stringify(content.doc)).toContain('第一稿');
  });

  it('strips control characters pasted from Word', async () => {
    const { letter } = await blank();
    await core.api.lettersContentSave({ id: letter.id, revision: letter.revision, doc: doc('甲\u000b乙\u0007丙'), fields: [], values: {}, pageStyle: 'business' });
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    expect(letterPlainText(letterBlocks(content.doc, [], {}))).toBe('甲乙丙');
  });

  it.each([
    ['a node the schema does not know', { type: 'doc', content: [{ type: 'script', content: [] }] }, [], 'invalid-document'],
    ['a clause inside a paragraph', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'clause' }] }] }, [], 'invalid-document'],
    ['a field without a definition', doc('x', 'ghost'), [], 'invalid-document'],
    ['a badly named field', doc('x'), [{ key: 'Bad Key', label: 'x', type: 'text', required: false }], 'invalid-input'],
  ])('refuses %s and stores nothing', async (_what, badDoc, fields, code) => {
    const { letter } = await blank();
    const result = await core.dispatch('lettersContentSave', [{ id: letter.id, revision: letter.revision, doc: badDoc, fields, values: {}, pageStyle: 'business' }]);
    expect(result).toMatchObject({ ok: false, code });
    expect((await core.api.lettersGet({ id: letter.id })).revision).toBe(letter.revision);
  });

  it('refuses a body over the size limit with a clear error', async () => {
    const { letter } = await blank();
    const huge = doc('承'.repeat(2_100_000));
    expect(await codeOf(core.api.lettersContentSave({ id: letter.id, revision: letter.revision, doc: huge, fields: [], values: {}, pageStyle: 'business' }))).toBe('invalid-document');
  });

  it('letters fill type-checks values by key', async () => {
    const [tp] = (await core.api.templatesList()).filter((t) => t.id === 'builtin-claims-service-obligations');
    const letter = await core.api.lettersCreate({ templateId: tp!.id });
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    const num = content.fields.find((f) => f.type === 'number')!;
    const text = content.fields.find((f) => f.type === 'text')!;
    const filled = await core.api.lettersFill({ id: letter.id, values: { [num.key]: 3, [text.key]: '甲公司' } });
    expect(filled.content.values).toMatchObject({ [num.key]: 3, [text.key]: '甲公司' });
    expect(await codeOf(core.api.lettersFill({ id: letter.id, values: { [num.key]: '三' } }))).toBe('invalid-input');
    expect(await codeOf(core.api.lettersFill({ id: letter.id, values: { nonexistent: 1 } }))).toBe('invalid-input');
  });
});

describe('user templates and packs', () => {
  it('built-ins are read-only; duplicates are editable; delete removes only user templates', async () => {
    const [builtin] = await core.api.templatesList();
    const full = await core.api.templatesGet({ id: builtin!.id });
    const { builtin: _b, createdAt: _c, updatedAt: _u, ...data } = full;
    expect(await codeOf(core.api.templatesSave({ template: data }))).toBe('template-readonly');
    expect(await codeOf(core.api.templatesDelete({ id: builtin!.id }))).toBe('template-readonly');
    const copy = await core.api.templatesDuplicate({ id: builtin!.id });
    expect(copy).toMatchObject({ builtin: false, name: `${full.name}（副本）` });
    const edited = await core.api.templatesSave({ template: { ...data, id: copy.id, name: '分公司版承诺书' } });
    expect(edited.name).toBe('分公司版承诺书');
    await core.api.templatesDelete({ id: copy.id });
    expect(await codeOf(core.api.templatesGet({ id: copy.id }))).toBe('not-found');
  });

  it('saves a letter as a template without its filled values', async () => {
    const [tp] = await core.api.templatesList();
    const letter = await core.api.lettersCreate({ templateId: tp!.id });
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    const textField = content.fields.find((f) => f.type === 'text')!;
    await core.api.lettersFill({ id: letter.id, values: { [textField.key]: '只属于这封信' } });
    const template = await core.api.templatesCreate({ name: '从函件保存', category: '我的模板', fromLetterId: letter.id });
    expect(template.fields).toEqual(content.fields);
    expect(JSON.stringify(template)).not.toContain('只属于这封信');
  });

  it('exports a pack through the save dialog and imports it on another PC', async () => {
    const copy = await core.api.templatesDuplicate({ id: (await core.api.templatesList())[0]!.id, name: '总公司下发模板' });
    dialogs.save = path.join(dir, 'pack.json');
    const exported = await core.api.templatesExportPack({ ids: [copy.id] });
    expect(exported).toEqual({ path: dialogs.save, count: 1 });
    const pack = parseTemplatePack(fs.readFileSync(dialogs.save, 'utf8'));
    expect(pack.format).toBe(TEMPLATE_PACK_FORMAT);

    const other = makeTempDir();
    const branch = openCore({ dataDir: other.dir, dialogs: { saveFile: async () => null, openFile: async () => dialogs.save } });
    try {
      expect(await branch.api.templatesImportPack()).toMatchObject({ imported: 1, replaced: 0 });
      expect((await branch.api.templatesList()).map((t) => t.name)).toContain('总公司下发模板');
      expect(await branch.api.templatesImportPack()).toMatchObject({ imported: 1, replaced: 1 });
    } finally {
      branch.close();
      other.cleanup();
    }
  });

  it('a cancelled dialog changes nothing', async () => {
    dialogs.save = null;
    dialogs.open = null;
    expect(await core.api.templatesExportPack({ ids: [(await core.api.templatesList())[0]!.id] })).toEqual({ path: null, count: 0 });
    expect(await core.api.templatesImportPack()).toEqual({ path: null, imported: 0, replaced: 0 });
  });

  const good = () => {
    const tpl = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../resources/templates/01-obligations.json'), 'utf8'));
    return { ...tpl, id: 'hq-template-1', name: '总公司模板' };
  };
  it.each([
    ['not JSON', '{"format": '],
    ['another file kind', JSON.stringify({ hello: 'world' })],
    ['a newer format version', JSON.stringify({ format: TEMPLATE_PACK_FORMAT, formatVersion: 99, templates: [good()] })],
    ['no templates', JSON.stringify({ format: TEMPLATE_PACK_FORMAT, formatVersion: 1, templates: [] })],
    ['a template with a bad field type', JSON.stringify({ format: TEMPLATE_PACK_FORMAT, formatVersion: 1, templates: [good(), { ...good(), id: 'x2', fields: [{ key: 'a', label: 'a', type: 'colour', required: false }] }] })],
    ['a document that breaks the schema', JSON.stringify({ format: TEMPLATE_PACK_FORMAT, formatVersion: 1, templates: [good(), { ...good(), id: 'x3', doc: { type: 'doc', content: [{ type: 'video' }] } }] })],
    ['a duplicate id', JSON.stringify({ format: TEMPLATE_PACK_FORMAT, formatVersion: 1, templates: [good(), good()] })],
    ['a built-in id', JSON.stringify({ format: TEMPLATE_PACK_FORMAT, formatVersion: 1, templates: [{ ...good(), id: 'builtin-claims-service-obligations' }] })],
  ])('refuses %s with bad-template-pack and imports nothing', async (_what, text) => {
    dialogs.open = path.join(dir, 'bad.json');
    fs.writeFileSync(dialogs.open, text);
    expect(await codeOf(core.api.templatesImportPack())).toBe('bad-template-pack');
    expect((await core.api.templatesList()).filter((t) => !t.builtin)).toHaveLength(0);
  });

  it('refuses a pack file over the size limit before reading it', async () => {
    dialogs.open = path.join(dir, 'huge.json');
    fs.writeFileSync(dialogs.open, Buffer.alloc(21 * 1024 * 1024, 32));
    expect(await codeOf(core.api.templatesImportPack())).toBe('bad-template-pack');
  });
});

describe('address book', () => {
  it('adds, edits, lists and deletes counterparties', async () => {
    const a = await core.api.partiesSave({ fullName: '乙方公司', address: '地址1' });
    await core.api.partiesSave({ id: a.id, fullName: '乙方公司（新）', signer: '李四' });
    expect(await core.api.partiesList()).toEqual([expect.objectContaining({ id: a.id, fullName: '乙方公司（新）', signer: '李四' })]);
    await core.api.partiesDelete({ id: a.id });
    expect(await core.api.partiesList()).toEqual([]);
    expect(await codeOf(core.api.partiesDelete({ id: a.id }))).toBe('not-found');
  });
});

/**
 * Issue #9, "history is read-only where it must be": archived and void letters refuse content
 * edits, 复制为新函件 starts a fresh draft from them, and a letter that went to paper reaches
 * the trash only when its number is repeated.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClient } from '../../electron/shared/client';
import { errorCode } from '../../electron/shared/errors';
import { ownNumberFields } from '../../electron/shared/field-roles';
import { runCli } from '../../electron/cli/run-cli';
import { copyTitle } from '../../electron/core/letter-copy';
import { useTempCore } from '../helpers/core-fixture';
import { requiredValues } from '../helpers/sample-values';
import { setNumberByHand } from '../helpers/hand-number';

let savePath: string | null = null;
const t = useTempCore({ dialogs: { saveFile: async () => savePath, openFile: async () => null } });
const api = () => makeClient((method, args) => t.core.dispatch(method, args));
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', errorCode);

async function readyLetter(templateId = 'builtin-health-consultation-guarantee') {
  const letter = await api().lettersCreate({ templateId });
  const { content } = await api().lettersContentGet({ id: letter.id });
  await api().lettersFill({ id: letter.id, values: requiredValues(content.fields) });
  return letter;
}

async function exportIt(id: number) {
  savePath = path.join(t.dir, `letter-${id}-${Math.random().toString(36).slice(2)}.docx`);
  return api().signExport({ id });
}

async function archived() {
  const letter = await readyLetter();
  await exportIt(letter.id);
  const state = await api().signState({ id: letter.id });
  for (const role of state.requiredRoles) await api().signRecord({ id: letter.id, role, name: `${role}代表`, dateSigned: '2026-05-08', method: '签字' });
  await api().signArchive({ id: letter.id });
  return api().lettersGet({ id: letter.id });
}

describe('archived and void letters are read-only', () => {
  it('refuses save, fill, rename and restore with illegal-transition, and leaves everything as it was', async () => {
    const letter = await archived();
    const before = await api().lettersContentGet({ id: letter.id });
    const versionsBefore = await api().versionsList({ id: letter.id });
    const { content } = before;
    const text = content.fields.find((f) => f.type === 'text' && !f.role)!;
    expect(await codeOf(api().lettersContentSave({ id: letter.id, revision: letter.revision, ...content, values: { ...content.values, [text.key]: '改动' } }))).toBe('illegal-transition');
    expect(await codeOf(api().lettersFill({ id: letter.id, values: { [text.key]: '改动' } }))).toBe('illegal-transition');
    expect(await codeOf(api().lettersRename({ id: letter.id, title: '新标题' }))).toBe('illegal-transition');
    expect(await codeOf(api().versionsRestore({ id: letter.id, seq: versionsBefore[versionsBefore.length - 1]!.seq }))).toBe('illegal-transition');
    expect(await api().lettersContentGet({ id: letter.id })).toEqual(before);
    expect(await api().versionsList({ id: letter.id })).toEqual(versionsBefore);
  });

  it('a voided draft is read-only too; a signed letter may still be edited (a new version)', async () => {
    const draft = await api().lettersCreate({ title: '草稿' });
    await api().signVoid({ id: draft.id, reason: '不再需要' });
    expect(await codeOf(api().lettersRename({ id: draft.id, title: '改名' }))).toBe('illegal-transition');

    const letter = await readyLetter();
    await exportIt(letter.id);
    const state = await api().signState({ id: letter.id });
    for (const role of state.requiredRoles) await api().signRecord({ id: letter.id, role, name: role, dateSigned: '2026-05-08', method: '签字' });
    expect((await api().lettersGet({ id: letter.id })).status).toBe('signed');
    await api().lettersRename({ id: letter.id, title: '签署后改名' });
    const { content } = await api().lettersContentGet({ id: letter.id });
    const text = content.fields.find((f) => f.type === 'text' && !f.role)!;
    await api().lettersFill({ id: letter.id, values: { [text.key]: '签署后改动' } });
    expect((await api().signState({ id: letter.id })).paperMatchesCurrent).toBe(false);
  });
});

describe('lettersCopy (复制为新函件)', () => {
  it('makes a fresh draft with the same content, the own number emptied, no number, versions or events', async () => {
    const letter = await archived();
    const original = await api().lettersContentGet({ id: letter.id });
    const own = ownNumberFields(original.content.fields);
    expect(own.length).toBeGreaterThan(0);
    expect(original.content.values[own[0]!.key]).toBe(letter.number);

    const copy = await api().lettersCopy({ id: letter.id });
    expect(copy).toMatchObject({ status: 'draft', number: null, title: `${letter.title}（副本）`, trashedAt: null });
    expect(copy.id).not.toBe(letter.id);
    const copied = await api().lettersContentGet({ id: copy.id });
    expect(copied.templateId).toBe(original.templateId);
    expect(copied.content.doc).toEqual(original.content.doc);
    expect(copied.content.fields).toEqual(original.content.fields);
    expect(copied.content.pageStyle).toBe(original.content.pageStyle);
    const expectedValues = { ...original.content.values };
    for (const f of own) delete expectedValues[f.key];
    expect(copied.content.values).toEqual(expectedValues);
    expect(await api().versionsList({ id: copy.id })).toEqual([]);
    const state = await api().signState({ id: copy.id });
    expect(state.events).toEqual([]);
    expect(state.scans).toEqual([]);
    // The copy is editable and can go to paper with a number of its own.
    await api().lettersRename({ id: copy.id, title: '续签承诺书' });
    const exported = await exportIt(copy.id);
    expect(exported.number).not.toBe(letter.number);
    // The original did not change.
    expect(await api().lettersContentGet({ id: letter.id })).toEqual(original);
  });

  it('takes a title, keeps the page style, and refuses trashed or unknown letters', async () => {
    const letter = await api().lettersCreate({ title: '原函件' });
    const { content } = await api().lettersContentGet({ id: letter.id });
    await api().lettersContentSave({ id: letter.id, revision: letter.revision, ...content, pageStyle: 'official' });
    const copy = await api().lettersCopy({ id: letter.id, title: '  另一份  ' });
    expect(copy.title).toBe('另一份');
    expect((await api().lettersContentGet({ id: copy.id })).content.pageStyle).toBe('official');
    expect(await codeOf(api().lettersCopy({ id: letter.id, title: ' ' }))).toBe('invalid-input');
    expect(await codeOf(api().lettersCopy({ id: 9999 }))).toBe('not-found');
    await api().lettersTrash({ id: letter.id });
    expect(await codeOf(api().lettersCopy({ id: letter.id }))).toBe('letter-trashed');
  });

  it('keeps the default title within the title limit', () => {
    expect(copyTitle('承诺书')).toBe('承诺书（副本）');
    const long = copyTitle('长'.repeat(200));
    expect(long.length).toBe(200);
    expect(long.endsWith('（副本）')).toBe(true);
    expect(copyTitle('😀'.repeat(100)).length).toBeLessThanOrEqual(200);
  });

  it('is on the command line: letters copy ID [--title T]', async () => {
    const letter = await archived();
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s), env: {} };
    // A second connection to the same data folder, as when the app is open beside the CLI.
    expect(await runCli(['letters', 'copy', String(letter.id), '--title', '命令行副本', '--json', '--data-dir', t.dir], io)).toBe(0);
    expect(JSON.parse(out.pop()!)).toMatchObject({ title: '命令行副本', status: 'draft', number: null });
    expect(await runCli(['letters', 'trash', String(letter.id), '--data-dir', t.dir], io)).toBe(1);
    expect(out.pop()).toMatch(/confirmation-required/);
    expect(await runCli(['letters', 'trash', String(letter.id), '--confirm', letter.number!, '--data-dir', t.dir], io)).toBe(0);
    expect((await api().lettersGet({ id: letter.id })).trashedAt).not.toBeNull();
  });
});

describe('trash needs the number of a letter that went to paper', () => {
  it('a draft without a number goes to the trash at once', async () => {
    const letter = await api().lettersCreate({ title: '草稿' });
    expect((await api().lettersTrash({ id: letter.id })).trashedAt).not.toBeNull();
  });

  it('an exported, signed or archived letter needs confirmNumber equal to its number', async () => {
    const exported = await readyLetter();
    const { number } = await exportIt(exported.id);
    const archivedLetter = await archived();
    for (const letter of [await api().lettersGet({ id: exported.id }), archivedLetter]) {
      expect(await codeOf(api().lettersTrash({ id: letter.id }))).toBe('confirmation-required');
      expect(await codeOf(api().lettersTrash({ id: letter.id, confirmNumber: 'HXCN-2099-9999' }))).toBe('confirmation-required');
      expect((await api().lettersGet({ id: letter.id })).trashedAt).toBeNull();
      const trashed = await api().lettersTrash({ id: letter.id, confirmNumber: ` ${letter.number!} ` });
      expect(trashed.trashedAt).not.toBeNull();
      expect(await codeOf(api().lettersTrash({ id: letter.id, confirmNumber: letter.number! }))).toBe('letter-trashed');
    }
    expect(number).toBeTruthy();
  });

  it('a number given by hand counts too', async () => {
    const letter = await api().lettersCreate({ title: '手工编号' });
    setNumberByHand(t.core.store, letter.id, 'SG-001');
    expect(await codeOf(api().lettersTrash({ id: letter.id }))).toBe('confirmation-required');
    await api().lettersTrash({ id: letter.id, confirmNumber: 'SG-001' });
  });
});

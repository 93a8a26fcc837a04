/**
 * Where an export is written (issue #14), through the real core: a read-only file is refused
 * with `read-only` and nothing changes — no file, no version, no number, no event; the file's
 * extension matches the format (added where missing, a PDF never saved as .docx).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode } from '../../electron/shared/errors';
import { ownNumberFields } from '../../electron/shared/field-roles';
import { useTempCore } from '../helpers/core-fixture';
import { fillAll, loadTemplates } from '../helpers/render-docx';
import { runCliIn } from '../helpers/cli-run';

const dialogs = { save: null as string | null };
const t = useTempCore({
  dialogs: { saveFile: async () => dialogs.save, openFile: async () => null },
  pdf: { renderPdf: async (_html, out) => fs.writeFileSync(out, '%PDF-1.4 stand-in') },
});

async function filledLetter(): Promise<number> {
  const template = loadTemplates().find((x) => ownNumberFields(x.fields).length > 0)!;
  const letter = await t.core.api.lettersCreate({ templateId: template.id });
  const values = fillAll(template.fields);
  for (const f of ownNumberFields(template.fields)) delete values[f.key];
  await t.core.api.lettersFill({ id: letter.id, values });
  return letter.id;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return errorCode(err);
  }
  return 'no error';
}

describe('export target', () => {
  it('refuses to overwrite a read-only file: read-only, the file untouched, no version', async () => {
    const id = await filledLetter();
    const file = path.join(t.dir, 'signed.docx');
    fs.writeFileSync(file, 'the signed paper');
    fs.chmodSync(file, 0o444);
    dialogs.save = file;
    const versions = (await t.core.api.versionsList({ id })).length;
    expect(await codeOf(t.core.api.lettersExport({ id, format: 'docx' }))).toBe('read-only');
    expect(fs.readFileSync(file, 'utf8')).toBe('the signed paper');
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    // Export for signature: no number assigned, no event, no version, the status unchanged.
    const before = await t.core.api.lettersGet({ id });
    expect(await codeOf(t.core.api.signExport({ id }))).toBe('read-only');
    const after = await t.core.api.lettersGet({ id });
    expect(after.number).toBe(before.number);
    expect(after.status).toBe(before.status);
    expect(fs.readFileSync(file, 'utf8')).toBe('the signed paper');
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await t.core.api.versionsList({ id })).length).toBe(versions);
    fs.chmodSync(file, 0o644);
  });

  it('adds the format’s extension to a name without one, and refuses a name of another format', async () => {
    const id = await filledLetter();
    dialogs.save = path.join(t.dir, '承诺书');
    expect((await t.core.api.lettersExport({ id, format: 'docx' })).path).toBe(path.join(t.dir, '承诺书.docx'));
    expect(fs.existsSync(path.join(t.dir, '承诺书.docx'))).toBe(true);
    dialogs.save = path.join(t.dir, 'x.docx');
    const versions = (await t.core.api.versionsList({ id })).length;
    expect(await codeOf(t.core.api.lettersExport({ id, format: 'pdf' }))).toBe('invalid-input');
    expect(fs.existsSync(path.join(t.dir, 'x.docx'))).toBe(false);
    expect((await t.core.api.versionsList({ id })).length).toBe(versions);
    dialogs.save = path.join(t.dir, 'paper.pdf');
    expect(await codeOf(t.core.api.signExport({ id }))).toBe('invalid-input');
    expect((await t.core.api.lettersGet({ id })).number).toBeNull();
    dialogs.save = path.join(t.dir, 'x');
    expect((await t.core.api.lettersExport({ id, format: 'pdf' })).path).toBe(path.join(t.dir, 'x.pdf'));
  });
});

describe('export target from the CLI', () => {
  const cli = (...args: string[]) => runCliIn(path.join(t.dir, 'cli-data'), ...args);

  it('refuses --format pdf --out x.docx and a read-only target, adds a missing extension, and names the target in errors', async () => {
    const out = path.join(t.dir, 'cli-out');
    fs.mkdirSync(out);
    const created = await cli('letters', 'create', '--title', '导出测试函', '--json');
    expect(created.code, created.err).toBe(0);
    const id = String((JSON.parse(created.out) as { id: number }).id);

    const mismatch = await cli('export', id, '--format', 'pdf', '--out', path.join(out, 'x.docx'));
    expect(mismatch.code).toBe(1);
    expect(mismatch.err).toContain('[invalid-input]');
    expect(mismatch.err).toContain(path.join(out, 'x.docx'));
    expect(fs.readdirSync(out)).toEqual([]);

    const bare = await cli('export', id, '--out', path.join(out, '承诺书'));
    expect(bare.code, bare.err).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['承诺书.docx']);
    expect(fs.readFileSync(path.join(out, '承诺书.docx')).subarray(0, 2).toString()).toBe('PK');

    const readOnly = path.join(out, 'signed.docx');
    fs.writeFileSync(readOnly, 'the signed paper');
    fs.chmodSync(readOnly, 0o444);
    const refused = await cli('export', id, '--out', readOnly);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[read-only]');
    expect(fs.readFileSync(readOnly, 'utf8')).toBe('the signed paper');
    expect(fs.statSync(readOnly).mode & 0o777).toBe(0o444);
    fs.chmodSync(readOnly, 0o644);

    const missing = path.join(out, 'no-such-folder', 'x.docx');
    const failed = await cli('export', id, '--out', missing);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain(missing);
    expect(failed.err).not.toMatch(/\.tmp\b/);
    expect(fs.readdirSync(out).sort()).toEqual(['signed.docx', '承诺书.docx']);
  });
});

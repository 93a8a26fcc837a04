/**
 * An export's paper is exactly its version, and a failed export leaves nothing (issues #4, #11):
 * the file is rendered under a temporary name first; the version is frozen, in the transaction
 * that renames the file into place, only when the whole file is on disk. Through the real core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode } from '../../electron/shared/errors';
import { useTempCore } from '../helpers/core-fixture';
import { fillAll, loadTemplates } from '../helpers/render-docx';

/** What the PDF port does next: write the HTML, fail, or run something first (the clerk typing). */
const port = {
  save: null as string | null,
  rendered: [] as string[],
  before: null as null | (() => Promise<void>),
  fail: null as null | (() => Error),
};
const t = useTempCore({
  dialogs: { saveFile: async () => port.save, openFile: async () => null },
  pdf: {
    renderPdf: async (html, out) => {
      const before = port.before;
      port.before = null;
      if (before) await before();
      if (port.fail) throw port.fail();
      port.rendered.push(html);
      fs.writeFileSync(out, `%PDF-1.4\n${html}`);
    },
  },
});

async function filledLetter(): Promise<number> {
  const template = loadTemplates()[0]!;
  const letter = await t.core.api.lettersCreate({ templateId: template.id });
  await t.core.api.lettersFill({ id: letter.id, values: fillAll(template.fields) });
  port.rendered = [];
  port.before = null;
  port.fail = null;
  port.save = path.join(t.dir, 'out', '承诺书.pdf');
  fs.mkdirSync(path.dirname(port.save), { recursive: true });
  return letter.id;
}

const filesIn = (dir: string) => fs.readdirSync(dir).sort();

describe('export: the paper is the version, a failed export leaves nothing', () => {
  it('a render that fails leaves no version, no file and no temporary file', async () => {
    const id = await filledLetter();
    const before = await t.core.api.versionsList({ id });
    port.fail = () => new Error('the renderer crashed');
    await expect(t.core.api.lettersExport({ id, format: 'pdf' })).rejects.toThrow(/crashed/);
    expect(await t.core.api.versionsList({ id })).toEqual(before);
    expect(filesIn(path.dirname(port.save!))).toEqual([]);
  });

  it('a full disk while the PDF is written: disk-full, no version, nothing left; the same export works afterwards', async () => {
    const id = await filledLetter();
    const before = await t.core.api.versionsList({ id });
    port.fail = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const code = await t.core.api.lettersExport({ id, format: 'pdf' }).then(() => 'no error', errorCode);
    expect(code).toBe('disk-full');
    expect(await t.core.api.versionsList({ id })).toEqual(before);
    expect(filesIn(path.dirname(port.save!))).toEqual([]);
    port.fail = null;
    const done = await t.core.api.lettersExport({ id, format: 'pdf' });
    expect(done.path).toBe(port.save);
    expect(filesIn(path.dirname(port.save!))).toEqual(['承诺书.pdf']);
    expect(await t.core.api.versionsList({ id })).toHaveLength(before.length + 1);
  });

  it('text saved while the paper renders: the version is the paper, the draft keeps the newer text', async () => {
    const id = await filledLetter();
    const { content: paper, letter } = await t.core.api.lettersContentGet({ id });
    const newer = { ...paper, doc: { type: 'doc' as const, content: [...(paper.doc as { content: unknown[] }).content, { type: 'paragraph', attrs: { align: null, indent: true }, content: [{ type: 'text', text: '渲染期间新加的一段' }] }] } };
    port.before = async () => void (await t.core.api.lettersContentSave({ id, revision: letter.revision, ...newer }));
    const result = await t.core.api.lettersExport({ id, format: 'pdf' });
    const version = await t.core.api.versionsGet({ id, seq: result.version!.seq });
    expect(version.content.doc).toEqual(paper.doc);
    expect(JSON.stringify(version.content.doc)).not.toContain('渲染期间新加的一段');
    expect(port.rendered.at(-1)).not.toContain('渲染期间新加的一段');
    expect(port.rendered.at(-1)).toContain(result.version!.fingerprint);
    expect(JSON.stringify((await t.core.api.lettersContentGet({ id })).content.doc)).toContain('渲染期间新加的一段');
  });

  it('a version made while the paper renders: rendered again, so the printed label is the frozen version', async () => {
    const id = await filledLetter();
    const { content, letter } = await t.core.api.lettersContentGet({ id });
    port.before = async () => {
      // Ctrl+S in another window: a manual version of an edited text takes the next seq.
      const edited = { ...content, doc: { type: 'doc' as const, content: [...(content.doc as { content: unknown[] }).content, { type: 'paragraph', attrs: { align: null, indent: true }, content: [{ type: 'text', text: '另一窗口的修改' }] }] } };
      await t.core.api.lettersContentSave({ id, revision: letter.revision, ...edited });
      await t.core.api.versionsSave({ id, note: '另一窗口' });
    };
    const result = await t.core.api.lettersExport({ id, format: 'pdf' });
    expect(port.rendered).toHaveLength(2);
    const label = `v${result.version!.seq}`;
    expect(port.rendered.at(-1)).toContain(label);
    expect(port.rendered.at(-1)).toContain(result.version!.fingerprint);
    const frozen = await t.core.api.versionsGet({ id, seq: result.version!.seq });
    expect(JSON.stringify(frozen.content.doc)).toContain('另一窗口的修改');
    expect(frozen.exportedAt).not.toBeNull();
  });
});

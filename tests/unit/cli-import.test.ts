/** `letterdesk import text|docx` (issue #12): --json structure, --dry-run, and creating letters and templates. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { consultLetter, flattened } from '../fixtures/import/letters';
import { EXPECTED } from '../fixtures/import/expected';
import { runCliIn } from '../helpers/cli-run';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('letterdesk-cli-import-')));
afterEach(() => cleanup());

const cli = (...args: string[]) => runCliIn(dir, ...args);

describe('letterdesk import', () => {
  it('prints the recovered structure with --json and saves nothing with --dry-run', async () => {
    const file = path.join(dir, 'pasted.txt');
    // UTF-16 with a BOM, as Windows Notepad saves "Unicode" text.
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(flattened(consultLetter), 'utf16le')]));
    const res = await cli('import', 'text', file, '--dry-run', '--json');
    expect(res.code).toBe(0);
    const data = JSON.parse(res.out);
    expect(data.blocks.map((b: { kind: string; marker?: string; level?: number; text: string }) => [b.kind, b.marker ?? '', b.level ?? -1, b.text].join(' | '))).toEqual(EXPECTED['consult_flat']!.blocks);
    expect(data.fields).toEqual(EXPECTED['consult_flat']!.fields);
    expect(data).toMatchObject({ dryRun: true, title: '健康咨询服务保证承诺书' });
    expect(JSON.parse((await cli('letters', 'list', '--json')).out).total).toBe(0);
  });

  it('creates a template from text and a letter from a Word file', async () => {
    const file = path.join(dir, 'letter.txt');
    fs.writeFileSync(file, consultLetter.lines);
    const tpl = await cli('import', 'text', file, '--as', 'template', '--category', '咨询服务', '--json');
    expect(tpl.code).toBe(0);
    const { templateId } = JSON.parse(tpl.out);
    const shown = JSON.parse((await cli('templates', 'show', templateId, '--json')).out);
    expect(shown).toMatchObject({ name: '健康咨询服务保证承诺书', category: '咨询服务' });
    expect(shown.fields).toHaveLength(15);

    const docx = await cli('import', 'docx', '/work/shared/fixtures/real-docx/supplier-commitment.docx', '--title', '供应商承诺书');
    expect(docx.code).toBe(0);
    expect(docx.out).toContain('已创建函件 letter created');
    const list = JSON.parse((await cli('letters', 'list', '--json')).out);
    expect(list.items[0].title).toBe('供应商承诺书');
  });

  it('refuses a file of the wrong kind with its code', async () => {
    const file = path.join(dir, 'not.docx');
    fs.writeFileSync(file, '这不是 Word 文档');
    const res = await cli('import', 'docx', file);
    expect(res.code).toBe(1);
    expect(res.err).toContain('[unsupported-file]');
  });
});

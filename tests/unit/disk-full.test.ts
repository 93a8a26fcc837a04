/**
 * A full disk (issue #11) during autosave, version creation and export: a clear `disk-full`
 * (its message tells the user to free space), nothing partial in the database or on disk,
 * and the same save succeeds once there is space again (the editor keeps the work in memory
 * and retries). SQLite's full disk is simulated with `PRAGMA max_page_count` on the real
 * file; the export's with a 256 KB tmpfs (this needs `mount`, i.e. root: it fails, never
 * skips, where it cannot mount). Backup and archive import: disk-full-backup.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import { en, zhCN } from '../../renderer/src/lib/messages';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';
import { requiredValues } from '../helpers/sample-values';

let core: Core;
let dir: string;
let cleanup: () => void;
let savePath: string | null = null;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  core = openCore({ dataDir: dir, clock: makeFakeClock('2026-05-08T09:00:00.000Z'), dialogs: { openFile: async () => null, saveFile: async () => savePath } });
});
afterEach(() => {
  core.close();
  cleanup();
});

/** The database may not grow by a single page from now on; returns a function giving the space back. */
function fillDisk(): () => void {
  const pages = core.db.pragma('page_count', { simple: true }) as number;
  core.db.pragma(`max_page_count = ${pages}`);
  return () => void core.db.pragma('max_page_count = 1073741823');
}

/** A paragraph of `n` characters: enough new content that the database must grow. */
const big = (n: number) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '承诺'.repeat(n / 2) }] }] });

describe('a full disk while saving', () => {
  it('autosave: disk-full, the stored letter unchanged, and the same save succeeds once there is space', async () => {
    const letter = await core.api.lettersCreate({ title: '磁盘' });
    const before = await core.api.lettersContentGet({ id: letter.id });
    const giveBack = fillDisk();
    const save = { id: letter.id, revision: before.letter.revision, doc: big(200_000), fields: [], values: {}, pageStyle: 'business' };
    const full = await core.dispatch('lettersContentSave', [save]);
    expect(full).toMatchObject({ ok: false, code: 'disk-full' });
    expect(await core.api.lettersContentGet({ id: letter.id })).toEqual(before);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    giveBack();
    const saved = await core.dispatch('lettersContentSave', [save]);
    expect(saved).toMatchObject({ ok: true });
    expect((await core.api.lettersContentGet({ id: letter.id })).content.doc).toEqual(save.doc);
  });

  it('version creation: disk-full, no version half-written; saved once there is space', async () => {
    const letter = await core.api.lettersCreate({ title: '版本' });
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    await core.api.lettersContentSave({ id: letter.id, revision: letter.revision, doc: big(200_000) as never, fields: content.fields, values: {}, pageStyle: 'business' });
    const versions = await core.api.versionsList({ id: letter.id });
    const giveBack = fillDisk();
    expect(await core.dispatch('versionsSave', [{ id: letter.id, note: '满' }])).toMatchObject({ ok: false, code: 'disk-full' });
    expect(await core.api.versionsList({ id: letter.id })).toEqual(versions);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    giveBack();
    expect(await core.dispatch('versionsSave', [{ id: letter.id, note: '满' }])).toMatchObject({ ok: true, value: { note: '满' } });
  });

  it('the user is told in Chinese (and English) that the disk is full and nothing was saved', () => {
    expect(zhCN['error.disk-full']).toMatch(/磁盘空间已满/);
    expect(en['error.disk-full']).toMatch(/disk is full/i);
  });
});

describe('a full disk while exporting', () => {
  let mountDir: string;
  let mountCleanup: () => void;
  beforeAll(() => {
    ({ dir: mountDir, cleanup: mountCleanup } = makeTempDir('letterdesk-full-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountDir], { stdio: 'pipe' });
    } catch (err) {
      throw new Error(`This test needs a small tmpfs (mount -t tmpfs, as root) to fill a disk: ${(err as Error).message}`);
    }
  });
  afterAll(() => {
    try {
      execFileSync('umount', [mountDir], { stdio: 'pipe' });
    } finally {
      mountCleanup();
    }
  });

  it('.docx export to a full disk: disk-full, no file, no temporary file and no version left; works once there is space', async () => {
    const letter = await core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    await core.api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
    const filler = path.join(mountDir, 'filler.bin');
    // Fill the tmpfs to the last few KB: a .docx (tens of KB) cannot fit.
    try {
      fs.writeFileSync(filler, Buffer.alloc(256 * 1024));
    } catch {
      // ENOSPC: it is full now, which is the point
    }
    savePath = path.join(mountDir, '承诺书.docx');
    const versionsBefore = await core.api.versionsList({ id: letter.id });
    const result = await core.dispatch('lettersExport', [{ id: letter.id, format: 'docx' }]);
    expect(result).toMatchObject({ ok: false, code: 'disk-full' });
    expect(fs.readdirSync(mountDir).sort()).toEqual(['filler.bin']);
    // No 'export' version either: the version is frozen only once the whole file is on disk.
    expect(await core.api.versionsList({ id: letter.id })).toEqual(versionsBefore);
    fs.rmSync(filler);
    expect(await core.dispatch('lettersExport', [{ id: letter.id, format: 'docx' }])).toMatchObject({ ok: true, value: { path: savePath } });
    expect(fs.readFileSync(savePath).subarray(0, 2).toString()).toBe('PK');
    savePath = null;
  });
});

/**
 * A full disk (issue #11) while backing up and while importing an archive: `disk-full`, no
 * half-written backup or staging folder left, the open database untouched, and the same step
 * works once there is space. Each disk is a real tmpfs (mount -t tmpfs, so root — as in CI; the
 * test fails, never skips, where it cannot mount), grown afterwards with `remount,size=`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupJob } from '../../electron/shared/backup';
import { openCore, type Core } from '../../electron/core/create-api';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';

const undo: (() => void)[] = [];
afterEach(() => {
  while (undo.length) {
    try {
      undo.pop()!();
    } catch {
      // keep cleaning up
    }
  }
});

/** A tmpfs of `size` at a fresh folder; unmounted after the test. */
function smallDisk(size: string): { dir: string; grow: (to: string) => void } {
  const { dir, cleanup } = makeTempDir('letterdesk-fulldisk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    cleanup();
    throw new Error(`This test needs a small tmpfs (mount -t tmpfs, as root) to fill a disk: ${(err as Error).message}`);
  }
  undo.push(() => {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    cleanup();
  });
  return { dir, grow: (to) => execFileSync('mount', ['-o', `remount,size=${to}`, dir], { stdio: 'pipe' }) };
}

function open(dataDir: string, dialogs: { save?: string; open?: string } = {}): Core {
  const core = openCore({
    dataDir,
    clock: makeFakeClock('2026-05-08T09:00:00.000Z'),
    dialogs: { saveFile: async () => dialogs.save ?? null, openFile: async () => dialogs.open ?? null },
  });
  undo.push(() => core.close());
  return core;
}

async function finished(core: Core, job: BackupJob | null): Promise<BackupJob> {
  expect(job).not.toBeNull();
  for (;;) {
    const now = await core.api.backupsJobGet({ id: job!.id });
    if (now.state !== 'running') return now;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Letters with enough text that their database is a few hundred KB. */
async function someLetters(core: Core, n: number, chars: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const l = await core.api.lettersCreate({ title: `承诺书${i}` });
    const doc = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: `第${i}份`.padEnd(chars, '保') }] }] };
    await core.api.lettersContentSave({ id: l.id, revision: l.revision, doc, fields: [], values: {}, pageStyle: 'business' });
    ids.push(l.id);
  }
  return ids;
}

describe('a full disk while backing up', () => {
  it('disk-full, no .partial left, the database untouched; the backup works once there is space', async () => {
    const data = makeTempDir('letterdesk-data-');
    undo.push(data.cleanup);
    const core = open(data.dir);
    await someLetters(core, 20, 20_000);
    const disk = smallDisk('64k');
    core.backups.setFolder(disk.dir);
    const listBefore = await core.api.lettersList({ limit: 100 });

    const failed = await core.dispatch('backupsCreate', []);
    expect(failed).toMatchObject({ ok: false, code: 'disk-full' });
    expect(fs.readdirSync(disk.dir)).toEqual([]);
    expect(await core.api.lettersList({ limit: 100 })).toEqual(listBefore);
    expect(core.db.pragma('quick_check', { simple: true })).toBe('ok');

    disk.grow('32m');
    const made = await core.api.backupsCreate();
    expect(made.verified).toBe(true);
    expect(fs.readdirSync(disk.dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});

describe('a full disk while importing an archive', () => {
  it('disk-full, no staging or installing file left, the open database untouched; the import works once there is space', async () => {
    // The archive: a database of ~1 MB, from another folder.
    const source = makeTempDir('letterdesk-source-');
    undo.push(source.cleanup);
    const archive = path.join(source.dir, '归档.ldarchive');
    const from = open(path.join(source.dir, 'data'), { save: archive });
    await someLetters(from, 40, 20_000);
    const exported = await finished(from, await from.api.archiveExport());
    expect(exported.state).toBe('done');

    // This PC's data folder lives on a disk with room for its own small database only.
    const disk = smallDisk('1m');
    const core = open(disk.dir, { open: archive });
    const mine = await someLetters(core, 1, 100);
    const listBefore = await core.api.lettersList({ limit: 100 });
    const filesBefore = fs.readdirSync(disk.dir).sort();

    const job = await finished(core, await core.api.archiveImport());
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('disk-full');
    expect(await core.api.lettersList({ limit: 100 })).toEqual(listBefore);
    expect(await core.api.lettersGet({ id: mine[0]! })).toMatchObject({ title: '承诺书0' });
    const left = fs.readdirSync(disk.dir).filter((n) => !filesBefore.includes(n) && n !== 'backups');
    expect(left, 'staging, installing or partial files left behind').toEqual([]);

    disk.grow('64m');
    const again = await finished(core, await core.api.archiveImport());
    expect(again.state, again.error?.message).toBe('done');
    expect((await core.api.lettersList({ limit: 100 })).total).toBe(40);
  });
});

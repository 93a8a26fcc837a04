/**
 * Attaching a scanned signed copy (issue #11): only a regular file, read with a hard cap while
 * reading (a FIFO hung `sign attach`, /dev/zero grew memory without bound), its content
 * checked fully (a `%PDF-` header on an executable was stored as a PDF), its name kept as
 * sanitised display text only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import { runCli } from '../../electron/cli/run-cli';
import { readRegularFileCapped } from '../../electron/core/signatures/scan-file';
import { sniffScan } from '../../electron/core/signatures/scan-sniff';
import { MAX_SCAN_BYTES } from '../../electron/core/signatures/scans-repo';
import { errorCode } from '../../electron/shared/errors';
import { displayFileName } from '../../electron/shared/text-rules';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';
import { requiredValues } from '../helpers/sample-values';
import { minimalJpeg, minimalPdf, minimalPng } from '../helpers/scan-files';

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', errorCode);

describe('reading a scan file', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('refuses a FIFO at once instead of hanging', async () => {
    const fifo = path.join(dir, 'scan.pdf');
    execFileSync('mkfifo', [fifo]);
    const t = performance.now();
    await expect(readRegularFileCapped(fifo, MAX_SCAN_BYTES)).rejects.toMatchObject({ code: 'unsupported-file', message: expect.stringContaining('FIFO') });
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('refuses a device, a folder and a symlink to a device', async () => {
    await expect(readRegularFileCapped('/dev/zero', MAX_SCAN_BYTES)).rejects.toMatchObject({ code: 'unsupported-file', message: expect.stringContaining('device') });
    await expect(readRegularFileCapped(dir, MAX_SCAN_BYTES)).rejects.toMatchObject({ code: 'unsupported-file' });
    const link = path.join(dir, 'innocent.png');
    fs.symlinkSync('/dev/zero', link);
    await expect(readRegularFileCapped(link, MAX_SCAN_BYTES)).rejects.toMatchObject({ code: 'unsupported-file' });
    await expect(readRegularFileCapped(path.join(dir, 'missing.pdf'), MAX_SCAN_BYTES)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stops at the cap while reading, whatever the size says', async () => {
    const big = path.join(dir, 'big.pdf');
    fs.writeFileSync(big, Buffer.alloc(1001, 1));
    await expect(readRegularFileCapped(big, 1000)).rejects.toMatchObject({ code: 'file-too-large' });
    expect((await readRegularFileCapped(big, 1001)).length).toBe(1001);
    // A sparse file far larger than the cap is refused after reading cap + 1 bytes only.
    const sparse = path.join(dir, 'sparse.pdf');
    fs.closeSync(fs.openSync(sparse, 'w'));
    fs.truncateSync(sparse, 4 * 1024 ** 3);
    const before = process.memoryUsage().rss;
    await expect(readRegularFileCapped(sparse, MAX_SCAN_BYTES)).rejects.toMatchObject({ code: 'file-too-large' });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a symlink to a regular file is read (the file is what is checked)', async () => {
    const real = path.join(dir, 'real.pdf');
    fs.writeFileSync(real, minimalPdf());
    const link = path.join(dir, 'link.pdf');
    fs.symlinkSync(real, link);
    expect((await readRegularFileCapped(link, MAX_SCAN_BYTES)).equals(minimalPdf())).toBe(true);
  });
});

describe('what a scan is, by its content', () => {
  it('accepts a real PDF, PNG and JPEG', () => {
    expect(sniffScan(minimalPdf())).toMatchObject({ ok: true, mime: 'application/pdf' });
    expect(sniffScan(minimalPng(640, 480))).toMatchObject({ ok: true, mime: 'image/png', width: 640, height: 480 });
    expect(sniffScan(minimalJpeg(800, 600))).toMatchObject({ ok: true, mime: 'image/jpeg', width: 800, height: 600 });
  });

  const elf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(200, 0x90), Buffer.from('\n%%EOF\n')]);
  const pdf = minimalPdf();
  const png = minimalPng();
  const badCrc = Buffer.from(png);
  badCrc[29] = badCrc[29]! ^ 0xff; // inside IHDR's CRC
  const hugePng = minimalPng(40_000, 1);
  const jpeg = minimalJpeg();
  it.each([
    ['an executable with a %PDF- header', elf],
    ['a PDF whose startxref points nowhere', Buffer.concat([pdf.subarray(0, pdf.lastIndexOf('startxref')), Buffer.from('startxref\n9\n%%EOF\n')])],
    ['a PDF cut short (no %%EOF)', pdf.subarray(0, pdf.length - 7)],
    ['a PDF header only', Buffer.from('%PDF-1.7\n')],
    ['a PNG signature on garbage', Buffer.concat([png.subarray(0, 8), Buffer.alloc(100, 7)])],
    ['a PNG with a wrong IHDR checksum', badCrc],
    ['a PNG 40,000 pixels wide', hugePng],
    ['a PNG cut short', png.subarray(0, png.length - 12)],
    ['a JPEG without a frame header', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
    ['a JPEG cut short', jpeg.subarray(0, jpeg.length - 2)],
    ['a JPEG whose segment runs past the end', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x7f, 0xff, 0, 0])],
    ['an empty file', Buffer.alloc(0)],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffScan(bytes)).toMatchObject({ ok: false });
  });
});

describe('the name a scan is shown by', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\scan.pdf', 'scan.pdf'],
    ['evil\u202Egnp.exe', 'evilgnp.exe'],
    ['a\u0000b\u0007c\u001Fd\u007Fe.pdf', 'abcde.pdf'],
    ['x\uD800y.png', 'xy.png'],
    ['line\nbreak.pdf', 'linebreak.pdf'],
    ['...hidden.pdf', 'hidden.pdf'],
    ['\u202E\u0001', '扫描件.pdf'],
    ['签署件（盖章）.pdf', '签署件（盖章）.pdf'],
  ])('%j is shown as %j', (name, shown) => {
    expect(displayFileName(name, '扫描件.pdf')).toBe(shown);
  });
});

describe('attaching through the API', () => {
  let core: Core;
  let dir: string;
  let cleanup: () => void;
  const dialogs = { save: null as string | null, open: null as string | null };
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    core = openCore({ dataDir: dir, clock: makeFakeClock('2026-05-08T09:00:00.000Z'), dialogs: { saveFile: async () => dialogs.save, openFile: async () => dialogs.open } });
  });
  afterEach(() => {
    core.close();
    cleanup();
  });

  async function exportedLetter() {
    const letter = await core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
    const { content } = await core.api.lettersContentGet({ id: letter.id });
    await core.api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
    dialogs.save = path.join(dir, 'for-signature.docx');
    await core.api.signExport({ id: letter.id });
    return letter;
  }

  it('stores a real scan under its id with a sanitised display name, and refuses the rest without recording anything', async () => {
    const letter = await exportedLetter();
    const events = async () => (await core.api.signState({ id: letter.id })).events.length;
    const start = await events();

    dialogs.open = '/dev/zero';
    expect(await codeOf(core.api.signAttachScan({ id: letter.id }))).toBe('unsupported-file');
    const fifo = path.join(dir, 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    dialogs.open = fifo;
    expect(await codeOf(core.api.signAttachScan({ id: letter.id }))).toBe('unsupported-file');
    dialogs.open = path.join(dir, 'setup.pdf');
    fs.writeFileSync(dialogs.open, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0x4d, 0x5a, 0x90, 0]), Buffer.alloc(64), Buffer.from('%%EOF\n')]));
    expect(await codeOf(core.api.signAttachScan({ id: letter.id }))).toBe('unsupported-file');
    expect(await events()).toBe(start);

    dialogs.open = path.join(dir, 'a\\b\u202Egnp.exe\u0001.png');
    fs.writeFileSync(dialogs.open, minimalPng());
    const scan = await core.api.signAttachScan({ id: letter.id });
    expect(scan).toMatchObject({ mime: 'image/png', fileName: 'bgnp.exe.png' });
    const state = await core.api.signState({ id: letter.id });
    expect(state.events.at(-1)).toMatchObject({ kind: 'scan-attached', payload: { fileName: 'bgnp.exe.png' } });
    expect((await core.api.signScanData({ id: letter.id, scanId: scan!.id })).fileName).toBe('bgnp.exe.png');
  });

  it('the CLI (`sign attach`) refuses a FIFO and /dev/zero at once instead of hanging or growing', async () => {
    const letter = await exportedLetter();
    const fifo = path.join(dir, 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero']) {
      const err: string[] = [];
      const t = performance.now();
      const code = await runCli(['sign', 'attach', String(letter.id), file, '--data-dir', dir], { out: () => {}, err: (m) => err.push(m), env: {} });
      expect(performance.now() - t).toBeLessThan(5000);
      expect(code).not.toBe(0);
      expect(err.join('\n')).toContain('[unsupported-file]');
    }
  });
});

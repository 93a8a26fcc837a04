/**
 * Writing an export to disk: atomic replace (the target is the old file or the whole new
 * one, never half), the error codes the renderer explains, no temporary file left behind,
 * and the default file name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultExportFileName, exportFilePath, stageFile, writeFileAtomic } from '../../electron/core/export';
import { writeErrorCode } from '../../electron/core/export/write-atomic';
import { errorCode } from '../../electron/shared/errors';
import { makeTempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('letterdesk-write-');
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.chmodSync(tmp.dir, 0o700);
  tmp.cleanup();
});

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const listing = () => fs.readdirSync(tmp.dir).sort();
function codeOf(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    return errorCode(err);
  }
  return 'no error';
}
function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
}

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one whole, leaving nothing else in the folder', () => {
    const file = path.join(tmp.dir, '承诺书_v1.docx');
    writeFileAtomic(file, Buffer.from('first'));
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    writeFileAtomic(file, '第二版');
    expect(fs.readFileSync(file, 'utf8')).toBe('第二版');
    expect(listing()).toEqual(['承诺书_v1.docx']);
  });

  it('reports a full disk as disk-full, keeps the old file and removes the temporary one', () => {
    const file = path.join(tmp.dir, 'letter.docx');
    fs.writeFileSync(file, 'old');
    vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw errno('ENOSPC');
    });
    expect(codeOf(() => writeFileAtomic(file, Buffer.alloc(1024)))).toBe('disk-full');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(listing()).toEqual(['letter.docx']);
  });

  it('reports a file held open by Word (EBUSY, or EPERM/EACCES replacing it on Windows) as file-locked', () => {
    const file = path.join(tmp.dir, 'letter.docx');
    fs.writeFileSync(file, 'old');
    for (const code of ['EBUSY', 'EPERM', 'EACCES']) {
      const rename = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
        throw errno(code);
      });
      expect(codeOf(() => writeFileAtomic(file, 'new')), code).toBe('file-locked');
      rename.mockRestore();
      expect(fs.readFileSync(file, 'utf8')).toBe('old');
      expect(listing()).toEqual(['letter.docx']);
    }
  });

  it('reports a folder it may not write in as read-only', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS']) {
      const open = vi.spyOn(fs, 'openSync').mockImplementation(() => {
        throw errno(code);
      });
      expect(codeOf(() => writeFileAtomic(path.join(tmp.dir, 'new.docx'), 'x')), code).toBe('read-only');
      open.mockRestore();
    }
    // Refused while replacing a file that does not exist: the folder, not a lock.
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw errno('EPERM');
    });
    expect(codeOf(() => writeFileAtomic(path.join(tmp.dir, 'new.docx'), 'x'))).toBe('read-only');
    expect(listing()).toEqual([]);
  });

  // Skipped as root (tests and CI run as root here): root writes into a read-only folder anyway, so
  // only a normal user can see this refusal. The same refusal is tested above for everyone from the
  // errors a folder gives (EACCES, EPERM, EROFS) and for a read-only file.
  it.skipIf(process.getuid?.() === 0)('refuses a real read-only folder with read-only (root ignores folder permissions)', () => {
    fs.chmodSync(tmp.dir, 0o500);
    expect(codeOf(() => writeFileAtomic(path.join(tmp.dir, 'new.docx'), 'x'))).toBe('read-only');
  });

  it('maps every errno and stage to a code', () => {
    expect(writeErrorCode('ENOSPC', 'write', false)).toBe('disk-full');
    expect(writeErrorCode('EDQUOT', 'create', false)).toBe('disk-full');
    expect(writeErrorCode('EBUSY', 'replace', true)).toBe('file-locked');
    expect(writeErrorCode('EPERM', 'replace', true)).toBe('file-locked');
    expect(writeErrorCode('EACCES', 'replace', false)).toBe('read-only');
    expect(writeErrorCode('EROFS', 'replace', true)).toBe('read-only');
    expect(writeErrorCode('ENOENT', 'create', false)).toBe('io-error');
    expect(writeErrorCode(undefined, 'write', false)).toBe('io-error');
    expect(codeOf(() => writeFileAtomic(path.join(tmp.dir, 'missing', 'a.docx'), 'x'))).toBe('io-error');
  });
});

describe('read-only files and the target named in errors (issue #14)', () => {
  it('refuses to replace a read-only file, changing nothing — by its mode bits, even as root', () => {
    const file = path.join(tmp.dir, 'signed.docx');
    fs.writeFileSync(file, 'the signed paper');
    fs.chmodSync(file, 0o444);
    const before = fs.statSync(file);
    expect(codeOf(() => writeFileAtomic(file, 'new'))).toBe('read-only');
    expect(messageOf(() => writeFileAtomic(file, 'new'))).toContain(file);
    const after = fs.statSync(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('the signed paper');
    expect(after.mode & 0o777).toBe(0o444);
    expect(after.ino).toBe(before.ino);
    expect(listing()).toEqual(['signed.docx']);
    fs.chmodSync(file, 0o644);
  });

  it('refuses at commit a file made read-only after it was staged, and removes the staged copy', () => {
    const file = path.join(tmp.dir, 'paper.docx');
    fs.writeFileSync(file, 'old');
    const staged = stageFile(file, 'new');
    fs.chmodSync(file, 0o400);
    expect(codeOf(() => staged.commit())).toBe('read-only');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(listing()).toEqual(['paper.docx']);
    fs.chmodSync(file, 0o644);
  });

  it('names the target, never the hidden temporary file, when the folder is missing', () => {
    const file = path.join(tmp.dir, 'missing', '承诺书.docx');
    const message = messageOf(() => writeFileAtomic(file, 'x'));
    expect(message).toContain(file);
    expect(message).toContain(path.join(tmp.dir, 'missing'));
    expect(message).not.toMatch(/\.tmp\b/);
  });
});

describe('exportFilePath (issue #14)', () => {
  it('keeps a path with the format’s extension, in any case', () => {
    expect(exportFilePath('/x/承诺书.docx', 'docx')).toBe('/x/承诺书.docx');
    expect(exportFilePath('/x/承诺书.PDF', 'pdf')).toBe('/x/承诺书.PDF');
  });

  it('adds the extension where the path has none, or one that is no document format', () => {
    expect(exportFilePath('/x/承诺书', 'pdf')).toBe('/x/承诺书.pdf');
    expect(exportFilePath('/x/HB-2026.001', 'docx')).toBe('/x/HB-2026.001.docx');
    expect(exportFilePath('/x/承诺书.', 'docx')).toBe('/x/承诺书.docx');
  });

  it('refuses a path that names another format, naming the path', () => {
    for (const [file, ext] of [['/x/a.docx', 'pdf'], ['/x/a.pdf', 'docx'], ['/x/a.doc', 'docx'], ['/x/a.wps', 'pdf']] as const) {
      expect(codeOf(() => exportFilePath(file, ext)), file).toBe('invalid-input');
      expect(messageOf(() => exportFilePath(file, ext))).toContain(file);
    }
  });
});

describe('defaultExportFileName', () => {
  it('names a file 编号_标题_v版本, leaving out what is missing', () => {
    expect(defaultExportFileName({ letterNumber: 'HB-2026-001', title: '健康险理赔服务承诺书', versionLabel: 'v3' }, 'docx')).toBe('HB-2026-001_健康险理赔服务承诺书_v3.docx');
    expect(defaultExportFileName({ letterNumber: null, title: '健康险理赔服务承诺书', versionLabel: '3' }, 'pdf')).toBe('健康险理赔服务承诺书_v3.pdf');
    expect(defaultExportFileName({ letterNumber: null, title: '承诺书', versionLabel: null }, 'docx')).toBe('承诺书.docx');
    expect(defaultExportFileName({ letterNumber: null, title: '  ', versionLabel: null }, 'docx')).toBe('未命名函件.docx');
  });

  it('replaces characters no file system accepts and avoids device names', () => {
    const name = defaultExportFileName({ letterNumber: 'A/B\\C', title: '标题:*?"<>|\u0001\u000B尾', versionLabel: 'v1' }, 'docx');
    expect(name).toBe('A_B_C_标题_________尾_v1.docx');
    expect(defaultExportFileName({ letterNumber: null, title: 'CON', versionLabel: null }, 'docx')).toBe('_CON.docx');
    expect(defaultExportFileName({ letterNumber: null, title: '..承诺书..', versionLabel: null }, 'pdf')).toBe('承诺书.pdf');
  });

  it('limits the length, in characters not UTF-16 units', () => {
    const name = defaultExportFileName({ letterNumber: 'N'.repeat(100), title: '𠀀'.repeat(300), versionLabel: 'v12' }, 'docx');
    expect([...name].length).toBeLessThanOrEqual(126);
    expect(name.endsWith('_v12.docx')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

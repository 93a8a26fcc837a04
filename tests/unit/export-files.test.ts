/**
 * Writing an export to disk: atomic replace (the target is the old file or the whole new
 * one, never half), the error codes the renderer explains, no temporary file left behind,
 * and the default file name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultExportFileName, writeFileAtomic } from '../../electron/core/export';
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

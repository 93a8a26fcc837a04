/**
 * Opening a .docx package safely: a zip (fflate) whose size, entry count and expanded size
 * are limited before anything is inflated; a password-protected file (an OLE compound file
 * holding an EncryptedPackage stream), an old .doc, or anything else is refused by name.
 */
import { strFromU8, unzipSync } from 'fflate';
import { LetterdeskError } from '../../shared/errors';

/** A 60-page letter with pictures is a few MB; limits leave room and stop zip bombs. */
export const DOCX_LIMITS = {
  fileBytes: 30 * 1024 * 1024,
  entries: 2000,
  expandedBytes: 120 * 1024 * 1024,
  /** Per XML part we read (document.xml of 10,000 paragraphs is ~10 MB). */
  partBytes: 60 * 1024 * 1024,
};

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

/** UTF-16LE name of the stream an encrypted Office file keeps its package in. */
const ENCRYPTED_PACKAGE = new Uint8Array([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]));

function contains(buf: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let k = 0; k < needle.length; k++) if (buf[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export interface DocxPackage {
  /** The XML text of a part, or null when the package has no such part. */
  part(name: string): string | null;
  names: string[];
}

export function openDocx(bytes: Uint8Array): DocxPackage {
  if (bytes.length > DOCX_LIMITS.fileBytes) {
    throw new LetterdeskError('file-too-large', `The file is ${bytes.length} bytes; a letter file may be at most ${DOCX_LIMITS.fileBytes}`);
  }
  if (startsWith(bytes, OLE)) {
    if (contains(bytes, ENCRYPTED_PACKAGE)) throw new LetterdeskError('file-encrypted', 'The .docx is protected by a password; open it in Word, remove the password and save it again');
    throw new LetterdeskError('unsupported-file', 'This is an old Word (.doc) or other Office file, not a .docx; save it as .docx in Word or WPS');
  }
  if (!startsWith(bytes, ZIP)) throw new LetterdeskError('unsupported-file', 'This file is not a .docx (not a zip package)');
  let count = 0;
  let expanded = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      // The central directory's sizes are checked before a single byte is inflated.
      filter: (f) => {
        count++;
        expanded += f.originalSize;
        if (count > DOCX_LIMITS.entries) throw new LetterdeskError('file-too-large', `The package has more than ${DOCX_LIMITS.entries} parts`);
        if (expanded > DOCX_LIMITS.expandedBytes) throw new LetterdeskError('file-too-large', `The package expands to more than ${DOCX_LIMITS.expandedBytes} bytes`);
        return /\.(xml|rels)$/i.test(f.name) && f.originalSize <= DOCX_LIMITS.partBytes;
      },
    });
  } catch (err) {
    if (err instanceof LetterdeskError) throw err;
    throw new LetterdeskError('unsupported-file', `The .docx package is damaged: ${(err as Error).message}`);
  }
  if (!files['word/document.xml'] && !Object.keys(files).some((n) => /document\.xml$/i.test(n))) {
    throw new LetterdeskError('unsupported-file', 'The package has no Word document in it (word/document.xml)');
  }
  const names = Object.keys(files);
  return {
    names,
    part(name) {
      const data = files[name] ?? files[names.find((n) => n.toLowerCase() === name.toLowerCase()) ?? ''];
      return data ? strFromU8(data) : null;
    },
  };
}

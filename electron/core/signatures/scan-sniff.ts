/**
 * What a scanned signed copy really is, read from its bytes (issue #11): a `%PDF-` header on
 * an executable was stored as a PDF. A PDF must parse as one at the level every reader starts
 * with (header, `startxref` pointing at a cross-reference table or stream, `%%EOF`); a PNG
 * must have a well-formed IHDR (checked CRC, sane size), chunks that fit the file, IDAT and
 * IEND; a JPEG must have segments that fit the file, a frame header with a sane size, and an
 * end marker. Pure: bytes in, a type or a reason out.
 */
import { crc32 } from 'node:zlib';

export type ScanMime = 'application/pdf' | 'image/jpeg' | 'image/png';
export type SniffResult = { ok: true; mime: ScanMime; width?: number; height?: number } | { ok: false; reason: string };

/** 30,000 pixels is a 300 dpi scan 2.5 m long: anything larger is not a page. */
const MAX_PIXELS_SIDE = 30_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const fail = (reason: string): SniffResult => ({ ok: false, reason });

export function sniffScan(data: Buffer): SniffResult {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return sniffPdf(data);
  if (data.subarray(0, 8).equals(PNG_SIGNATURE)) return sniffPng(data);
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return sniffJpeg(data);
  return fail('not a PDF, JPEG or PNG file');
}

function sniffPdf(data: Buffer): SniffResult {
  const version = /^%PDF-(\d)\.(\d)/.exec(data.subarray(0, 16).toString('latin1'));
  if (!version || Number(version[1]) < 1 || Number(version[1]) > 2) return fail('PDF: no valid version header');
  // The trailer lives in the last bytes: `startxref`, an offset, `%%EOF` (ISO 32000-1 §7.5.5).
  const tail = data.subarray(Math.max(0, data.length - 2048)).toString('latin1');
  const trailer = /startxref\s+(\d{1,12})\s+%%EOF\s*$/.exec(tail);
  if (!trailer) return fail('PDF: no startxref / %%EOF trailer at the end');
  const offset = Number(trailer[1]);
  if (offset <= 8 || offset >= data.length) return fail('PDF: startxref points outside the file');
  const at = data.subarray(offset, offset + 512).toString('latin1');
  // A classic table (`xref`) or a cross-reference stream object (`12 0 obj << /Type /XRef …`, PDF 1.5+).
  if (!/^xref\s/.test(at) && !/^\d+\s+\d+\s+obj\s*<<[^]*?\/Type\s*\/XRef\b/.test(at)) return fail('PDF: startxref does not point at a cross-reference section');
  if (!/\d+\s+\d+\s+obj\b/.test(data.subarray(0, Math.min(data.length, 1 << 20)).toString('latin1'))) return fail('PDF: no objects');
  return { ok: true, mime: 'application/pdf' };
}

function sniffPng(data: Buffer): SniffResult {
  let pos = 8;
  let width = 0;
  let height = 0;
  let sawData = false;
  let first = true;
  while (pos + 12 <= data.length) {
    const length = data.readUInt32BE(pos);
    const type = data.subarray(pos + 4, pos + 8).toString('latin1');
    const end = pos + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || end > data.length) return fail('PNG: a chunk runs past the end of the file');
    if (data.readUInt32BE(pos + 8 + length) !== crc32(data.subarray(pos + 4, pos + 8 + length))) return fail(`PNG: ${type} chunk checksum is wrong`);
    if (first) {
      if (type !== 'IHDR' || length !== 13) return fail('PNG: does not start with an IHDR header');
      width = data.readUInt32BE(pos + 8);
      height = data.readUInt32BE(pos + 12);
      const depth = data[pos + 16]!;
      const colour = data[pos + 17]!;
      const allowed: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
      if (!allowed[colour]?.includes(depth)) return fail('PNG: impossible colour type / bit depth');
      if (width < 1 || height < 1 || width > MAX_PIXELS_SIDE || height > MAX_PIXELS_SIDE) return fail(`PNG: ${width}×${height} pixels is not a page`);
      first = false;
    } else if (type === 'IDAT') {
      sawData = true;
    } else if (type === 'IEND') {
      return sawData ? { ok: true, mime: 'image/png', width, height } : fail('PNG: no image data');
    }
    pos = end;
  }
  return fail('PNG: no IEND (the file is cut short)');
}

function sniffJpeg(data: Buffer): SniffResult {
  let pos = 2;
  let width = 0;
  let height = 0;
  while (pos + 4 <= data.length) {
    if (data[pos] !== 0xff) return fail('JPEG: a segment does not start with a marker');
    const marker = data[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    const length = data.readUInt16BE(pos + 2);
    if (length < 2 || pos + 2 + length > data.length) return fail('JPEG: a segment runs past the end of the file');
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC): precision, height, width, components.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return fail('JPEG: frame header too short');
      height = data.readUInt16BE(pos + 5);
      width = data.readUInt16BE(pos + 7);
      const components = data[pos + 9]!;
      if (width < 1 || height < 1 || width > MAX_PIXELS_SIDE || height > MAX_PIXELS_SIDE) return fail(`JPEG: ${width}×${height} pixels is not a page`);
      if (components !== 1 && components !== 3 && components !== 4) return fail('JPEG: impossible number of colour components');
    }
    if (marker === 0xda) {
      // Entropy-coded data follows the scan header; the image must end with EOI.
      if (!width) return fail('JPEG: image data before a frame header');
      const lastEoi = data.lastIndexOf(Buffer.from([0xff, 0xd9]));
      return lastEoi > pos ? { ok: true, mime: 'image/jpeg', width, height } : fail('JPEG: no end-of-image marker (the file is cut short)');
    }
    pos += 2 + length;
  }
  return fail('JPEG: no image data');
}

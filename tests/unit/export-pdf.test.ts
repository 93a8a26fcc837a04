/**
 * The PDF and the .docx as printed (issue #14), on one official-style letter of several pages
 * and one with a multi-line value, through Chromium (the PDF path) and LibreOffice (the .docx):
 * the GB/T 9704 §7.5 page number at the outer edge (odd pages right, even pages left, one
 * character in, — X — in 4号), the lines of a multi-line value kept, and the PDF's document
 * properties — title, author, subject (number · version · fingerprint), creator — which
 * Chromium does not write and withPdfInfo adds as an incremental update.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, buildPrintHtml, pdfInfoOfPrintHtml, withPdfInfo } from '../../electron/core/export';
import { GENERATOR, metaDescription } from '../../electron/core/export/meta';
import { PAGE_SPECS } from '../../electron/core/export/page-spec';
import { pdfTextString } from '../../electron/core/export/pdf-info';
import { launchPdfRenderer } from '../../electron/core/export/render-pdf';
import type { LetterContent } from '../../electron/shared/letter-content';
import { chromiumExecutable } from '../e2e/chromium';
import { pdfWords, type Word } from '../helpers/print-pages';
import { convertToPdfAsync, FONTCONFIG_FILE, fillAll, forLibreOffice, HOSTILE_META, longLetter, META, pdfPages, renderTools, sampleLetter, squash } from '../helpers/render-docx';
import { makeTempDir } from '../helpers/temp-dir';

const tools = renderTools();
const ci = Boolean(process.env['CI']) && process.env['CI'] !== 'false';
const chromium = tools.ok ? chromiumExecutable() : undefined; // throws under CI=true when missing
const ready = tools.ok && chromium !== undefined;
const tmp = makeTempDir('letterdesk-pdfprint-');
afterAll(() => tmp.cleanup());

/** pdfinfo's fields, and what it complained about on stderr (a broken xref is reported there). */
function pdfinfo(file: string): { fields: Record<string, string>; stderr: string } {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const fields = Object.fromEntries([...r.stdout.matchAll(/^([A-Za-z ]+):\s*(.*)$/gm)].map((m) => [m[1]!.trim(), m[2]!.trim()]));
  return { fields, stderr: r.stderr };
}

/** A small PDF with a classic cross-reference table, as Chromium (Skia) writes them. */
function tinyPdf(trailerExtra = ' /ID [<0A0B><0A0B>]'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    '<< /Creator (Mozilla/5.0 \\(X11\\) HeadlessChrome/156) /Producer (Skia/PDF m156) /CreationDate (D:20260508120000+00\'00\') /Title (old) >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const INFO = { title: '健康保险售后服务保证承诺书', author: '华康（上海）公司 <&> "引号"', subject: 'HB-2026-0518 · v3 · 9f2c4e1a7b3d', creator: GENERATOR };

describe('withPdfInfo: the Info dictionary as an incremental update', () => {
  // Skipped whenever the tools are present (always on a set-up machine): it exists only to FAIL under
  // CI=true when they are missing, instead of the render tests silently skipping.
  it.runIf(!tools.ok && ci)('has poppler (required under CI=true)', () => {
    throw new Error(tools.reason);
  });

  it('writes title, author, subject and creator in UTF-16, keeps the producer and dates, and changes no original byte', () => {
    const original = tinyPdf();
    const updated = withPdfInfo(original, INFO);
    expect(updated.subarray(0, original.length).equals(original)).toBe(true);
    const text = updated.toString('latin1');
    // The new startxref points at the new xref section, whose one entry points at the new Info object.
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 12)).toBe('xref\n5 1\n000');
    const entry = /xref\n5 1\n(\d{10}) 00000 n\r\n/.exec(text.slice(startxref))!;
    expect(text.slice(Number(entry[1]), Number(entry[1]) + 8)).toBe('5 0 obj\n');
    const trailer = text.slice(text.lastIndexOf('trailer'));
    expect(trailer).toContain('/Size 6 /Root 1 0 R /Info 5 0 R');
    expect(trailer).toContain(`/Prev ${/startxref\n(\d+)/.exec(original.toString('latin1'))![1]}`);
    expect(trailer).toContain('/ID [<0A0B><0A0B>]');
    expect(text).toContain(`/Title ${pdfTextString(INFO.title)}`);
    expect(pdfTextString('A承')).toBe('<FEFF0041627F>');
    if (!tools.ok) return;
    const file = path.join(tmp.dir, 'tiny.pdf');
    fs.writeFileSync(file, updated);
    const { fields, stderr } = pdfinfo(file);
    expect(stderr).toBe('');
    expect(fields).toMatchObject({ Title: INFO.title, Author: INFO.author, Subject: INFO.subject, Creator: GENERATOR, Producer: 'Skia/PDF m156' });
    expect(fields['CreationDate']).toMatch(/2026/);
  });

  it('leaves out empty entries, and leaves alone a PDF it cannot update safely', () => {
    const text = withPdfInfo(tinyPdf(), { title: 'T', author: '  ', subject: '' }).toString('latin1');
    const info = text.slice(text.lastIndexOf('5 0 obj'));
    expect(info).not.toMatch(/\/Author|\/Subject|\/Creator/);
    const encrypted = tinyPdf(' /Encrypt 9 0 R');
    expect(withPdfInfo(encrypted, INFO)).toBe(encrypted);
    const noXrefTable = Buffer.from(tinyPdf().toString('latin1').replace(/startxref\n\d+/, 'startxref\n9'), 'latin1');
    expect(withPdfInfo(noXrefTable, INFO)).toBe(noXrefTable);
    const truncated = tinyPdf().subarray(0, 200);
    expect(withPdfInfo(truncated, INFO)).toBe(truncated);
  });

  it('reads the properties back from the print HTML’s head, escaped text and all', () => {
    const meta = { ...HOSTILE_META, promisor: '华康 <&> "公司"' };
    const info = pdfInfoOfPrintHtml(buildPrintHtml(sampleLetter(), meta));
    expect(info).toEqual({ title: '健康保险售后服务保证承诺书', author: '华康 <&> "公司"', subject: metaDescription(meta), creator: GENERATOR });
  });
});

// ---------------------------------------------------------------------------------------
// Printed through both renderers

const official = longLetter(2, 'official');
const multiLine: LetterContent = (() => {
  const c = sampleLetter('official');
  return { ...c, values: { ...fillAll(c.fields), remarks: '1.第一项；\r\n2.第二项；\r3.第三项。' } };
})();
const LETTERS = { official, multiline: multiLine } as const;
type Name = keyof typeof LETTERS;
const pdfs: Record<'pdf' | 'docx', Partial<Record<Name, string>>> = { pdf: {}, docx: {} };

beforeAll(async () => {
  if (!ready) return;
  process.env['FONTCONFIG_FILE'] = FONTCONFIG_FILE; // the browser inherits it: the fonts LibreOffice uses
  const docxFiles: string[] = [];
  for (const [name, content] of Object.entries(LETTERS) as [Name, LetterContent][]) {
    const file = path.join(tmp.dir, `${name}.docx`);
    fs.writeFileSync(file, forLibreOffice(await buildDocx(content, META, { style: 'official' })));
    docxFiles.push(file);
    pdfs.docx[name] = path.join(tmp.dir, 'lo', `${name}.pdf`);
  }
  const converted = convertToPdfAsync(docxFiles, path.join(tmp.dir, 'lo'), path.join(tmp.dir, 'lo-profile'));
  const renderer = await launchPdfRenderer(chromium!);
  try {
    for (const [name, content] of Object.entries(LETTERS) as [Name, LetterContent][]) {
      const file = path.join(tmp.dir, `${name}-chromium.pdf`);
      await renderer.render(buildPrintHtml(content, META, { style: 'official' }), file);
      pdfs.pdf[name] = file;
    }
  } finally {
    await renderer.close();
  }
  await converted;
}, 600_000);

const MM = 72 / 25.4;
const A4_WIDTH = 210 * MM;
const A4_HEIGHT = 297 * MM;

/** The — X — page number of a page: the words of the line in the bottom margin that has two 一字线. */
function pageNumberLine(words: readonly Word[]): Word[] {
  const spec = PAGE_SPECS.official;
  const below = words.filter((w) => w.yMin > A4_HEIGHT - spec.margin.bottom * MM);
  const dashes = below.filter((w) => w.text === '—');
  expect(dashes, 'two 一字线 under the text block').toHaveLength(2);
  const [a, b] = dashes.sort((x, y) => x.xMin - y.xMin) as [Word, Word];
  expect(Math.abs(a.yMin - b.yMin)).toBeLessThan(1);
  return below.filter((w) => Math.abs(w.yMin - a.yMin) < 2 && w.xMin >= a.xMin - 0.5 && w.xMax <= b.xMax + 0.5).sort((x, y) => x.xMin - y.xMin);
}

describe('printed pages (Chromium for the PDF, LibreOffice for the .docx)', () => {
  // Skipped whenever the tools are present (always on a set-up machine): it exists only to FAIL under
  // CI=true when they are missing, instead of the render tests silently skipping.
  it.runIf(!ready && ci)('has Chromium, LibreOffice and poppler (required under CI=true)', () => {
    throw new Error(tools.ok ? 'Chromium is not installed' : tools.reason);
  });

  describe.each(['pdf', 'docx'] as const)('%s', (renderer) => {
    it.skipIf(!ready)('numbers official pages at the outer edge, one character in: odd pages right, even pages left, — X — in 4号', () => {
      const file = pdfs[renderer].official!;
      expect(fs.existsSync(file), `no PDF from ${renderer}`).toBe(true);
      const pages = pdfWords(file);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      const spec = PAGE_SPECS.official;
      const em = 14; // 四号 (GB/T 9704 §7.5), and one character in: not read from page-spec, which is what is tested
      const titleWord = pages[0]!.find((w) => w.text === '健康保险售后服务综合承诺书（长篇）')!;
      expect(titleWord, 'the title on one line').toBeDefined();
      const titleHeight = titleWord.yMax - titleWord.yMin;
      for (const [i, words] of pages.slice(0, 4).entries()) {
        const line = pageNumberLine(words);
        expect(line.map((w) => w.text), `page ${i + 1}`).toEqual(['—', String(i + 1), '—']);
        // 四号 14 pt, not 五号's 10.5: its height against the title's (二号 22 pt, the same face
        // under the test fontconfig) — poppler's word boxes scale with the font size.
        for (const dash of [line[0]!, line[2]!]) expect(((dash.yMax - dash.yMin) / titleHeight) * spec.title.pt, `page ${i + 1} size`).toBeCloseTo(em, 0);
        if (i % 2 === 0) expect(line[2]!.xMax, `odd page ${i + 1}: right, one character in`).toBeCloseTo(A4_WIDTH - spec.margin.right * MM - em, 0);
        else expect(line[0]!.xMin, `even page ${i + 1}: left, one character in`).toBeCloseTo(spec.margin.left * MM + em, 0);
        // 7 mm under the text block (§7.5): the middle of the number's line, whose box each renderer draws its own height.
        const middle = (line[0]!.yMin + line[0]!.yMax) / 2 - (A4_HEIGHT - spec.margin.bottom * MM);
        expect(middle, `page ${i + 1}: 7 mm under the text block`).toBeGreaterThan(spec.pageNumber.gapMm * MM + 0.3 * em);
        expect(middle, `page ${i + 1}: 7 mm under the text block`).toBeLessThan(spec.pageNumber.gapMm * MM + 0.9 * em);
      }
    });

    it.skipIf(!ready)('prints the lines of a multi-line value as lines (a pasted CRLF or CR is a line break, not spaces), not stretched', () => {
      const file = pdfs[renderer].multiline!;
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      const lines = text.split('\n').map(squash).filter(Boolean);
      const first = lines.findIndex((l) => l.endsWith('1.第一项；'));
      expect(first, lines.join('\n')).toBeGreaterThanOrEqual(0);
      expect(lines[first + 1]).toBe('2.第二项；');
      expect(lines[first + 2]!.startsWith('3.第三项。')).toBe(true);
      // A justified line ending in a line break keeps its natural spacing (w:doNotExpandShiftReturn):
      // stretched to the margin, its characters would stand apart as separate words.
      const words = pdfWords(file).flat().map((w) => w.text);
      for (const item of ['第一项；', '第二项；']) expect(words.some((w) => w.endsWith(item)), words.join(' ')).toBe(true);
    });
  });

  it.skipIf(!ready)('gives the PDF the document properties: printed heading, 承诺方, number · version · fingerprint, 函件台 Letterdesk', () => {
    for (const name of ['official', 'multiline'] as const) {
      const { fields, stderr } = pdfinfo(pdfs.pdf[name]!);
      expect(stderr).toBe('');
      expect(fields).toMatchObject({
        Title: name === 'official' ? '健康保险售后服务综合承诺书（长篇）' : '健康保险售后服务保证承诺书',
        Author: META.promisor,
        Subject: 'HB-2026-0518 · v3 · 9f2c4e1a7b3d',
        Creator: GENERATOR,
      });
      expect(fields['Creator']).toMatch(/^函件台 Letterdesk \d+\.\d+\.\d+/);
      expect(fields['Producer']).toMatch(/Skia/);
      // The update appended leaves every page as Chromium printed it.
      expect(execFileSync('pdftotext', [pdfs.pdf[name]!, '-'], { encoding: 'utf8' })).toContain('承诺');
    }
  });
});

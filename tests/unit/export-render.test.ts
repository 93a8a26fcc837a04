/**
 * Exported .docx files rendered by a real consumer: LibreOffice converts them all to PDF
 * in one run (fonts pinned by tests/helpers/fontconfig), poppler reads the PDFs back —
 * A4, page counts, the title, every filled value, the clause numbers the editor shows
 * (restarts included), the page footer computed from PAGE/NUMPAGES, no underscores.
 * Page 1 of each is kept as a PNG in test-results/export/ to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../electron/core/export';
import { cleanText } from '../../electron/core/export/layout';
import { letterBlocks, type Block } from '../../electron/shared/letter-model';
import {
  ARTIFACTS,
  BUILTIN_TEMPLATE_COUNT,
  bodyText,
  convertToPdf,
  exportCases,
  firstPagePng,
  pdfInfo,
  pdfPages,
  printedValues,
  renderTools,
  squash,
  type ExportCase,
} from '../helpers/render-docx';
import { makeTempDir } from '../helpers/temp-dir';

const tools = renderTools();
const ci = Boolean(process.env['CI']) && process.env['CI'] !== 'false';
if (!tools.ok && !ci) console.warn(`export-render: skipped — ${tools.reason}`);

const cases = exportCases();
const tmp = makeTempDir('letterdesk-render-');
const pdfOf = (c: ExportCase) => path.join(tmp.dir, 'pdf', `${c.name}.pdf`);

interface Rendered {
  pages: string[];
  info: ReturnType<typeof pdfInfo>;
}
const rendered = new Map<string, Rendered>();

beforeAll(() => {
  if (!tools.ok) return;
  const files = cases.map((c) => path.join(tmp.dir, `${c.name}.docx`));
  return (async () => {
    for (const [i, c] of cases.entries()) fs.writeFileSync(files[i]!, await buildDocx(c.content, c.meta, { style: c.style }));
    convertToPdf(files, path.join(tmp.dir, 'pdf'), path.join(tmp.dir, 'lo-profile'));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const c of cases) {
      if (!fs.existsSync(pdfOf(c))) continue; // reported by the test of that case
      rendered.set(c.name, { pages: pdfPages(pdfOf(c)), info: pdfInfo(pdfOf(c)) });
      firstPagePng(pdfOf(c), path.join(ARTIFACTS, c.name));
    }
  })();
}, 240_000);
afterAll(() => tmp.cleanup());

/** Each clause's number and the start of its text, as they must read on paper. */
function clauseHeads(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type !== 'clause') return [];
    let lead = '';
    for (const r of b.runs) {
      if (r.blank || r.lineBreak) break;
      lead += cleanText(r.text);
    }
    return [squash(cleanText(b.number) + [...squash(lead)].slice(0, 6).join(''))];
  });
}

/** Finds each needle after the previous one; returns those not found in order. */
function missingInOrder(haystack: string, needles: readonly string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const n of needles) {
    const i = haystack.indexOf(n, at);
    if (i < 0) missing.push(n);
    else at = i + n.length;
  }
  return missing;
}

describe('LibreOffice renders every export', () => {
  it.runIf(!tools.ok && ci)('has LibreOffice and poppler (required under CI=true)', () => {
    throw new Error(`export rendering cannot run: ${tools.reason}`);
  });

  it.skipIf(!tools.ok)(`renders all ${BUILTIN_TEMPLATE_COUNT} built-in templates in both page styles`, () => {
    expect(cases.filter((c) => c.name.startsWith('tpl-') && !c.name.endsWith('-unfilled')).length).toBeGreaterThanOrEqual(2 * BUILTIN_TEMPLATE_COUNT);
  });

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it.skipIf(!tools.ok)('is an A4 PDF with the expected pages, title and page footer', () => {
      expect(fs.existsSync(pdfOf(c)), `soffice produced no PDF for ${c.name}`).toBe(true);
      const { info, pages } = rendered.get(c.name)!;
      expect(info.width).toBeCloseTo(595.3, 0);
      expect(info.height).toBeCloseTo(841.9, 0);
      expect(info.pages).toBeGreaterThanOrEqual(c.pages[0]);
      expect(info.pages).toBeLessThanOrEqual(c.pages[1]);
      expect(info.title).toBe(cleanText(c.meta.title).trim());
      expect(pages).toHaveLength(info.pages);
      // NUMPAGES and PAGE computed by the renderer, on every page.
      pages.forEach((page, i) => expect(squash(page)).toContain(`第${i + 1}页（共${info.pages}页）`));
      if (c.style === 'official') expect(squash(pages[0]!)).toContain('—1—');
      if (c.meta.letterNumber) expect(squash(pages[0]!)).toContain(squash(`编号 ${cleanText(c.meta.letterNumber)}`));
      expect(squash(pages[0]!)).toContain(squash(`校验码 ${cleanText(c.meta.fingerprint!)}`));
      expect(squash(pages[0]!).includes('草稿')).toBe(c.meta.draft === true);
    });

    it.skipIf(!tools.ok)('prints every filled value, the clause numbers the editor shows, and no underscores', () => {
      const text = bodyText(rendered.get(c.name)!.pages);
      const blocks = letterBlocks(c.content.doc, c.content.fields, c.content.values);
      if (c.name !== 'hostile') {
        expect(missingInOrder(text, clauseHeads(blocks))).toEqual([]);
        // pdftotext drops a hyphen that ends a line (021-⏎68881234), so hyphens are not compared.
        const unhyphenated = text.replaceAll('-', '');
        for (const value of printedValues(c.content)) expect(unhyphenated, `value ${value}`).toContain(value.replaceAll('-', ''));
      }
      expect(text).not.toMatch(/__/);
      expect(fs.existsSync(path.join(ARTIFACTS, `${c.name}.png`))).toBe(true);
    });
  });

  it.skipIf(!tools.ok)('restarts numbering in the rendered text exactly where the editor does', () => {
    const c = cases.find((x) => x.name === 'numbering-business')!;
    const text = bodyText(rendered.get(c.name)!.pages);
    const order = [
      '一、条款A01', '（一）条款A02', '（二）条款A03', '1.条款A04', '2.条款A05', '（1）条款A06', '（2）条款A07', '3.条款A08', '（1）条款A09',
      '（三）条款A10', '1.条款A11', '二、条款A12', '（一）条款A13', '1.条款A14', '2.条款A15', '（一）条款A16',
      '三、条款B01', '十、条款B08', '十一、条款B09', '十二、条款B10',
      '1.条款C01', '1.1条款C02', '1.2条款C03', '2.条款C04', '2.1条款C05', '2.3条款C07', '2.3.1条款C08', '2.3.2条款C09', '（1）条款C10',
      '2.3.1条款C11', '2.3.2条款C12', '第一章条款D01', '第一条条款D02', '第二条条款D03', '第二章条款D04', '第三条条款D05', '（一）条款D06', '1.条款D07', '第三章附则',
    ];
    expect(missingInOrder(text, order)).toEqual([]);
  });

  it.skipIf(!tools.ok)('prints hostile text literally: markup characters, quotes, stripped controls', () => {
    const text = bodyText(rendered.get('hostile')!.pages);
    expect(text).toContain('ABCDEF<&>"\']]><script>alert(1)</script>');
    expect(text).toContain('“引号”');
  });
});

/**
 * Crafted content (issue #11): attributes and text from a content save, a template save or a
 * template pack, through the print HTML, the PDF, the .docx and the audit report. A crafted
 * `align` once closed the class attribute in the print HTML, hid a clause from the PDF and
 * made Chromium fetch an address; a colspan of 1e6 took 1.2 GB to export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/create-api';
import { buildDocx, buildPrintHtml, renderPdfWithChromium } from '../../electron/core/export';
import { buildAuditReport } from '../../electron/core/signatures/audit-report';
import { sniffScan } from '../../electron/core/signatures/scan-sniff';
import { checkDocBounds, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../../electron/shared/doc-rules';
import { parseTemplatePack, TEMPLATE_PACK_FORMAT } from '../../electron/shared/template';
import type { LetterContent } from '../../electron/shared/letter-content';
import type { ChainReport, LetterSignatureState } from '../../electron/shared/signatures';
import type { Letter } from '../../electron/shared/domain';
import { clause, doc, META, para, title } from '../helpers/render-docx';
import { validateFile } from '../helpers/ooxml-validator';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';

interface El {
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
  tagName: string;
}
interface Doc {
  body: { textContent: string | null };
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Doc } } };

/** Closes the class attribute, hides what follows, and asks for a URL (the reported attack). */
const EVIL_ALIGN = `center"><style>p{display:none}</style><img src="http://127.0.0.1:9/x"><p class="`;

const evilPara = (align: unknown) => ({ type: 'paragraph', attrs: { align, indent: true }, content: [{ type: 'text', text: '第二段：不得隐藏' }] });
const cell = (attrs: Record<string, unknown>, text = '格') => ({ type: 'table_cell', attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs }, content: [{ type: 'paragraph', attrs: { align: null, indent: false }, content: [{ type: 'text', text }] }] });
const tableOf = (rows: unknown[][], kind: unknown = 'grid') => ({ type: 'table', attrs: { kind }, content: rows.map((cells) => ({ type: 'table_row', content: cells })) });

/** Content as it would be if it skipped the save checks (an old database, a bug): export must still be safe. */
function craftedContent(): LetterContent {
  return {
    doc: doc(
      title('承诺书'),
      clause('cn', 0, '第一条，必须打印'),
      evilPara(EVIL_ALIGN) as never,
      clause('cn', 0, '第三条，必须打印'),
      tableOf([[cell({ colspan: 1e6 }, '宽格'), cell({ rowspan: -5 }, '负跨'), cell({}, `<td onclick="x">`)]], 'grid" onload="x') as never,
      { type: 'paragraph', attrs: { align: 'right" style="color:red', indent: true }, content: [{ type: 'text', text: '结尾' }] } as never,
    ) as LetterContent['doc'],
    fields: [],
    values: {},
    pageStyle: 'business',
  };
}

describe('document bounds (doc-rules.ts)', () => {
  it.each([
    ['align outside the closed set', doc(evilPara(EVIL_ALIGN) as never)],
    ['align of the wrong type', doc(evilPara(['center']) as never)],
    ['colspan 1e6', doc(tableOf([[cell({ colspan: 1e6 })]]) as never)],
    ['colspan 0', doc(tableOf([[cell({ colspan: 0 })]]) as never)],
    ['rowspan 1.5', doc(tableOf([[cell({ rowspan: 1.5 })]]) as never)],
    ['21 columns', doc(tableOf([Array.from({ length: MAX_TABLE_COLUMNS + 1 }, () => cell({}))]) as never)],
    ['201 rows', doc(tableOf(Array.from({ length: MAX_TABLE_ROWS + 1 }, () => [cell({})])) as never)],
    ['table kind', doc(tableOf([[cell({})]], 'grid" x="') as never)],
    ['unknown attribute', doc({ type: 'paragraph', attrs: { align: null, indent: true, onclick: 'x' } } as never)],
    ['unknown node key', doc({ type: 'paragraph', attrs: { align: null, indent: true }, style: 'x' } as never)],
    ['__proto__ attribute', JSON.parse('{"type":"doc","content":[{"type":"paragraph","attrs":{"__proto__":{"align":"x\\" y"}}}]}')],
    ['mark with attributes', doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold', attrs: { href: 'http://x' } }] }] } as never)],
    ['clause level 99', doc({ type: 'clause', attrs: { scheme: 'cn', level: 99 }, content: [] } as never)],
    ['field key with markup', doc({ type: 'paragraph', content: [{ type: 'field', attrs: { key: 'a"><x' } }] } as never)],
  ])('refuses %s with invalid-document', (_name, d) => {
    expect(() => checkDocBounds(d)).toThrow(expect.objectContaining({ code: 'invalid-document' }));
  });

  it('accepts the largest table it allows, and every alignment', () => {
    const big = tableOf(Array.from({ length: MAX_TABLE_ROWS }, () => Array.from({ length: MAX_TABLE_COLUMNS }, () => cell({}))));
    expect(() => checkDocBounds(doc(big as never, ...(['left', 'center', 'right', 'justify', null] as const).map((a) => evilPara(a) as never)))).not.toThrow();
  });

  it('refuses a 10,000-level document without recursion', () => {
    let node: Record<string, unknown> = { type: 'text', text: 'x' };
    for (let i = 0; i < 10_000; i++) node = { type: 'paragraph', content: [node] };
    const t = performance.now();
    expect(() => checkDocBounds({ type: 'doc', content: [node] })).toThrow(expect.objectContaining({ code: 'invalid-document', message: expect.stringContaining('deeper') }));
    expect(performance.now() - t).toBeLessThan(100);
  });
});

describe('crafted attributes through the API and a template pack', () => {
  let core: Core;
  let cleanup: () => void;
  let dir: string;
  const dialogs = { open: null as string | null, save: null as string | null };
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    core = openCore({ dataDir: dir, clock: makeFakeClock('2026-05-08T09:00:00.000Z'), dialogs: { openFile: async () => dialogs.open, saveFile: async () => dialogs.save } });
  });
  afterEach(() => {
    core.close();
    cleanup();
  });

  it('a content save with a crafted align or a colspan of 1e6 is refused, fast, and nothing is stored', async () => {
    const letter = await core.api.lettersCreate({ title: '测试' });
    const before = await core.api.lettersContentGet({ id: letter.id });
    for (const d of [doc(evilPara(EVIL_ALIGN) as never), doc(tableOf([[cell({ colspan: 1e6 })]]) as never), doc(tableOf([[cell({ colspan: 3e7 })]]) as never)]) {
      const t = performance.now();
      const r = await core.dispatch('lettersContentSave', [{ id: letter.id, revision: letter.revision, doc: d, fields: [], values: {}, pageStyle: 'business' }]);
      expect(performance.now() - t).toBeLessThan(200);
      expect(r).toMatchObject({ ok: false, code: 'invalid-document' });
    }
    expect(await core.api.lettersContentGet({ id: letter.id })).toEqual(before);
  });

  it('a template save and a template pack with a crafted align are refused as a whole', async () => {
    const created = await core.api.templatesCreate({ name: '模板', category: '通用' });
    const { builtin: _b, createdAt: _c, updatedAt: _u, ...data } = created;
    const evil = { ...data, doc: doc(evilPara(EVIL_ALIGN) as never) };
    expect(await core.dispatch('templatesSave', [{ template: evil }])).toMatchObject({ ok: false, code: 'bad-template-pack' });
    const pack = JSON.stringify({ format: TEMPLATE_PACK_FORMAT, formatVersion: 1, exportedAt: '', templates: [{ ...data, id: 'ok-one' }, { ...evil, id: 'evil-one' }] });
    expect(() => parseTemplatePack(pack)).toThrow(expect.objectContaining({ code: 'bad-template-pack', message: expect.stringContaining('align') }));
    const wide = JSON.stringify({ format: TEMPLATE_PACK_FORMAT, formatVersion: 1, exportedAt: '', templates: [{ ...data, id: 'wide', doc: doc(tableOf([[cell({ colspan: 1e6 })]]) as never) }] });
    const t = performance.now();
    expect(() => parseTemplatePack(wide)).toThrow(expect.objectContaining({ code: 'bad-template-pack' }));
    expect(performance.now() - t).toBeLessThan(100);
    dialogs.open = path.join(dir, 'pack.json');
    fs.writeFileSync(dialogs.open, pack);
    const count = (await core.api.templatesList()).length;
    expect(await core.dispatch('templatesImportPack', [])).toMatchObject({ ok: false, code: 'bad-template-pack' });
    expect((await core.api.templatesList()).length).toBe(count);
  });
});

describe('crafted content that skipped the save checks is still exported safely', () => {
  it('print HTML: only known classes, no attribute injection, no URL, every clause kept, spans clamped', () => {
    const t = performance.now();
    const html = buildPrintHtml(craftedContent(), META);
    expect(performance.now() - t).toBeLessThan(500);
    const page = new JSDOM(html).window.document;
    for (const el of page.querySelectorAll('*')) {
      for (const name of el.getAttributeNames()) expect(['class', 'colspan', 'rowspan', 'lang', 'charset', 'name', 'content']).toContain(name);
      if (el.tagName === 'TD' || el.tagName === 'TH') {
        expect(Number(el.getAttribute('colspan') ?? 1)).toBeLessThanOrEqual(MAX_TABLE_COLUMNS);
        expect(Number(el.getAttribute('rowspan') ?? 1)).toBeGreaterThanOrEqual(1);
      }
    }
    expect(page.querySelectorAll('img, script, link, iframe, object, embed').length).toBe(0);
    expect(page.querySelectorAll('style').length).toBe(1);
    const text = page.body.textContent ?? '';
    for (const s of ['第一条，必须打印', '第二段：不得隐藏', '第三条，必须打印', '宽格', '负跨', '<td onclick="x">', '结尾']) expect(text).toContain(s);
    expect(html).not.toMatch(/https?:|url\(|127\.0\.0\.1/);
  });

  it('.docx: valid OOXML, every clause kept, no crafted value in the XML', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const t = performance.now();
      const bytes = await buildDocx(craftedContent(), META);
      expect(performance.now() - t).toBeLessThan(3000);
      const file = path.join(dir, 'crafted.docx');
      fs.writeFileSync(file, bytes);
      const result = await validateFile(file, { officeVersion: 'Office2007' });
      expect(result.errors).toEqual([]);
      const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!).replace(/\u200B/g, '');
      for (const s of ['第一条，必须打印', '第二段：不得隐藏', '第三条，必须打印', '&lt;td onclick=&quot;x&quot;&gt;']) expect(xml).toContain(s);
      expect(xml).not.toContain('127.0.0.1');
      expect(xml).not.toContain('onload');
      expect(xml.match(/<w:gridCol /g)?.length ?? 0).toBeLessThanOrEqual(MAX_TABLE_COLUMNS);
    } finally {
      cleanup();
    }
  }, 60_000);

  it('PDF: every clause is in the PDF text', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const pdf = path.join(dir, 'crafted.pdf');
      await renderPdfWithChromium(buildPrintHtml(craftedContent(), META), pdf);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      for (const s of ['第一条，必须打印', '第二段：不得隐藏', '第三条，必须打印', '结尾']) expect(text.replace(/\s+/g, '')).toContain(s);
      // The PDF the app writes is one a scan may be: the attachment check accepts it (scan-sniff.ts).
      expect(sniffScan(fs.readFileSync(pdf))).toMatchObject({ ok: true, mime: 'application/pdf' });
    } finally {
      cleanup();
    }
  }, 120_000);
});

describe('audit report with hostile names', () => {
  const EVIL = 'A\uFFFE\uD800B\u0001<w:p>&"\'\u202E';
  it('is well-formed XML and valid OOXML whatever the stored strings hold', async () => {
    const letter = { id: 1, title: `函件${EVIL}`, number: `N${EVIL}`, status: 'signed' } as unknown as Letter;
    const state = {
      currentHash: 'h',
      exported: true,
      paperMatchesCurrent: true,
      events: [{ id: 1, kind: 'exported-for-signature', createdAt: 't', versionSeq: 1, payload: { fingerprint: EVIL, fileSha256: EVIL }, hash: 'x' }],
      signatures: [{ role: `承诺方${EVIL}`, name: `张三${EVIL}`, organisation: EVIL, dateSigned: '2026-05-08', method: EVIL, versionSeq: 1 }],
      scans: [{ fileName: `scan${EVIL}.pdf`, size: 1, sha256: 's', createdAt: 't' }],
      voidReason: EVIL,
    } as unknown as LetterSignatureState;
    const chain = { ok: true, events: 1, head: null } as unknown as ChainReport;
    const bytes = await buildAuditReport(letter, state, chain, '2026-05-08');
    const files = unzipSync(new Uint8Array(bytes));
    for (const name of ['word/document.xml', 'docProps/core.xml']) {
      const errors: string[] = [];
      new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(strFromU8(files[name]!), 'text/xml');
      expect(errors, name).toEqual([]);
    }
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('张三AB&lt;w:p&gt;&amp;');
    const { dir, cleanup } = makeTempDir();
    try {
      fs.writeFileSync(path.join(dir, 'audit.docx'), bytes);
      expect((await validateFile(path.join(dir, 'audit.docx'), { officeVersion: 'Office2007' })).errors).toEqual([]);
    } finally {
      cleanup();
    }
  }, 60_000);
});

/**
 * Helpers for the export tests: letters to export (a realistic one, every numbering
 * scheme with restarts, hostile text, a long letter, the built-in templates filled),
 * reading a .docx's XML parts, and rendering through LibreOffice and poppler.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ownNumberFields, withOwnNumber } from '../../electron/shared/field-roles';
import { isEmptyValue, printField, validateField, type FieldDef, type FieldValue, type FieldValues } from '../../electron/shared/fields';
import type { LetterContent, PageStyle } from '../../electron/shared/letter-content';
import type { NumberingScheme } from '../../electron/shared/numbering';
import { parseTemplateData, type TemplateData } from '../../electron/shared/template';
import type { ExportMeta } from '../../electron/core/export';

export const ROOT = path.resolve(__dirname, '../..');
// Not under test-results/: Playwright empties that folder when the e2e run starts.
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'export');
export const FONTCONFIG_FILE = path.join(__dirname, 'fontconfig', 'fonts.conf');

// ---------------------------------------------------------------------------------------
// Building letter documents (ProseMirror JSON of electron/shared/doc-schema.ts)

type Node = Record<string, unknown>;
type Inline = string | Node;

const inline = (items: Inline[]): Node[] => items.filter((i) => i !== '').map((i) => (typeof i === 'string' ? { type: 'text', text: i } : i));
export const bold = (text: string): Node => ({ type: 'text', text, marks: [{ type: 'bold' }] });
export const field = (key: string): Node => ({ type: 'field', attrs: { key } });
export const br = (): Node => ({ type: 'hard_break' });
export const title = (...items: Inline[]): Node => ({ type: 'title', content: inline(items) });
export const para = (...items: Inline[]): Node => ({ type: 'paragraph', attrs: { align: null, indent: true }, content: inline(items) });
export const line = (align: 'left' | 'center' | 'right', ...items: Inline[]): Node => ({
  type: 'paragraph',
  attrs: { align, indent: false },
  content: inline(items),
});
export const clause = (scheme: NumberingScheme, level: number, ...items: Inline[]): Node => ({
  type: 'clause',
  attrs: { scheme, level },
  content: inline(items),
});
const cell = (items: Inline[], header = false): Node => ({
  type: header ? 'table_header' : 'table_cell',
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [{ type: 'paragraph', attrs: { align: null, indent: false }, content: inline(items) }],
});
export const table = (kind: 'grid' | 'signature', rows: Inline[][][], headerRow = false): Node => ({
  type: 'table',
  attrs: { kind },
  content: rows.map((r, i) => ({ type: 'table_row', content: r.map((c) => cell(c, headerRow && i === 0)) })),
});
export const doc = (...content: Node[]) => ({ type: 'doc' as const, content });

/** A grid with merged cells, and a colspan wider than the table (clamped on export). */
export function mergedTable(): Node {
  const c = (text: string, colspan = 1, rowspan = 1): Node => ({
    type: 'table_cell',
    attrs: { colspan, rowspan, colwidth: null },
    content: [{ type: 'paragraph', attrs: { align: null, indent: false }, content: [{ type: 'text', text }] }],
  });
  return {
    type: 'table',
    attrs: { kind: 'grid' },
    content: [
      { type: 'table_row', content: [c('合并两列', 2), c('合并两行', 1, 2)] },
      { type: 'table_row', content: [c('丙'), c('丁')] },
      { type: 'table_row', content: [c('超宽合并', 9)] },
    ],
  };
}

const def = (key: string, label: string, type: FieldDef['type'], options?: FieldDef['options'], required = false): FieldDef => ({
  key,
  label,
  type,
  required,
  ...(options && { options }),
});

/** A realistic 承诺书 with every field type, the 一、（一）1.（1） hierarchy, a grid table and a signature block. */
export function sampleLetter(pageStyle: PageStyle = 'business'): LetterContent {
  const fields: FieldDef[] = [
    def('letterNo', '承诺书编号', 'docnumber'),
    def('promisor', '承诺方', 'party', { party: 'promisor', part: 'fullName' }, true),
    def('recipient', '接收方', 'party', { party: 'recipient', part: 'fullName' }),
    def('promisorType', '承诺方类型', 'choice', { choices: ['企业', '个人'], other: true }, true),
    def('reviewDays', '理赔初审时限', 'number', { unit: '个工作日', integer: true, min: 1 }, true),
    def('score', '满意度评分', 'number', { unit: '分', max: 100 }),
    def('rate', '结案率', 'percent'),
    def('deposit', '服务保证金', 'money', { capital: true }),
    def('lawName', '法规名称', 'text'),
    def('remarks', '其他约定', 'longtext'),
    def('endDate', '承诺截止日期', 'date'),
    def('signature', '承诺人签名', 'handwritten', { blankWidth: 12 }),
    def('signDate', '签订日期', 'handwritten'),
    def('seal', '承诺方盖章', 'handwritten'),
  ];
  const content = doc(
    title('健康保险售后服务保证承诺书'),
    line('left', '承诺书编号：', field('letterNo')),
    line('left', '承诺方：', field('promisor'), '　接收方：', field('recipient')),
    line('left', '承诺方类型：', field('promisorType')),
    para('为切实保障客户的合法权益，依据《', field('lawName'), '》等法律法规，本公司就健康保险产品的售后服务作出如下保证：'),
    clause('cn', 0, '服务内容保证'),
    clause('cn-paren', 1, '建立全面的客户服务体系，在收到完整理赔材料后', field('reviewDays'), '内完成初步审核。'),
    clause('decimal', 2, '客户满意度评分不低于', field('score'), '，年度结案率达到', field('rate'), '以上。'),
    clause('decimal-paren', 3, '服务热线全年无休，', bold('重大疾病'), '案件开通绿色通道。'),
    clause('decimal-paren', 3, '定期回访客户并记录“服务意见”与‘改进措施’。'),
    clause('cn-paren', 1, '缴纳服务保证金', field('deposit'), '，专款用于客户权益保障。'),
    clause('cn', 0, '服务期限'),
    clause('cn-paren', 1, '本承诺有效期至', field('endDate'), '止。'),
    clause('cn-paren', 1, '其他约定：', field('remarks')),
    table('grid', [[['服务事项'], ['时限'], ['责任部门']], [['理赔初审'], [field('reviewDays')], ['理赔部']], [['投诉处理'], ['10个工作日'], ['客户服务部']]], true),
    para('特此承诺。'),
    table('signature', [
      [['承诺人签名：', field('signature')], ['承诺方（盖章）：', field('seal')]],
      [['签订日期：', field('signDate')], ['']],
    ]),
  );
  return { doc: content, fields, values: {}, pageStyle };
}

/** Every scheme, restarts at deeper levels and after a change of scheme, 十一、, 2.3.1, articles across chapters. */
export function numberingLetter(pageStyle: PageStyle = 'business'): LetterContent {
  const c = (scheme: NumberingScheme, level: number, marker: string) => clause(scheme, level, `条款${marker}，内容说明。`);
  const content = doc(
    title('编号方案测试函'),
    c('cn', 0, 'A01'),
    c('cn-paren', 1, 'A02'),
    c('cn-paren', 1, 'A03'),
    c('decimal', 2, 'A04'),
    c('decimal', 2, 'A05'),
    c('decimal-paren', 3, 'A06'),
    c('decimal-paren', 3, 'A07'),
    c('decimal', 2, 'A08'),
    c('decimal-paren', 3, 'A09'), // （1） again: restart at level 3 after a shallower clause
    c('cn-paren', 1, 'A10'),
    c('decimal', 2, 'A11'), // 1. again: restart at level 2
    c('cn', 0, 'A12'),
    c('cn-paren', 1, 'A13'), // （一） again under 二、
    c('decimal', 1, 'A14'), // a change of scheme at level 1 starts a new list
    c('decimal', 1, 'A15'),
    c('cn-paren', 1, 'A16'),
    para('中间的说明段落不打断编号。'),
    ...Array.from({ length: 10 }, (_, i) => c('cn', 0, `B${String(i + 1).padStart(2, '0')}`)), // 三、 … 十二、
    c('outline', 0, 'C01'),
    c('outline', 1, 'C02'),
    c('outline', 1, 'C03'),
    c('outline', 0, 'C04'),
    c('outline', 1, 'C05'),
    c('outline', 1, 'C06'),
    c('outline', 1, 'C07'),
    c('outline', 2, 'C08'), // 2.3.1
    c('outline', 2, 'C09'),
    c('decimal-paren', 2, 'C10'),
    c('outline', 2, 'C11'), // 2.3.1 again after a change of scheme: Word cannot restart mid-list
    c('outline', 2, 'C12'),
    c('chapter', 0, 'D01'),
    c('article', 1, 'D02'),
    c('article', 1, 'D03'),
    c('chapter', 0, 'D04'),
    c('article', 1, 'D05'), // 第三条: articles count across chapters
    c('cn-paren', 2, 'D06'),
    c('decimal', 42, 'D07'), // clamped to level 8
    clause('chapter', 0, '附则'),
  );
  return { doc: content, fields: [], values: {}, pageStyle };
}

/** Text pasted from Word and the web: controls, markup characters, quotes, emoji, rare CJK. */
export const HOSTILE_TEXT = 'A\u000BB\u0001C\u001F\u0000D\u007F\u0085E\uFFFE\uD800F <&>"\' ]]> <script>alert(1)</script> 😀👍🏽 𠀀𠀁 “引号” ‘单引’';

export function hostileLetter(pageStyle: PageStyle = 'business'): LetterContent {
  const fields: FieldDef[] = [def('name', '名称\u000B<&>', 'text'), def('note', '说明', 'longtext'), def('pick', '选项', 'choice', { choices: ['<甲>', '乙&丙'], other: true })];
  const content = doc(
    title('标题', HOSTILE_TEXT),
    para(HOSTILE_TEXT, field('name'), br(), bold(HOSTILE_TEXT)),
    clause('cn', 0, HOSTILE_TEXT),
    clause('decimal-paren', 1, field('note'), field('pick')),
    table('grid', [[[HOSTILE_TEXT], [field('name')]]]),
    mergedTable(),
    table('signature', [[['签名', HOSTILE_TEXT, field('name')]]]),
  );
  return {
    doc: content,
    fields,
    values: { name: `值${HOSTILE_TEXT}`, note: HOSTILE_TEXT, pick: { selected: ['<甲>', '其他'], other: HOSTILE_TEXT } },
    pageStyle,
  };
}

export const HOSTILE_META: ExportMeta = {
  title: `函件${HOSTILE_TEXT}`,
  letterNumber: 'HB-2026-<001>&"\u000B',
  versionLabel: 'v3\u0001',
  fingerprint: "9f2c4e1a7b3d'",
  promisor: `某公司${HOSTILE_TEXT}`,
  draft: true,
};

const SENTENCES = [
  '承诺方应当建立健全客户服务管理制度，明确各岗位职责，确保服务流程规范、高效、透明。',
  '对于客户提出的理赔申请，承诺方应在收到完整材料后及时审核，并将审核结果书面告知客户。',
  '承诺方应妥善保管客户的个人信息及健康信息，未经客户书面同意，不得向任何第三方披露。',
  '如因承诺方原因造成客户损失的，承诺方应依法承担赔偿责任，并采取有效措施防止损失扩大。',
  '承诺方应定期开展服务质量自查，对发现的问题及时整改，并向接收方报送整改情况报告。',
];

/** A letter of about `pages` business-style pages: sections of clauses and long paragraphs. */
export function longLetter(pages: number, pageStyle: PageStyle = 'business'): LetterContent {
  const content: Node[] = [title('健康保险售后服务综合承诺书（长篇）')];
  // A section is about 0.88 of a business page as LibreOffice lays it out (60 sections: 53 pages).
  for (let s = 0; s < Math.round(pages * 1.13); s++) {
    content.push(clause('cn', 0, `第${s + 1}部分服务要求`));
    for (let k = 0; k < 3; k++) {
      content.push(clause('cn-paren', 1, SENTENCES[(s + k) % 5]!, SENTENCES[(s + k + 1) % 5]!));
      content.push(clause('decimal', 2, SENTENCES[(s + k + 2) % 5]!, SENTENCES[(s + k + 3) % 5]!));
    }
    content.push(para(SENTENCES[s % 5]!, SENTENCES[(s + 2) % 5]!, SENTENCES[(s + 4) % 5]!));
  }
  content.push(para('特此承诺。'), table('signature', [[['承诺人签名：', field('sig')], ['日期：', field('date')]]]));
  return {
    doc: doc(...content),
    fields: [def('sig', '承诺人签名', 'handwritten'), def('date', '签订日期', 'handwritten')],
    values: {},
    pageStyle,
  };
}

export const META: ExportMeta = {
  title: '健康保险售后服务保证承诺书',
  letterNumber: 'HB-2026-0518',
  versionLabel: 'v3',
  fingerprint: '9f2c4e1a7b3d',
  promisor: '华康健康保险股份有限公司上海分公司',
};

// ---------------------------------------------------------------------------------------
// Filling fields

const PARTY_VALUES: Record<string, string> = {
  fullName: '华康健康保险股份有限公司上海分公司',
  shortName: '华康上海分公司',
  address: '上海市浦东新区世纪大道100号',
  legalRepresentative: '王建国',
  contact: '021-68881234',
  signer: '李明',
};

function numberFor(d: FieldDef, preferred: number): number {
  const o = d.options ?? {};
  const example = Number(d.example);
  let n = d.example !== undefined && Number.isFinite(example) && d.example.trim() !== '' ? example : preferred;
  if (o.min !== undefined) n = Math.max(n, o.min);
  if (o.max !== undefined) n = Math.min(n, o.max);
  return o.integer ? Math.round(n) : n;
}

function textFor(d: FieldDef, fallback: string): string {
  const max = d.options?.maxLength ?? 200;
  const value = d.example?.trim() ? d.example.trim() : fallback;
  return [...value].slice(0, max).join('');
}

/** A realistic, valid value for every field (handwritten ones stay empty: they are signed by hand). */
export function fillAll(fields: readonly FieldDef[]): FieldValues {
  const values: FieldValues = {};
  for (const d of fields) {
    let v: FieldValue;
    switch (d.type) {
      case 'text':
        v = textFor(d, `${d.label.slice(0, 8)}示例`);
        break;
      case 'longtext':
        v = textFor(d, '双方另行签订补充协议的，以补充协议为准。');
        break;
      case 'party':
        v = PARTY_VALUES[d.options?.part ?? 'fullName'] ?? PARTY_VALUES['fullName']!;
        break;
      case 'docnumber':
        v = textFor(d, 'HKSH-2026-0518');
        break;
      case 'number':
        v = numberFor(d, 7);
        break;
      case 'money':
        v = numberFor(d, 100000);
        break;
      case 'percent':
        v = numberFor(d, 95);
        break;
      case 'date':
        v = { y: 2026, m: 5, d: 8 };
        break;
      case 'choice': {
        const choices = d.options?.choices ?? [];
        v = choices.length ? { selected: [choices[0]!] } : { selected: ['其他'], other: '事业单位' };
        break;
      }
      case 'handwritten':
        v = null;
        break;
    }
    const problem = validateField(d, v);
    if (problem) throw new Error(`fillAll made an invalid value for ${d.key} (${d.type}): ${problem}`);
    values[d.key] = v;
  }
  return values;
}

/** The text each filled field prints (what must appear on paper), whitespace removed. */
export function printedValues(content: LetterContent): string[] {
  return content.fields
    .filter((d) => d.type !== 'handwritten' && !isEmptyValue(content.values[d.key]))
    .flatMap((d) => printField(d, content.values[d.key]).flatMap((p) => (p.kind === 'text' && p.field ? [squash(p.text)] : [])))
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------
// Built-in templates and the set of letters every export test runs over

export const TEMPLATES_DIR = path.join(ROOT, 'resources', 'templates');

export function loadTemplates(): TemplateData[] {
  if (!fs.existsSync(TEMPLATES_DIR)) return [];
  return fs
    .readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseTemplateData(JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, f), 'utf8')), f));
}

export function templateContent(t: TemplateData, values: FieldValues, pageStyle: PageStyle = t.pageStyle): LetterContent {
  return { doc: t.doc, fields: t.fields, values, pageStyle };
}

/** The templates this project ships (DESIGN.md: eight built-in templates). */
export const BUILTIN_TEMPLATE_COUNT = 8;

export interface ExportCase {
  name: string;
  content: LetterContent;
  meta: ExportMeta;
  style: PageStyle;
  /** Every field filled (so no blank but handwriting and no underscores may print). */
  filled: boolean;
  /** Expected page count range in the LibreOffice rendering. */
  pages: [number, number];
  /** A built-in template's letter: also printed through the PDF path and compared page by page (issue #14). */
  template?: { id: string; variant: 'filled' | 'unfilled' | 'signature' };
}

/** The number the register assigns at export for signature, in the tests. */
export const SIGNATURE_NUMBER = 'HB-2026-0518';

/**
 * Every template in both page styles, three ways: filled; with nothing filled (a draft);
 * as exported for signature (filled, its own number filled by the register). Then the
 * sample letter, numbering, hostile and 60-page letters.
 */
export function exportCases(templates: readonly TemplateData[] = loadTemplates()): ExportCase[] {
  const cases: ExportCase[] = [];
  const meta = (t: TemplateData): ExportMeta => ({ ...META, title: t.name });
  for (const t of templates) {
    for (const style of ['business', 'official'] as const) {
      const values = fillAll(t.fields);
      cases.push({ name: `tpl-${t.id}-${style}`, content: templateContent(t, values), meta: meta(t), style, filled: true, pages: [1, 6], template: { id: t.id, variant: 'filled' } });
      cases.push({
        name: `tpl-${t.id}-${style}-unfilled`,
        content: templateContent(t, {}),
        meta: { ...meta(t), draft: true },
        style,
        filled: false,
        pages: [1, 6],
        template: { id: t.id, variant: 'unfilled' },
      });
      const own = new Set(ownNumberFields(t.fields).map((f) => f.key));
      const signing = withOwnNumber(t.fields, Object.fromEntries(Object.entries(values).filter(([k]) => !own.has(k))), SIGNATURE_NUMBER);
      cases.push({
        name: `tpl-${t.id}-${style}-signature`,
        content: templateContent(t, signing),
        meta: { ...meta(t), letterNumber: SIGNATURE_NUMBER },
        style,
        filled: true,
        pages: [1, 6],
        template: { id: t.id, variant: 'signature' },
      });
    }
  }
  const sample = sampleLetter();
  cases.push(
    { name: 'sample-business', content: { ...sample, values: fillAll(sample.fields) }, meta: META, style: 'business', filled: true, pages: [1, 2] },
    { name: 'sample-official', content: { ...sample, values: fillAll(sample.fields) }, meta: META, style: 'official', filled: true, pages: [2, 3] },
    { name: 'sample-empty', content: sample, meta: { ...META, letterNumber: null, draft: true }, style: 'business', filled: false, pages: [1, 2] },
    { name: 'numbering-business', content: numberingLetter(), meta: META, style: 'business', filled: true, pages: [2, 3] },
    { name: 'numbering-official', content: numberingLetter(), meta: META, style: 'official', filled: true, pages: [3, 4] },
    { name: 'hostile', content: hostileLetter(), meta: HOSTILE_META, style: 'business', filled: true, pages: [1, 2] },
    { name: 'long-60', content: longLetter(60), meta: META, style: 'business', filled: false, pages: [55, 66] },
  );
  return cases;
}

// ---------------------------------------------------------------------------------------
// Reading a .docx

/** Every part of the package as text, by its path (word/document.xml …). */
export function docxParts(docx: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(docx.buffer, docx.byteOffset, docx.byteLength));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/**
 * Whitespace removed (pdftotext breaks lines and spaces CJK text at will), and the
 * zero-width break opportunities the .docx puts into long Latin strings (layout.ts).
 */
export function squash(text: string): string {
  return text.replace(/[\s\u200B]+/g, '');
}

// ---------------------------------------------------------------------------------------
// Rendering with LibreOffice and poppler

export interface RenderTools {
  ok: boolean;
  reason: string;
}

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/**
 * The .docx as LibreOffice must be given it to lay it out as Word does. LibreOffice 7.4 reads
 * `w:overflowPunct` inverted (writerfilter DomainMapper.cxx: hanging punctuation = value == 0),
 * so the export's "no hanging punctuation" (docx-styles.ts), which Word honours, would make it
 * hang closing ，。； past the margin; the copy it converts says the value it understands.
 */
export function forLibreOffice(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx.buffer, docx.byteOffset, docx.byteLength));
  const styles = files['word/styles.xml'];
  if (!styles) return docx;
  files['word/styles.xml'] = strToU8(strFromU8(styles).replace('<w:overflowPunct w:val="0"/>', '<w:overflowPunct w:val="1"/>'));
  return Buffer.from(zipSync(files));
}

/** Whether soffice and poppler are installed; under CI=true missing tools are a failure. */
export function renderTools(): RenderTools {
  const missing = ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'].filter((c) => !onPath(c));
  return missing.length
    ? { ok: false, reason: `${missing.join(', ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk)` }
    : { ok: true, reason: '' };
}

/**
 * Converts many .docx files to PDF with one soffice run (start-up dominates), fonts pinned
 * by the test fontconfig. soffice exits 0 even when a conversion fails: callers check
 * that each PDF exists.
 */
export function convertToPdf(files: string[], outDir: string, profileDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync('soffice', sofficeArgs(files, outDir, profileDir), { env: sofficeEnv(), stdio: 'pipe', timeout: 180_000 });
}

/** convertToPdf without blocking, so Chromium can print while LibreOffice converts. */
export function convertToPdfAsync(files: string[], outDir: string, profileDir: string, timeout = 480_000): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  return new Promise((resolve, reject) => {
    execFile('soffice', sofficeArgs(files, outDir, profileDir), { env: sofficeEnv(), timeout, maxBuffer: 16 * 1024 * 1024 }, (err) => (err ? reject(err) : resolve()));
  });
}

function sofficeArgs(files: string[], outDir: string, profileDir: string): string[] {
  return ['--headless', '--norestore', `-env:UserInstallation=file://${profileDir}`, '--convert-to', 'pdf', '--outdir', outDir, ...files];
}

function sofficeEnv(): NodeJS.ProcessEnv {
  return { ...process.env, FONTCONFIG_FILE, SAL_USE_VCLPLUGIN: 'svp' };
}

export interface PdfInfo {
  pages: number;
  title: string;
  /** Page size in points. */
  width: number;
  height: number;
}

export function pdfInfo(pdf: string): PdfInfo {
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const get = (key: string) => new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
  const size = /([\d.]+) x ([\d.]+) pts/.exec(get('Page size'));
  return { pages: Number(get('Pages')), title: get('Title'), width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Text of each page (pdftotext separates pages with a form feed). */
export function pdfPages(pdf: string, order: 'layout' | 'raw' = 'layout'): string[] {
  // `raw`: in the order the PDF draws it — a list number LibreOffice draws apart from its line
  // stays with it where the default reading order may move it up beside a gapped line above.
  const args = order === 'raw' ? ['-raw', '-enc', 'UTF-8', pdf, '-'] : ['-enc', 'UTF-8', pdf, '-'];
  const text = execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages.length > 1 && pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

/** Page 1 as a small PNG, kept as a test artifact to look at. */
export function firstPagePng(pdf: string, outPrefix: string): string {
  return pagePng(pdf, 1, outPrefix);
}

/** One page (1-based) as a small PNG, kept as a test artifact to look at. */
export function pagePng(pdf: string, page: number, outPrefix: string, dpi = 60): string {
  fs.mkdirSync(path.dirname(outPrefix), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, outPrefix]);
  return `${outPrefix}.png`;
}

const FOOTER_LINE = /^\s*(第\s*\d+\s*页（共\s*\d+\s*页）.*|—\s*\d+\s*—|编号 .*|v\d+.*|草稿.*)\s*$/gm;

/** A page's text without its footer and header lines, whitespace removed. */
export function pageBody(page: string): string {
  return squash(page.replace(FOOTER_LINE, ''));
}

/** Page texts joined with the page footers and header removed, whitespace removed. */
export function bodyText(pages: readonly string[]): string {
  return squash(pages.map((p) => p.replace(FOOTER_LINE, '')).join(''));
}

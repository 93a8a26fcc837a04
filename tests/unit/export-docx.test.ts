/**
 * The .docx XML says what EXPORT.md asks: A4 and the margins of each page style, fonts in
 * all four slots with eastAsia, zh-CN, the line rules, both first-line indent attributes,
 * PAGE/NUMPAGES in the footer, real Word numbering, clean blanks, the signature block.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, buildPrintHtml, DEFAULT_FONTS, fontsUsed, type ExportFonts } from '../../electron/core/export';
import { letterBlocks } from '../../electron/shared/letter-model';
import type { LetterContent, PageStyle } from '../../electron/shared/letter-content';
import { fieldText, type FieldDef } from '../../electron/shared/fields';
import { parseTemplateData } from '../../electron/shared/template';
import { doc as letterDoc, docxParts, field, fillAll, hostileLetter, HOSTILE_META, line, loadTemplates, META, numberingLetter, para, sampleLetter, table, title } from '../helpers/render-docx';

const mm = (v: number) => Math.round((v * 1440) / 25.4);
const MARGINS: Record<PageStyle, { top: number; bottom: number; left: number; right: number }> = {
  business: { top: 25, bottom: 25, left: 28, right: 26 },
  official: { top: 37, bottom: 35, left: 28, right: 26 },
};
const BODY = { business: { font: '宋体', pt: 12 }, official: { font: '仿宋', pt: 16 } };

/** Attributes of every element with this tag name. */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}(\\s[^>]*)?/?>`, 'g'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => m[1] ?? m[2] ?? '');
// The zero-width break opportunities in long Latin strings (layout.ts breakableLatin) are not text.
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('').replace(/\u200B/g, '');
const filled = (c: LetterContent): LetterContent => ({ ...c, values: fillAll(c.fields) });

type Parts = Record<string, string>;
const built: Record<string, Parts> = {};

beforeAll(async () => {
  for (const style of ['business', 'official'] as const) {
    built[`sample-${style}`] = docxParts(await buildDocx(filled(sampleLetter()), META, { style }));
    built[`empty-${style}`] = docxParts(await buildDocx(sampleLetter(), { ...META, draft: true }, { style }));
    built[`numbering-${style}`] = docxParts(await buildDocx(numberingLetter(), META, { style }));
  }
  built['hostile'] = docxParts(await buildDocx(hostileLetter(), HOSTILE_META));
});

describe.each(['business', 'official'] as const)('%s page style', (style) => {
  it('is A4 with the style’s margins in rounded twips', () => {
    const doc = built[`sample-${style}`]!['word/document.xml']!;
    expect(elements(doc, 'w:pgSz')).toEqual([expect.objectContaining({ 'w:w': '11906', 'w:h': '16838' })]);
    const m = MARGINS[style];
    expect(elements(doc, 'w:pgMar')[0]).toMatchObject({
      'w:top': String(mm(m.top)),
      'w:bottom': String(mm(m.bottom)),
      'w:left': String(mm(m.left)),
      'w:right': String(mm(m.right)),
    });
  });

  it('names fonts in all four slots with eastAsia, in the defaults and in every run, and says zh-CN', () => {
    const parts = built[`sample-${style}`]!;
    const styles = parts['word/styles.xml']!;
    const defaults = styles.slice(styles.indexOf('<w:docDefaults>'), styles.indexOf('</w:docDefaults>'));
    expect(elements(defaults, 'w:rFonts')[0]).toMatchObject({ 'w:eastAsia': BODY[style].font, 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman', 'w:cs': 'Times New Roman' });
    expect(elements(defaults, 'w:lang')[0]).toMatchObject({ 'w:eastAsia': 'zh-CN' });
    expect(elements(defaults, 'w:sz')[0]).toMatchObject({ 'w:val': String(BODY[style].pt * 2) });
    for (const name of ['word/document.xml', 'word/footer1.xml']) {
      const xml = parts[name]!;
      const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!).filter((r) => r.includes('<w:t'));
      expect(runs.length).toBeGreaterThan(3);
      for (const run of runs) {
        const fonts = elements(run, 'w:rFonts')[0];
        expect(fonts, run).toBeDefined();
        for (const slot of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) expect(fonts![slot], `${slot} in ${run}`).toBeTruthy();
        expect(elements(run, 'w:lang')[0]).toMatchObject({ 'w:eastAsia': 'zh-CN' });
      }
    }
    // CJK text runs carry the eastAsia hint so “ ” ‘ ’ print full-width; the quotes themselves
    // name the Chinese face in every slot, for renderers that ignore the hint (LibreOffice 7).
    const quote = [...parts['word/document.xml']!.matchAll(/<w:r>((?:(?!<\/w:r>)[\s\S])*?)<\/w:r>/g)].map((m) => m[1]!).find((r) => /<w:t[^>]*>“<\/w:t>/.test(r))!;
    expect(elements(quote, 'w:rFonts')[0]).toMatchObject({ 'w:ascii': BODY[style].font, 'w:hAnsi': BODY[style].font, 'w:eastAsia': BODY[style].font, 'w:hint': 'eastAsia' });
    expect(texts(parts['word/document.xml']!)).toContain('“服务意见”');
  });

  it('spaces lines at the exact pitch the print CSS uses, never with the invalid "exactly"', () => {
    const parts = built[`sample-${style}`]!;
    const spacing = elements(parts['word/styles.xml']!.split('</w:docDefaults>')[0]!, 'w:spacing').find((s) => s['w:line']);
    // Business: 1.5 lines of 宋体 小四 as Word sets them (23.4 pt), fixed so every renderer paginates alike.
    expect(spacing).toEqual(style === 'official' ? { 'w:line': '579', 'w:lineRule': 'exact' } : { 'w:line': '468', 'w:lineRule': 'exact' });
    expect(buildPrintHtml(filled(sampleLetter()), META, { style })).toContain(`line-height: ${style === 'official' ? 28.95 : 23.4}pt;`);
    for (const xml of Object.values(parts)) expect(xml).not.toContain('"exactly"');
  });

  it('indents the first line by two characters with both firstLineChars and firstLine', () => {
    const doc = built[`sample-${style}`]!['word/document.xml']!;
    const indents = elements(doc, 'w:ind').filter((i) => i['w:firstLineChars'] || i['w:firstLine']);
    expect(indents.length).toBeGreaterThan(8);
    for (const ind of indents.filter((i) => i['w:firstLine'] !== '0')) {
      expect(ind).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': String(2 * BODY[style].pt * 20) });
    }
  });

  it('prints 第 X 页（共 Y 页） in the footer from PAGE and NUMPAGES fields, and the letter’s number, version and fingerprint', () => {
    const footer = built[`sample-${style}`]!['word/footer1.xml']!;
    const instr = [...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim());
    expect(instr).toEqual(style === 'official' ? ['PAGE', 'PAGE', 'NUMPAGES'] : ['PAGE', 'NUMPAGES']);
    expect(texts(footer)).toContain('第  页（共  页）');
    if (style === 'official') expect(texts(footer)).toContain('—  —');
    expect(texts(footer)).toContain('编号 HB-2026-0518 · v3 · 校验码 9f2c4e1a7b3d');
    expect(built[`sample-${style}`]!['word/settings.xml']).not.toContain('updateFields');
    // The footer paragraphs do not inherit the body's line spacing.
    for (const p of paragraphs(footer)) expect(elements(p, 'w:spacing')[0]).toMatchObject({ 'w:line': '240', 'w:lineRule': 'auto' });
  });

  it('uses the official heading fonts only in the official style', () => {
    const doc = built[`sample-${style}`]!['word/document.xml']!;
    const heading = paragraphs(doc).find((p) => texts(p) === '服务内容保证')!;
    expect(elements(heading, 'w:rFonts')[0]!['w:eastAsia']).toBe(style === 'official' ? '黑体' : '宋体');
    const title = paragraphs(doc).find((p) => texts(p) === '健康保险售后服务保证承诺书')!;
    expect(elements(title, 'w:rFonts')[0]!['w:eastAsia']).toBe(style === 'official' ? '方正小标宋简体' : '黑体');
    expect(elements(title, 'w:sz')[0]!['w:val']).toBe(style === 'official' ? '44' : '36');
    expect(elements(title, 'w:jc')[0]!['w:val']).toBe('center');
  });
});

describe('clause numbering', () => {
  const numbering = () => built['numbering-business']!['word/numbering.xml']!;

  it('defines real Word lists in every scheme, the number followed by nothing', () => {
    const xml = numbering();
    const formats = new Set(elements(xml, 'w:numFmt').map((f) => f['w:val']));
    expect(formats).toContain('chineseCounting');
    expect(formats).toContain('decimal');
    const lvlTexts = new Set(elements(xml, 'w:lvlText').map((t) => t['w:val']));
    for (const text of ['%1、', '（%2）', '%3.', '（%4）', '第%1条　', '第%1章　', '%1.', '%1.%2 ', '%1.%2.%3 ']) expect(lvlTexts, text).toContain(text);
    expect(elements(xml, 'w:suff').every((s) => s['w:val'] === 'nothing')).toBe(true);
    expect(xml).not.toContain('decimalEnclosedParen');
  });

  it('has at most nine levels in every definition and no level above 8 anywhere', () => {
    const xml = numbering();
    for (const abs of xml.match(/<w:abstractNum [\s\S]*?<\/w:abstractNum>/g)!) expect(elements(abs, 'w:lvl').length).toBeLessThanOrEqual(9);
    for (const name of ['word/numbering.xml', 'word/document.xml']) {
      for (const l of [...elements(built['numbering-business']![name]!, 'w:lvl'), ...elements(built['numbering-business']![name]!, 'w:ilvl')]) {
        expect(Number(l['w:ilvl'] ?? l['w:val'])).toBeLessThanOrEqual(8);
      }
    }
  });

  it('numbers clauses through Word, each restart a new list that starts every level again', () => {
    const doc = built['numbering-business']!['word/document.xml']!;
    const blocks = letterBlocks(numberingLetter().doc, [], {});
    const clauses = paragraphs(doc).filter((p) => /条款[A-D]\d\d|附则/.test(texts(p)));
    expect(clauses).toHaveLength(blocks.filter((b) => b.type === 'clause').length);
    const numId = (marker: string) => elements(clauses.find((p) => texts(p).includes(marker))!, 'w:numId')[0]?.['w:val'];
    // Siblings share a list; a restart after a shallower clause or a change of scheme is a new one.
    expect(numId('A06')).toBe(numId('A07'));
    expect(numId('A09')).not.toBe(numId('A06'));
    expect(numId('A14')).not.toBe(numId('A13'));
    expect(numId('A16')).not.toBe(numId('A13'));
    // The outline tree is one list (Word renumbers 2.3.1 itself); articles count across chapters.
    expect(numId('C08')).toBe(numId('C01'));
    expect(numId('D05')).toBe(numId('D02'));
    // Every list starts each of its levels again (the restart does not hang on docx issue #2877).
    const levelsOf = new Map(
      numbering().match(/<w:abstractNum [\s\S]*?<\/w:abstractNum>/g)!.map((a) => [elements(a, 'w:abstractNum')[0]!['w:abstractNumId'], elements(a, 'w:lvl').length]),
    );
    const used = new Set(elements(doc, 'w:numId').map((n) => n['w:val']));
    const nums = numbering().match(/<w:num w:numId="\d+">[\s\S]*?<\/w:num>/g)!.filter((n) => used.has(elements(n, 'w:num')[0]!['w:numId']));
    expect(nums.length).toBeGreaterThan(10);
    for (const num of nums) {
      const levels = levelsOf.get(elements(num, 'w:abstractNumId')[0]!['w:val']);
      expect(elements(num, 'w:startOverride').map((o) => o['w:val'])).toEqual(Array(levels).fill('1'));
    }
  });

  it('prints numbers Word would count differently as text, so paper matches the editor', () => {
    // 2.3.1 restarts after a （1） at its own level: Word's outline list cannot restart
    // level 3 without a level-2 clause, so that run prints its numbers as text.
    const doc = built['numbering-business']!['word/document.xml']!;
    const clauses = paragraphs(doc).filter((p) => /条款[A-D]\d\d/.test(texts(p)));
    const literal = clauses.filter((p) => !p.includes('<w:numPr>')).map((p) => texts(p).slice(0, 11));
    expect(literal).toEqual(['2.3.1 条款C11', '2.3.2 条款C12']);
  });
});

describe('fields on paper', () => {
  const blankRuns = (xml: string) => [...xml.matchAll(/<w:r>((?:(?!<\/w:r>)[\s\S])*?<w:u w:val="single"\/>(?:(?!<\/w:r>)[\s\S])*?)<\/w:r>/g)].map((m) => m[1]!).filter((r) => /<w:t[^>]*>\u00A0+<\/w:t>/.test(r));

  it('prints every unfilled and handwritten field as an underlined blank of sensible width', () => {
    const content = sampleLetter();
    const blocks = letterBlocks(content.doc, content.fields, content.values);
    const modelBlanks = JSON.stringify(blocks).match(/"blank":\d+/g)!.length;
    const blanks = blankRuns(built['empty-business']!['word/document.xml']!);
    expect(blanks).toHaveLength(modelBlanks);
    for (const run of blanks) {
      const width = /<w:t[^>]*>(\u00A0+)<\/w:t>/.exec(run)![1]!.length / 4; // a Times no-break space is ¼ em
      expect(width).toBeGreaterThanOrEqual(2);
      expect(width).toBeLessThanOrEqual(24);
    }
    const doc = built['empty-business']!['word/document.xml']!;
    expect(texts(doc)).not.toContain('_');
  });

  it('prints filled values as text, with blanks left only for handwriting and an unticked 其他', () => {
    const doc = built['sample-business']!['word/document.xml']!;
    const text = texts(doc);
    for (const value of ['HKSH-2026-0518', '华康健康保险股份有限公司上海分公司', '7个工作日', '95%', '人民币壹拾万元整（¥100,000.00）', '2026年5月8日']) {
      expect(text).toContain(value);
    }
    expect(text).not.toContain('_');
    const content = filled(sampleLetter());
    const kinds = new Map(content.fields.map((f) => [f.key, f.type]));
    const blanks = letterBlocks(content.doc, content.fields, content.values)
      .flatMap((b) => (b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs.flatMap((p) => p.runs))) : b.runs))
      .filter((r) => r.blank);
    expect(blanks.map((r) => kinds.get(r.fieldKey!)).sort()).toEqual(['choice', 'handwritten', 'handwritten', 'handwritten']);
    const widths = blankRuns(doc).map((run) => /<w:t[^>]*>(\u00A0+)<\/w:t>/.exec(run)![1]!.length / 4);
    // Signature blanks leave room for a hand: at least eight characters.
    expect(widths.filter((w) => w >= 8)).toHaveLength(3);
    expect(widths).toHaveLength(4);
  });

  it('keeps each signing blank on its label’s line or whole under it, at least eight characters (issue #14)', () => {
    for (const style of ['business', 'official'] as const) {
      const { pt } = BODY[style];
      const spacing = style === 'official' ? -0.25 : 0;
      const perEm = pt / (pt / 4 + spacing); // no-break spaces per em, the character spacing allowed for
      const doc = built[`empty-${style}`]!['word/document.xml']!;
      const sig = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!.pop()!;
      for (const cell of sig.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!) {
        const room = Number(elements(cell, 'w:tcW')[0]!['w:w']) - 216 - pt * 10;
        for (const p of paragraphs(cell)) {
          for (const line of p.split('<w:br/>')) {
            const blank = (texts(line).match(/\u00A0/g) ?? []).length / perEm;
            const label = [...texts(line).replace(/\u00A0/g, '')].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1) * (pt + spacing) * 20, 0);
            if (blank) expect(blank, texts(line)).toBeGreaterThanOrEqual(8 - 0.2);
            expect(label + blank * pt * 20, `${style}: ${texts(line)}`).toBeLessThanOrEqual(room);
          }
        }
      }
    }
  });

  it('puts a label too long to share its line above the blank, and widens cells too narrow for a label', async () => {
    const fields = [
      { key: 'sig', label: '代表签字', type: 'handwritten' as const, required: false, options: { mark: 'signature' as const } },
      { key: 'day', label: '签署日期', type: 'handwritten' as const, required: false, options: { mark: 'date' as const } },
    ];
    const content: LetterContent = {
      doc: letterDoc(title('签署测试'), para('特此承诺。'), table('signature', [[['法定代表人或授权代表（签字）：', field('sig')], ['签署日期：', field('day')]]])),
      fields,
      values: {},
      pageStyle: 'business',
    };
    const sigTable = async (style: PageStyle) => docxParts(await buildDocx(content, META, { style }))['word/document.xml']!.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0];
    // Business: the label fits its half of the line, its blank does not: the label stands above it.
    const business = await sigTable('business');
    expect(elements(business, 'w:gridCol')).toHaveLength(2);
    const first = paragraphs(business)[0]!;
    expect(texts(first.split('<w:br/>')[0]!)).toBe('法定代表人或授权代表（签字）：');
    expect(first.split('<w:br/>')).toHaveLength(2);
    // A handwritten date is a whole ____年__月__日, beside its label.
    expect(texts(paragraphs(business)[1]!).replace(/\u00A0+/g, '_')).toBe('签署日期：_年_月_日');
    // Official: the label alone is wider than half the line: the cells stack, one per row.
    const official = await sigTable('official');
    expect(elements(official, 'w:gridCol')).toHaveLength(1);
    expect(official.match(/<w:tr>/g)).toHaveLength(2);
    expect(paragraphs(official)[0]).not.toContain('<w:br/>');
  });

  it('prints choices as ☑ / ☐ in a symbol face', () => {
    const text = texts(built['sample-business']!['word/document.xml']!);
    expect(text).toContain('☑企业 ☐个人 ☐其他');
    const boxRuns = [...built['sample-business']!['word/document.xml']!.matchAll(/<w:r>((?:(?!<\/w:r>)[\s\S])*?)<\/w:r>/g)].filter((m) => /<w:t[^>]*>[☑☐]<\/w:t>/.test(m[1]!));
    expect(boxRuns).toHaveLength(3);
    for (const r of boxRuns) expect(elements(r[1]!, 'w:rFonts')[0]!['w:eastAsia']).toBe('Segoe UI Symbol');
  });
});

describe('tables and the signature block', () => {
  const doc = () => built['sample-business']!['word/document.xml']!;
  const tables = () => doc().match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;

  it('gives every table absolute DXA widths, never percentages', () => {
    expect(tables()).toHaveLength(2);
    for (const t of tables()) {
      for (const w of [...elements(t, 'w:tblW'), ...elements(t, 'w:tcW')]) expect(w['w:type']).toBe('dxa');
      const grid = elements(t, 'w:gridCol').reduce((n, g) => n + Number(g['w:w']), 0);
      expect(grid).toBe(11906 - mm(28) - mm(26));
    }
    expect(doc()).not.toMatch(/w:type="pct"/);
  });

  it('draws the signature block borderless, rows unsplittable and kept together, the paragraph above kept with it', () => {
    const sig = tables()[1]!;
    const borders = sig.match(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/)![0];
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(elements(borders, `w:${side}`)[0]!['w:val']).toBe('none');
    const rows = sig.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(rows[0]).toContain('<w:keepNext/>');
    const before = doc().slice(0, doc().lastIndexOf('<w:tbl>'));
    const lastParagraph = paragraphs(before).pop()!;
    expect(texts(lastParagraph)).toBe('特此承诺。');
    expect(lastParagraph).toContain('<w:keepNext/>');
    // The grid table keeps its borders.
    expect(elements(tables()[0]!, 'w:top')[0]!['w:val']).toBe('single');
  });

  it('merges cells within the grid: gridSpan and vMerge, a too-wide span clamped', () => {
    const merged = built['hostile']!['word/document.xml']!.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!.find((t) => t.includes('合并两列'))!;
    expect(elements(merged, 'w:gridCol')).toHaveLength(3);
    expect(elements(merged, 'w:gridSpan').map((g) => g['w:val'])).toEqual(['2', '3']);
    expect(elements(merged, 'w:vMerge').map((v) => v['w:val'] ?? 'continue')).toEqual(['restart', 'continue']);
  });
});

describe('properties, draft mark and fonts', () => {
  it('carries the printed heading, 承诺方 and number · version · fingerprint in the document properties', async () => {
    const core = built['sample-business']!['docProps/core.xml']!;
    expect(core).toContain('<dc:title>健康保险售后服务保证承诺书</dc:title>');
    expect(core).toContain('<dc:creator>华康健康保险股份有限公司上海分公司</dc:creator>');
    expect(core).toContain('<dc:description>HB-2026-0518 · v3 · 9f2c4e1a7b3d</dc:description>');
    expect(core).toContain('<dc:subject>HB-2026-0518 · v3 · 9f2c4e1a7b3d</dc:subject>');
    const custom = built['sample-business']!['docProps/custom.xml']!;
    for (const name of ['LetterNumber', 'VersionLabel', 'Fingerprint', 'Promisor', 'Generator']) expect(custom).toContain(`name="${name}"`);
    expect(custom).toContain('9f2c4e1a7b3d');
    expect(built['sample-business']!['docProps/app.xml']).toMatch(/<Application>函件台 Letterdesk \d+\.\d+\.\d+[^<]*<\/Application>/);
    // dc:title is the heading the paper prints, not the register's name for the letter (issue #14).
    const renamed = docxParts(await buildDocx(sampleLetter(), { ...META, title: '登记簿里的名字' }));
    expect(renamed['docProps/core.xml']).toContain('<dc:title>健康保险售后服务保证承诺书</dc:title>');
  });

  it('tells Word and WPS which installed faces stand for the fonts it names (fontTable.xml)', () => {
    const table = built['sample-official']!['word/fontTable.xml']!;
    const font = (name: string) => new RegExp(`<w:font w:name="${name}">([\\s\\S]*?)</w:font>`).exec(table)?.[1] ?? '';
    expect(font('宋体')).toContain('<w:altName w:val="SimSun"/>');
    expect(font('方正小标宋简体')).toContain('<w:altName w:val="FZXiaoBiaoSong-B05S"/>');
    for (const name of ['宋体', '仿宋', '黑体', '楷体', '方正小标宋简体']) {
      expect(font(name), name).toContain('<w:charset w:val="86"/>');
      expect(font(name), name).toMatch(/<w:panose1 w:val="[0-9A-F]{20}"\/>/);
    }
    expect(font('Times New Roman')).toContain('<w:family w:val="roman"/>');
  });

  it('leaves a missing letter number out of the description and footer', async () => {
    const parts = docxParts(await buildDocx(sampleLetter(), { ...META, letterNumber: null }));
    expect(parts['docProps/core.xml']).toContain('<dc:description>v3 · 9f2c4e1a7b3d</dc:description>');
    expect(texts(parts['word/footer1.xml']!)).toContain('v3 · 校验码 9f2c4e1a7b3d');
    expect(texts(parts['word/footer1.xml']!)).not.toContain('编号');
  });

  it('marks a draft 草稿 in the header, and only a draft', () => {
    const draft = built['empty-business']!;
    const header = Object.keys(draft).find((k) => /^word\/header\d*\.xml$/.test(k));
    expect(header).toBeDefined();
    expect(texts(draft[header!]!)).toContain('草稿');
    expect(Object.keys(built['sample-business']!).some((k) => k.startsWith('word/header'))).toBe(false);
  });

  it('names the configured fonts, and fontsUsed lists what each style names', async () => {
    const fonts: ExportFonts = { ...DEFAULT_FONTS, fang: '仿宋_GB2312', xiaobiaosong: '方正小标宋简体', latin: 'Arial' };
    const parts = docxParts(await buildDocx(filled(sampleLetter()), META, { style: 'official', fonts }));
    const names = new Set(elements(parts['word/document.xml']!, 'w:rFonts').flatMap((f) => [f['w:eastAsia'], f['w:ascii']]));
    for (const name of ['仿宋_GB2312', '方正小标宋简体', 'Arial', '黑体']) expect(names).toContain(name);
    for (const name of names) expect(fontsUsed('official', fonts)).toContain(name);
    expect(fontsUsed('business', DEFAULT_FONTS)).toEqual(expect.arrayContaining(['宋体', '黑体', 'Times New Roman']));
    expect(fontsUsed('business', DEFAULT_FONTS)).not.toContain('仿宋');
  });
});

describe('hostile content', () => {
  it('keeps control characters and broken surrogates out of every XML part and escapes markup', () => {
    const parts = built['hostile']!;
    for (const [name, xml] of Object.entries(parts)) {
      expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uFFFD]/.test(xml), name).toBe(false);
    }
    const doc = parts['word/document.xml']!;
    expect(doc).toContain('&lt;&amp;&gt;');
    expect(doc).not.toContain('<script>');
    expect(doc).toContain('😀👍🏽 𠀀𠀁');
    expect(texts(doc)).toContain('ABCDEF');
    expect(parts['docProps/core.xml']).toContain('HB-2026-&lt;001&gt;&amp;&quot; · v3 · 9f2c4e1a7b3d');
  });
});

describe('print fidelity (issue #14)', () => {
  it('numbers official pages at the outer edge one character in, odd right and even left, in 4号 half-width 宋体', () => {
    const parts = built['sample-official']!;
    expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1|on)"\/>/);
    const doc = parts['word/document.xml']!;
    const refs = new Map(elements(doc, 'w:footerReference').map((r) => [r['w:type'], r['r:id']]));
    const rels = parts['word/_rels/document.xml.rels']!;
    const footerOf = (type: string) => parts[`word/${new RegExp(`Id="${refs.get(type)}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`]!;
    const numberLine = (xml: string) => paragraphs(xml)[0]!;
    const odd = numberLine(footerOf('default'));
    const even = numberLine(footerOf('even'));
    expect(elements(odd, 'w:jc')[0]!['w:val']).toBe('right');
    expect(elements(odd, 'w:ind')[0]).toMatchObject({ 'w:right': '280' });
    expect(elements(even, 'w:jc')[0]!['w:val']).toBe('left');
    expect(elements(even, 'w:ind')[0]).toMatchObject({ 'w:left': '280' });
    for (const p of [odd, even]) {
      expect(texts(p)).toBe('—  —');
      expect(elements(p, 'w:sz')[0]!['w:val']).toBe('28');
      expect(elements(p, 'w:rFonts')[0]).toMatchObject({ 'w:ascii': '宋体', 'w:hAnsi': '宋体', 'w:eastAsia': '宋体' });
    }
    // The business style keeps one centred footer.
    expect(built['sample-business']!['word/settings.xml']).not.toMatch(/<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1|on)"\/>/);
  });

  it('keeps every heading clause and every first-level clause with what follows; widow control and no autospace by default', () => {
    const doc = built['numbering-official']!['word/document.xml']!;
    const ps = paragraphs(doc);
    const clause = (marker: string) => ps.find((p) => texts(p).includes(marker))!;
    expect(clause('条款A01')).toContain('<w:keepNext/>'); // 一、 level 1
    expect(clause('条款A02')).not.toContain('<w:keepNext/>'); // （一） a sentence
    const sample = paragraphs(built['sample-business']!['word/document.xml']!);
    expect(sample.find((p) => texts(p) === '服务期限')).toContain('<w:keepNext/>');
    const defaults = built['numbering-official']!['word/styles.xml']!.split('</w:docDefaults>')[0]!;
    expect(defaults).toContain('<w:pPrDefault><w:pPr><w:widowControl/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
  });

  it('prints the lines of a multi-line value as lines (w:br), CRLF and all', async () => {
    const content = sampleLetter();
    const parts = docxParts(await buildDocx({ ...content, values: { ...fillAll(content.fields), remarks: '1.第一项；\r\n2.第二项；\r3.第三项。' } }, META));
    const p = paragraphs(parts['word/document.xml']!).find((x) => texts(x).includes('第一项'))!;
    expect(p.match(/<w:br\/>/g)).toHaveLength(2);
    expect(p.split('<w:br/>').map(texts)).toEqual([expect.stringMatching(/1\.第一项；$/), '2.第二项；', '3.第三项。']);
    expect(texts(p)).not.toMatch(/\s{2}/);
    // A justified line ending in a line break is not stretched to the margin (Chromium does not stretch it either).
    expect(parts['word/settings.xml']).toMatch(/<w:compat>[\s\S]*<w:doNotExpandShiftReturn\/>[\s\S]*<\/w:compat>/);
  });

  it('prints money as 人民币12,345.00元 unless the field asks otherwise (moneyForm, capital)', async () => {
    const money = (options?: FieldDef['options']): FieldDef => ({ key: 'm', label: '金额', type: 'money', required: false, ...(options && { options }) });
    expect(fieldText(money(), 12345)).toBe('人民币12,345.00元');
    expect(fieldText(money({ moneyForm: 'rmb' }), 12345)).toBe('人民币12,345.00元');
    expect(fieldText(money({ moneyForm: 'symbol' }), 12345)).toBe('¥12,345.00');
    expect(fieldText(money({ moneyForm: 'figures' }), 12345)).toBe('12,345.00');
    expect(fieldText(money({ capital: true, moneyForm: 'figures' }), 100000)).toBe('人民币壹拾万元整（¥100,000.00）');
    const content: LetterContent = { doc: letterDoc(para('保证金', field('m'), '。')), fields: [money()], values: { m: 12345 }, pageStyle: 'business' };
    const doc = docxParts(await buildDocx(content, META))['word/document.xml']!;
    expect(texts(doc)).toContain('保证金人民币12,345.00元。');
    const fig: LetterContent = { ...content, doc: letterDoc(para('保证金人民币', field('m'), '元。')), fields: [money({ moneyForm: 'figures' })] };
    expect(buildPrintHtml(fig, META).replace(/<wbr>/g, '')).toContain('保证金人民币12,345.00元。');
  });

  it('accepts mark and moneyForm only on the fields they print, in templates and letters', () => {
    const base = loadTemplates()[0]!;
    const withField = (f: FieldDef) => ({ ...base, fields: [...base.fields, f] });
    expect(() => parseTemplateData(withField({ key: 'zz', label: '见证人签字', type: 'handwritten', required: false, options: { mark: 'signature' } }))).not.toThrow();
    expect(() => parseTemplateData(withField({ key: 'zz', label: '日期', type: 'text', required: false, options: { mark: 'date' } }))).toThrow(/mark/);
    expect(() => parseTemplateData(withField({ key: 'zz', label: '金额', type: 'number', required: false, options: { moneyForm: 'symbol' } }))).toThrow(/moneyForm/);
    expect(() => parseTemplateData(withField({ key: 'zz', label: '金额', type: 'money', required: false, options: { moneyForm: 'dollars' as never } }))).toThrow();
    expect(() => parseTemplateData(withField({ key: 'zz', label: '签字', type: 'handwritten', required: false, options: { mark: 'thumbprint' as never } }))).toThrow();
    // Every built-in signing blank says what the hand puts there, and says it right.
    for (const t of loadTemplates()) {
      for (const f of t.fields.filter((x) => x.type === 'handwritten')) {
        const mark = f.options?.mark;
        expect(mark, `${t.id} ${f.key}`).toBeDefined();
        const expected = /日期/.test(f.label) ? 'date' : /盖章/.test(f.label) ? 'seal' : 'signature';
        expect(mark, `${t.id} ${f.key} ${f.label}`).toBe(expected);
      }
    }
  });

  it('leaves the number line out of the 成文日期 indent, but not a right-aligned line without a number', async () => {
    const fields = [{ key: 'no', label: '承诺书编号', type: 'docnumber' as const, required: false, role: 'own-number' as const }];
    const content: LetterContent = {
      doc: letterDoc(title('标题'), line('right', '承诺书编号：', field('no')), para('正文。'), line('right', '2026年5月8日')),
      fields,
      values: { no: 'HB-1' },
      pageStyle: 'official',
    };
    const ps = paragraphs(docxParts(await buildDocx(content, META, { style: 'official' }))['word/document.xml']!);
    const number = ps.find((p) => texts(p).startsWith('承诺书编号'))!;
    const date = ps.find((p) => texts(p) === '2026年5月8日')!;
    expect(elements(number, 'w:ind').some((i) => i['w:right'])).toBe(false);
    expect(elements(date, 'w:ind')[0]).toMatchObject({ 'w:right': String(4 * 16 * 20) });
  });

  it('starts the second party on a new line rather than split its name', async () => {
    const fields: LetterContent['fields'] = [
      { key: 'a', label: '承诺方', type: 'party', required: false, role: 'promisor-name', options: { party: 'promisor', part: 'fullName' } },
      { key: 'b', label: '接收方', type: 'party', required: false, role: 'recipient-name', options: { party: 'recipient', part: 'fullName' } },
    ];
    const name = '华康健康保险股份有限公司上海分公司';
    const content: LetterContent = { doc: letterDoc(line('left', '承诺方：', field('a'), '　接收方：', field('b'))), fields, values: { a: name, b: name }, pageStyle: 'business' };
    const p = paragraphs(docxParts(await buildDocx(content, META))['word/document.xml']!)[0]!;
    expect(p.split('<w:br/>').map(texts)).toEqual([`承诺方：${name}`, `接收方：${name}`]);
    // Short names share the line as before.
    const short = docxParts(await buildDocx({ ...content, values: { a: '甲公司', b: '乙公司' } }, META))['word/document.xml']!;
    expect(paragraphs(short)[0]).not.toContain('<w:br/>');
  });

  it('gives long Latin strings places to break, so the line before is not stretched', () => {
    const text = [...built['sample-business']!['word/document.xml']!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('');
    expect(text).toContain('（¥100,\u200B000.00）');
  });
});

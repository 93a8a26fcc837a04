/**
 * The print HTML (PDF and the print dialog): A4 page CSS per style with the page footer
 * in a page-margin box, the same numbers and blanks as the .docx, and nothing the print
 * window's CSP would refuse — no script, no URL, no inline style — whatever the text says.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildPrintHtml, DEFAULT_FONTS } from '../../electron/core/export';
import { letterBlocks } from '../../electron/shared/letter-model';
import type { LetterContent } from '../../electron/shared/letter-content';
import { doc as letterDoc, field, fillAll, hostileLetter, HOSTILE_META, HOSTILE_TEXT, line, META, numberingLetter, para, sampleLetter } from '../helpers/render-docx';

/** The little of the DOM these tests read (jsdom ships no types of its own). */
interface El {
  tagName: string;
  className: string;
  textContent: string | null;
  innerHTML: string;
  classList: { contains(c: string): boolean };
  previousElementSibling: El | null;
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
}
interface Doc {
  title: string;
  body: El;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Doc } } };
const parse = (html: string): Doc => new JSDOM(html).window.document;
const ALLOWED_ATTRIBUTES = new Set(['class', 'colspan', 'rowspan', 'lang', 'charset', 'name', 'content']);

describe('print HTML', () => {
  it.each([
    ['business', '25mm 26mm 25mm 28mm', '@bottom-center { content: "第 " counter(page) " 页（共 " counter(pages) " 页）" "\\A" "编号 HB-2026-0518 · v3 · 校验码 9f2c4e1a7b3d";'],
    ['official', '37mm 26mm 35mm 28mm', '@page { @bottom-center { content: "第 " counter(page) " 页（共 " counter(pages) " 页）" " · 编号 HB-2026-0518 · v3 · 校验码 9f2c4e1a7b3d";'],
  ] as const)('%s style: zh-CN, A4 with the style’s margins, page footer with page counters', (style, margin, footer) => {
    const html = buildPrintHtml(sampleLetter(), META, { style });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain(`@page { size: A4; margin: ${margin}; }`);
    expect(html).toContain(footer);
    const doc = parse(html);
    expect(doc.title).toBe('健康保险售后服务保证承诺书');
    expect(doc.querySelector('h1.title')!.textContent).toBe('健康保险售后服务保证承诺书');
  });

  it('puts the official page number at the outer edge, one character in, in 4号 half-width 宋体 (GB/T 9704 §7.5)', () => {
    const css = parse(buildPrintHtml(sampleLetter(), META, { style: 'official' })).querySelector('style')!.textContent!;
    const right = /@page :right \{ @bottom-right \{ ([^}]*) \} \}/.exec(css)![1]!;
    const left = /@page :left \{ @bottom-left \{ ([^}]*) \} \}/.exec(css)![1]!;
    for (const box of [right, left]) {
      expect(box).toContain('content: "— " counter(page) " —";');
      expect(box).toContain('font-size: 14pt;');
      expect(box).toContain('padding-top: 7mm;');
      expect(box).toMatch(/font-family: "宋体"/); // the Chinese face first, no Latin face: half-width 宋体 digits
    }
    expect(right).toContain('text-align: right; padding-right: 1em;');
    expect(left).toContain('text-align: left; padding-left: 1em;');
    const business = parse(buildPrintHtml(sampleLetter(), META)).querySelector('style')!.textContent!;
    expect(business).not.toMatch(/@page :(left|right)/);
    expect(business).toMatch(/@bottom-center \{[^}]*font-size: 10.5pt;/);
  });

  it('names the printed heading, the 承诺方 and number · version · fingerprint in the head, and what made it', () => {
    const doc = parse(buildPrintHtml(sampleLetter(), META));
    const meta = (name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
    expect(meta('author')).toBe('华康健康保险股份有限公司上海分公司');
    expect(meta('subject')).toBe('HB-2026-0518 · v3 · 9f2c4e1a7b3d');
    expect(meta('generator')).toMatch(/^函件台 Letterdesk \d+\.\d+\.\d+/);
    // The register's title is only the fallback: the title the paper prints wins.
    expect(parse(buildPrintHtml(sampleLetter(), { ...META, title: '登记簿里的名字' })).title).toBe('健康保险售后服务保证承诺书');
  });

  it('prints the lines of a multi-line value as lines, and a heading clause kept with what follows', () => {
    const content = sampleLetter();
    const html = buildPrintHtml({ ...content, values: { ...fillAll(content.fields), remarks: '1.第一项；\r\n2.第二项；\r\n3.第三项。' } }, META);
    const doc = parse(html);
    const remarks = [...doc.querySelectorAll('p.clause')].find((p) => p.textContent!.includes('第一项'))!;
    expect(remarks.innerHTML).toContain('1.第一项；<br>2.第二项；<br>3.第三项。');
    const heading = [...doc.querySelectorAll('p.clause')].find((p) => p.textContent === '一、服务内容保证')!;
    expect(heading.classList.contains('keep')).toBe(true);
  });

  it('leaves the number line out of the 成文日期 indent (official), starts the second party on its own line, breaks long Latin strings', () => {
    const fields: LetterContent['fields'] = [
      { key: 'no', label: '承诺书编号', type: 'docnumber', required: false, role: 'own-number' },
      { key: 'a', label: '承诺方', type: 'party', required: false, role: 'promisor-name', options: { party: 'promisor', part: 'fullName' } },
      { key: 'b', label: '接收方', type: 'party', required: false, role: 'recipient-name', options: { party: 'recipient', part: 'fullName' } },
    ];
    const name = '华康健康保险股份有限公司上海分公司';
    const content: LetterContent = {
      doc: letterDoc(
        line('right', '承诺书编号：', field('no')),
        line('left', '承诺方：', field('a'), '　接收方：', field('b')),
        para('联系邮箱 service.claims@huakang-health.example.com，保证金（¥100,000.00）。'),
        line('right', '2026年5月8日'),
      ),
      fields,
      values: { no: 'HB-1', a: name, b: name },
      pageStyle: 'official',
    };
    const html = buildPrintHtml(content, META, { style: 'official' });
    const doc = parse(html);
    const ps = [...doc.querySelectorAll('p')];
    const number = ps.find((p) => p.textContent!.startsWith('承诺书编号'))!;
    const date = ps.find((p) => p.textContent === '2026年5月8日')!;
    expect(number.className).toBe('right');
    expect(date.className).toBe('right dated');
    expect(html).toContain('.right.dated { padding-right: 4em; }');
    expect(buildPrintHtml(content, META, { style: 'business' })).not.toContain('dated');
    const parties = ps.find((p) => p.textContent!.startsWith('承诺方'))!;
    expect(parties.innerHTML.split('<br>')).toEqual([`承诺方：${name}`, `接收方：${name}`]);
    const mail = ps.find((p) => p.textContent!.includes('联系邮箱'))!;
    expect(mail.innerHTML).toContain('service.<wbr>claims@<wbr>huakang-health.<wbr>example.<wbr>com，');
    expect(mail.innerHTML).toContain('（¥100,<wbr>000.00）');
    expect(mail.textContent).not.toContain('\u200B'); // no invisible character into the PDF's text
  });

  it('keeps every first-level clause and every heading clause with what follows', () => {
    const doc = parse(buildPrintHtml(numberingLetter('official'), META, { style: 'official' }));
    const clause = (marker: string) => [...doc.querySelectorAll('p.clause')].find((p) => p.textContent!.includes(marker))!;
    expect(clause('条款A01').classList.contains('keep')).toBe(true); // 一、 level 1
    expect(clause('条款A02').classList.contains('keep')).toBe(false); // （一） a sentence
    expect(doc.querySelector('style')!.textContent).toContain('.keep { break-after: avoid; page-break-after: avoid; }');
    expect(doc.querySelector('style')!.textContent).toContain('p, h1 { margin: 0; orphans: 2; widows: 2; }');
  });

  it('prints each clause with the number the editor shows', () => {
    const content = numberingLetter();
    const numbers = letterBlocks(content.doc, [], {}).flatMap((b) => (b.type === 'clause' ? [b.number] : []));
    const printed = [...parse(buildPrintHtml(content, META)).querySelectorAll('p.clause > span.num')].map((n) => n.textContent);
    expect(printed).toEqual(numbers);
    expect(printed).toContain('2.3.1 ');
    expect(printed).toContain('十二、');
  });

  it('draws blanks as sized underlines, values as text, boxes as ☑/☐, and keeps the signature block with the line above', () => {
    const empty = parse(buildPrintHtml(sampleLetter(), META));
    const blanks = [...empty.querySelectorAll('span.blank')];
    expect(blanks.length).toBe(JSON.stringify(letterBlocks(sampleLetter().doc, sampleLetter().fields, {})).match(/"blank":\d+/g)!.length);
    const css = empty.querySelector('style')!.textContent!;
    for (const b of blanks) {
      const width = /\bw(\d+)\b/.exec(b.className)![1];
      expect(css).toContain(`.w${width} { width: ${width}em; }`);
    }
    const content = sampleLetter();
    const filled = parse(buildPrintHtml({ ...content, values: fillAll(content.fields) }, META));
    expect(filled.body.textContent).toContain('7个工作日');
    expect(filled.body.textContent).toContain('☑企业 ☐个人 ☐其他');
    expect(filled.querySelectorAll('span.box')).toHaveLength(3);
    expect(filled.querySelectorAll('span.blank')).toHaveLength(4); // three handwritten fields and the 其他 write-in
    const sig = filled.querySelector('table.sig')!;
    expect(sig.previousElementSibling!.classList.contains('keep')).toBe(true);
    expect(css).toContain('table.sig { break-inside: avoid;');
  });

  it('marks a draft 草稿 in the page margin', () => {
    expect(buildPrintHtml(sampleLetter(), { ...META, draft: true })).toContain('@top-right { content: "草稿');
    expect(buildPrintHtml(sampleLetter(), META)).not.toContain('草稿');
  });

  it('escapes hostile text and metadata: no script, no URL, no inline style, no control character', () => {
    const fonts = { ...DEFAULT_FONTS, song: '宋体"; } body { background: url(http://x/) } .a {', latin: "Times</style><script>alert('x')</script>" };
    const meta = { ...HOSTILE_META, letterNumber: 'N</style><script>alert(1)</script>"\\' };
    for (const style of ['business', 'official'] as const) {
      const html = buildPrintHtml(hostileLetter(), meta, { style, fonts });
      expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
      expect(html).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(html.match(/<\/style/gi)).toHaveLength(1);
      expect(html.match(/<script/gi)).toBeNull();
      const doc = parse(html);
      // Outside CSS string literals (where a font name may say anything), nothing loads.
      const css = doc.querySelector('style')!.textContent!.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      expect(css).not.toMatch(/url\(|@import|https?:|expression\(/i);
      expect(css.split('{').length).toBe(css.split('}').length);
      expect(doc.body.innerHTML).not.toMatch(/https?:|\bsrc=|\bhref=|\bstyle=/i);
      expect(doc.querySelectorAll('script, link, img, iframe, object')).toHaveLength(0);
      for (const el of doc.querySelectorAll('*')) for (const a of el.getAttributeNames()) expect(ALLOWED_ATTRIBUTES, `${el.tagName} ${a}`).toContain(a);
      const cleaned = HOSTILE_TEXT.replace(/[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|\uD800(?![\uDC00-\uDFFF])/g, '');
      expect(doc.querySelector('p.indent')!.textContent).toContain(cleaned);
      // The title is the heading the letter prints (标题 + the hostile text), whitespace collapsed.
      expect(doc.title).toBe(`标题${cleaned}`.replace(/\s+/g, ' ').trim());
    }
  });
});

/**
 * .docx import, the Word features issue #12 names beyond plain paragraphs (docs/import.md):
 * list restarts and every number format, headers and footers, typed content controls, and a
 * file shaped the way WPS Office writes one. Packages are written by hand here, part by part.
 */
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../electron/core/import/import-docx';
import { formatCounter } from '../../electron/core/import/docx-numbering';
import { importSummary, importToContent } from '../../electron/shared/import/to-content';
import { W, docxPackage, level, listPara, numberingXml, para, run } from '../helpers/docx-parts';
import { wpsDocx } from '../fixtures/import/wps-docx';

/** kind|Word's marker|our number|level|text of every block. */
function shape(bytes: Uint8Array): string[] {
  const r = importDocx(bytes);
  const s = importSummary(r);
  return r.blocks.map((b, i) => [s.blocks[i]!.kind, b.kind === 'clause' ? b.marker : '', s.blocks[i]!.marker ?? '', b.kind === 'clause' ? b.level : '', s.blocks[i]!.text].join('|'));
}

describe('Word numbering', () => {
  it('prints every number format as Word does', () => {
    const at = (fmt: string, ns: number[]) => ns.map((n) => formatCounter(fmt, n)).join(' ');
    expect(at('upperRoman', [1, 4, 9, 14, 40, 1999])).toBe('I IV IX XIV XL MCMXCIX');
    expect(at('lowerRoman', [2, 3, 19])).toBe('ii iii xix');
    expect(at('upperLetter', [1, 26, 27, 28])).toBe('A Z AA BB');
    expect(at('lowerLetter', [3, 53])).toBe('c aaa');
    expect(at('chineseCounting', [1, 10, 12, 20, 105])).toBe('一 十 十二 二十 一百零五');
    expect(at('chineseCountingThousand', [11])).toBe('十一');
    expect(at('chineseLegalSimplified', [1, 10, 12, 23])).toBe('壹 壹拾 壹拾贰 贰拾叁');
    expect(at('ideographTraditional', [1, 2, 10, 11])).toBe('甲 乙 癸 11');
    expect(at('ideographZodiac', [1, 12])).toBe('子 亥');
    expect(at('ideographDigital', [10, 2025])).toBe('一〇 二〇二五');
    expect(at('decimalEnclosedCircle', [1, 10, 20, 21])).toBe('① ⑩ ⑳ 21');
    expect(at('decimalEnclosedCircleChinese', [3])).toBe('③');
    expect(at('decimalEnclosedParen', [1, 5])).toBe('⑴ ⑸');
    expect(at('decimalEnclosedFullstop', [2])).toBe('⒉');
    expect(at('decimalZero', [3, 12])).toBe('03 12');
    expect(at('decimalFullWidth', [12])).toBe('１２');
    expect(at('decimal', [7])).toBe('7');
  });
});

describe('Word list restarts', () => {
  const numbering = numberingXml([
    `<w:abstractNum w:abstractNumId="0">${level(0, 'upperRoman', '%1.')}${level(1, 'lowerLetter', '%2)')}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="1">${level(0, 'ideographTraditional', '%1、')}${level(1, 'decimalEnclosedCircle', '%2')}</w:abstractNum>`,
    // Two w:num sharing one abstractNum continue one list.
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    `<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>`,
    // "Restart at 1" as Word writes it: a new w:num with a start override.
    `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
    `<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>`,
    `<w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>`,
    // A level redefined whole in the override.
    `<w:num w:numId="6"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${level(0, 'chineseCounting', '第%1条')}</w:lvlOverride></w:num>`,
  ].join(''));

  it('continues lists that share an abstractNum, restarts on lvlOverride/startOverride, and reads roman, letter, 甲乙 and circled formats', () => {
    const body = [
      para('<w:pPr><w:jc w:val="center"/></w:pPr>', run('采购服务承诺书')),
      listPara(1, 0, '总则'), listPara(1, 1, '适用范围。'), listPara(1, 1, '术语。'),
      listPara(2, 0, '服务标准'), listPara(2, 1, '响应。'),
      para(run('另附条款如下：')),
      listPara(3, 0, '附则'), listPara(3, 0, '生效'),
      listPara(4, 0, '甲项'), listPara(4, 1, '细则一。'), listPara(4, 1, '细则二。'), listPara(4, 0, '乙项'),
      listPara(5, 0, '丙项'),
      listPara(6, 0, '定义'), listPara(6, 0, '责任'),
    ].join('');
    // kind | the number Word shows | the number the letter prints | level | text
    expect(shape(docxPackage(body, { 'word/numbering.xml': numbering }))).toEqual([
      'title||||采购服务承诺书',
      'clause|I.|1.|0|总则',
      'clause|a)|（1）|1|适用范围。',
      'clause|b)|（2）|1|术语。',
      'clause|II.|2.|0|服务标准',
      'clause|a)|（1）|1|响应。',
      'paragraph||||另附条款如下：',
      // Restarted in Word (I. again): the letter's clause restarts too (start: 1).
      'clause|I.|1.|0|附则',
      'clause|II.|2.|0|生效',
      'clause|甲、|一、|0|甲项',
      'clause|①|（1）|1|细则一。',
      'clause|②|（2）|1|细则二。',
      'clause|乙、|二、|0|乙项',
      'clause|丙、|三、|0|丙项',
      'clause|第一条|第一条|0|定义',
      'clause|第二条|第二条|0|责任',
    ]);
  });

  it('writes the restart into the letter only on the clause that restarts, as start', () => {
    const body = [
      listPara(1, 0, '总则'), listPara(1, 0, '服务标准'), para(run('另附条款如下：')), listPara(3, 0, '附则'), listPara(3, 0, '生效'),
    ].join('');
    const { doc } = importToContent(importDocx(docxPackage(body, { 'word/numbering.xml': numbering })));
    const clauses = (doc.content as { type: string; attrs?: Record<string, unknown> }[]).filter((n) => n.type === 'clause');
    expect(clauses.map((n) => n.attrs)).toEqual([
      { scheme: 'decimal', level: 0 },
      { scheme: 'decimal', level: 0 },
      { scheme: 'decimal', level: 0, start: 1 },
      { scheme: 'decimal', level: 0 },
    ]);
    // Absent, not null or undefined, on every clause that counts on.
    for (const n of clauses.filter((_, i) => i !== 2)) expect(Object.keys(n.attrs ?? {})).toEqual(['scheme', 'level']);
  });

  it('follows a w:start other than 1 and a startOverride that skips ahead', () => {
    const numbering2 = numberingXml([
      `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.', 5)}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="1">${level(0, 'chineseCounting', '%1、')}</w:abstractNum>`,
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>`,
    ].join(''));
    const body = [listPara(1, 0, '第五项'), listPara(1, 0, '第六项'), para(run('其他：')), listPara(2, 0, '第四项'), listPara(2, 0, '第五项')].join('');
    const r = importDocx(docxPackage(body, { 'word/numbering.xml': numbering2 }));
    expect(importSummary(r).blocks.map((b) => `${b.marker ?? ''}|${b.start ?? ''}`)).toEqual(['5.|5', '6.|', '|', '四、|4', '五、|']);
  });
});

describe('headers and footers', () => {
  const body = [para(run('承诺方：'), run('        ', '<w:u w:val="single"/>')), para(run('一、按期交付。')), para(run('二、质量合格。'))].join('');

  it('takes the title from the header and the number line from a table in the footer', () => {
    const header = `<?xml version="1.0"?><w:hdr xmlns:w="${W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>履约保证承诺书</w:t></w:r></w:p></w:hdr>`;
    const footer = `<?xml version="1.0"?><w:ftr xmlns:w="${W}"><w:tbl><w:tr><w:tc><w:p><w:r><w:t>承诺书编号：</w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">          </w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>第1页</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:ftr>`;
    const r = importDocx(docxPackage(body, { 'word/header1.xml': header, 'word/footer1.xml': footer }));
    const s = importSummary(r);
    expect(s.blocks.map((b) => `${b.kind}|${b.text}`)).toEqual(['title|履约保证承诺书', 'paragraph|承诺书编号：{f1}', 'paragraph|承诺方：{f2}', 'clause|按期交付。', 'clause|质量合格。']);
    expect(s.fields).toEqual([
      { key: 'f1', label: '承诺书编号', type: 'docnumber', role: 'own-number' },
      { key: 'f2', label: '承诺方名称', type: 'party', role: 'promisor-name' },
    ]);
    expect(s.notes).toEqual(['header-title']);
  });

  it('takes the title from a footer when there is no header', () => {
    const footer = `<?xml version="1.0"?><w:ftr xmlns:w="${W}"><w:p><w:r><w:t>质量保证承诺书</w:t></w:r></w:p></w:ftr>`;
    const s = importSummary(importDocx(docxPackage(body, { 'word/footer2.xml': footer })));
    expect(s.blocks.map((b) => `${b.kind}|${b.text}`)).toEqual(['title|质量保证承诺书', 'paragraph|承诺方：{f1}', 'clause|按期交付。', 'clause|质量合格。']);
  });

  it('leaves header and footer alone when the body has its title and number', () => {
    const footer = `<?xml version="1.0"?><w:ftr xmlns:w="${W}"><w:p><w:r><w:t>合同编号：HT-2024-001</w:t></w:r></w:p></w:ftr>`;
    const own = [para('<w:pPr><w:jc w:val="center"/></w:pPr>', run('服务承诺书')), para(run('承诺书编号：'), run('      ', '<w:u w:val="single"/>')), body].join('');
    const s = importSummary(importDocx(docxPackage(own, { 'word/footer1.xml': footer })));
    expect(s.blocks[0]).toEqual({ kind: 'title', text: '服务承诺书' });
    expect(s.notes).toEqual([]);
  });
});

describe('content controls', () => {
  const sdt = (pr: string, shown: string) => `<w:sdt><w:sdtPr>${pr}</w:sdtPr><w:sdtContent><w:r><w:t>${shown}</w:t></w:r></w:sdtContent></w:sdt>`;

  it('makes a drop-down list or combo box a choice with its items, a date picker a date, a check box a box', () => {
    const body = [
      para('<w:pPr><w:jc w:val="center"/></w:pPr>', run('服务承诺书')),
      para(run('服务等级：'), sdt('<w:alias w:val="服务等级"/><w:tag w:val="level"/><w:dropDownList><w:listItem w:displayText="选择一项。" w:value=""/><w:listItem w:displayText="金牌" w:value="gold"/><w:listItem w:displayText="银牌" w:value="silver"/></w:dropDownList>', '银牌')),
      para(run('一、交付方式为'), sdt('<w:showingPlcHdr/><w:comboBox><w:listItem w:displayText="快递" w:value="1"/><w:listItem w:displayText="自提" w:value="2"/></w:comboBox>', '选择一项。'), run('。')),
      para(run('二、本承诺自'), sdt('<w:alias w:val="生效日期"/><w:showingPlcHdr/><w:date><w:dateFormat w:val="yyyy年M月d日"/><w:lid w:val="zh-CN"/></w:date>', '单击或点击此处输入日期。'), run('起生效。')),
      para(run('三、截止日为'), sdt('<w:date w:fullDate="2025-03-01T00:00:00Z"><w:dateFormat w:val="yyyy年M月d日"/></w:date>', '2025年3月1日'), run('。')),
      para(run('是否续约：'), sdt('<w14:checkbox><w14:checked w14:val="1"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>', '☒'), run('是'), sdt('<w14:checkbox><w14:checked w14:val="0"/></w14:checkbox>', '☐'), run('否')),
    ].join('');
    const r = importDocx(docxPackage(body));
    const s = importSummary(r);
    expect(s.blocks.map((b) => `${b.kind}|${b.marker ?? ''}|${b.text}`)).toEqual([
      'title||服务承诺书',
      'paragraph||服务等级：{f1}',
      'clause|一、|交付方式为{f2}。',
      'clause|二、|本承诺自{f3}起生效。',
      'clause|三、|截止日为{f4}。',
      'paragraph||是否续约：{f5}',
    ]);
    expect(s.fields).toEqual([
      { key: 'f1', label: '服务等级', type: 'choice', options: ['金牌', '银牌'] },
      { key: 'f2', label: '交付方式', type: 'choice', options: ['快递', '自提'] },
      { key: 'f3', label: '生效日期', type: 'date' },
      { key: 'f4', label: '截止日', type: 'date' },
      { key: 'f5', label: '是否续约', type: 'choice', options: ['是', '否'] },
    ]);
    // What the file had picked or ticked comes along (a letter keeps it; a template drops it).
    expect(r.values).toEqual({ f1: { selected: ['银牌'] }, f4: { y: 2025, m: 3, d: 1 }, f5: { selected: ['是'] } });
    expect(() => importToContent(r)).not.toThrow();
  });
});

describe('a file saved by WPS Office', () => {
  it('reads lists from styles, w:ilvl-only numPr, mc:AlternateContent runs and pictures, Wingdings 2 boxes', () => {
    const r = importDocx(wpsDocx());
    const s = importSummary(r);
    expect(shape(wpsDocx())).toEqual([
      'title||||物业服务质量承诺书',
      'paragraph||||承诺书编号：{f1}',
      'paragraph||||承诺方：{f2}　　接收方：{f3}',
      'paragraph||||承诺方类型：{f4}',
      'paragraph||||为提升服务质量，承诺方作出如下承诺：',
      'clause|一、|一、|0|服务响应',
      'clause|（一）|（一）|1|报修后{f5}内到场处理。',
      'clause|（二）|（二）|1|业主满意度不低于{f6}。',
      'clause|二、|二、|0|违约责任',
      'clause|（一）|（一）|1|未按期整改的，每次支付违约金{f7}。',
      'signature||||承诺方（盖章）：{f8} / 日期：{f9}',
    ]);
    expect(s.fields).toEqual([
      { key: 'f1', label: '承诺书编号', type: 'docnumber', role: 'own-number' },
      { key: 'f2', label: '承诺方名称', type: 'party', role: 'promisor-name' },
      { key: 'f3', label: '接收方名称', type: 'party', role: 'recipient-name' },
      { key: 'f4', label: '承诺方类型', type: 'choice', options: ['企业', '个人'], other: true },
      { key: 'f5', label: '到场处理时限（小时）', type: 'number', unit: '小时' },
      { key: 'f6', label: '业主满意度', type: 'percent' },
      { key: 'f7', label: '每次支付违约金', type: 'money' },
      { key: 'f8', label: '承诺方盖章', type: 'handwritten', signer: '承诺方' },
      { key: 'f9', label: '日期', type: 'handwritten', signer: '承诺方' },
    ]);
    expect(r.values).toEqual({ f4: { selected: ['个人'] } });
    // The picture is one object though WPS writes it twice (DrawingML and its VML fallback).
    expect(s.notes).toEqual(['images-dropped:1']);
    expect(() => importToContent(r)).not.toThrow();
  });
});

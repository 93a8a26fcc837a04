import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplateData, type TemplateData } from '../../electron/shared/template';
import { FIELD_TYPES, type FieldDef } from '../../electron/shared/fields';
import { fieldKeysInOrder, letterBlocks, letterPlainText } from '../../electron/shared/letter-model';

const DIR = join(__dirname, '..', '..', 'resources', 'templates');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const templates: { file: string; data: TemplateData }[] = files.map((file) => ({
  file,
  data: parseTemplateData(JSON.parse(readFileSync(join(DIR, file), 'utf8')), file),
}));
const byNumber = (n: number): TemplateData => {
  const t = templates.find((x) => x.file.startsWith(`0${n}-`));
  if (!t) throw new Error(`no template file 0${n}-*.json`);
  return t.data;
};

interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
}
const blocksOf = (t: TemplateData) => t.doc.content as PMNode[];
const walk = (node: PMNode, visit: (n: PMNode) => void): void => {
  visit(node);
  for (const c of node.content ?? []) walk(c, visit);
};
const fieldKeysIn = (node: PMNode): string[] => {
  const keys: string[] = [];
  walk(node, (n) => {
    if (n.type === 'field') keys.push(String(n.attrs?.['key']));
  });
  return keys;
};
const textOf = (node: PMNode): string => {
  let s = '';
  walk(node, (n) => {
    if (n.type === 'text') s += n.text ?? '';
  });
  return s;
};
const plain = (t: TemplateData) => letterPlainText(letterBlocks(t.doc, t.fields, {}));
const allFields = (): FieldDef[] => templates.flatMap((t) => t.data.fields);
const schemesOf = (t: TemplateData) =>
  new Set(blocksOf(t).filter((b) => b.type === 'clause').map((b) => String(b.attrs?.['scheme'])));

describe('built-in templates', () => {
  it('there are exactly 8, numbered 01–08, each valid', () => {
    expect(files).toHaveLength(8);
    files.forEach((f, i) => expect(f).toMatch(new RegExp(`^0${i + 1}-[a-z0-9]+(-[a-z0-9]+)*\\.json$`)));
    expect(templates).toHaveLength(8);
  });

  it('ids are unique and start with builtin-; names are unique and short', () => {
    const ids = templates.map((t) => t.data.id);
    const names = templates.map((t) => t.data.name);
    expect(new Set(ids).size).toBe(8);
    expect(new Set(names).size).toBe(8);
    for (const { data } of templates) {
      expect(data.id).toMatch(/^builtin-[a-z0-9-]+$/);
      expect([...data.name].length).toBeLessThanOrEqual(30);
      expect(data.description.length).toBeGreaterThan(0);
    }
  });

  it('use a small shared set of categories and 1–2 official page styles', () => {
    const categories = new Set(templates.map((t) => t.data.category));
    for (const c of categories) expect(['理赔服务', '医疗咨询', '保单管理', '投诉处理', '隐私保护', '综合服务', '合规承诺']).toContain(c);
    const official = templates.filter((t) => t.data.pageStyle === 'official').length;
    expect(official).toBeGreaterThanOrEqual(1);
    expect(official).toBeLessThanOrEqual(2);
    expect(byNumber(4).pageStyle).toBe('official');
  });

  it.each(files)('%s: title first, ≥10 fields, every field defined is used, handwritten never required', (file) => {
    const t = templates.find((x) => x.file === file)!.data;
    expect(blocksOf(t)[0]!.type).toBe('title');
    expect(t.fields.length).toBeGreaterThanOrEqual(10);
    const used = new Set(fieldKeysInOrder(t.doc));
    for (const f of t.fields) {
      expect(used.has(f.key), `${file}: field ${f.key} is defined but not used`).toBe(true);
      expect(f.label).toMatch(/[\u4e00-\u9fff]/);
      if (f.type === 'handwritten') expect(f.required, `${file}: ${f.key}`).toBe(false);
    }
    // Party names are required.
    const promisor = t.fields.find((f) => f.type === 'party' && f.options?.party === 'promisor' && f.options.part === 'fullName');
    expect(promisor?.required).toBe(true);
    // At least one time limit or other number is required.
    expect(t.fields.some((f) => f.type === 'number' && f.required)).toBe(true);
  });

  it.each(files)('%s: ends in a signature table holding only handwritten fields', (file) => {
    const t = templates.find((x) => x.file === file)!.data;
    const last = blocksOf(t).at(-1)!;
    expect(last.type).toBe('table');
    expect(last.attrs?.['kind']).toBe('signature');
    const keys = fieldKeysIn(last);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    const defs = new Map(t.fields.map((f) => [f.key, f]));
    for (const k of keys) expect(defs.get(k)?.type, `${file}: ${k}`).toBe('handwritten');
    // …and handwritten fields appear nowhere else.
    const outside = blocksOf(t).slice(0, -1).flatMap(fieldKeysIn);
    for (const k of outside) expect(defs.get(k)?.type, `${file}: ${k}`).not.toBe('handwritten');
  });

  it.each(files)('%s: no typed clause numbers at the start of a clause', (file) => {
    const t = templates.find((x) => x.file === file)!.data;
    const typed = /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^\(\d+\)|^（\d+）|^\d+[.、．]|^\d+(\.\d+)+|^第[一二三四五六七八九十]+[条章]/;
    for (const b of blocksOf(t)) {
      if (b.type === 'clause') expect(textOf(b).trimStart(), `${file}`).not.toMatch(typed);
    }
  });

  it('together use all 10 field types, including longtext', () => {
    const types = new Set(allFields().map((f) => f.type));
    for (const type of FIELD_TYPES) expect(types, type).toContain(type);
  });

  it('covers the structures staff meet in real letters', () => {
    const fields = allFields();
    // 承诺方类型：☐企业 ☐个人 ☐其他____
    const type = byNumber(1).fields.find((f) => f.type === 'choice');
    expect(type?.options?.choices).toEqual(expect.arrayContaining(['企业', '个人']));
    expect(type?.options?.other).toBe(true);
    expect(plain(byNumber(1))).toContain('承诺方类型：☐企业 ☐个人 ☐其他________');
    // 承诺书编号 and 合同编号
    expect(byNumber(2).fields.some((f) => f.type === 'docnumber' && f.label === '承诺书编号')).toBe(true);
    expect(byNumber(5).fields.some((f) => f.type === 'docnumber' && f.label === '合同编号')).toBe(true);
    // Response hours, dated phases (partly blank allowed), percentages, capital money.
    expect(byNumber(3).fields.filter((f) => f.type === 'number' && f.options?.unit === '小时').length).toBeGreaterThanOrEqual(2);
    expect(byNumber(3).fields.filter((f) => f.type === 'date').length).toBeGreaterThanOrEqual(3);
    expect(byNumber(7).fields.some((f) => f.type === 'percent')).toBe(true);
    expect(byNumber(7).fields.some((f) => f.type === 'money' && f.options?.capital)).toBe(true);
    expect(byNumber(7).fields.filter((f) => f.type === 'party').length).toBeGreaterThanOrEqual(4);
    // Response-time blanks in minutes, hours and working days.
    const units6 = new Set(byNumber(6).fields.map((f) => f.options?.unit));
    for (const unit of ['分钟', '小时', '个工作日']) expect(units6).toContain(unit);
    expect(fields.some((f) => f.type === 'longtext')).toBe(true);
  });

  it('use every numbering scheme the letters need, mixed and nested', () => {
    const used = new Set(templates.flatMap((t) => [...schemesOf(t.data)]));
    for (const scheme of ['cn', 'cn-paren', 'decimal', 'decimal-paren', 'outline', 'article']) expect(used).toContain(scheme);
    // 一、 → （一） → 1. → （1） in one letter.
    expect([...schemesOf(byNumber(2))].sort()).toEqual(['cn', 'cn-paren', 'decimal', 'decimal-paren']);
    expect(schemesOf(byNumber(4))).toContain('article');
    expect(schemesOf(byNumber(8))).toEqual(new Set(['outline']));
  });

  it('print with their titles, numbers and blanks', () => {
    const expected: Record<number, string[]> = {
      1: ['健康险理赔服务保证承诺书', '一、理赔报案与受理义务', '五、其他约定义务', '1.提供营业柜面', '____个工作日内完成初步审核', '特此承诺。'],
      2: ['健康咨询增值服务保证承诺书', '承诺书编号：__________', '（一）“被保险人”', '四、违约责任', '（二）重大违约', '（1）泄露', '1.承诺方出现下列情形之一的', '达到___%以上', '☐向接收方住所地人民法院提起诉讼 ☐提交仲裁机构仲裁'],
      3: ['团体健康保险保单管理服务保证承诺书', '三、分阶段实施计划', '至____年__月__日，完成服务团队组建', '____小时内作出答复', '4.应急保障'],
      4: ['健康保险销售及售后服务合规承诺书', '第一条　', '第二条　本单位及所属从业人员不得有下列行为：', '（七）泄露', '第七条　本承诺书自签署之日起生效'],
      5: ['健康险投诉处理服务保证承诺书', '合同编号：__________', '《__________保险法》', '（2）情况复杂的投诉', '7.效力', '☐书面信函 ☐电话 ☐短信 ☐电子邮件'],
      6: ['健康险客户服务承诺书', '（四）公开透明。', '不超过____分钟', '____小时内作出回应', '____个工作日内反馈处理结果'],
      7: ['健康信息保护及数据安全保证承诺书', '（1）仅为履行保险合同的目的', '违约金为合同金额的___%', '金额为________的履约保函'],
      8: ['健康险产品售后服务保证承诺书', '1.总则', '1.1 目的', '2.3 回访与满意度', '2.3.1 对被保险人的服务回访频次不少于____次/年', '5.3 本承诺书一式两份'],
    };
    for (const [n, parts] of Object.entries(expected)) {
      const text = plain(byNumber(Number(n)));
      for (const part of parts) expect(text, `template ${n}`).toContain(part);
    }
    // Filled values print in place: capital money, dates, percentages.
    const t7 = byNumber(7);
    const filled = letterPlainText(letterBlocks(t7.doc, t7.fields, { guaranteeAmount: 100000, penaltyRate: 5 }));
    expect(filled).toContain('金额为人民币壹拾万元整（¥100,000.00）的履约保函');
    expect(filled).toContain('违约金为合同金额的5%');
    const t3 = byNumber(3);
    expect(letterPlainText(letterBlocks(t3.doc, t3.fields, { phase1End: { y: 2026, m: 6 } }))).toContain('至2026年6月__日，完成服务团队组建');
  });
});

/**
 * A generated archive for the search bench (issue #13): 承诺书 built from the shipped templates
 * with varied parties, products, people, amounts, dates and numbers, 1–3 pages each (longer
 * ones carry extra clauses in their long-text fields). Seeded, so every run measures the same data.
 */
import path from 'node:path';
import type { Db } from '../../electron/core/db/open-db';
import { loadBuiltinTemplates } from '../../electron/core/templates-repo';
import { partiesOf } from '../../electron/shared/field-roles';
import type { FieldDef, FieldValue } from '../../electron/shared/fields';
import { LETTER_STATUSES } from '../../electron/shared/domain';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '南京', '成都', '武汉', '西安', '苏州', '天津', '重庆', '长沙', '郑州', '青岛', '厦门', '合肥', '福州', '昆明', '沈阳'];
const NAME_CHARS = '华信恒泰安康达盛嘉和瑞丰鼎新源通宏远博雅君诚汇金正启明德隆昌兴誉联创鑫宇腾飞世纪同仁';
const TRADES = ['科技', '医疗器械', '健康管理', '物流', '餐饮管理', '建筑工程', '教育咨询', '贸易', '制药', '电子'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红';
const PRODUCTS = ['安心医疗保险', '康宁重疾保险', '团体补充医疗保险', '长护无忧护理保险', '惠民健康保', '百万医疗险', '少儿安康保', '银龄意外险'];
const EXTRA_CLAUSES = [
  '承诺方应当建立理赔服务质量内部考核制度，每季度对理赔时效、差错率和客户满意度进行统计分析，并将结果报送接收方备案。',
  '对于涉及重大疾病、住院医疗等金额较大的理赔案件，承诺方应当指定专人跟进，在受理后三个工作日内与被保险人取得联系。',
  '承诺方应当妥善保管被保险人的病历、检查报告、费用清单等理赔资料，未经被保险人书面同意不得向任何第三方提供。',
  '如因承诺方原因导致理赔款延迟支付的，承诺方应当按照中国人民银行同期贷款市场报价利率向被保险人支付利息。',
  'Hotline service is available in English for foreign employees of the group policyholder; written replies are given within 5 working days.',
  '承诺方每年至少组织两次面向团体客户的健康讲座或义诊活动，并提前十五日将活动方案书面告知接收方。',
  '客户对理赔结论有异议的，可以申请复核；承诺方应当在收到复核申请之日起十个工作日内作出复核结论并书面答复。',
  '承诺方应当在官方网站、移动应用和营业场所显著位置公示理赔服务流程、所需材料清单、服务时限和投诉渠道。',
];

function pick<T>(r: () => number, list: readonly T[] | string): T {
  return list[Math.floor(r() * list.length)] as T;
}

function company(r: () => number): string {
  return `${pick<string>(r, CITIES)}${pick<string>(r, NAME_CHARS)}${pick<string>(r, NAME_CHARS)}${pick<string>(r, TRADES)}有限公司`;
}

function person(r: () => number): string {
  return pick<string>(r, SURNAMES) + pick<string>(r, GIVEN) + (r() < 0.5 ? pick<string>(r, GIVEN) : '');
}

function valueFor(f: FieldDef, r: () => number, own: string, other: string, pages: number): FieldValue {
  switch (f.type) {
    case 'number':
    case 'percent':
      return Math.max(f.options?.min ?? 1, Math.min(f.options?.max ?? 100, 1 + Math.floor(r() * 30)));
    case 'money':
      return Math.round(1000 + r() * 5_000_000);
    case 'date':
      return { y: 2025 + Math.floor(r() * 2), m: 1 + Math.floor(r() * 12), d: 1 + Math.floor(r() * 28) };
    case 'choice':
      return { selected: [pick<string>(r, f.options?.choices?.length ? f.options.choices : ['其他'])] };
    case 'handwritten':
      return null;
    case 'party':
      return f.options?.party === 'recipient' ? other : f.options?.part === 'signer' || f.options?.part === 'legalRepresentative' ? person(r) : own;
    case 'longtext': {
      const n = pages <= 1 ? 1 : (pages - 1) * 6 + Math.floor(r() * 4);
      return Array.from({ length: n }, () => pick<string>(r, EXTRA_CLAUSES)).join('');
    }
    case 'docnumber':
      return `HT-${2025 + Math.floor(r() * 2)}-${String(Math.floor(r() * 99999)).padStart(5, '0')}`;
    default:
      return /name|product/i.test(f.key) ? `${pick<string>(r, PRODUCTS)}（${2024 + Math.floor(r() * 3)}版）` : /phone|hotline|contact/i.test(f.key) ? `400-${String(Math.floor(r() * 1e7)).padStart(7, '0')}` : person(r);
  }
}

export interface CorpusLetter {
  title: string;
  number: string | null;
  status: (typeof LETTER_STATUSES)[number];
  templateId: string;
  doc: unknown;
  fields: FieldDef[];
  values: Record<string, FieldValue>;
  parties: string;
  at: string;
}

export function* corpus(count: number, seed = 13): Generator<CorpusLetter> {
  const templates = loadBuiltinTemplates(path.resolve(__dirname, '../../resources'));
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const t = templates[i % templates.length]!;
    const own = `华信健康保险股份有限公司${pick<string>(r, CITIES)}分公司`;
    const other = company(r);
    const pages = 1 + Math.floor(r() * 3);
    const values: Record<string, FieldValue> = {};
    for (const f of t.fields) {
      const v = valueFor(f, r, own, other, pages);
      if (v !== null) values[f.key] = v;
    }
    const content = { doc: t.doc, fields: t.fields, values, pageStyle: t.pageStyle };
    yield {
      title: r() < 0.5 ? t.name : `${t.name}（${other}）`,
      number: r() < 0.6 ? `HXCN-${2025 + (i % 2)}-${String(i).padStart(5, '0')}` : null,
      status: LETTER_STATUSES[Math.floor(r() * LETTER_STATUSES.length)]!,
      templateId: t.id,
      doc: t.doc,
      fields: t.fields,
      values,
      parties: partiesOf(content),
      at: new Date(Date.UTC(2025, 0, 1) + i * 300_000).toISOString(),
    };
  }
}

/** Inserts `count` letters straight into the table (the index is filled separately, to time it). */
export function insertCorpus(db: Db, count: number): void {
  const insert = db.prepare(
    `INSERT INTO letters (title, number, status, template_id, page_style, doc_json, fields_json, values_json, parties, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'business', ?, ?, ?, ?, ?, ?)`,
  );
  const docs = new Map<unknown, string>();
  const fieldsJson = new Map<unknown, string>();
  db.transaction(() => {
    for (const l of corpus(count)) {
      let doc = docs.get(l.doc);
      if (!doc) docs.set(l.doc, (doc = JSON.stringify(l.doc)));
      let fields = fieldsJson.get(l.fields);
      if (!fields) fieldsJson.set(l.fields, (fields = JSON.stringify(l.fields)));
      insert.run(l.title, l.number, l.status, l.templateId, doc, fields, JSON.stringify(l.values), l.parties, l.at, l.at);
    }
  })();
}

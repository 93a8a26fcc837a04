/**
 * A user's script: one letter per row of a table saved from Excel, through the built CLI in a
 * child process — create from a template, fill from the CSV row, export .docx — then the file
 * and the stored values are checked. The cells are what people type: labels or keys as headers,
 * 2026年5月8日, 95%, 30分钟, a choice by its label; an extra column (the output name) is left out.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'out/cli/letterdesk.cjs');
const TEMPLATE = 'builtin-health-consultation-guarantee';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('letterdesk-cli-script-')));
afterEach(() => cleanup());

function letterdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args, '--data-dir', path.join(dir, 'data')], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// Header: labels where people would write them, keys where they copied them from `letters fields`.
const header = ['文件名', '承诺方名称', 'recipientName', '产品名称', '服务时间', '电话咨询接通率', '在线咨询首次响应时限', 'minorFixDays', '争议解决方式', '承诺书有效期截止日期', '客户满意度最低得分'];
const rows = [
  ['北京分公司', '某某健康保险股份有限公司北京分公司', '某某科技有限公司', '团体医疗保险', '工作日 9:00-17:00', '95%', '30分钟', '5', '提交仲裁机构仲裁', '2026年5月8日', '90'],
  ['上海分公司', '某某健康保险股份有限公司上海分公司', '某某制造有限公司', '高端医疗保险', '7×24 小时', '98', '15', '3个工作日', '向接收方住所地人民法院提起诉讼', '2027/12/31', '85分'],
];

describe('a script fills and exports one letter per CSV row (built CLI, child processes)', () => {
  it('creates, fills from the row and exports .docx; the stored values are typed', { timeout: 180_000 }, () => {
    expect(fs.existsSync(bin), 'run `npm run build` first').toBe(true);
    const csv = path.join(dir, 'letters.csv');
    // Excel's "CSV UTF-8": a BOM, CRLF line ends, quoted cells where needed.
    fs.writeFileSync(csv, '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');

    for (const [i, row] of rows.entries()) {
      const created = letterdesk('letters', 'create', '--template', TEMPLATE, '--json');
      expect(created.code, created.err).toBe(0);
      const id = String(JSON.parse(created.out).id);

      const filled = letterdesk('letters', 'fill', id, '--values', csv, '--row', String(i + 1));
      expect(filled.code, filled.err).toBe(0);
      expect(filled.err).toContain('文件名'); // the column that is no field is named, not stored

      const out = path.join(dir, `${row[0]}.docx`);
      const exported = letterdesk('export', id, '--out', out, '--json');
      expect(exported.code, exported.err).toBe(0);
      expect(JSON.parse(exported.out)).toMatchObject({ path: out, draft: false });

      const xml = strFromU8(unzipSync(fs.readFileSync(out))['word/document.xml']!);
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      expect(text).toContain(row[1]);
      expect(text).toContain(row[3]);
      expect(text).toContain(i === 0 ? '2026年5月8日' : '2027年12月31日');
      expect(text).toContain(i === 0 ? '95%' : '98%');
    }

    const fields = (id: number) =>
      Object.fromEntries((JSON.parse(letterdesk('letters', 'fields', String(id), '--json').out) as { key: string; value: unknown }[]).map((f) => [f.key, f.value]));
    expect(fields(1)).toMatchObject({
      promisorName: rows[0]![1],
      recipientName: '某某科技有限公司',
      connectRate: 95,
      firstResponseMinutes: 30,
      minorFixDays: 5,
      disputeMethod: { selected: ['提交仲裁机构仲裁'] },
      expiryDate: { y: 2026, m: 5, d: 8 },
      satisfactionScore: 90,
    });
    expect(fields(2)).toMatchObject({ connectRate: 98, minorFixDays: 3, expiryDate: { y: 2027, m: 12, d: 31 }, satisfactionScore: 85 });
  });

  it('a cell that cannot be read fails the row with the field, the problem and the formats it accepts', () => {
    const csv = path.join(dir, 'bad.csv');
    fs.writeFileSync(csv, '电话咨询接通率,承诺书有效期截止日期\n九成五,2026年2月30日\n');
    const id = String(JSON.parse(letterdesk('letters', 'create', '--template', TEMPLATE, '--json').out).id);
    const r = letterdesk('letters', 'fill', id, '--values', csv, '--json');
    expect(r.code).toBe(1);
    const error = JSON.parse(r.err) as { code: string; message: string };
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('connectRate');
    expect(error.message).toContain('95%');
    expect(error.message).toContain('expiryDate');
    expect(error.message).toContain('日期无效');
    // Nothing was stored: the row is all or nothing.
    expect(JSON.parse(letterdesk('letters', 'fields', id, '--json').out).find((f: { key: string }) => f.key === 'connectRate').value).toBeNull();
  });
});

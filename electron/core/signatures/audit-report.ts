/**
 * The audit report of one letter (issue #6): which versions went to paper, who signed, when,
 * the file and scan fingerprints, and the state of the event chain — as a .docx.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, HeadingLevel } from 'docx';
import type { ChainReport, LetterSignatureState } from '../../shared/signatures';
import { STATUS_LABELS, type Letter } from '../../shared/domain';

const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const LANG = { value: 'en-US', eastAsia: 'zh-CN' };
const EVENT: Record<string, string> = {
  'exported-for-signature': '导出供签署',
  'signature-recorded': '记录签署',
  'scan-attached': '附加扫描件',
  archived: '归档',
  voided: '作废',
};
const CHAIN_FAULT: Record<string, string> = {
  'hash-mismatch': '内容被改动',
  'missing-event': '缺失',
  'chain-broken': '链接断开',
  'tail-cut': '起的链尾事件被删除',
  'head-missing': '之后未记录链头',
  'head-mismatch': '与记录的链头不符',
};
// Word needs absolute widths (DXA); A4 text width with 28/26 mm margins ≈ 9000 twips.
const TABLE_WIDTH = 9000;

/**
 * Every string in the report is names and notes people typed (issue #11): characters XML 1.0
 * does not allow (controls, U+FFFE/U+FFFF, half surrogate pairs) are dropped so the report is
 * always well-formed; the docx library escapes markup characters.
 */
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const xmlSafe = (text: string): string => text.replace(XML_ILLEGAL, '');
const run = (text: string, bold = false) => new TextRun({ text: xmlSafe(text), bold, font: FONT, language: LANG, size: 21 });
const para = (text: string, bold = false) => new Paragraph({ children: [run(text, bold)], spacing: { after: 80 } });

function table(headers: string[], rows: string[][]): Table {
  const width = Math.floor(TABLE_WIDTH / headers.length);
  const cell = (text: string, bold = false) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ children: [run(text, bold)] })] });
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: headers.map(() => width),
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

export async function buildAuditReport(letter: Letter, state: LetterSignatureState, chain: ChainReport, generatedAt: string): Promise<Buffer> {
  const exports = state.events.filter((e) => e.kind === 'exported-for-signature');
  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: '函件签署审计报告', bold: true, size: 36, font: { ...FONT, eastAsia: '黑体' }, language: LANG })] }),
    para(`函件：${letter.title}`),
    para(`编号：${letter.number ?? '未编号'}　状态：${STATUS_LABELS[letter.status]['zh-CN']}`),
    para(`当前内容指纹（SHA-256）：${state.currentHash}`),
    para(state.exported ? (state.paperMatchesCurrent ? '当前内容与最近一次导出供签署的版本一致。' : '注意：当前内容已在导出后修改，与待签署/已签署的纸质文本不一致。') : '尚未导出供签署。'),
    para('一、导出供签署的版本', true),
    table(
      ['时间', '版本', '版本指纹', '文件 SHA-256'],
      exports.map((e) => [e.createdAt, `v${e.versionSeq ?? ''}`, String(e.payload['fingerprint'] ?? ''), String(e.payload['fileSha256'] ?? '')]),
    ),
    para('二、签署人', true),
    table(
      ['角色', '姓名', '单位', '签署日期', '方式', '版本'],
      state.signatures.map((s) => [s.role, s.name, s.organisation, s.dateSigned, s.method, `v${s.versionSeq ?? ''}`]),
    ),
    para('三、扫描件', true),
    table(['文件', '大小（字节）', 'SHA-256', '附加时间'], state.scans.map((s) => [s.fileName, String(s.size), s.sha256, s.createdAt])),
    para('四、事件记录', true),
    table(['#', '时间', '事件', '事件哈希'], state.events.map((e) => [String(e.id), e.createdAt, EVENT[e.kind] ?? e.kind, e.hash])),
    para(
      chain.ok
        ? `事件链完整性：通过（共 ${chain.events} 条事件）。`
        : `事件链完整性：发现问题——第 ${chain.firstBroken?.id} 条事件${CHAIN_FAULT[chain.firstBroken?.reason ?? ''] ?? '链接断开'}。`,
      true,
    ),
    // The head printed on paper is what catches a chain rewritten together with its recorded head (README).
    para(chain.head ? `事件链头（最后一条事件）：第 ${chain.head.id} 条，哈希 ${chain.head.hash}` : '事件链头：未记录'),
    ...(state.voidReason ? [para(`作废原因：${state.voidReason}`)] : []),
    para(`报告生成时间：${generatedAt}`),
  ];
  const doc = new Document({
    title: xmlSafe(`审计报告 ${letter.number ?? letter.title}`),
    creator: 'Letterdesk',
    description: xmlSafe(`${letter.number ?? ''} audit`),
    styles: { default: { document: { run: { font: FONT, language: LANG, size: 21 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1417, bottom: 1417, left: 1587, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

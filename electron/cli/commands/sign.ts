/** sign export | record | attach | archive | void | status, verify, audit */
import path from 'node:path';
import { describeEvidenceProblem } from '../../shared/evidence';
import { SIGN_METHODS } from '../../shared/signatures';
import type { CommandSpec } from '../command';
import { UsageError } from '../command';
import { STYLE_OPTION, STYLES } from './export';

const id = { name: 'id', description: '函件 ID letter ID', kind: 'id' } as const;

export const signCommands: CommandSpec[] = [
  {
    name: 'sign export',
    summary: '导出供签署（分配编号、冻结版本）export for signature (.docx): assigns the number, freezes the version',
    args: [id],
    options: [{ flags: '--out <file>', description: '输出文件 output .docx', required: true }, STYLE_OPTION],
    async run(ctx) {
      const out = ctx.need('out');
      const style = ctx.choice('style', STYLES);
      const r = await (await ctx.open({ saveTo: path.resolve(out) })).signExport({ id: ctx.id(0), ...(style && { style }) });
      return {
        data: r,
        text: `已导出供签署 exported for signature: ${r.path}\n编号 ${r.number} · v${r.version?.seq} · 校验码 ${r.version?.fingerprint}\n文件 SHA-256 ${r.fileSha256}`,
      };
    },
  },
  {
    name: 'sign record',
    summary: '记录签署 record a signature',
    args: [id],
    options: [
      { flags: '--role <role>', description: '签署方 role: 承诺方 / 接收方 / 见证人 …', required: true },
      { flags: '--name <name>', description: '签署人 name of the signer', required: true },
      { flags: '--date <date>', description: '签署日期 date signed, YYYY-MM-DD', required: true },
      { flags: '--method <method>', description: '方式 method (default 签字)', choices: SIGN_METHODS },
      { flags: '--org <organisation>', description: '单位 organisation' },
      { flags: '--note <text>', description: '备注 a note' },
    ],
    async run(ctx) {
      const [role, name, dateSigned] = [ctx.need('role'), ctx.need('name'), ctx.need('date')];
      const [organisation, note] = [ctx.opt('org'), ctx.opt('note')];
      const r = await (await ctx.open()).signRecord({
        id: ctx.id(0),
        role,
        name,
        dateSigned,
        method: ctx.choice('method', SIGN_METHODS) ?? '签字',
        ...(organisation !== undefined && { organisation }),
        ...(note !== undefined && { note }),
      });
      return { data: r, text: `已记录 recorded ${role} ${name}${r.complete ? '；全部签署完成 all signatures recorded（已签署）' : ''}` };
    },
  },
  {
    name: 'sign attach',
    summary: '附加签署扫描件 attach the scanned signed copy (PDF/JPG/PNG)',
    args: [id, { name: 'file', description: '扫描件 the scan' }],
    async run(ctx) {
      const scan = await (await ctx.open({ openFrom: path.resolve(ctx.text(1)) })).signAttachScan({ id: ctx.id(0) });
      if (!scan) throw new UsageError('sign attach needs a FILE'); // the port always answers; null only if it did not
      return { data: scan, text: `已附加 attached ${scan.fileName} (${scan.size} bytes) SHA-256 ${scan.sha256}` };
    },
  },
  {
    name: 'sign archive',
    summary: '归档 archive',
    args: [id],
    async run(ctx) {
      const letter = await (await ctx.open()).signArchive({ id: ctx.id(0) });
      return { data: letter, text: `已归档 archived #${letter.id}` };
    },
  },
  {
    name: 'sign void',
    summary: '作废 void with a reason',
    args: [id],
    options: [{ flags: '--reason <text>', description: '作废原因 reason', required: true }],
    async run(ctx) {
      const letter = await (await ctx.open()).signVoid({ id: ctx.id(0), reason: ctx.need('reason') });
      return { data: letter, text: `已作废 voided #${letter.id}` };
    },
  },
  {
    name: 'sign status',
    summary: '签署状态 signature state and events',
    args: [id],
    async run(ctx) {
      const s = await (await ctx.open()).signState({ id: ctx.id(0) });
      const lines = [
        `状态 status: ${s.status}  编号 number: ${s.number ?? '—'}`,
        s.exported
          ? `待签署/已签署版本 paper version: v${s.exported.seq} ${s.exported.fingerprint}${s.paperMatchesCurrent ? '' : '（当前内容已修改，与纸质文本不一致 edited since export）'}`
          : '尚未导出供签署 not exported for signature',
        `应签署 required: ${s.requiredRoles.join('、')}`,
        ...s.signatures.map((r) => `  ${r.role} ${r.name} ${r.organisation} ${r.dateSigned} ${r.method}`),
        ...s.scans.map((sc) => `  扫描件 scan ${sc.fileName} ${sc.sha256}`),
      ];
      return { data: s, text: lines.join('\n') };
    },
  },
  {
    name: 'verify',
    summary: '核验纸质函件（编号 + 校验码）verify a paper letter by its number and fingerprint',
    args: [
      { name: 'number', description: '函件编号 letter number, e.g. HXCN-2026-0001' },
      { name: 'fingerprint', description: '校验码 fingerprint, e.g. 3F2A-91C0-77BE' },
    ],
    async run(ctx) {
      const [number, fingerprint] = [ctx.text(0), ctx.text(1)];
      const r = await (await ctx.open()).signVerify({ number, fingerprint });
      const text =
        r.found && r.letter && r.version
          ? `找到 found: ${r.letter.title} v${r.version.seq}（${r.version.createdAt}）\n签署 signed by: ${r.signatures.map((s) => `${s.role} ${s.name} ${s.dateSigned}`).join('；') || '—'}\n${r.currentMatches ? '当前内容与该版本一致 current text matches' : '当前内容已修改，与该版本不一致 current text differs'}`
          : r.reason === 'no-such-number'
            ? `没有编号为 ${number} 的函件 no letter has this number`
            : `函件 ${number} 没有指纹为 ${fingerprint} 的版本 no version with this fingerprint`;
      const damaged = r.evidenceOk ? '' : `\n证据已损坏 EVIDENCE DAMAGED: ${r.evidenceProblems.map(describeEvidenceProblem).join('；')}`;
      return { data: r, text: text + damaged, exitCode: r.found && r.evidenceOk ? 0 : 1 };
    },
  },
  {
    name: 'audit',
    summary: '审计报告 audit report (.docx): versions, signatures, events, evidence check',
    args: [id],
    options: [{ flags: '--out <file>', description: '输出文件 output .docx', required: true }],
    async run(ctx) {
      const r = await (await ctx.open({ saveTo: path.resolve(ctx.need('out')) })).signAudit({ id: ctx.id(0) });
      return { data: r, text: `已生成审计报告 audit report: ${r.path}` };
    },
  },
];

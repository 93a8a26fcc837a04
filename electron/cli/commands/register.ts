/** register (the list of all letters, or its CSV) and db check */
import path from 'node:path';
import { LETTER_STATUSES, type LetterStatus } from '../../shared/domain';
import { describeEvidenceProblem } from '../../shared/evidence';
import type { CommandSpec } from '../command';
import { UsageError } from '../command';
import { table } from '../output';

export const registerCommands: CommandSpec[] = [
  {
    name: 'register',
    summary: '函件登记簿（--out 导出 CSV）the register of letters (CSV with --out)',
    options: [
      { flags: '--status <list>', description: '状态 statuses, comma-separated: draft,awaiting-signature,signed,archived,void' },
      { flags: '--party <text>', description: '当事方包含 parties containing this text' },
      { flags: '--template <id>', description: '模板 ID template ID' },
      { flags: '--out <file>', description: '导出 CSV export as CSV' },
      { flags: '--limit <n>', description: '最多几条 at most N (default 100)', kind: 'int' },
      { flags: '--offset <n>', description: '跳过几条 skip N', kind: 'int' },
    ],
    async run(ctx) {
      const [status, party, templateId, out] = [ctx.opt('status'), ctx.opt('party'), ctx.opt('template'), ctx.opt('out')];
      const filter = {
        ...(status !== undefined && { status: statuses(status) }),
        ...(party !== undefined && { party }),
        ...(templateId !== undefined && { templateId }),
      };
      const api = await ctx.open(out === undefined ? {} : { saveTo: path.resolve(out) });
      if (out !== undefined) {
        const r = await api.registerExportCsv(filter);
        return { data: r, text: `已导出 exported ${r.count} → ${r.path}` };
      }
      const page = await api.registerList({ ...filter, limit: ctx.int('limit') ?? 100, offset: ctx.int('offset') ?? 0 });
      return {
        data: page,
        text:
          table(
            ['ID', '编号', '标题', '当事方', '状态', '签署日期'],
            page.items.map((r) => [String(r.id), r.number ?? '—', r.title, r.parties, r.status, r.signedOn ?? '']),
          ) + `\n${page.items.length} / ${page.total}`,
      };
    },
  },
  {
    name: 'db check',
    summary: '检查数据库（只读，不迁移）：完整性、外键、结构版本、签署记录链、证据 read-only: integrity, foreign keys, schema, event chain, evidence',
    async run(ctx) {
      // Read-only, never through the core: the check never migrates or writes (issue 11).
      const { checkDataFolder } = await import('../../core/db/check-db');
      const report = checkDataFolder(ctx.dataDir);
      const text = [
        `数据库 database: ${report.path}`,
        `结构版本 schema: ${report.schemaVersion} (app ${report.appSchemaVersion})`,
        `完整性 integrity: ${report.integrity.join('; ')}`,
        `外键 foreign keys: ${report.foreignKeyViolations} violation(s)`,
        report.chain.ok
          ? `签署记录链 event chain: OK（${report.chain.events} 条 events）`
          : `签署记录链 event chain: 第 ${report.chain.firstBroken?.id} 条事件 ${report.chain.firstBroken?.reason}（函件 letter ${report.chain.firstBroken?.letterId ?? '?'}）`,
        `链头 chain head: ${report.evidence.head ? `#${report.evidence.head.id} ${report.evidence.head.hash}` : '—'}`,
        report.evidence.ok
          ? `证据 evidence: OK（${report.evidence.checked.versions} versions, ${report.evidence.checked.scans} scans, ${report.evidence.checked.letters} letters）`
          : [`证据 evidence: ${report.evidence.problemCount} 处不符 mismatch(es)，首先 first:`, ...report.evidence.problems.map((x) => `  ${describeEvidenceProblem(x)}`)].join('\n'),
        report.ok ? '结果 result: OK' : '结果 result: PROBLEMS FOUND',
      ].join('\n');
      return { data: report, text, exitCode: report.ok ? 0 : 1 };
    },
  },
];

export function statuses(list: string): LetterStatus[] {
  return list.split(',').map((s) => {
    const status = LETTER_STATUSES.find((x) => x === s.trim());
    if (!status) throw new UsageError(`--status takes ${LETTER_STATUSES.join(',')}; got ${s}`);
    return status;
  });
}

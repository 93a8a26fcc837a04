/** versions list | save | show | diff | restore */
import { letterBlocks, letterPlainText } from '../../shared/letter-model';
import type { CommandSpec } from '../command';
import { formatDiff, table } from '../output';

const id = { name: 'id', description: '函件 ID letter ID', kind: 'id' } as const;
const seq = (name: string, description: string) => ({ name, description, kind: 'id' }) as const;

export const versionCommands: CommandSpec[] = [
  {
    name: 'versions list',
    summary: '版本时间线 the letter’s versions',
    args: [id],
    async run(ctx) {
      const list = await (await ctx.open()).versionsList({ id: ctx.id(0) });
      return {
        data: list,
        text: list.length
          ? table(
              ['版本', '时间 time', '类型 kind', '指纹 fingerprint', '+/-', '备注 note'],
              list.map((v) => [
                `v${v.seq}${v.exportedAt ? ' 已导出' : ''}${v.signedAt ? ' 已签署' : ''}`,
                v.createdAt,
                v.kind + (v.restoredFrom ? ` ←v${v.restoredFrom}` : ''),
                v.fingerprint,
                `+${v.charsAdded}/-${v.charsRemoved}`,
                v.note ?? '',
              ]),
            )
          : '（还没有版本 no versions yet）',
      };
    },
  },
  {
    name: 'versions save',
    summary: '保存版本 save a version',
    args: [id],
    options: [{ flags: '--note <text>', description: '备注 a note' }],
    async run(ctx) {
      const note = ctx.opt('note');
      const v = await (await ctx.open()).versionsSave({ id: ctx.id(0), ...(note !== undefined && { note }) });
      return { data: v, text: `已保存版本 saved v${v.seq}（${v.fingerprint}）` };
    },
  },
  {
    name: 'versions show',
    summary: '查看版本（正文与字段）show a version: text and fields',
    args: [id, seq('n', '版本号 version number')],
    async run(ctx) {
      const v = await (await ctx.open()).versionsGet({ id: ctx.id(0), seq: ctx.id(1) });
      const text = letterPlainText(letterBlocks(v.content.doc, v.content.fields, v.content.values));
      return { data: v, text: `v${v.seq} ${v.kind} ${v.createdAt} ${v.fingerprint}\n\n${text}` };
    },
  },
  {
    name: 'versions diff',
    summary: '比较版本 compare versions A and B',
    args: [id, seq('a', '版本 A version A'), seq('b', '版本 B version B')],
    async run(ctx) {
      const diff = await (await ctx.open()).versionsDiff({ id: ctx.id(0), from: ctx.id(1), to: ctx.id(2) });
      return { data: diff, text: formatDiff(diff) };
    },
  },
  {
    name: 'versions restore',
    summary: '恢复版本（作为新版本）restore version N as a new version',
    args: [id, seq('n', '版本号 version number')],
    async run(ctx) {
      const r = await (await ctx.open()).versionsRestore({ id: ctx.id(0), seq: ctx.id(1) });
      return { data: r, text: `已恢复 restored v${ctx.id(1)} → v${r.version.seq}（恢复前的内容保存在 v${r.previous.seq}）` };
    },
  },
];

/** Backups, restore, the archive and `db migrate` (issue 11). */
import path from 'node:path';
import type { LetterdeskApi } from '../../shared/api';
import type { BackupInfo, BackupJob } from '../../shared/backup';
import { LetterdeskError } from '../../shared/errors';
import type { CommandSpec } from '../command';
import { table } from '../output';

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);
const describe = (b: BackupInfo) => `${b.id}（${b.letters} 封函件 letters，${size(b.size)}，${b.verified ? '已校验 verified' : '未校验 NOT verified'}）→ ${b.path}`;

/** Waits for an archive task; a failed one throws its error (exit 1 with its code). */
async function finish(api: LetterdeskApi, job: BackupJob | null): Promise<BackupJob> {
  if (!job) throw new LetterdeskError('cancelled', 'No file given');
  let j = job;
  while (j.state === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    j = await api.backupsJobGet({ id: j.id });
  }
  if (j.state !== 'done') throw new LetterdeskError(j.error?.code === 'cancelled' ? 'cancelled' : ((j.error?.code ?? 'internal') as 'internal'), j.error?.message ?? j.state);
  return j;
}

export const backupCommands: CommandSpec[] = [
  {
    name: 'backup',
    summary: '立即备份（已校验）；--out 写成一个归档文件 back up now (verified); --out writes one archive file',
    options: [{ flags: '--out <file>', description: '归档文件 archive file (.ldarchive)' }],
    async run(ctx) {
      const out = ctx.opt('out');
      if (out !== undefined) {
        const file = path.resolve(out);
        const api = await ctx.open({ saveTo: file });
        const job = await finish(api, await api.archiveExport());
        return { data: job, text: `已备份到 backed up to ${job.path}` };
      }
      const info = await (await ctx.open()).backupsCreate();
      return { data: info, text: `已备份 backed up: ${describe(info)}` };
    },
  },
  {
    name: 'backups list',
    summary: '列出备份（时间、大小、函件数、是否已校验）list backups (time, size, letters, verified)',
    async run(ctx) {
      const o = await (await ctx.open()).backupsList();
      const text = [
        `备份文件夹 backup folder: ${o.folder}${o.available ? '' : '（不可用 UNAVAILABLE）'}`,
        table(
          ['ID', '时间 time', '原因 reason', '函件 letters', '大小 size', '校验 verified'],
          o.backups.map((b) => [b.id, b.createdAt, b.reason, String(b.letters), size(b.size), b.verified ? '✓' : '✗']),
        ),
        `${o.backups.length} 个备份 backups`,
      ].join('\n');
      return { data: o, text, exitCode: o.available ? 0 : 1 };
    },
  },
  {
    name: 'restore',
    summary: '从备份文件夹或归档恢复（先备份当前数据）restore a backup folder or archive (the current state is backed up first)',
    args: [{ name: 'file', description: '备份文件夹、其 manifest.json 或 .ldarchive 文件 backup folder, its manifest.json, or an .ldarchive' }],
    async run(ctx) {
      const api = await ctx.open({ openFrom: path.resolve(ctx.text(0)) });
      const r = await api.backupsRestore({});
      return { data: r, text: `已恢复 restored from ${ctx.text(0)}${r?.before ? `\n恢复前的数据已备份 the previous state was backed up: ${describe(r.before)}` : ''}` };
    },
  },
  {
    name: 'archive export',
    summary: '把全部函件历史（数据库与扫描件）导出为一个归档文件 the whole letter history as one archive file',
    args: [{ name: 'file', description: '归档文件 archive file (.ldarchive)' }],
    async run(ctx) {
      const api = await ctx.open({ saveTo: path.resolve(ctx.text(0)) });
      const job = await finish(api, await api.archiveExport());
      return { data: job, text: `已导出 exported → ${job.path}` };
    },
  },
  {
    name: 'archive import',
    summary: '导入归档：全部校验后才替换，替换前先备份 import an archive: verified whole before replacing; the current state is backed up first',
    args: [{ name: 'file', description: '归档文件 archive file (.ldarchive)' }],
    async run(ctx) {
      const api = await ctx.open({ openFrom: path.resolve(ctx.text(0)) });
      const job = await finish(api, await api.archiveImport());
      return { data: job, text: `已导入 imported ${job.path}` };
    },
  },
  {
    name: 'db migrate',
    summary: '把数据库升级到本程序的结构版本（先备份）upgrade the database to this app’s schema (backed up first)',
    async run(ctx) {
      const { inspectDatabaseFile } = await import('../../core/db/inspect-db');
      const { DB_FILE_NAME } = await import('../../core/db/open-db');
      const found = inspectDatabaseFile(path.join(ctx.dataDir, DB_FILE_NAME));
      const from = found.kind === 'letterdesk' ? found.schemaVersion : 0;
      const info = await (await ctx.open()).appInfo();
      const data = { from, to: info.schemaVersion, migrated: from !== info.schemaVersion };
      return { data, text: data.migrated ? `已升级 migrated: ${from} → ${info.schemaVersion}` : `已是最新 already current: ${info.schemaVersion}` };
    },
  },
];

/** export: one letter to a file, or several into a folder (one browser renders all their PDFs). */
import fs from 'node:fs';
import path from 'node:path';
import type { CommandSpec } from '../command';
import { UsageError } from '../command';

export const STYLES = ['business', 'official'] as const;
export const STYLE_OPTION = { flags: '--style <style>', description: '版式 page style', choices: STYLES };
const FORMATS = ['docx', 'pdf'] as const;

export const exportCommands: CommandSpec[] = [
  {
    name: 'export',
    summary: '导出 Word / PDF（PDF 由本机 Chromium/Chrome/Edge 无头渲染，或 LETTERDESK_CHROMIUM）export .docx or PDF (PDF through a headless Chromium, Chrome or Edge found on this PC, or LETTERDESK_CHROMIUM)',
    args: [{ name: 'id', description: '函件 ID；多个时 --out 为文件夹 letter ID; with several, --out is a folder', kind: 'id', variadic: true }],
    options: [
      { flags: '--out <path>', description: '输出文件或文件夹 output file, or folder', required: true },
      { flags: '--format <format>', description: '格式 format (default: from the file name, else docx)', choices: FORMATS },
      { flags: '--version <n>', description: '导出某个版本 export version N', kind: 'int' },
      STYLE_OPTION,
      { flags: '--draft', description: '草稿（必填字段可空，标注草稿）a draft: required fields may be empty, marked 草稿' },
    ],
    async run(ctx) {
      const ids = ctx.ids(0);
      const out = ctx.need('out');
      const version = ctx.int('version');
      if (ids.length > 1 && version !== undefined) throw new UsageError('--version goes with one letter ID');
      const format = ctx.choice('format', FORMATS) ?? (out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx');
      const target = path.resolve(out);
      if (ids.length > 1) {
        if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) throw new UsageError('with several letter IDs, --out must be a folder');
        fs.mkdirSync(target, { recursive: true });
      }
      const style = ctx.choice('style', STYLES);
      const api = await ctx.open({ saveTo: target });
      const results = [];
      for (const id of ids) {
        results.push(await api.lettersExport({ id, format, ...(style && { style }), ...(version !== undefined && { version }), ...(ctx.flag('draft') && { draft: true }) }));
      }
      const lines = results.map((r) => `已导出 exported ${r.path}（v${r.version?.seq} · 校验码 ${r.version?.fingerprint}${r.draft ? ' · 草稿 draft' : ''}）`);
      return { data: ids.length === 1 ? results[0] : results, text: lines.join('\n') };
    },
  },
];

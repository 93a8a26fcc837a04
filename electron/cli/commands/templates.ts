/** templates list | show | export | import */
import path from 'node:path';
import type { CommandSpec } from '../command';
import { table } from '../output';

export const templateCommands: CommandSpec[] = [
  {
    name: 'templates list',
    summary: '列出模板 list templates',
    async run(ctx) {
      const list = await (await ctx.open()).templatesList();
      return {
        data: list,
        text: table(['ID', '名称 name', '类别 category', '字段 fields', ''], list.map((tp) => [tp.id, tp.name, tp.category, String(tp.fieldCount), tp.builtin ? '内置' : '自定义'])),
      };
    },
  },
  {
    name: 'templates show',
    summary: '查看模板及其字段 show a template and its fields',
    args: [{ name: 'template-id', description: '模板 ID template ID' }],
    async run(ctx) {
      const tp = await (await ctx.open()).templatesGet({ id: ctx.text(0) });
      return {
        data: tp,
        text: `${tp.name}（${tp.category}，${tp.pageStyle}）\n${tp.description}\n\n` + table(['键 key', '名称 label', '类型 type', '必填'], tp.fields.map((f) => [f.key, f.label, f.type, f.required ? '是' : ''])),
      };
    },
  },
  {
    name: 'templates export',
    summary: '导出模板包 export a template pack',
    args: [{ name: 'template-id', description: '模板 ID template IDs', variadic: true }],
    options: [{ flags: '--out <file>', description: '模板包文件 pack file', required: true }],
    async run(ctx) {
      const result = await (await ctx.open({ saveTo: path.resolve(ctx.need('out')) })).templatesExportPack({ ids: ctx.texts(0) });
      return { data: result, text: `已导出 exported ${result.count} → ${result.path}` };
    },
  },
  {
    name: 'templates import',
    summary: '导入模板包（全部或全不）import a pack: all templates or none',
    args: [{ name: 'file', description: '模板包文件 pack file' }],
    async run(ctx) {
      const result = await (await ctx.open({ openFrom: path.resolve(ctx.text(0)) })).templatesImportPack();
      return { data: result, text: `已导入 imported ${result.imported}（替换 replaced ${result.replaced}）` };
    },
  },
];

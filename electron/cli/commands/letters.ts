/** letters list | create | show | rename | trash | restore | copy */
import type { CommandSpec } from '../command';
import { UsageError } from '../command';
import { readValueSources } from '../field-values';
import { letterRows } from '../output';
import { fieldValuesFor, VALUE_OPTIONS, valueSources } from './fields';

const id = { name: 'id', description: '函件 ID letter ID', kind: 'id' } as const;

export const lettersCommands: CommandSpec[] = [
  {
    name: 'letters list',
    summary: '列出函件 list letters',
    options: [
      { flags: '--trashed', description: '回收站中的函件 letters in the trash' },
      { flags: '--limit <n>', description: '最多几条 at most N (default 50)', kind: 'int' },
      { flags: '--offset <n>', description: '跳过几条 skip N', kind: 'int' },
    ],
    async run(ctx) {
      const api = await ctx.open();
      const page = await api.lettersList({ trashed: ctx.flag('trashed'), limit: ctx.int('limit') ?? 50, offset: ctx.int('offset') ?? 0 });
      const footer = `\n${page.offset + 1}–${page.offset + page.items.length} / ${page.total}`;
      return { data: page, text: page.items.length ? letterRows(page.items) + footer : '（没有函件 no letters）' };
    },
  },
  {
    name: 'letters create',
    summary: '新建函件（空白或从模板）并可填写 create a letter, blank or from a template, and fill it',
    options: [
      { flags: '--title <text>', description: '标题 title (required without --template)' },
      { flags: '--template <id>', description: '模板 ID template ID (templates list)' },
      ...VALUE_OPTIONS,
    ],
    async run(ctx) {
      const title = ctx.opt('title');
      const templateId = ctx.opt('template');
      if (title === undefined && templateId === undefined) throw new UsageError('letters create needs --title or --template');
      const sources = valueSources(ctx);
      const api = await ctx.open();
      // The values are read against the template's fields first: a value that cannot be read creates nothing.
      const fields = sources && templateId !== undefined ? (await api.templatesGet({ id: templateId })).fields : [];
      const values = sources ? fieldValuesFor(ctx, fields, readValueSources(sources)) : null;
      const letter = await api.lettersCreate({ ...(title !== undefined && { title }), ...(templateId !== undefined && { templateId }) });
      if (!values) return { data: letter, text: `已创建 created #${letter.id} ${letter.title}` };
      const filled = await api.lettersFill({ id: letter.id, values });
      return { data: filled, text: `已创建 created #${letter.id} ${letter.title}（已填写 ${Object.keys(filled.content.values).length} 个字段）` };
    },
  },
  {
    name: 'letters show',
    summary: '查看函件 show a letter',
    args: [id],
    async run(ctx) {
      const letter = await (await ctx.open()).lettersGet({ id: ctx.id(0) });
      return { data: letter, text: letterRows([letter]) + `\nrevision ${letter.revision}, created ${letter.createdAt}` };
    },
  },
  {
    name: 'letters rename',
    summary: '重命名 rename',
    args: [id],
    options: [{ flags: '--title <text>', description: '新标题 new title', required: true }],
    async run(ctx) {
      const letter = await (await ctx.open()).lettersRename({ id: ctx.id(0), title: ctx.need('title') });
      return { data: letter, text: `已重命名 renamed #${letter.id} ${letter.title}` };
    },
  },
  {
    name: 'letters trash',
    summary: '移到回收站（已编号的函件须 --confirm 其编号）move to the trash (a numbered letter needs --confirm with its number)',
    args: [id],
    options: [{ flags: '--confirm <number>', description: '函件编号 the letter number, e.g. HXCN-2026-0001' }],
    async run(ctx) {
      const confirmNumber = ctx.opt('confirm');
      const letter = await (await ctx.open()).lettersTrash({ id: ctx.id(0), ...(confirmNumber !== undefined && { confirmNumber }) });
      return { data: letter, text: `已移到回收站 moved to trash #${letter.id}` };
    },
  },
  {
    name: 'letters restore',
    summary: '从回收站恢复 restore from the trash',
    args: [id],
    async run(ctx) {
      const letter = await (await ctx.open()).lettersRestore({ id: ctx.id(0) });
      return { data: letter, text: `已恢复 restored #${letter.id}` };
    },
  },
  {
    name: 'letters copy',
    summary: '复制为新函件 copy as a new draft letter',
    args: [id],
    options: [{ flags: '--title <text>', description: '新标题 title of the copy (default 原标题（副本）)' }],
    async run(ctx) {
      const title = ctx.opt('title');
      const letter = await (await ctx.open()).lettersCopy({ id: ctx.id(0), ...(title !== undefined && { title }) });
      return { data: letter, text: `已复制为新函件 copied as #${letter.id} ${letter.title}` };
    },
  },
];

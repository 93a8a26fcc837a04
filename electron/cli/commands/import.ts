/** import text | docx: smart paste of a text file, or a Word file, as a letter or template (issue #12). */
import fs from 'node:fs';
import path from 'node:path';
import type { CommandContext, CommandSpec } from '../command';
import { table } from '../output';

const AS = ['letter', 'template'] as const;

async function recover(kind: 'text' | 'docx', file: string) {
  // Loaded only when the command runs: `letterdesk --help` stays light.
  const [{ importDocx }, { decodeText }, { structureText }, { importSummary, importToContent }] = await Promise.all([
    import('../../core/import/import-docx'),
    import('../../shared/import/decode-text'),
    import('../../shared/import/smart-paste'),
    import('../../shared/import/to-content'),
  ]);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const result = kind === 'docx' ? importDocx(bytes) : structureText(decodeText(bytes).text);
  return { result, summary: importSummary(result), content: importToContent(result) };
}

function importCommand(kind: 'text' | 'docx'): CommandSpec {
  return {
    name: `import ${kind}`,
    summary: kind === 'text' ? '识别文本文件的结构并导入（UTF-8/UTF-16/GB18030）recover a text file as a letter or template' : '导入 Word 文档 import a .docx as a letter or template',
    args: [{ name: 'file', description: kind === 'text' ? '文本文件 text file' : 'Word 文档 .docx file' }],
    options: [
      { flags: '--as <kind>', description: '导入为函件或模板 create a letter or a template (default letter)', choices: AS },
      { flags: '--title <text>', description: '函件标题或模板名称 title or template name (default: the recovered title)' },
      { flags: '--category <text>', description: '模板分类 template category' },
      { flags: '--dry-run', description: '只显示识别结果，不保存 show the result, save nothing' },
    ],
    async run(ctx: CommandContext) {
      const file = path.resolve(ctx.text(0));
      const { summary, content } = await recover(kind, file);
      const as = ctx.choice('as', AS) ?? 'letter';
      const recoveredTitle = summary.blocks.find((b) => b.kind === 'title')?.text;
      const title = (ctx.opt('title') ?? recoveredTitle ?? path.basename(file, path.extname(file))).slice(0, 100);
      let created: { letterId?: number; templateId?: string } = {};
      if (!ctx.flag('dryRun')) {
        const category = ctx.opt('category');
        const res = await (await ctx.open()).importCreate({ as, title, ...(category && { category }), doc: content.doc, fields: content.fields, values: as === 'letter' ? content.values : {} });
        created = res.letter ? { letterId: res.letter.id } : { templateId: res.template!.id };
      }
      const blocks = table(
        ['类型 kind', '编号 number', '层级 level', '文字 text'],
        summary.blocks.map((b) => [b.kind, b.marker ?? '', b.level === undefined ? '' : String(b.level), b.text.replace(/\n/g, ' ¶ ').slice(0, 60)]),
      );
      const fields = table(
        ['键 key', '名称 label', '类型 type', '作用 role', '单位/选项/提示'],
        summary.fields.map((f) => [f.key, f.label, f.type, f.role ?? f.signer ?? '', f.unit ?? f.options?.join('/') ?? f.hint ?? '']),
      );
      const done = created.letterId !== undefined ? `已创建函件 letter created: ${created.letterId}（${title}）` : created.templateId ? `已创建模板 template created: ${created.templateId}（${title}）` : '未保存 dry run: nothing saved';
      return {
        data: { ...summary, title, as, dryRun: ctx.flag('dryRun'), ...created },
        text: [blocks, '', fields, ...summary.notes.map((n) => `注意 note: ${n}`), '', done].join('\n'),
      };
    },
  };
}

export const importCommands: CommandSpec[] = [importCommand('text'), importCommand('docx')];

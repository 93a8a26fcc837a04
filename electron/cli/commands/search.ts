/** search: full-text search of every letter (issue #13), and the rebuild that repairs its index. */
import type { SearchHit, SearchSnippet } from '../../shared/search';
import type { CommandSpec } from '../command';
import { table } from '../output';
import { statuses } from './register';

/** The passage with each match in 【】 (a terminal has no highlight of its own). */
export function markedPassage(s: SearchSnippet | null): string {
  if (!s) return '';
  let out = s.cutStart ? '…' : '';
  let at = 0;
  for (const [a, b] of s.highlights) {
    out += `${s.text.slice(at, a)}【${s.text.slice(a, b)}】`;
    at = b;
  }
  // A passage from an earlier version says so: the letter no longer has this text.
  return (s.field === 'history' ? '［旧版本 earlier version］' : '') + out + s.text.slice(at) + (s.cutEnd ? '…' : '');
}

export const searchCommands: CommandSpec[] = [
  {
    name: 'search',
    summary: '全文搜索（标题、编号、正文、当事方、签署人、版本说明）；search rebuild 或 --rebuild 重建索引 full-text search; `search rebuild` (or --rebuild) repairs the index',
    args: [{ name: 'query', description: '搜索词，空格分隔的词都须出现，引号内为整句 terms (all must match); "quoted text" is one phrase', optional: true, variadic: true }],
    options: [
      { flags: '--status <list>', description: '状态 statuses, comma-separated: draft,awaiting-signature,signed,archived,void' },
      { flags: '--limit <n>', description: '最多几条 at most N (default 20)', kind: 'int' },
      { flags: '--history', description: '也搜索以前的版本（改掉的文字）also search earlier versions (text edited away)' },
      { flags: '--rebuild', description: '重建搜索索引（Ctrl+C 取消，已完成的部分保留）rebuild the index (Ctrl+C stops; what is done is kept)' },
    ],
    async run(ctx) {
      const query = ctx.texts(0);
      const api = await ctx.open();
      if (ctx.flag('rebuild') || (query.length === 1 && query[0] === 'rebuild')) {
        let stop = false;
        const onInt = () => (stop = true);
        process.once('SIGINT', onInt);
        try {
          let p = await api.searchRebuild({ restart: true });
          while (!p.finished && !stop) {
            p = await api.searchRebuild({});
            ctx.warn(`重建索引 rebuilding: ${p.done} / ${p.total}`);
          }
          return { data: p, text: p.finished ? `搜索索引已重建 index rebuilt: ${p.total} letters` : `已取消 cancelled: ${p.done} / ${p.total}`, exitCode: p.finished ? 0 : 130 };
        } finally {
          process.off('SIGINT', onInt);
        }
      }
      const status = ctx.opt('status');
      const page = await api.searchLetters({
        text: query.join(' '),
        limit: ctx.int('limit') ?? 20,
        ...(status !== undefined && { status: statuses(status) }),
        ...(ctx.flag('history') && { history: true }),
      });
      const rows = (h: SearchHit) => [String(h.id), h.number ?? '—', h.title, h.status, markedPassage(h.snippet)];
      return {
        data: page,
        text: table(['ID', '编号', '标题', '状态', '匹配 match'], page.items.map(rows)) + `\n${page.items.length} / ${page.capped ? `${page.total}+` : page.total}`,
      };
    },
  },
];

/** Terminal output: tables that line up with Chinese text, letter rows, diffs. */
import { STATUS_LABELS, type LetterSummary } from '../shared/domain';
import type { ContentDiff } from '../shared/versions';

/** Display width: CJK and full-width characters take two terminal columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000) ? 2 : 1;
  }
  return width;
}

export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

export function letterRows(items: LetterSummary[]): string {
  return table(
    ['ID', '编号', '标题', '状态', '最后修改'],
    items.map((l) => [
      String(l.id),
      l.number ?? '—',
      l.title,
      STATUS_LABELS[l.status]['zh-CN'] + (l.trashedAt ? '（回收站）' : ''),
      l.updatedAt,
    ]),
  );
}

/** A diff for the terminal: changed blocks with [-deleted-] and {+inserted+} marks, then fields. */
export function formatDiff(diff: ContentDiff): string {
  const lines: string[] = [];
  for (const b of diff.blocks) {
    if (b.op === 'equal') continue;
    const number = b.after?.number ?? b.before?.number ?? '';
    const body = b.segments.map((s) => (s.op === 'equal' ? s.text : s.op === 'insert' ? `{+${s.text}+}` : `[-${s.text}-]`)).join('');
    lines.push(`${b.op === 'insert' ? '+ ' : b.op === 'delete' ? '- ' : '~ '}${number}${body}`);
  }
  if (diff.fields.length) {
    lines.push('', '字段 fields:');
    for (const f of diff.fields) lines.push(`  ${f.label} (${f.key}): ${f.before ?? '—'} → ${f.after ?? '—'}`);
  }
  lines.push('', `+${diff.stats.added} / -${diff.stats.removed} 字, ${diff.stats.changedBlocks} 段, ${diff.stats.fieldsChanged} 个字段`);
  return lines.join('\n');
}

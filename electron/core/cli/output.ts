import type { LetterSummary } from '../../shared/domain';

const STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  'awaiting-signature': '待签署',
  signed: '已签署',
  archived: '已归档',
  void: '已作废',
};

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
      (STATUS_ZH[l.status] ?? l.status) + (l.trashedAt ? '（回收站）' : ''),
      l.updatedAt,
    ]),
  );
}

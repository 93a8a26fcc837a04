/**
 * The letter as print HTML: the PDF and the print dialog render this, from the same model
 * as the .docx. All text is escaped; no scripts, no URLs, no inline styles (the print
 * window's CSP allows none of them).
 */
import type { LetterContent } from '../../shared/letter-content';
import { letterBlocks, type Block, type Run } from '../../shared/letter-model';
import type { FieldDef } from '../../shared/fields';
import { DEFAULT_FONTS } from './fonts';
import { blankWidths, cellEms, cleanText, clauseFonts, keepWithNext } from './layout';
import { metaFooterLine, type ExportMeta, type ExportOptions } from './meta';
import { PAGE_SPECS, textWidthTwips, type PageSpec } from './page-spec';
import { tableGrid } from './table-grid';
import { cssString, printCss } from './print-css';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

class HtmlWriter {
  readonly widths = new Set<number>();
  constructor(private readonly defs: ReadonlyMap<string, FieldDef>) {}

  runs(runs: readonly Run[], room?: number): string {
    let out = '';
    const widths = blankWidths(runs, this.defs, room);
    let blank = 0;
    for (const run of runs) {
      if (run.lineBreak) {
        out += '<br>';
      } else if (run.blank) {
        const w = widths[blank++]!;
        this.widths.add(w);
        out += `<span class="blank w${w}${run.invalid ? ' invalid' : ''}"></span>`;
      } else {
        let html = escapeHtml(run.text).replace(/[☑☐]/g, '<span class="box">$&</span>');
        if (run.underline) html = `<u>${html}</u>`;
        if (run.bold) html = `<b>${html}</b>`;
        out += html;
      }
    }
    return out;
  }
}

function blockHtml(block: Block, w: HtmlWriter, spec: PageSpec, keep: boolean): string {
  const keepClass = keep ? ' keep' : '';
  switch (block.type) {
    case 'title':
      return `<h1 class="title">${w.runs(block.runs)}</h1>`;
    case 'paragraph': {
      const flowing = block.align === null || block.align === 'left' || block.align === 'justify';
      const cls = [block.align ?? '', flowing && block.indent ? 'indent' : ''].filter(Boolean).join(' ');
      return `<p${cls || keep ? ` class="${cls}${keepClass}"` : ''}>${w.runs(block.runs)}</p>`;
    }
    case 'clause': {
      const fonts = clauseFonts(block, spec);
      const cls = `clause f-${fonts.text}${fonts.centered ? ' center keep' : keepClass}`;
      return `<p class="${cls}"><span class="num f-${fonts.number}">${escapeHtml(block.number)}</span>${w.runs(block.runs)}</p>`;
    }
    case 'table': {
      const grid = tableGrid(block, textWidthTwips(spec));
      const rows = block.rows.map((row, r) => {
        const cells = row.cells.map((cell, c) => {
          const tag = cell.header ? 'th' : 'td';
          const placed = grid.cells[r]![c]!;
          const rowspan = Number.isInteger(cell.rowspan) ? Math.min(cell.rowspan, block.rows.length - r) : 1;
          const span = `${placed.span > 1 ? ` colspan="${placed.span}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
          const room = cellEms(placed.width, spec.body.pt);
          const body = cell.paragraphs.map((p) => `<p${p.align ? ` class="${p.align}"` : ''}>${w.runs(p.runs, room)}</p>`).join('');
          return `<${tag}${span}>${body}</${tag}>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      });
      return `<table class="${block.kind === 'signature' ? 'sig' : 'grid'}"><tbody>${rows.join('')}</tbody></table>`;
    }
  }
}

export function buildPrintHtml(content: LetterContent, meta: ExportMeta, opts: ExportOptions = {}): string {
  const spec = PAGE_SPECS[opts.style ?? content.pageStyle ?? 'business'];
  const fonts = opts.fonts ?? DEFAULT_FONTS;
  const blocks = letterBlocks(content.doc, content.fields, content.values);
  const writer = new HtmlWriter(new Map(content.fields.map((f) => [f.key, f])));
  const keep = keepWithNext(blocks);
  const body = blocks.map((b, i) => blockHtml(b, writer, spec, keep.has(i))).join('\n');

  const total = `"第 " counter(page) " 页（共 " counter(pages) " 页）"`;
  const line = metaFooterLine(meta);
  const footer =
    spec.pageNumber === 'dash'
      ? `"— " counter(page) " —\\A" ${total}${line ? ` ${cssString(` · ${line}`)}` : ''}`
      : `${total}${line ? ` "\\A" ${cssString(line)}` : ''}`;
  const css = printCss(spec, fonts, footer, writer.widths, meta.draft === true);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(meta.title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].join('\n');
}

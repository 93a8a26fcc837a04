/**
 * The letter as print HTML: the PDF and the print dialog render this, from the same model
 * as the .docx. All text is escaped; no scripts, no URLs, no inline styles (the print
 * window's CSP allows none of them).
 */
import { ALIGNMENTS } from '../../shared/doc-schema';
import type { LetterContent } from '../../shared/letter-content';
import { letterBlocks, type Block, type Run } from '../../shared/letter-model';
import type { FieldDef } from '../../shared/fields';
import { DEFAULT_FONTS } from './fonts';
import { blankWidths, breakableLatin, cellRoomTwips, cleanText, clauseFonts, isNumberLine, keepWithNext } from './layout';
import { GENERATOR, metaDescription, metaFooterLine, printedTitle, type ExportMeta, type ExportOptions } from './meta';
import { PAGE_SPECS, textWidthTwips, type PageSpec } from './page-spec';
import { printBlocks } from './print-blocks';
import { tableGrid } from './table-grid';
import { cssString, printCss, type FooterContent } from './print-css';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A paragraph's alignment as a class name: only a known alignment becomes markup (issue #11 —
 * a crafted `align` once closed the attribute and hid a clause). Content is checked on save
 * (doc-rules.ts); this keeps print HTML safe for anything that skipped that check.
 */
function alignClass(align: unknown): string {
  return (ALIGNMENTS as readonly unknown[]).includes(align) ? (align as string) : '';
}

class HtmlWriter {
  readonly widths = new Set<number>();
  constructor(
    readonly defs: ReadonlyMap<string, FieldDef>,
    private readonly spec: PageSpec,
  ) {}

  runs(runs: readonly Run[], room?: number): string {
    let out = '';
    const widths = blankWidths(runs, this.defs, this.spec, room);
    let blank = 0;
    for (const run of runs) {
      if (run.lineBreak) {
        out += '<br>';
      } else if (run.blank) {
        const w = widths[blank++]!;
        this.widths.add(w);
        out += `<span class="blank w${w}${run.invalid ? ' invalid' : ''}"></span>`;
      } else {
        // <wbr>, not the U+200B the .docx takes: Chromium would put that character into the PDF's text.
        let html = escapeHtml(breakableLatin(run.text)).replace(/\u200B/g, '<wbr>').replace(/[☑☐]/g, '<span class="box">$&</span>');
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
      const dated = block.align === 'right' && spec.rightAlignIndentChars > 0 && !isNumberLine(block.runs, w.defs);
      const cls = [alignClass(block.align), flowing && block.indent ? 'indent' : '', dated ? 'dated' : ''].filter(Boolean).join(' ');
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
          const rowspan = Number.isInteger(cell.rowspan) ? Math.max(1, Math.min(cell.rowspan, block.rows.length - r)) : 1;
          const span = `${placed.span > 1 ? ` colspan="${placed.span}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
          const room = cellRoomTwips(placed.width, spec);
          const body = cell.paragraphs.map((p) => `<p${alignClass(p.align) ? ` class="${alignClass(p.align)}"` : ''}>${w.runs(p.runs, room)}</p>`).join('');
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
  const defs = new Map(content.fields.map((f) => [f.key, f]));
  const blocks = printBlocks(letterBlocks(content.doc, content.fields, content.values), spec, defs);
  const writer = new HtmlWriter(defs, spec);
  const keep = keepWithNext(blocks);
  const body = blocks.map((b, i) => blockHtml(b, writer, spec, keep.has(i))).join('\n');

  const total = `"第 " counter(page) " 页（共 " counter(pages) " 页）"`;
  const line = metaFooterLine(meta);
  const footer: FooterContent =
    spec.pageNumber.kind === 'dash'
      ? { number: `"— " counter(page) " —"`, small: `${total}${line ? ` ${cssString(` · ${line}`)}` : ''}` }
      : { number: total, small: line ? cssString(line) : null };
  const css = printCss(spec, fonts, footer, writer.widths, meta.draft === true);
  // Chromium puts only <title> into the PDF's Info (Title); author, subject and generator are
  // kept here for the print dialog and for renderers that read them (docs/print-fidelity.md).
  const metaTag = (name: string, value: string) => (value.trim() ? [`<meta name="${name}" content="${escapeHtml(value)}">`] : []);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(printedTitle(blocks, meta))}</title>`,
    ...metaTag('author', meta.promisor),
    ...metaTag('subject', metaDescription(meta)),
    ...metaTag('generator', GENERATOR),
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].join('\n');
}

/**
 * The stylesheet of the print HTML: the same page as the .docx, from the same metrics
 * (page-spec.ts), with the page footer in CSS page-margin boxes, which Chromium 131+ (and
 * so Electron's printToPDF with `preferCSSPageSize`) prints with page counters.
 */
import { SYMBOL_FONT, type ExportFonts, type FontRole } from './fonts';
import { CELL_MARGIN_TWIPS, linePt, type PageSpec } from './page-spec';

// Faces tried after the configured name: the same designs under their other names, then
// Noto CJK (Linux) — never a URL, the print window loads nothing.
const FALLBACKS: Record<FontRole, string[]> = {
  song: ['SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  fang: ['FangSong', '仿宋_GB2312', 'FangSong_GB2312', 'STFangsong', 'Noto Serif CJK SC', 'serif'],
  hei: ['SimHei', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'],
  kai: ['KaiTi', '楷体_GB2312', 'KaiTi_GB2312', 'STKaiti', 'Noto Serif CJK SC', 'serif'],
  xiaobiaosong: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '小标宋', 'SimSun', 'Noto Serif CJK SC', 'serif'],
};
const GENERIC = new Set(['serif', 'sans-serif']);

/** A CSS string literal; `<` and `>` escaped so no text can close the <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}

/**
 * The Chinese face first: quotes and dashes stay full-width, as Word prints them under
 * `w:hint="eastAsia"`. ASCII comes before it from LATIN_FACE, as Word takes it from the
 * `w:ascii` slot; `latin: false` leaves it out (the half-width 宋体 page number).
 */
function fontFamily(role: FontRole, fonts: ExportFonts, latin = true): string {
  const generic = FALLBACKS[role][FALLBACKS[role].length - 1]!;
  const names = [...new Set([fonts[role], ...FALLBACKS[role].slice(0, -1), fonts.latin, generic])];
  return [...(latin ? [cssString(LATIN_FACE)] : []), ...names.map((n) => (GENERIC.has(n) ? n : cssString(n)))].join(', ');
}

const LATIN_FACE = 'Letterdesk Latin';
// Faces with the same metrics under the names Linux and macOS install them by.
const METRIC_TWINS: Record<string, string[]> = {
  'Times New Roman': ['TimesNewRomanPSMT', 'Liberation Serif', 'LiberationSerif', 'Tinos'],
  Arial: ['ArialMT', 'Liberation Sans', 'LiberationSans', 'Arimo'],
};

/** The configured Latin face for ASCII only, found on this machine by name (`local()`: nothing is loaded). */
function latinFace(fonts: ExportFonts): string {
  const names = [fonts.latin, ...(METRIC_TWINS[fonts.latin] ?? [])];
  return `@font-face { font-family: ${cssString(LATIN_FACE)}; src: ${names.map((n) => `local(${cssString(n)})`).join(', ')}; unicode-range: U+0020-007E; }`;
}

/** CSS `content` of the page footer's boxes: the page number, and the small line beneath (or null). */
export interface FooterContent {
  number: string;
  small: string | null;
}

/**
 * The page footer in page-margin boxes, as in the .docx (build-docx.ts). A margin box takes
 * one font size: in the business style the small line shares the page number's box and size.
 */
function footerCss(spec: PageSpec, fonts: ExportFonts, footer: FooterContent): string[] {
  const pn = spec.pageNumber;
  const box = `vertical-align: top; padding-top: ${pn.gapMm}mm; white-space: pre;`;
  if (pn.position === 'center') {
    const content = footer.small ? `${footer.number} "\\A" ${footer.small}` : footer.number;
    return [`@page { @bottom-center { content: ${content}; ${box} text-align: center; font-family: ${fontFamily('song', fonts)}; font-size: ${pn.pt}pt; line-height: 1.6; } }`];
  }
  // GB/T 9704 §7.5: odd (right-hand) pages at the right, even pages at the left, one character in.
  const number = `content: ${footer.number}; ${box} font-family: ${fontFamily('song', fonts, false)}; font-size: ${pn.pt}pt; line-height: 1.3;`;
  const css = [
    `@page :right { @bottom-right { ${number} text-align: right; padding-right: ${pn.indentChars}em; } }`,
    `@page :left { @bottom-left { ${number} text-align: left; padding-left: ${pn.indentChars}em; } }`,
  ];
  if (footer.small) {
    css.push(
      `@page { @bottom-center { content: ${footer.small}; vertical-align: top; padding-top: calc(${pn.gapMm}mm + ${pn.pt * 1.3}pt); white-space: pre; text-align: center;` +
        ` font-family: ${fontFamily('song', fonts)}; font-size: ${spec.footerMetaPt}pt; color: #404040; } }`,
    );
  }
  return css;
}

/** The stylesheet; `blankWidths` are the blank widths (ems) the body uses. */
export function printCss(spec: PageSpec, fonts: ExportFonts, footer: FooterContent, blankWidths: Iterable<number>, draft: boolean): string {
  const m = spec.margin;
  const roles: FontRole[] = ['song', 'fang', 'hei', 'kai', 'xiaobiaosong'];
  const css = [
    latinFace(fonts),
    `@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`,
    ...footerCss(spec, fonts, footer),
    draft ? `@page { @top-right { content: ${cssString('草稿　字段未填完或有误，不可用于签署')}; font-family: ${fontFamily('hei', fonts)}; font-size: 12pt; color: #c00000; } }` : '',
    'html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }',
    // No space added between CJK and Latin or digits (the .docx turns Word's autospace off:
    // docx-styles.ts), and full-width punctuation never squeezed, as Word and LibreOffice set it.
    `body { margin: 0; color: #000; font-family: ${fontFamily(spec.body.role, fonts)}; font-size: ${spec.body.pt}pt; line-height: ${linePt(spec)}pt;` +
      ` letter-spacing: ${spec.charSpacingPt}pt; text-align: justify; font-kerning: none; text-autospace: no-autospace; text-spacing-trim: space-all; }`,
    'p, h1 { margin: 0; orphans: 2; widows: 2; }',
    `h1.title { font-weight: normal; text-align: center; font-family: ${fontFamily(spec.title.role, fonts)}; font-size: ${spec.title.pt}pt; line-height: ${spec.titleLine / 20}pt;` +
      ` margin-bottom: ${spec.titleAfter / 20}pt; break-after: avoid; }`,
    '.indent, .clause { text-indent: 2em; }',
    '.left { text-align: left; } .center { text-align: center; text-indent: 0; } .right { text-align: right; text-indent: 0; } .justify { text-align: justify; }',
    // 成文日期右空四字 (§7.3.5.1), not the number line (layout.ts isNumberLine).
    spec.rightAlignIndentChars ? `.right.dated { padding-right: ${spec.rightAlignIndentChars}em; }` : '',
    '.keep { break-after: avoid; page-break-after: avoid; }',
    ...roles.map((r) => `.f-${r} { font-family: ${fontFamily(r, fonts)}; }`),
    `.box { font-family: ${cssString(SYMBOL_FONT)}, "DejaVu Sans", "Noto Sans Symbols2", sans-serif; }`,
    '.blank { display: inline-block; height: 1em; border-bottom: 1px solid #000; vertical-align: -0.15em; text-indent: 0; }',
    '.blank.invalid { background: #ffe066; -webkit-print-color-adjust: exact; print-color-adjust: exact; }',
    ...[...new Set(blankWidths)].sort((a, b) => a - b).map((w) => `.w${w} { width: ${w}em; }`),
    'table { border-collapse: collapse; width: 100%; table-layout: fixed; text-indent: 0; }',
    `table.grid td, table.grid th { border: 0.5pt solid #000; padding: 0 ${CELL_MARGIN_TWIPS / 20}pt; vertical-align: middle; }`,
    'table.grid th { font-weight: bold; text-align: center; }',
    'table.sig { break-inside: avoid; page-break-inside: avoid; }',
    'tr { break-inside: avoid; page-break-inside: avoid; }',
    `table.sig td { padding: 0 ${CELL_MARGIN_TWIPS / 20}pt; vertical-align: bottom; height: ${(2 * spec.line.value) / 20}pt; }`,
    'td p, th p { text-indent: 0; }',
    'td p { text-align: left; }',
  ];
  return css.filter(Boolean).join('\n');
}

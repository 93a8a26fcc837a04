/**
 * The stylesheet of the print HTML: the same page as the .docx (page-spec.ts), with the
 * page footer in CSS page-margin boxes, which Chromium 131+ (and so Electron's
 * printToPDF with `preferCSSPageSize`) prints with page counters.
 */
import { SYMBOL_FONT, type ExportFonts, type FontRole } from './fonts';
import type { PageSpec } from './page-spec';

// Faces tried after the configured name: the same designs under their other names, then
// Noto CJK (Linux) — never a URL, the print window loads nothing.
const FALLBACKS: Record<FontRole, string[]> = {
  song: ['SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  fang: ['FangSong', '仿宋_GB2312', 'FangSong_GB2312', 'STFangsong', 'Noto Serif CJK SC', 'serif'],
  hei: ['SimHei', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'],
  kai: ['KaiTi', '楷体_GB2312', 'KaiTi_GB2312', 'STKaiti', 'Noto Serif CJK SC', 'serif'],
  xiaobiaosong: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'SimSun', 'Noto Serif CJK SC', 'serif'],
};
const GENERIC = new Set(['serif', 'sans-serif']);

/** A CSS string literal; `<` and `>` escaped so no text can close the <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}

/**
 * The Chinese face first: Latin text then takes its Latin glyphs, but quotes and dashes
 * stay full-width, as Word prints them under `w:hint="eastAsia"`.
 */
function fontFamily(role: FontRole, fonts: ExportFonts): string {
  const generic = FALLBACKS[role][FALLBACKS[role].length - 1]!;
  const names = [...new Set([fonts[role], ...FALLBACKS[role].slice(0, -1), fonts.latin, generic])];
  return names.map((n) => (GENERIC.has(n) ? n : cssString(n))).join(', ');
}

/**
 * `footer` is the CSS `content` of the page footer: the page number and, on a second line,
 * the letter's number, version and fingerprint. A page-margin box takes one font size, so
 * both lines share it (the .docx sets the page number larger).
 */
export function printCss(spec: PageSpec, fonts: ExportFonts, footer: string, blankWidths: Iterable<number>, draft: boolean): string {
  const m = spec.margin;
  const lineHeight = spec.line.rule === 'exact' ? `${spec.line.value / 20}pt` : String((1.3 * spec.line.value) / 240);
  const roles: FontRole[] = ['song', 'fang', 'hei', 'kai', 'xiaobiaosong'];
  const css = [
    `@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;`,
    `  @bottom-center { content: ${footer}; white-space: pre; width: 100%; text-align: center; vertical-align: top; padding-top: 4mm;` +
      ` font-family: ${fontFamily('song', fonts)}; font-size: ${spec.pageNumber === 'dash' ? 10.5 : 9}pt; line-height: 1.6; }`,
    draft ? `  @top-right { content: ${cssString('草稿　字段未填完或有误，不可用于签署')}; font-family: ${fontFamily('hei', fonts)}; font-size: 12pt; color: #c00000; }` : '',
    '}',
    'html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }',
    `body { margin: 0; color: #000; font-family: ${fontFamily(spec.body.role, fonts)}; font-size: ${spec.body.pt}pt; line-height: ${lineHeight};` +
      ` letter-spacing: ${spec.charSpacingPt}pt; text-align: justify; font-kerning: none; }`,
    'p, h1 { margin: 0; orphans: 2; widows: 2; }',
    `h1.title { font-weight: normal; text-align: center; font-family: ${fontFamily(spec.title.role, fonts)}; font-size: ${spec.title.pt}pt; margin-bottom: ${spec.titleAfter / 20}pt; break-after: avoid; }`,
    '.indent, .clause { text-indent: 2em; }',
    '.left { text-align: left; } .center { text-align: center; text-indent: 0; } .right { text-align: right; text-indent: 0; } .justify { text-align: justify; }',
    spec.rightAlignIndentChars ? `.right { padding-right: ${spec.rightAlignIndentChars}em; }` : '',
    '.keep { break-after: avoid; page-break-after: avoid; }',
    ...roles.map((r) => `.f-${r} { font-family: ${fontFamily(r, fonts)}; }`),
    `.box { font-family: ${cssString(SYMBOL_FONT)}, "DejaVu Sans", "Noto Sans Symbols2", sans-serif; }`,
    '.blank { display: inline-block; height: 1em; border-bottom: 1px solid #000; vertical-align: -0.15em; text-indent: 0; }',
    '.blank.invalid { background: #ffe066; -webkit-print-color-adjust: exact; print-color-adjust: exact; }',
    ...[...new Set(blankWidths)].sort((a, b) => a - b).map((w) => `.w${w} { width: ${w}em; }`),
    'table { border-collapse: collapse; width: 100%; table-layout: fixed; text-indent: 0; }',
    'table.grid td, table.grid th { border: 0.5pt solid #000; padding: 0 5.4pt; vertical-align: middle; }',
    'table.grid th { font-weight: bold; text-align: center; }',
    'table.sig { break-inside: avoid; page-break-inside: avoid; }',
    `table.sig td { padding: 0 5.4pt; vertical-align: bottom; height: ${2 * spec.body.pt * 1.5}pt; }`,
    'td p, th p { text-indent: 0; }',
  ];
  return css.filter(Boolean).join('\n');
}

/**
 * The numbers of the two page styles (EXPORT.md): the one set of metrics the .docx and the
 * print HTML (PDF, print) both read, so that they paginate alike (issue #14). Line pitch is
 * exact in both styles: "auto" spacing multiplies the font's own line height, which Word
 * (SimSun: 1.3 em), LibreOffice and Chromium (Noto CJK: 1.45 em) read differently, so the
 * same letter ran to different page counts. Where a renderer still differs, page-spec
 * says so beside the number (and docs/print-fidelity.md bounds it).
 */
import type { PageStyle } from '../../shared/letter-content';
import type { NumberingScheme } from '../../shared/numbering';
import type { FontRole } from './fonts';

export interface PageNumberSpec {
  /** `total`: 第 X 页（共 Y 页）; `dash`: — X — (GB/T 9704-2012 §7.5), with 第 X 页（共 Y 页） small beneath. */
  kind: 'total' | 'dash';
  pt: number;
  /** `outside`: odd pages right, even pages left, `indentChars` characters in (§7.5). */
  position: 'center' | 'outside';
  indentChars: number;
  /** Space from the foot of the text block to the top of the number, millimetres (§7.5: 7 mm). */
  gapMm: number;
}

export interface PageSpec {
  /** Page margins in millimetres. */
  margin: { top: number; bottom: number; left: number; right: number };
  /** Distance from the page edge to the header / footer text, millimetres. */
  headerDistance: number;
  footerDistance: number;
  body: { role: FontRole; pt: number };
  title: { role: FontRole; pt: number };
  /** Line pitch of the body (and of table cells), twips, exact in both renderers. */
  line: { rule: 'exact'; value: number };
  /** Line pitch of the title, twips, exact. */
  titleLine: number;
  /** Space after the title, twips. */
  titleAfter: number;
  /** Character spacing, points (negative condenses). */
  charSpacingPt: number;
  /** Right indent of right-aligned lines (the date under a seal), in characters. */
  rightAlignIndentChars: number;
  /** Font of each clause scheme's number (and of a clause that is only a heading). */
  clauseRoles: Record<NumberingScheme, FontRole>;
  pageNumber: PageNumberSpec;
  /** The small line under the page number (第 X 页（共 Y 页） in the official style, number, version, fingerprint). */
  footerMetaPt: number;
}

const A4 = { width: 11906, height: 16838 };

/** Word's default cell margin, left and right (the print CSS pads cells the same). */
export const CELL_MARGIN_TWIPS = 108;

export const PAGE_SPECS: Record<PageStyle, PageSpec> = {
  business: {
    margin: { top: 25, bottom: 25, left: 28, right: 26 },
    headerDistance: 12,
    footerDistance: 12,
    body: { role: 'song', pt: 12 }, // 小四
    title: { role: 'hei', pt: 18 }, // 小二
    // 1.5 lines of 宋体 小四 as Word sets them (single = 1.3 × 12 pt = 15.6 pt), fixed.
    line: { rule: 'exact', value: 468 },
    titleLine: 702, // 1.5 lines of 黑体 小二
    titleAfter: 360,
    charSpacingPt: 0,
    rightAlignIndentChars: 0,
    clauseRoles: { cn: 'song', 'cn-paren': 'song', decimal: 'song', 'decimal-paren': 'song', outline: 'song', article: 'song', chapter: 'song' },
    pageNumber: { kind: 'total', pt: 10.5, position: 'center', indentChars: 0, gapMm: 4 }, // 五号
    footerMetaPt: 8,
  },
  // GB/T 9704-2012 参照执行: text block 156 × 225 mm, 22 lines of 28 characters.
  official: {
    margin: { top: 37, bottom: 35, left: 28, right: 26 },
    headerDistance: 15,
    footerDistance: 18,
    body: { role: 'fang', pt: 16 }, // 三号
    title: { role: 'xiaobiaosong', pt: 22 }, // 二号
    line: { rule: 'exact', value: 579 }, // 28.95 pt: 225 mm / 22 lines
    titleLine: 579, // the title keeps to the line grid (§7.3.2)
    titleAfter: 579, // one empty line under the title (§7.3.3)
    charSpacingPt: -0.25, // 28 × (16 − 0.25) pt fits 156 mm
    rightAlignIndentChars: 4, // 成文日期右空四字 (§7.3.5.1)
    // §7.3.3: 一、 黑体, （一） 楷体, 1. and （1） 仿宋.
    clauseRoles: { cn: 'hei', 'cn-paren': 'kai', decimal: 'fang', 'decimal-paren': 'fang', outline: 'fang', article: 'hei', chapter: 'hei' },
    // §7.5: 4号半角宋体 Arabic numerals between 一字线, 7 mm under the text block, odd pages
    // right and even pages left, one character in.
    pageNumber: { kind: 'dash', pt: 14, position: 'outside', indentChars: 1, gapMm: 7 },
    footerMetaPt: 8,
  },
};

export const PAGE_SIZE_TWIPS = A4;

/** Millimetres to twips, rounded (the docx helper rounds down). */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Line pitch of the body in points. */
export function linePt(spec: PageSpec): number {
  return spec.line.value / 20;
}

/** Width of the text block in twips: what absolute table widths add up to. */
export function textWidthTwips(spec: PageSpec): number {
  return A4.width - mmToTwips(spec.margin.left) - mmToTwips(spec.margin.right);
}

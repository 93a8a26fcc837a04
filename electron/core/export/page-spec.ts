/**
 * The numbers of the two page styles (EXPORT.md), shared by the .docx and the print HTML
 * so both print the same page.
 */
import type { PageStyle } from '../../shared/letter-content';
import type { NumberingScheme } from '../../shared/numbering';
import type { FontRole } from './fonts';

export interface PageSpec {
  /** Page margins in millimetres. */
  margin: { top: number; bottom: number; left: number; right: number };
  /** Distance from the page edge to the header / footer text, millimetres. */
  headerDistance: number;
  footerDistance: number;
  body: { role: FontRole; pt: number };
  title: { role: FontRole; pt: number };
  /** Line spacing: `auto` is in 240ths of a line, `exact` in twips. */
  line: { rule: 'auto' | 'exact'; value: number };
  /** Space after the title, twips. */
  titleAfter: number;
  /** Character spacing, points (negative condenses). */
  charSpacingPt: number;
  /** Right indent of right-aligned lines (the date under a seal), in characters. */
  rightAlignIndentChars: number;
  /** Font of each clause scheme's number (and of a clause that is only a heading). */
  clauseRoles: Record<NumberingScheme, FontRole>;
  /** `total`: 第 X 页（共 Y 页） is the page number; `dash`: — X — (GB/T 9704 §7.5) above it. */
  pageNumber: 'total' | 'dash';
  pageNumberPt: number;
}

const A4 = { width: 11906, height: 16838 };

export const PAGE_SPECS: Record<PageStyle, PageSpec> = {
  business: {
    margin: { top: 25, bottom: 25, left: 28, right: 26 },
    headerDistance: 12,
    footerDistance: 12,
    body: { role: 'song', pt: 12 }, // 小四
    title: { role: 'hei', pt: 18 }, // 小二
    line: { rule: 'auto', value: 360 }, // 1.5 lines
    titleAfter: 360,
    charSpacingPt: 0,
    rightAlignIndentChars: 0,
    clauseRoles: { cn: 'song', 'cn-paren': 'song', decimal: 'song', 'decimal-paren': 'song', outline: 'song', article: 'song', chapter: 'song' },
    pageNumber: 'total',
    pageNumberPt: 10.5, // 五号
  },
  // GB/T 9704-2012 参照执行: text block 156 × 225 mm, 22 lines of 28 characters.
  official: {
    margin: { top: 37, bottom: 35, left: 28, right: 26 },
    headerDistance: 15,
    footerDistance: 18,
    body: { role: 'fang', pt: 16 }, // 三号
    title: { role: 'xiaobiaosong', pt: 22 }, // 二号
    line: { rule: 'exact', value: 579 }, // 28.95 pt: 225 mm / 22 lines
    titleAfter: 579, // one empty line under the title (§7.3.3)
    charSpacingPt: -0.25, // 28 × (16 − 0.25) pt fits 156 mm
    rightAlignIndentChars: 4, // 成文日期右空四字 (§7.3.5.1)
    // §7.3.3: 一、 黑体, （一） 楷体, 1. and （1） 仿宋.
    clauseRoles: { cn: 'hei', 'cn-paren': 'kai', decimal: 'fang', 'decimal-paren': 'fang', outline: 'fang', article: 'hei', chapter: 'hei' },
    pageNumber: 'dash',
    pageNumberPt: 14, // 四号
  },
};

export const PAGE_SIZE_TWIPS = A4;

/** Millimetres to twips, rounded (the docx helper rounds down). */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Width of the text block in twips: what absolute table widths add up to. */
export function textWidthTwips(spec: PageSpec): number {
  return A4.width - mmToTwips(spec.margin.left) - mmToTwips(spec.margin.right);
}

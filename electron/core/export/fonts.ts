/**
 * Font names the export writes into .docx and print HTML. Names are configurable because
 * offices differ (仿宋 vs 仿宋_GB2312, 方正小标宋简体 vs 小标宋); the defaults are the names
 * the faces install under on a Chinese Windows + WPS office PC — the 小标宋 face is installed
 * as 方正小标宋简体 (issue #14), and fontTable.xml names the rest (font-table.ts).
 */
import type { PageStyle } from '../../shared/letter-content';

export interface ExportFonts {
  song: string;
  fang: string;
  hei: string;
  kai: string;
  xiaobiaosong: string;
  latin: string;
}

export type FontRole = Exclude<keyof ExportFonts, 'latin'>;

export const DEFAULT_FONTS: ExportFonts = Object.freeze({
  song: '宋体',
  fang: '仿宋',
  hei: '黑体',
  kai: '楷体',
  xiaobiaosong: '方正小标宋简体',
  latin: 'Times New Roman',
});

/** ☑/☐ (U+2611/U+2610) are missing from 宋体 and 仿宋; this face ships with every Windows since 7. */
export const SYMBOL_FONT = 'Segoe UI Symbol';

/** The roles each page style uses (body, title, headings, footer); see page-spec.ts. */
const ROLES_BY_STYLE: Record<PageStyle, readonly FontRole[]> = {
  business: ['song', 'hei'],
  official: ['fang', 'xiaobiaosong', 'hei', 'kai', 'song'],
};

/** Font names an export in this style names, for the "font not installed" warning. */
export function fontsUsed(style: PageStyle, fonts: ExportFonts): string[] {
  const names = [...ROLES_BY_STYLE[style].map((role) => fonts[role]), fonts.latin, SYMBOL_FONT];
  return [...new Set(names)];
}

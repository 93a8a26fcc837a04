/**
 * Runs of the letter model as docx TextRuns: every run names its font in all four slots
 * with `eastAsia` (a run with only a Latin font shows Chinese in a fallback face), carries
 * zh-CN, and blanks print as underlined no-break spaces.
 */
import { TextRun, UnderlineType, type IFontAttributesProperties, type ParagraphChild } from 'docx';
import type { FieldDef } from '../../shared/fields';
import type { Run } from '../../shared/letter-model';
import { SYMBOL_FONT, type ExportFonts, type FontRole } from './fonts';
import { blankWidths, cleanText } from './layout';
import type { PageSpec } from './page-spec';

export const LANGUAGE = Object.freeze({ value: 'en-US', eastAsia: 'zh-CN' });
const UNDERLINE = Object.freeze({ type: UnderlineType.SINGLE });
const BOXES = /([☑☐])/;

/**
 * Per-document run settings, built once so runs share their option objects. Size and
 * character spacing live in the document defaults; a run names a size only when it differs.
 */
export interface RunKit {
  font: Record<FontRole, IFontAttributesProperties>;
  bodyPt: number;
  symbol: IFontAttributesProperties;
  /** Blanks: the Latin face in every slot, so the space width is the same everywhere. */
  blank: IFontAttributesProperties;
  characterSpacing: number | undefined;
  defs: ReadonlyMap<string, FieldDef>;
}

function fontSlots(eastAsia: string, latin: string): IFontAttributesProperties {
  return Object.freeze({ ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' });
}

export function makeRunKit(spec: PageSpec, fonts: ExportFonts, defs: ReadonlyMap<string, FieldDef>): RunKit {
  const font = {} as Record<FontRole, IFontAttributesProperties>;
  for (const role of ['song', 'fang', 'hei', 'kai', 'xiaobiaosong'] as const) font[role] = fontSlots(fonts[role], fonts.latin);
  return {
    font,
    bodyPt: spec.body.pt,
    symbol: Object.freeze({ ascii: SYMBOL_FONT, hAnsi: SYMBOL_FONT, eastAsia: SYMBOL_FONT, cs: SYMBOL_FONT }),
    blank: Object.freeze({ ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.latin, cs: fonts.latin }),
    characterSpacing: spec.charSpacingPt ? Math.round(spec.charSpacingPt * 20) : undefined,
    defs,
  };
}

export interface RunLook {
  role: FontRole;
  /** Font size in points. */
  pt: number;
}

export function textRun(kit: RunKit, look: RunLook, text: string, extra?: { bold?: boolean; underline?: boolean; symbol?: boolean }): TextRun {
  return new TextRun({
    text,
    font: extra?.symbol ? kit.symbol : kit.font[look.role],
    ...(look.pt !== kit.bodyPt && { size: look.pt * 2 }),
    language: LANGUAGE,
    ...(extra?.bold && { bold: true }),
    ...(extra?.underline && { underline: UNDERLINE }),
  });
}

/**
 * An underlined blank `ems` characters wide, of no-break spaces in the Latin font (a Times
 * space is a quarter em; Liberation Serif has the same metrics). Ordinary or ideographic
 * spaces hang at the end of a line, where Word and LibreOffice draw no underline, and let
 * the line break inside the blank; no-break spaces keep the blank whole and visible.
 */
function blankRun(kit: RunKit, look: RunLook, ems: number, invalid: boolean): TextRun {
  return new TextRun({
    text: '\u00A0'.repeat(ems * 4),
    font: kit.blank,
    ...(look.pt !== kit.bodyPt && { size: look.pt * 2 }),
    language: LANGUAGE,
    underline: UNDERLINE,
    // Only a draft can carry an invalid value (final exports refuse it): shown, never printed as a value.
    ...(invalid && { highlight: 'yellow' }),
  });
}

/** The model's runs as docx runs in one look (font role and size); `room`: see blankWidths. */
export function docxRuns(runs: readonly Run[], look: RunLook, kit: RunKit, room?: number): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const widths = blankWidths(runs, kit.defs, room);
  let blank = 0;
  for (const run of runs) {
    if (run.lineBreak) {
      out.push(new TextRun({ break: 1 }));
    } else if (run.blank) {
      out.push(blankRun(kit, look, widths[blank++]!, run.invalid === true));
    } else {
      const text = cleanText(run.text);
      if (!text) continue;
      const marks = { bold: run.bold, underline: run.underline };
      if (!BOXES.test(text)) {
        out.push(textRun(kit, look, text, marks));
        continue;
      }
      for (const part of text.split(BOXES)) {
        if (part) out.push(textRun(kit, look, part, { ...marks, symbol: part === '☑' || part === '☐' }));
      }
    }
  }
  return out;
}

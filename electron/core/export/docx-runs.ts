/**
 * Runs of the letter model as docx TextRuns: every run names its font in all four slots
 * with `eastAsia` (a run with only a Latin font shows Chinese in a fallback face), carries
 * zh-CN, and blanks print as underlined no-break spaces.
 */
import { TextRun, UnderlineType, type IFontAttributesProperties, type ParagraphChild } from 'docx';
import type { FieldDef } from '../../shared/fields';
import type { Run } from '../../shared/letter-model';
import { SYMBOL_FONT, type ExportFonts, type FontRole } from './fonts';
import { blankWidths, breakableLatin, cleanText } from './layout';
import type { PageSpec } from './page-spec';

export const LANGUAGE = Object.freeze({ value: 'en-US', eastAsia: 'zh-CN' });
const UNDERLINE = Object.freeze({ type: UnderlineType.SINGLE });
const BOXES = /([☑☐])/;
// Punctuation Unicode leaves to the neighbouring script: Word prints it in the eastAsia face
// (w:hint), LibreOffice 7 ignores the hint and may pick the Latin face (a half-width “ after
// a list number), which moves line breaks. Such runs name the Chinese face in every slot.
const SHARED_PUNCTUATION = /([‘’“”—…·]+)/;

/**
 * Per-document run settings, built once so runs share their option objects. Size and
 * character spacing live in the document defaults; a run names a size only when it differs.
 */
export interface RunKit {
  font: Record<FontRole, IFontAttributesProperties>;
  /** The Chinese face of each role in all four slots (SHARED_PUNCTUATION). */
  cjk: Record<FontRole, IFontAttributesProperties>;
  bodyPt: number;
  symbol: IFontAttributesProperties;
  /** Blanks: the Latin face in every slot, so the space width is the same everywhere. */
  blank: IFontAttributesProperties;
  characterSpacing: number | undefined;
  defs: ReadonlyMap<string, FieldDef>;
  spec: PageSpec;
}

function fontSlots(eastAsia: string, latin: string): IFontAttributesProperties {
  return Object.freeze({ ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' });
}

export function makeRunKit(spec: PageSpec, fonts: ExportFonts, defs: ReadonlyMap<string, FieldDef>): RunKit {
  const font = {} as Record<FontRole, IFontAttributesProperties>;
  const cjk = {} as Record<FontRole, IFontAttributesProperties>;
  for (const role of ['song', 'fang', 'hei', 'kai', 'xiaobiaosong'] as const) {
    font[role] = fontSlots(fonts[role], fonts.latin);
    cjk[role] = fontSlots(fonts[role], fonts[role]);
  }
  return {
    font,
    cjk,
    bodyPt: spec.body.pt,
    symbol: Object.freeze({ ascii: SYMBOL_FONT, hAnsi: SYMBOL_FONT, eastAsia: SYMBOL_FONT, cs: SYMBOL_FONT }),
    blank: Object.freeze({ ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.latin, cs: fonts.latin }),
    characterSpacing: spec.charSpacingPt ? Math.round(spec.charSpacingPt * 20) : undefined,
    defs,
    spec,
  };
}

export interface RunLook {
  role: FontRole;
  /** Font size in points. */
  pt: number;
}

export function textRun(kit: RunKit, look: RunLook, text: string, extra?: { bold?: boolean; underline?: boolean; symbol?: boolean; cjk?: boolean }): TextRun {
  return new TextRun({
    text: breakableLatin(text),
    font: extra?.symbol ? kit.symbol : extra?.cjk ? kit.cjk[look.role] : kit.font[look.role],
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
 * the line break inside the blank; no-break spaces keep the blank whole and visible. Their
 * count allows for the character spacing, so the blank is as wide as in the print HTML.
 */
function blankRun(kit: RunKit, look: RunLook, ems: number, invalid: boolean): TextRun {
  const space = look.pt / 4 + (kit.characterSpacing ?? 0) / 20;
  return new TextRun({
    text: '\u00A0'.repeat(Math.max(1, Math.round((ems * look.pt) / space))),
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
  const widths = blankWidths(runs, kit.defs, kit.spec, room);
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
      for (const piece of text.split(BOXES)) {
        if (piece === '☑' || piece === '☐') out.push(textRun(kit, look, piece, { ...marks, symbol: true }));
        else for (const part of piece.split(SHARED_PUNCTUATION)) if (part) out.push(textRun(kit, look, part, { ...marks, cjk: SHARED_PUNCTUATION.test(part) }));
      }
    }
  }
  return out;
}

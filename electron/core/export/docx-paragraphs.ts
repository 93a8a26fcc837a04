/** Title, body paragraphs and clauses of the letter model as docx Paragraphs. */
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import type { Alignment } from '../../shared/doc-schema';
import type { Block } from '../../shared/letter-model';
import type { ClauseListRef } from './clause-lists';
import { firstLineIndent } from './docx-numbering';
import { docxRuns, textRun, type RunKit } from './docx-runs';
import { cleanText, clauseFonts, isNumberLine } from './layout';
import type { PageSpec } from './page-spec';

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export function alignmentOf(align: Alignment | null, fallback: Align = AlignmentType.JUSTIFIED): Align {
  switch (align) {
    case 'left':
      return AlignmentType.LEFT;
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'justify':
      return AlignmentType.JUSTIFIED;
    default:
      return fallback;
  }
}

export function titleParagraph(block: Extract<Block, { type: 'title' }>, spec: PageSpec, kit: RunKit): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spec.titleAfter, line: spec.titleLine, lineRule: LineRuleType.EXACT },
    keepNext: true,
    children: docxRuns(block.runs, spec.title, kit),
  });
}

export function bodyParagraph(block: Extract<Block, { type: 'paragraph' }>, spec: PageSpec, kit: RunKit, keepNext: boolean): Paragraph {
  const flowing = block.align === null || block.align === 'left' || block.align === 'justify';
  const indent = flowing
    ? block.indent
      ? firstLineIndent(spec)
      : undefined
    : block.align === 'right' && spec.rightAlignIndentChars && !isNumberLine(block.runs, kit.defs)
      ? { right: spec.rightAlignIndentChars * spec.body.pt * 20 }
      : undefined;
  return new Paragraph({
    alignment: alignmentOf(block.align),
    ...(indent && { indent }),
    ...(keepNext && { keepNext: true }),
    children: docxRuns(block.runs, spec.body, kit),
  });
}

/** A clause: its number from a Word list, or as text where Word would count differently. */
export function clauseParagraph(
  block: Extract<Block, { type: 'clause' }>,
  list: ClauseListRef | null,
  spec: PageSpec,
  kit: RunKit,
  keepNext: boolean,
): Paragraph {
  const fonts = clauseFonts(block, spec);
  const runs = docxRuns(block.runs, { role: fonts.text, pt: spec.body.pt }, kit);
  if (!list) runs.unshift(textRun(kit, { role: fonts.number, pt: spec.body.pt }, cleanText(block.number)));
  return new Paragraph({
    alignment: fonts.centered ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: fonts.centered ? { left: 0, firstLine: 0 } : { left: 0, ...firstLineIndent(spec) },
    ...(list && { numbering: { reference: list.reference, instance: list.instance, level: list.level, custom: true } }),
    ...((keepNext || fonts.centered) && { keepNext: true }),
    children: runs,
  });
}

/**
 * The .docx of a letter (EXPORT.md): A4 in the business or official page style, fonts in
 * all four slots, clause numbers as real Word lists, blanks as underlined space, the
 * signature block kept with the text above it, and the letter's number, version and
 * fingerprint in the footer and in the document properties.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import type { LetterContent } from '../../shared/letter-content';
import { letterBlocks, type Block } from '../../shared/letter-model';
import { planClauseLists, type ClausePlan } from './clause-lists';
import { numberingDefinitions } from './docx-numbering';
import { bodyParagraph, clauseParagraph, titleParagraph } from './docx-paragraphs';
import { LANGUAGE, makeRunKit, type RunKit } from './docx-runs';
import { docxTable } from './docx-tables';
import { DEFAULT_FONTS } from './fonts';
import { cleanText, keepWithNext } from './layout';
import { metaDescription, metaFooterLine, type ExportMeta, type ExportOptions } from './meta';
import { mmToTwips, PAGE_SIZE_TWIPS, PAGE_SPECS, type PageSpec } from './page-spec';

const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };
const META_PT = 8;

function footer(spec: PageSpec, kit: RunKit, meta: ExportMeta): Footer {
  const look = { font: kit.font.song, language: LANGUAGE };
  const total = ['第 ', PageNumber.CURRENT, ' 页（共 ', PageNumber.TOTAL_PAGES, ' 页）'];
  const line = metaFooterLine(meta);
  const children: Paragraph[] = [];
  if (spec.pageNumber === 'dash') {
    // GB/T 9704-2012 §7.5: 4号 Arabic page number between two dashes.
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, children: [new TextRun({ ...look, size: spec.pageNumberPt * 2, children: ['— ', PageNumber.CURRENT, ' —'] })] }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: TIGHT,
        children: [new TextRun({ ...look, size: META_PT * 2, color: '404040', children: [...total, ...(line ? [` · ${line}`] : [])] })],
      }),
    );
  } else {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, children: [new TextRun({ ...look, size: spec.pageNumberPt * 2, children: total })] }));
    if (line) {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, children: [new TextRun({ ...look, size: META_PT * 2, color: '404040', text: line })] }));
    }
  }
  return new Footer({ children });
}

function draftHeader(kit: RunKit): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: TIGHT,
        children: [
          new TextRun({ text: '草稿', font: kit.font.hei, size: 32, color: 'C00000', language: LANGUAGE }),
          new TextRun({ text: '　字段未填完或有误，不可用于签署', font: kit.font.song, size: 18, color: 'C00000', language: LANGUAGE }),
        ],
      }),
    ],
  });
}

function bodyChildren(blocks: readonly Block[], plan: ClausePlan, spec: PageSpec, kit: RunKit): FileChild[] {
  const keep = keepWithNext(blocks);
  let clause = 0;
  return blocks.map((block, i) => {
    switch (block.type) {
      case 'title':
        return titleParagraph(block, spec, kit);
      case 'paragraph':
        return bodyParagraph(block, spec, kit, keep.has(i));
      case 'clause':
        return clauseParagraph(block, plan.lists[clause++] ?? null, spec, kit, keep.has(i));
      case 'table':
        return docxTable(block, spec, kit);
    }
  });
}

export async function buildDocx(content: LetterContent, meta: ExportMeta, opts: ExportOptions = {}): Promise<Buffer> {
  const style = opts.style ?? content.pageStyle ?? 'business';
  const spec = PAGE_SPECS[style];
  const kit = makeRunKit(spec, opts.fonts ?? DEFAULT_FONTS, new Map(content.fields.map((f) => [f.key, f])));
  const blocks = letterBlocks(content.doc, content.fields, content.values);
  const clauses = blocks.filter((b): b is Extract<Block, { type: 'clause' }> => b.type === 'clause');
  const plan = planClauseLists(clauses);
  const description = metaDescription(meta);
  const custom = [
    { name: 'LetterNumber', value: meta.letterNumber },
    { name: 'VersionLabel', value: meta.versionLabel },
    { name: 'Fingerprint', value: meta.fingerprint },
  ].flatMap((p) => (p.value ? [{ name: p.name, value: cleanText(p.value) }] : []));

  const doc = new Document({
    title: cleanText(meta.title),
    creator: cleanText(meta.promisor),
    description,
    lastModifiedBy: 'Letterdesk',
    customProperties: custom,
    compatibility: { version: 15, underlineTrailingSpaces: true },
    styles: {
      default: {
        document: {
          run: {
            font: kit.font[spec.body.role],
            size: spec.body.pt * 2,
            language: LANGUAGE,
            ...(kit.characterSpacing !== undefined && { characterSpacing: kit.characterSpacing }),
          },
          paragraph: { spacing: { line: spec.line.value, lineRule: spec.line.rule === 'exact' ? LineRuleType.EXACT : LineRuleType.AUTO } },
        },
      },
    },
    numbering: { config: numberingDefinitions(plan.definitions, spec, kit) },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_SIZE_TWIPS.width, height: PAGE_SIZE_TWIPS.height },
            margin: {
              top: mmToTwips(spec.margin.top),
              bottom: mmToTwips(spec.margin.bottom),
              left: mmToTwips(spec.margin.left),
              right: mmToTwips(spec.margin.right),
              header: mmToTwips(spec.headerDistance),
              footer: mmToTwips(spec.footerDistance),
              gutter: 0,
            },
          },
        },
        ...(meta.draft && { headers: { default: draftHeader(kit) } }),
        footers: { default: footer(spec, kit, meta) },
        children: bodyChildren(blocks, plan, spec, kit),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

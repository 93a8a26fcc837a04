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
import { stylesXml } from './docx-styles';
import { docxTable } from './docx-tables';
import { fontTableXml } from './font-table';
import { DEFAULT_FONTS, type ExportFonts } from './fonts';
import { cleanText, keepWithNext } from './layout';
import { GENERATOR, metaDescription, metaFooterLine, printedTitle, type ExportMeta, type ExportOptions } from './meta';
import { mmToTwips, PAGE_SIZE_TWIPS, PAGE_SPECS, type PageSpec } from './page-spec';
import { printBlocks } from './print-blocks';

const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };

/**
 * The page footer. Business: 第 X 页（共 Y 页） centred. Official (GB/T 9704-2012 §7.5): the
 * number between 一字线 in 4号 half-width 宋体 at the outer edge one character in — so an
 * odd page's footer and an even page's differ — and 第 X 页（共 Y 页） small beneath. Both
 * carry the letter's number, version and fingerprint in the small line.
 */
function footer(spec: PageSpec, kit: RunKit, fonts: ExportFonts, meta: ExportMeta, page: 'odd' | 'even'): Footer {
  const look = { font: kit.font.song, language: LANGUAGE };
  const total = ['第 ', PageNumber.CURRENT, ' 页（共 ', PageNumber.TOTAL_PAGES, ' 页）'];
  const line = metaFooterLine(meta);
  const pn = spec.pageNumber;
  const small = (children: (string | typeof PageNumber.CURRENT)[]) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, children: [new TextRun({ ...look, size: spec.footerMetaPt * 2, color: '404040', children })] });
  if (pn.kind === 'total') {
    return new Footer({
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, children: [new TextRun({ ...look, size: pn.pt * 2, children: total })] }),
        ...(line ? [small([line])] : []),
      ],
    });
  }
  // 半角宋体: the digits too are 宋体, not the Latin face.
  const song = fonts.song;
  const numberFont = { ascii: song, hAnsi: song, eastAsia: song, cs: song, hint: 'eastAsia' as const };
  const indent = pn.indentChars * pn.pt * 20;
  const outer = pn.position === 'center' ? {} : page === 'odd' ? { alignment: AlignmentType.RIGHT, indent: { right: indent } } : { alignment: AlignmentType.LEFT, indent: { left: indent } };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        ...outer,
        spacing: TIGHT,
        children: [new TextRun({ font: numberFont, language: LANGUAGE, size: pn.pt * 2, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
      small([...total, ...(line ? [` · ${line}`] : [])]),
    ],
  });
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
  const fonts = opts.fonts ?? DEFAULT_FONTS;
  const defs = new Map(content.fields.map((f) => [f.key, f]));
  const kit = makeRunKit(spec, fonts, defs);
  const blocks = printBlocks(letterBlocks(content.doc, content.fields, content.values), spec, defs);
  const clauses = blocks.filter((b): b is Extract<Block, { type: 'clause' }> => b.type === 'clause');
  const plan = planClauseLists(clauses);
  const description = metaDescription(meta);
  const custom = [
    { name: 'LetterNumber', value: meta.letterNumber },
    { name: 'VersionLabel', value: meta.versionLabel },
    { name: 'Fingerprint', value: meta.fingerprint },
    { name: 'Promisor', value: meta.promisor },
    { name: 'Generator', value: GENERATOR },
  ].flatMap((p) => (p.value && cleanText(p.value).trim() ? [{ name: p.name, value: cleanText(p.value) }] : []));
  const outside = spec.pageNumber.position === 'outside';
  const header = meta.draft ? draftHeader(kit) : null;

  const doc = new Document({
    title: printedTitle(blocks, meta),
    subject: description,
    creator: cleanText(meta.promisor),
    description,
    lastModifiedBy: 'Letterdesk',
    customProperties: custom,
    // GB/T 9704 §7.5: odd and even pages put the page number on different sides.
    evenAndOddHeaderAndFooters: outside,
    // doNotExpandShiftReturn: a justified line ending in a line break (a multi-line value, a
    // party moved to its own line) is not stretched to the margin — as Chromium prints it.
    compatibility: { version: 15, underlineTrailingSpaces: true, doNotExpandShiftReturn: true },
    // styles.xml (document defaults: fonts, size, pitch, widow control, no CJK–Latin autospace) is docx-styles.ts.
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
        ...(header && { headers: outside ? { default: header, even: draftHeader(kit) } : { default: header } }),
        footers: outside
          ? { default: footer(spec, kit, fonts, meta, 'odd'), even: footer(spec, kit, fonts, meta, 'even') }
          : { default: footer(spec, kit, fonts, meta, 'odd') },
        children: bodyChildren(blocks, plan, spec, kit),
      },
    ],
  });
  return Packer.toBuffer(doc, undefined, [
    { path: 'word/styles.xml', data: stylesXml(spec, kit.font[spec.body.role], kit.characterSpacing) },
    { path: 'word/fontTable.xml', data: fontTableXml(fonts) },
    { path: 'docProps/app.xml', data: appXml() },
  ]);
}

/** docProps/app.xml naming the application that wrote the file (the library leaves it empty). */
function appXml(): string {
  const app = GENERATOR.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${app}</Application></Properties>`
  );
}

/**
 * word/styles.xml, written by the export itself (passed through Packer's overrides): the
 * document defaults must say what the `docx` library cannot (issue #14) —
 *
 * - `w:autoSpaceDE`/`w:autoSpaceDN` off: Word and LibreOffice otherwise add about ¼ em
 *   between Chinese and Latin text or digits (and around a blank's no-break spaces), where
 *   Chromium adds ⅛ em or nothing; lines then break in different places and the .docx and
 *   the PDF paginate differently. Neither output spaces them (print-css.ts says the same).
 * - `w:overflowPunct` off: Word and LibreOffice let a line's closing ，。； hang past the
 *   margin, Chromium cannot (CSS `hanging-punctuation` is Safari's alone), so the .docx
 *   fitted a character more on such lines.
 * - `w:widowControl`: no line of a paragraph alone at the foot or head of a page.
 *
 * and the rest as before: fonts in all four slots, size, character spacing, zh-CN, the
 * exact line pitch (page-spec.ts).
 */
import type { IFontAttributesProperties } from 'docx';
import type { PageSpec } from './page-spec';
import { CELL_MARGIN_TWIPS } from './page-spec';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function rFonts(font: IFontAttributesProperties): string {
  const attrs = (['ascii', 'cs', 'eastAsia', 'hAnsi'] as const).flatMap((slot) => (font[slot] ? [`w:${slot}="${escapeXml(String(font[slot]))}"`] : []));
  if (font.hint) attrs.push(`w:hint="${font.hint}"`);
  return `<w:rFonts ${attrs.join(' ')}/>`;
}

export function stylesXml(spec: PageSpec, bodyFont: IFontAttributesProperties, characterSpacing: number | undefined): string {
  const size = spec.body.pt * 2;
  const rPr =
    rFonts(bodyFont) +
    (characterSpacing !== undefined ? `<w:spacing w:val="${characterSpacing}"/>` : '') +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>`;
  const pPr = `<w:widowControl/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:line="${spec.line.value}" w:lineRule="exact"/>`;
  const margin = (side: string, w: number) => `<w:${side} w:w="${w}" w:type="dxa"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:styles xmlns:w="${W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${rPr}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${pPr}</w:pPr></w:pPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>${margin('top', 0)}${margin('left', CELL_MARGIN_TWIPS)}${margin('bottom', 0)}${margin('right', CELL_MARGIN_TWIPS)}</w:tblCellMar></w:tblPr></w:style>` +
    // The library's empty footnotes and endnotes parts refer to these.
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>' +
    '</w:styles>'
  );
}

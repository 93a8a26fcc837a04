/** Hand-made .docx packages for the import tests: parts written as Word or WPS write them. */
import { strToU8, zipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A package around a body; `extra` parts (numbering.xml, styles.xml, footer1.xml …) as given. */
export function docxPackage(body: string, extra: Record<string, string> = {}, rootAttrs = `xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${rootAttrs}><w:body>${body}</w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(xml),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

export const para = (...parts: string[]) => `<w:p>${parts.join('')}</w:p>`;
export const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
export const listPara = (numId: number, ilvl: number, text: string) => para(`<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`, run(text));

export function numberingXml(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${inner}</w:numbering>`;
}

export function level(ilvl: number, numFmt: string, lvlText: string, start = 1): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/><w:lvlJc w:val="left"/></w:lvl>`;
}

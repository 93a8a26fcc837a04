/** Export: .docx and print HTML / PDF of a letter, and writing them to disk. */
export { buildDocx } from './build-docx';
export { buildPrintHtml } from './print-html';
export { stageFile, stageRendered, writeFileAtomic, type StagedFile } from './write-atomic';
export { renderPdfWithChromium } from './render-pdf';
export { pdfInfoOfPrintHtml, withPdfInfo, type PdfInfo } from './pdf-info';
export { defaultExportFileName, exportFilePath, type ExportMeta, type ExportOptions } from './meta';
export { DEFAULT_FONTS, fontsUsed, type ExportFonts } from './fonts';

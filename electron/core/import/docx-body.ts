/**
 * A Word document as source lines for the structuring: body paragraphs in order (a letter
 * framed in a one-cell table is unwrapped), tables with their cells, list paragraphs with
 * the scheme and level of their Word numbering, and the header's title or number line when
 * the body lacks them.
 */
import type { Alignment } from '../../shared/doc-schema';
import type { ImportNote } from '../../shared/import/import-types';
import { looksLikeTitle } from '../../shared/import/letter-parts';
import type { SourceLine } from '../../shared/import/raw-blocks';
import { LetterdeskError } from '../../shared/errors';
import type { DocxPackage } from './docx-package';
import { WordNumbering } from './docx-numbering';
import { paragraphText } from './docx-runs';
import { child, elements, parseXml, path, wAttr, wVal, type XmlElement } from './docx-xml';

/** A letter of 60 pages has ~1,500 paragraphs; far more is not a letter. */
export const MAX_DOCX_PARAGRAPHS = 5000;

const JC: Record<string, Alignment> = { center: 'center', right: 'right', end: 'right', both: 'justify', distribute: 'justify', left: 'left', start: 'left' };

interface StyleInfo {
  numId?: string;
  ilvl?: number;
  title: boolean;
}

function readStyles(xml: string | null): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  if (!xml) return out;
  for (const s of elements(parseXml(xml, 'styles.xml'))) {
    if (s.localName !== 'style') continue;
    const id = wAttr(s, 'styleId') ?? '';
    const name = wVal(path(s, 'name')) ?? '';
    const numPr = path(s, 'pPr', 'numPr');
    out.set(id, {
      ...(numPr && { numId: wVal(path(numPr, 'numId')) ?? undefined, ilvl: Number(wVal(path(numPr, 'ilvl')) ?? 0) }),
      title: /^(title|标题)$/i.test(name) || /^title$/i.test(id),
    });
  }
  return out;
}

export interface DocxLines {
  lines: SourceLine[];
  notes: ImportNote[];
}

/** Counts paragraph starts in the raw XML, so a huge document is refused before it is parsed. */
function tooManyParagraphs(xml: string): boolean {
  const re = /<w:p[\s>]/g;
  let n = 0;
  while (re.exec(xml)) if (++n > MAX_DOCX_PARAGRAPHS) return true;
  return false;
}

export function readDocxLines(pkg: DocxPackage): DocxLines {
  const xml = pkg.part('word/document.xml')!;
  if (tooManyParagraphs(xml)) throw new LetterdeskError('file-too-large', `The document has more than ${MAX_DOCX_PARAGRAPHS} paragraphs; a letter has far fewer`);
  const root = parseXml(xml, 'document.xml');
  const body = path(root, 'body');
  if (!body) throw new LetterdeskError('unsupported-file', 'The Word document has no body');
  const numberingXml = pkg.part('word/numbering.xml');
  const numbering = new WordNumbering(numberingXml ? parseXml(numberingXml, 'numbering.xml') : null);
  const styles = readStyles(pkg.part('word/styles.xml'));
  const lines: SourceLine[] = [];
  const notes: ImportNote[] = [];
  let objects = 0;
  let tables = 0;
  let offset = 0;
  let paragraphs = 0;

  const paragraph = (p: XmlElement, cell?: SourceLine['cell']) => {
    if (++paragraphs > MAX_DOCX_PARAGRAPHS) {
      throw new LetterdeskError('file-too-large', `The document has more than ${MAX_DOCX_PARAGRAPHS} paragraphs; a letter has far fewer`);
    }
    const pPr = child(p, 'pPr');
    const run = paragraphText(p);
    objects += run.objects;
    const style = styles.get(wVal(path(pPr, 'pStyle')) ?? '');
    const numPr = path(pPr, 'numPr');
    const numId = numPr ? wVal(path(numPr, 'numId')) : style?.numId;
    const ilvl = numPr ? Number(wVal(path(numPr, 'ilvl')) ?? style?.ilvl ?? 0) : (style?.ilvl ?? 0);
    const list = numId && run.text.trim() ? numbering.next(numId, ilvl) : null;
    const align = JC[wVal(path(pPr, 'jc')) ?? ''] ?? null;
    const line: SourceLine = {
      text: run.text,
      offset,
      align,
      ...(run.styles.length && { styles: run.styles }),
      ...(list && { numbering: list }),
      ...(style?.title && { title: true }),
      ...(cell && { cell }),
    };
    lines.push(line);
    offset += run.text.length + 1;
  };

  const table = (tbl: XmlElement) => {
    const rows = elements(tbl).filter((e) => e.localName === 'tr');
    const cellsOf = (tr: XmlElement) => elements(tr).filter((e) => e.localName === 'tc' || e.localName === 'sdt');
    // A one-cell table framing the whole letter (a bordered page): its content is the body.
    if (rows.length === 1 && cellsOf(rows[0]!).length === 1) {
      const tc = cellsOf(rows[0]!)[0]!;
      notes.push({ code: 'frame-table-unwrapped' });
      walk(tc.localName === 'sdt' ? (child(tc, 'sdtContent') ?? tc) : tc);
      return;
    }
    const index = tables++;
    rows.forEach((tr, r) => {
      cellsOf(tr).forEach((tc, c) => {
        const cell = tc.localName === 'sdt' ? (path(tc, 'sdtContent', 'tc') ?? tc) : tc;
        const ps: XmlElement[] = [];
        const gather = (el: XmlElement) => {
          for (const e of elements(el)) {
            if (e.localName === 'p') ps.push(e);
            else if (e.localName === 'tbl' || e.localName === 'tr' || e.localName === 'tc' || e.localName === 'sdt' || e.localName === 'sdtContent') gather(e);
          }
        };
        gather(cell);
        if (!ps.length) lines.push({ text: '', offset, cell: { table: index, row: r, col: c } }), (offset += 1);
        for (const p of ps) paragraph(p, { table: index, row: r, col: c });
      });
    });
  };

  function walk(container: XmlElement): void {
    for (const el of elements(container)) {
      if (el.localName === 'p') paragraph(el);
      else if (el.localName === 'tbl') table(el);
      else if (el.localName === 'sdt') {
        const content = child(el, 'sdtContent');
        if (content) walk(content);
      } else if (el.localName === 'customXml' || el.localName === 'ins') walk(el);
    }
  }
  walk(body);
  if (objects) notes.push({ code: 'images-dropped', count: objects });
  headerLines(pkg, lines, notes);
  return { lines, notes };
}

/** Title or number line from the page header, when the body has none (some offices put them there). */
function headerLines(pkg: DocxPackage, lines: SourceLine[], notes: ImportNote[]): void {
  const first = lines.find((l) => l.text.trim() && !l.cell);
  const bodyHasTitle = !!first && (first.title || first.align === 'center' || looksLikeTitle(first.text));
  const bodyHasNumber = lines.some((l) => /编号\s*[：:]/.test(l.text));
  const extra: SourceLine[] = [];
  for (const name of pkg.names.filter((n) => /^word\/header\d*\.xml$/i.test(n)).sort()) {
    const root = parseXml(pkg.part(name)!, name);
    for (const p of elements(root).filter((e) => e.localName === 'p')) {
      const text = paragraphText(p).text.trim();
      if (!text) continue;
      if (!bodyHasTitle && !extra.some((l) => l.title) && looksLikeTitle(text)) extra.push({ text, offset: 0, title: true, align: 'center' });
      else if (!bodyHasNumber && /编号\s*[：:]/.test(text) && !extra.some((l) => !l.title)) extra.push({ text, offset: 0 });
    }
  }
  if (!extra.length) return;
  notes.push({ code: 'header-title' });
  // Put them first and shift every offset after them.
  let offset = 0;
  for (const l of extra) {
    l.offset = offset;
    offset += l.text.length + 1;
  }
  for (const l of lines) l.offset += offset;
  lines.unshift(...extra);
}

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
import { drain, type ImportStep, type ImportSteps } from '../../shared/import/import-steps';
import { WordNumbering } from './docx-numbering';
import { paragraphText } from './docx-runs';
import { child, elements, parseXml, path, wAttr, wVal, W_NS, type XmlElement } from './docx-xml';

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
  const basedOn = new Map<string, string>();
  for (const s of elements(parseXml(xml, 'styles.xml'))) {
    if (s.localName !== 'style') continue;
    const id = wAttr(s, 'styleId') ?? '';
    const name = wVal(path(s, 'name')) ?? '';
    const numPr = path(s, 'pPr', 'numPr');
    const parent = wVal(path(s, 'basedOn'));
    if (parent) basedOn.set(id, parent);
    out.set(id, {
      ...(numPr && { numId: wVal(path(numPr, 'numId')) ?? undefined, ilvl: Number(wVal(path(numPr, 'ilvl')) ?? 0) }),
      title: /^(title|标题)$/i.test(name) || /^title$/i.test(id),
    });
  }
  // A list a style takes from the style it is based on (WPS puts w:numPr in 标题 1 and bases others on it).
  for (const [id, info] of out) {
    let parent = basedOn.get(id);
    for (let depth = 0; parent && !info.numId && depth < 10; depth++, parent = basedOn.get(parent)) {
      const p = out.get(parent);
      if (p?.numId) {
        info.numId = p.numId;
        info.ilvl ??= p.ilvl;
      }
    }
  }
  return out;
}

export interface DocxLines {
  lines: SourceLine[];
  notes: ImportNote[];
}

/** Counts paragraph starts in the raw XML, so a huge document is refused before it is parsed. */
function countParagraphs(xml: string): number {
  const re = /<w:p[\s>]/g;
  let n = 0;
  while (re.exec(xml)) if (++n > MAX_DOCX_PARAGRAPHS) return n;
  return n;
}

export function readDocxLines(pkg: DocxPackage): DocxLines {
  return drain(readDocxLineSteps(pkg));
}

/** The document's paragraphs, a step every few hundred (import-steps.ts). */
export function* readDocxLineSteps(pkg: DocxPackage): ImportSteps<DocxLines> {
  const xml = pkg.part('word/document.xml')!;
  const total = countParagraphs(xml);
  if (total > MAX_DOCX_PARAGRAPHS) throw new LetterdeskError('file-too-large', `The document has more than ${MAX_DOCX_PARAGRAPHS} paragraphs; a letter has far fewer`);
  yield { phase: 'read', done: 0, total };
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
    // WPS often gives only w:ilvl in the paragraph and the list in its style.
    const numId = wVal(path(numPr, 'numId')) ?? style?.numId;
    const ilvl = Number(wVal(path(numPr, 'ilvl')) ?? style?.ilvl ?? 0);
    const list = numId && run.text.trim() ? numbering.next(numId, ilvl) : null;
    const align = JC[wVal(path(pPr, 'jc')) ?? ''] ?? null;
    const line: SourceLine = {
      text: run.text,
      offset,
      align,
      ...(run.styles.length && { styles: run.styles }),
      ...(run.controls.length && { controls: run.controls }),
      ...(list && { numbering: list }),
      ...(style?.title && { title: true }),
      ...(cell && { cell }),
    };
    lines.push(line);
    offset += run.text.length + 1;
  };

  let nextStep = 256;
  const table = function* (tbl: XmlElement): Generator<ImportStep, void, void> {
    const rows = elements(tbl).filter((e) => e.localName === 'tr');
    const cellsOf = (tr: XmlElement) => elements(tr).filter((e) => e.localName === 'tc' || e.localName === 'sdt');
    // A one-cell table framing the whole letter (a bordered page): its content is the body.
    if (rows.length === 1 && cellsOf(rows[0]!).length === 1) {
      const tc = cellsOf(rows[0]!)[0]!;
      notes.push({ code: 'frame-table-unwrapped' });
      yield* walk(tc.localName === 'sdt' ? (child(tc, 'sdtContent') ?? tc) : tc);
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

  function* walk(container: XmlElement): Generator<ImportStep, void, void> {
    for (const el of elements(container)) {
      if (paragraphs >= nextStep) {
        nextStep = paragraphs + 256;
        yield { phase: 'read', done: paragraphs, total };
      }
      if (el.localName === 'p') paragraph(el);
      else if (el.localName === 'tbl') yield* table(el);
      else if (el.localName === 'sdt') {
        const content = child(el, 'sdtContent');
        if (content) yield* walk(content);
      } else if (el.localName === 'customXml' || el.localName === 'ins') yield* walk(el);
      else if (el.localName === 'AlternateContent') {
        const choice = elements(el).find((e) => e.localName === 'Choice') ?? child(el, 'Fallback');
        if (choice) yield* walk(choice);
      }
    }
  }
  yield* walk(body);
  if (objects) notes.push({ code: 'images-dropped', count: objects });
  headerLines(pkg, lines, notes);
  return { lines, notes };
}

/** Title or number line from the page headers, then footers, when the body has none (some offices put them there). */
function headerLines(pkg: DocxPackage, lines: SourceLine[], notes: ImportNote[]): void {
  const first = lines.find((l) => l.text.trim() && !l.cell);
  const bodyHasTitle = !!first && (first.title || first.align === 'center' || looksLikeTitle(first.text));
  const bodyHasNumber = lines.some((l) => /编号\s*[：:]/.test(l.text));
  const extra: SourceLine[] = [];
  const parts = (kind: string) => pkg.names.filter((n) => new RegExp(`^word/${kind}\\d*\\.xml$`, 'i').test(n)).sort();
  for (const name of [...parts('header'), ...parts('footer')]) {
    const root = parseXml(pkg.part(name)!, name);
    // Paragraphs anywhere in it: in tables and text boxes too, as WPS lays headers out.
    for (const p of Array.from(root.getElementsByTagNameNS(W_NS, 'p'))) {
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

/**
 * Layout decisions shared by the .docx and the print HTML, so that both print the same
 * letter: clean text, blank widths, which clauses are headings, which fonts they take.
 */
import type { FieldDef } from '../../shared/fields';
import type { Block, Run } from '../../shared/letter-model';
import { MAX_CLAUSE_LEVEL } from '../../shared/numbering';
import type { FontRole } from './fonts';
import type { PageSpec } from './page-spec';

// C0/C1 controls (Word's vertical tab U+000B…), non-characters and unpaired surrogates are
// not allowed in XML 1.0; tab and newline would print as stray spacing.
const NOT_PRINTABLE = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPACING = /[\t\n\r]/g;

/** Text safe for XML and HTML: controls removed, tabs and newlines as spaces. */
export function cleanText(text: string): string {
  return text.replace(SPACING, ' ').replace(NOT_PRINTABLE, '');
}

/** Word allows list levels 0–8 (EXPORT.md); the model keeps whatever the document said. */
export function clampLevel(level: number): number {
  return Number.isFinite(level) ? Math.max(0, Math.min(MAX_CLAUSE_LEVEL, Math.trunc(level))) : 0;
}

/**
 * Width of a blank in full-width characters. The model counts half-width characters (as
 * underscores in plain text); 0.6 keeps a year blank (4) three characters wide. A
 * handwritten field (signature, seal, date of signing) gets room for a hand.
 */
export function blankEms(width: number, handwritten: boolean): number {
  const ems = Math.max(2, Math.ceil(width * 0.6));
  return handwritten ? Math.max(8, ems) : Math.min(ems, 24);
}

function isHandwritten(run: Run, defs: ReadonlyMap<string, FieldDef>): boolean {
  return run.fieldKey !== undefined && defs.get(run.fieldKey)?.type === 'handwritten';
}

/** Width of text in ems: ASCII is half-width, everything else (CJK, full-width) whole. */
function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return ems;
}

const MIN_FITTED_BLANK = 4;

/**
 * Widths of the blanks of a paragraph (blankEms), in order. In a table cell (`room` ems
 * wide) a blank takes at most what is left of its line, so 承诺单位（盖章）：____ stays on
 * one line.
 */
export function blankWidths(runs: readonly Run[], defs: ReadonlyMap<string, FieldDef>, room?: number): number[] {
  const widths: number[] = [];
  let used = 0;
  for (const run of runs) {
    if (run.lineBreak) used = 0;
    else if (run.blank) {
      let ems = blankEms(run.blank, isHandwritten(run, defs));
      if (room !== undefined) ems = Math.max(MIN_FITTED_BLANK, Math.min(ems, Math.floor(room - used - 0.5)));
      widths.push(ems);
      used += ems;
    } else used += textEms(run.text);
  }
  return widths;
}

/** Width of a table cell's text in ems, inside Word's default cell margins (108 twips a side). */
export function cellEms(cellTwips: number, pt: number): number {
  return (cellTwips - 216) / (pt * 20);
}

const SENTENCE_END = /[。；;：:，,！!？?]$/;

/**
 * A clause that is only a short heading (一、服务内容保证) takes its level's heading font
 * whole in the official style; a clause that is a sentence keeps the body font after its number.
 */
function isHeading(runs: readonly Run[]): boolean {
  let text = '';
  for (const r of runs) {
    if (r.lineBreak || r.blank) return false;
    text += r.text;
  }
  text = text.trim();
  return text.length > 0 && [...text].length <= 20 && !SENTENCE_END.test(text);
}

export interface ClauseFonts {
  number: FontRole;
  text: FontRole;
  centered: boolean;
}

/** Fonts of a clause's number and text; a chapter heading (第一章　总则) is centred. */
export function clauseFonts(block: Extract<Block, { type: 'clause' }>, spec: PageSpec): ClauseFonts {
  const number = spec.clauseRoles[block.scheme];
  const heading = isHeading(block.runs);
  return { number, text: heading ? number : spec.body.role, centered: heading && block.scheme === 'chapter' };
}

/** The block right before each signature table, which must stay on its page (keepNext). */
export function keepWithNext(blocks: readonly Block[]): Set<number> {
  const keep = new Set<number>();
  blocks.forEach((b, i) => {
    if (b.type === 'table' && b.kind === 'signature' && i > 0) keep.add(i - 1);
  });
  return keep;
}

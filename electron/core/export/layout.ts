/**
 * Layout decisions shared by the .docx and the print HTML, so that both print the same
 * letter: clean text, blank widths, which clauses are headings, which fonts they take.
 */
import type { FieldDef } from '../../shared/fields';
import type { Block, Run } from '../../shared/letter-model';
import { MAX_CLAUSE_LEVEL } from '../../shared/numbering';
import type { FontRole } from './fonts';
import { CELL_MARGIN_TWIPS, type PageSpec } from './page-spec';

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

/** A signature or seal blank leaves room for a hand: at least eight characters (issue #14). */
export const SIGNING_BLANK_EMS = 8;

/**
 * Width of a blank in full-width characters. The model counts half-width characters (as
 * underscores in plain text); 0.6 keeps a year blank (4) three characters wide. A
 * handwritten field (signature, seal) gets room for a hand.
 */
export function blankEms(width: number, handwritten: boolean): number {
  const ems = Math.max(2, Math.ceil(width * 0.6));
  return handwritten ? Math.max(SIGNING_BLANK_EMS, ems) : Math.min(ems, 24);
}

/** The handwritten field a run belongs to (its blank, or 年 月 日 around a date's blanks), or null. */
export function handwrittenKey(run: Run, defs: ReadonlyMap<string, FieldDef>): string | null {
  const key = run.fieldKey ?? run.inField;
  return key !== undefined && defs.get(key)?.type === 'handwritten' ? key : null;
}

/** A blank a hand signs or seals in (a handwritten date is three ordinary blanks: ____年__月__日). */
function isSigningBlank(run: Run, defs: ReadonlyMap<string, FieldDef>): boolean {
  const def = run.fieldKey === undefined ? undefined : defs.get(run.fieldKey);
  return def?.type === 'handwritten' && def.options?.mark !== 'date';
}

/** The width a blank asks for, and the least it may be squeezed to in a table cell, in ems. */
export function blankRange(run: Run, defs: ReadonlyMap<string, FieldDef>): { want: number; min: number } {
  const signing = isSigningBlank(run, defs);
  const want = blankEms(run.blank ?? 0, signing);
  return { want, min: signing ? SIGNING_BLANK_EMS : Math.min(want, 2) };
}

/** One full-width character in twips: the body size plus the style's character spacing. */
export function emTwips(spec: PageSpec): number {
  return (spec.body.pt + spec.charSpacingPt) * 20;
}

/**
 * Width of text in twips as both renderers set it in the body face: ASCII half-width,
 * everything else (CJK, full-width punctuation) whole, character spacing on each.
 */
export function textTwips(text: string, spec: PageSpec): number {
  let twips = 0;
  for (const ch of text) twips += (ch.charCodeAt(0) < 0x80 ? spec.body.pt / 2 : spec.body.pt) * 20 + spec.charSpacingPt * 20;
  return twips;
}

/** A blank `ems` wide in twips: an em of the body size (the .docx sizes its no-break spaces to match). */
export function blankTwips(ems: number, spec: PageSpec): number {
  return ems * spec.body.pt * 20;
}

/** Text room of a table cell in twips: inside the cell margins, less half a character of slack. */
export function cellRoomTwips(cellTwips: number, spec: PageSpec): number {
  return cellTwips - 2 * CELL_MARGIN_TWIPS - spec.body.pt * 10;
}

/**
 * Widths of the blanks of a paragraph (blankRange), in order, in ems. In a table cell
 * (`room` twips wide, cellRoomTwips) a blank takes at most what is left of its line after
 * the rest of its field (年 月 日 of a date), but never less than its minimum:
 * signing-area.ts has already moved what does not fit.
 */
export function blankWidths(runs: readonly Run[], defs: ReadonlyMap<string, FieldDef>, spec: PageSpec, room?: number): number[] {
  // The least width of the rest of each run's field after it (年 月 日 of a date).
  const fieldOf = (r: Run) => r.fieldKey ?? r.inField;
  const after = new Array<number>(runs.length).fill(0);
  for (let i = runs.length - 2; i >= 0; i--) {
    const next = runs[i + 1]!;
    const same = !next.lineBreak && fieldOf(next) !== undefined && fieldOf(next) === fieldOf(runs[i]!);
    after[i] = same ? after[i + 1]! + (next.blank ? blankTwips(blankRange(next, defs).min, spec) : textTwips(next.text, spec)) : 0;
  }
  const widths: number[] = [];
  let used = 0;
  runs.forEach((run, i) => {
    if (run.lineBreak) used = 0;
    else if (run.blank) {
      const { want, min } = blankRange(run, defs);
      const ems = room === undefined ? want : Math.max(min, Math.min(want, Math.floor((room - used - after[i]!) / (spec.body.pt * 20))));
      widths.push(ems);
      used += blankTwips(ems, spec);
    } else used += textTwips(run.text, spec);
  });
  return widths;
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

/**
 * Blocks that must stay on a page with the block after them (issue #14): the block right
 * before each signature table, every clause that is only a heading (三、服务承诺), and every
 * first-level clause — none of them may end a page.
 */
export function keepWithNext(blocks: readonly Block[]): Set<number> {
  const keep = new Set<number>();
  blocks.forEach((b, i) => {
    if (i === blocks.length - 1) return;
    if (b.type === 'clause' && (clampLevel(b.level) === 0 || isHeading(b.runs))) keep.add(i);
    const next = blocks[i + 1]!;
    if (next.type === 'table' && next.kind === 'signature') keep.add(i);
  });
  return keep;
}

/**
 * A line carrying a document number (承诺书编号：…) takes no 成文日期 indent: GB/T 9704
 * §7.3.5.1 right-indents the date under a seal, not the number (issue #14).
 */
export function isNumberLine(runs: readonly Run[], defs: ReadonlyMap<string, FieldDef>): boolean {
  return runs.some((r) => r.fieldKey !== undefined && defs.get(r.fieldKey)?.type === 'docnumber');
}

// Latin text at least this long is given places to break (an e-mail address, （¥100,000.00）).
const LONG_LATIN = /[\x21-\x7E\u00A5]{8,}/g;
const ZWSP = '\u200B';

/**
 * Zero-width break opportunities inside long Latin strings — after @ / _ & ? = and commas,
 * after a point or colon followed by a letter — so that a justified line is not stretched
 * to make room for a string that cannot break (issue #14). Every renderer (Word, LibreOffice,
 * Chromium) breaks at U+200B and prints nothing there.
 */
export function breakableLatin(text: string): string {
  return text.replace(LONG_LATIN, (s) => s.replace(/([@/_&?=,])(?=.)|([.:])(?=[A-Za-z])/g, `$&${ZWSP}`));
}

/**
 * Line-broken text and .docx paragraphs: the given breaks are kept — each line is one block.
 * A line that starts with a clause marker is a clause (its level from continuity with the
 * clauses before it); Word list paragraphs bring their own scheme and level.
 */
import { readMarkers } from './clause-markers';
import { ClauseTracker } from './clause-tracker';
import { HEAD_LABEL, readPairs, SIGN_WORDS, onlySpaces } from './form-pairs';
import { closingStart, looksLikeTitle, signatureStart } from './letter-parts';
import type { LineTokens, Piece, RawBlock, SourceLine } from './raw-blocks';
import { trimRange } from './text-chars';
import { drain, type ImportSteps } from './import-steps';

function isPairLine(line: SourceLine, tokens: LineTokens, allow: (label: string) => boolean): boolean {
  const [s, e] = trimRange(line.text, 0, line.text.length);
  if (e <= s) return false;
  const run = readPairs(line.text, s, e, (p) => tokens.at.get(p), allow);
  return run.pairs.length > 0 && onlySpaces(line.text, run.end, e) && run.pairs.some((p) => p.token || allow(p.label));
}

const DATE_LINE = /^[\s_＿]*(?:\d{4}|[_＿\s]+)?\s*年[\s_＿\d]*月[\s_＿\d]*日\s*$/;

/** A line that may sit in a signature block: pairs, a date line, or a short remark like （公章）. */
function isSignatureish(line: SourceLine, tokens: LineTokens): boolean {
  const t = line.text.trim();
  if (!t) return true;
  if (DATE_LINE.test(t)) return true;
  if (isPairLine(line, tokens, () => true)) return true;
  return [...t].length <= 20 && !/[。；;，,]/.test(t) && (SIGN_WORDS.test(t) || /^[（(].*[）)]$/.test(t));
}

function hasSignWord(line: SourceLine): boolean {
  return SIGN_WORDS.test(line.text);
}

function tableBlock(lines: SourceLine[], table: number): RawBlock {
  const rows: { pieces: Piece[] }[][] = [];
  let signature = false;
  lines.forEach((l, li) => {
    if (l.cell?.table !== table) return;
    const row = (rows[l.cell.row] ??= []);
    const cell = (row[l.cell.col] ??= { pieces: [] });
    const [s, e] = trimRange(l.text, 0, l.text.length);
    cell.pieces.push({ line: li, start: s, end: Math.max(s, e) });
    if (SIGN_WORDS.test(l.text)) signature = true;
  });
  for (const row of rows) for (let c = 0; c < row.length; c++) row[c] ??= { pieces: [] };
  return { kind: 'table', rows: rows.filter(Boolean), signature };
}

/** Blocks of the lines; the paragraphs of a table (`cell` set) become one table block where it starts. */
export function structureLines(lines: SourceLine[], tokens: LineTokens[], tracker = new ClauseTracker()): RawBlock[] {
  return drain(structureLinesSteps(lines, tokens, tracker));
}

export function* structureLinesSteps(lines: SourceLine[], tokens: LineTokens[], tracker = new ClauseTracker()): ImportSteps<RawBlock[]> {
  const out: RawBlock[] = [];
  // Each table stands in the body at its first cell paragraph.
  const seenTables = new Set<number>();
  const body = lines
    .map((_l, i) => i)
    .filter((i) => {
      const cell = lines[i]!.cell;
      if (!cell) return !!lines[i]!.text.trim();
      if (seenTables.has(cell.table)) return false;
      seenTables.add(cell.table);
      return true;
    });
  if (!body.length) return out;
  const isTable = (li: number) => !!lines[li]!.cell;

  // The signature block: the trailing lines that can be part of one, from the first with a signing word.
  let sigFrom = body.length;
  for (let k = body.length - 1; k >= 0 && !isTable(body[k]!) && isSignatureish(lines[body[k]!]!, tokens[body[k]!]!); k--) sigFrom = k;
  while (sigFrom < body.length && !hasSignWord(lines[body[sigFrom]!]!)) sigFrom++;
  // A line with body text ending in a signature (`…特此承诺。承诺人签名：____`) splits there.
  let splitSig: { line: number; start: number } | null = null;
  if (sigFrom === body.length && !isTable(body[body.length - 1]!)) {
    const li = body[body.length - 1]!;
    const line = lines[li]!;
    const found = signatureStart(line.text, 0, line.text.length, tokens[li]!);
    if (found && found.start > 0) splitSig = { line: li, start: found.start };
  }

  let first = 0;
  const firstLine = lines[body[0]!]!;
  if (!firstLine.cell && (firstLine.title || (!firstLine.numbering && looksLikeTitle(firstLine.text) && body.length > 1))) {
    const [s, e] = trimRange(firstLine.text, 0, firstLine.text.length);
    out.push({ kind: 'title', piece: { line: body[0]!, start: s, end: e } });
    first = 1;
  }
  let inHead = true;
  for (let k = first; k < Math.min(sigFrom, body.length); k++) {
    if ((k & 511) === 0) yield { phase: 'structure', done: k, total: body.length };
    const li = body[k]!;
    const line = lines[li]!;
    if (line.cell) {
      inHead = false;
      out.push(tableBlock(lines, line.cell.table));
      continue;
    }
    const lineEnd = splitSig?.line === li ? splitSig.start : line.text.length;
    const [s, e] = trimRange(line.text, 0, lineEnd);
    if (e <= s) continue;
    const piece = { line: li, start: s, end: e };
    if (line.numbering) {
      inHead = false;
      const { scheme, level, marker, count } = line.numbering;
      out.push({ kind: 'clause', piece, marker: { line: li, start: s, end: s }, scheme, level, list: null, markerText: marker, ...(count !== undefined && { sourceCount: count, sourceExact: true }) });
      continue;
    }
    const readings = readMarkers(line.text, s);
    if (readings.length && readings.some((r) => r.end < e)) {
      const usable = readings.filter((r) => r.end < e);
      const fitting = usable.find((r) => tracker.fit(r)) ?? usable.find((r) => !r.partial)!;
      const fit = tracker.fitLenient(fitting);
      const { list, level } = tracker.accept(fitting, fit);
      inHead = false;
      out.push({ kind: 'clause', piece: { line: li, start: fitting.end, end: e }, marker: { line: li, start: s, end: fitting.end }, scheme: 'cn', level, list, sourceCount: fitting.value });
      continue;
    }
    if (inHead && isPairLine({ ...line, text: line.text.slice(0, e) }, tokens[li]!, (l) => HEAD_LABEL.test(l))) {
      out.push({ kind: 'head', piece });
      continue;
    }
    const subtitle = out.length === 1 && out[0]!.kind === 'title' && /^[（(].{1,18}[）)]$/.test(line.text.trim());
    if (!subtitle) inHead = false;
    const centred = line.align === 'center' || subtitle;
    const closing = closingStart(line.text, s, e);
    if (closing > 0) {
      out.push({ kind: 'paragraph', piece: { line: li, start: s, end: trimRange(line.text, s, closing)[1] }, align: line.align ?? null });
      out.push({ kind: 'paragraph', piece: { line: li, start: closing, end: e }, align: line.align ?? null });
      continue;
    }
    out.push({ kind: 'paragraph', piece, align: centred ? 'center' : (line.align ?? null), ...(centred && { indent: false }) });
  }
  if (splitSig) {
    const line = lines[splitSig.line]!;
    out.push({ kind: 'signature', pieces: [{ line: splitSig.line, start: splitSig.start, end: trimRange(line.text, 0, line.text.length)[1] }] });
  } else if (sigFrom < body.length) {
    const pieces = body.slice(sigFrom).map((li) => {
      const [s, e] = trimRange(lines[li]!.text, 0, lines[li]!.text.length);
      return { line: li, start: s, end: e };
    });
    out.push({ kind: 'signature', pieces: pieces.filter((p) => p.end > p.start) });
  }
  return out.map((b) => (b.kind === 'clause' && b.list !== null ? { ...b, scheme: tracker.schemeOf(b.list) } : b));
}

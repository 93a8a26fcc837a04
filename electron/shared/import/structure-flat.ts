/**
 * Flattened text (every line break lost, clauses run together): split back into title, head
 * lines, preamble, clauses and the signature block. A clause marker is accepted only where
 * sequence continuity supports it — after `(1)` the next marker of that list is `(2)` — and
 * where it stands at a sentence boundary or right after a clause heading; anything else is a
 * number inside a sentence (`不超过30日`, `1%`, `2.5倍`, `第5条`).
 */
import { mayStartMarker, readMarkers, type MarkerReading } from './clause-markers';
import { ClauseTracker } from './clause-tracker';
import { HEAD_LABEL, readPairs } from './form-pairs';
import { closingStart, flatTitleEnd, signatureStart, subtitleEnd } from './letter-parts';
import type { LineTokens, Piece, RawBlock } from './raw-blocks';
import { isBoundaryChar, isCnDigit, isDigit, isPhrasePunct, isSpace, prevNonSpace, trimRange } from './text-chars';
import { drain, type ImportSteps } from './import-steps';

// A number right after one of these is a reference inside a sentence (第5条, 按1.执行, 一、二项).
const REFERENCE_BEFORE = new Set([...'第按依照据见于至及和与或、~～—-']);
// A list starting again at 1 after one of these is a restart (`…服务内容。1.响应…`).
const SENTENCE_END = new Set([...'。；;！!？?']);
// A number right before one of these is a quantity (1.5倍, 3.日 is rare at a sentence boundary only).
const MEASURE_AFTER = new Set([...'%％‰倍元万亿个日天年月次人名家项件岁周页份米克吨升度小分秒']);
const OPEN_BRACKETS = '(（[【';

interface Cut {
  start: number;
  end: number;
  reading: MarkerReading;
  list: number;
  level: number;
}

/** The clause markers of text[from, to), in order, chosen by continuity. */
function* findMarkers(text: string, from: number, to: number, tokens: LineTokens, tracker: ClauseTracker): ImportSteps<Cut[]> {
  const cuts: Cut[] = [];
  const inToken = new Uint8Array(to - from);
  for (const t of tokens.tokens) for (let k = Math.max(t.start, from); k < Math.min(t.end, to); k++) inToken[k - from] = 1;
  let blockStart = from;
  // Nothing but spaces since the block started: a marker here opens the block.
  let blank = true;
  let nextStep = from + 8192;
  for (let i = from; i < to; i++) {
    if (i >= nextStep) {
      nextStep = i + 8192;
      yield { phase: 'structure', done: i, total: text.length };
    }
    const c = text[i];
    if (c === '\n') {
      blockStart = i + 1;
      blank = true;
      continue;
    }
    const wasBlank = blank;
    if (blank && !isSpace(c)) blank = false;
    if (!mayStartMarker(c) || inToken[i - from]) continue;
    const prev = text[i - 1];
    if (isDigit(c) && (isDigit(prev) || prev === '.' || prev === '．' || (prev !== undefined && OPEN_BRACKETS.includes(prev)))) continue;
    if (isCnDigit(c) && (isCnDigit(prev) || prev === '第')) continue;
    const readings = readMarkers(text, i);
    if (!readings.length) continue;
    const before = prevNonSpace(text, i, from);
    const boundary = wasBlank || isBoundaryChar(before);
    const last = cuts[cuts.length - 1];
    const contentSoFar = last && last.end >= blockStart && i - last.end <= 40 ? text.slice(last.end, i) : null;
    const heading = contentSoFar !== null && contentSoFar.trim().length > 0 && [...contentSoFar.trim()].length <= 30 && ![...contentSoFar].some((ch) => isPhrasePunct(ch));
    for (const r of readings) {
      const fit = tracker.fit(r) ?? (before !== undefined && SENTENCE_END.has(before) ? tracker.fitRestart(r) : null);
      if (!fit) continue;
      const after = text[r.end];
      const numeric = r.kind === 'decimal' || r.kind === 'outline';
      if (!boundary) {
        if (before !== undefined && REFERENCE_BEFORE.has(before)) continue;
        if (numeric && after !== undefined && MEASURE_AFTER.has(after)) continue;
        if (fit.mode === 'start' && !heading) continue;
        if ((r.kind === 'article' || r.kind === 'chapter' || r.kind === 'cn') && !heading) continue;
      }
      if (r.end >= to || text[r.end] === '\n') continue; // a marker with no clause text
      const { list, level } = tracker.accept(r, fit);
      cuts.push({ start: i, end: r.end, reading: r, list, level });
      i = r.end - 1;
      break;
    }
  }
  return cuts;
}

function piece(text: string, a: number, b: number): Piece | null {
  const [s, e] = trimRange(text, a, b);
  return e > s ? { line: 0, start: s, end: e } : null;
}

/** Paragraphs of text[a, b), one per line. */
function paragraphs(text: string, a: number, b: number, out: RawBlock[]): void {
  let s = a;
  for (let k = a; k <= b; k++) {
    if (k === b || text[k] === '\n') {
      const p = piece(text, s, k);
      if (p) out.push({ kind: 'paragraph', piece: p });
      s = k + 1;
    }
  }
}

export function structureFlat(text: string, tokens: LineTokens, tracker = new ClauseTracker()): RawBlock[] {
  return drain(structureFlatSteps(text, tokens, tracker));
}

export function* structureFlatSteps(text: string, tokens: LineTokens, tracker = new ClauseTracker()): ImportSteps<RawBlock[]> {
  const out: RawBlock[] = [];
  let pos = 0;
  while (pos < text.length && (isSpace(text[pos]) || text[pos] === '\n')) pos++;
  const titleEnd = flatTitleEnd(text, pos);
  if (titleEnd > 0) {
    out.push({ kind: 'title', piece: { line: 0, start: pos, end: titleEnd } });
    pos = titleEnd;
    const sub = subtitleEnd(text, pos);
    if (sub > 0) {
      const p = piece(text, pos, sub)!;
      out.push({ kind: 'paragraph', piece: p, align: 'center', indent: false });
      pos = sub;
    }
  }
  // Head lines: 承诺书编号：____ 承诺方：____ 接收方：____ 承诺方类型：□企业□个人…
  const head = readPairs(text, pos, text.length, (p) => tokens.at.get(p), (label) => HEAD_LABEL.test(label));
  // A head pair whose value is written out must be followed by another pair to be sure where it ends.
  const firstMarker = head.pairs.findIndex((p) => readMarkers(text, p.labelStart).length > 0);
  let headPairs = firstMarker >= 0 ? head.pairs.slice(0, firstMarker) : head.pairs;
  while (headPairs.length && !headPairs[headPairs.length - 1]!.token) headPairs = headPairs.slice(0, -1);
  for (const p of headPairs) out.push({ kind: 'head', piece: { line: 0, start: p.labelStart, end: p.end } });
  if (headPairs.length) pos = headPairs[headPairs.length - 1]!.end;

  const sig = signatureStart(text, pos, text.length, tokens);
  const bodyEnd = sig ? sig.start : text.length;
  const cuts = yield* findMarkers(text, pos, bodyEnd, tokens, tracker);
  paragraphs(text, pos, cuts.length ? cuts[0]!.start : bodyEnd, out);
  cuts.forEach((cut, n) => {
    const nextStart = n + 1 < cuts.length ? cuts[n + 1]!.start : bodyEnd;
    const nl = text.indexOf('\n', cut.end);
    const end = nl >= 0 && nl < nextStart ? nl : nextStart;
    let contentEnd = end;
    const closing = n === cuts.length - 1 && end === bodyEnd ? closingStart(text, cut.end, end) : -1;
    if (closing > 0) contentEnd = closing;
    const content = piece(text, cut.end, contentEnd) ?? { line: 0, start: cut.end, end: cut.end };
    out.push({ kind: 'clause', piece: content, marker: { line: 0, start: cut.start, end: cut.end }, scheme: 'cn', level: cut.level, list: cut.list, sourceCount: cut.reading.value });
    if (closing > 0) paragraphs(text, closing, end, out);
    if (end < nextStart) paragraphs(text, end, nextStart, out);
  });
  if (!cuts.length) {
    // No clauses: still take the closing formula apart from the text before it.
    const last = out[out.length - 1];
    if (last?.kind === 'paragraph') {
      const closing = closingStart(text, last.piece.start, last.piece.end);
      if (closing > 0) {
        const end = last.piece.end;
        last.piece = piece(text, last.piece.start, closing)!;
        out.push({ kind: 'paragraph', piece: piece(text, closing, end)! });
      }
    }
  }
  if (sig) {
    const pieces: Piece[] = sig.run.pairs.map((p) => ({ line: 0, start: p.labelStart, end: p.end }));
    const rest = piece(text, sig.run.end, text.length);
    if (rest) pieces.push(rest);
    out.push({ kind: 'signature', pieces });
  }
  return out.map((b) => (b.kind === 'clause' ? { ...b, scheme: tracker.schemeOf(b.list!) } : b));
}

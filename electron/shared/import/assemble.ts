/**
 * From blocks of source ranges to the import result: every blank becomes a typed field with
 * a label, role and signer; text keeps its bold/underline; each block and field keeps the
 * range of the source it came from.
 */
import type { Alignment } from '../doc-schema';
import type { FieldValues, SignerRole } from '../fields';
import { MAX_FIELDS } from '../letter-content';
import { restartsFor, type SourceClause } from '../numbering';
import type { BlankToken } from './blank-tokens';
import { dedupeLabels } from './field-labels';
import { drain, type ImportSteps } from './import-steps';
import { typeToken, type FieldDraft, type Region } from './field-typing';
import { readPairs, type FormPair } from './form-pairs';
import type { ImportBlock, ImportField, ImportInline, ImportNote, ImportParagraph, Span } from './import-types';
import type { LineTokens, Piece, RawBlock, SourceLine } from './raw-blocks';
import { cellSigner, partyOfLabel, signatureColumns } from './signature-groups';

interface Ctx {
  lines: SourceLine[];
  tokens: LineTokens[];
  fields: (FieldDraft & { key: string; span: Span; source: string; signer?: SignerRole })[];
  values: FieldValues;
  party: 'promisor' | 'recipient';
  dropped: number;
}

/** The blanks inside a piece (tokens are sorted by position: binary search for the first). */
function tokensIn(t: LineTokens, p: Piece): BlankToken[] {
  let lo = 0;
  let hi = t.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.tokens[mid]!.start < p.start) lo = mid + 1;
    else hi = mid;
  }
  const out: BlankToken[] = [];
  for (let k = lo; k < t.tokens.length && t.tokens[k]!.start < p.end; k++) if (t.tokens[k]!.end <= p.end) out.push(t.tokens[k]!);
  return out;
}

function styledText(ctx: Ctx, line: number, a: number, b: number, out: ImportInline[]): void {
  if (b <= a) return;
  const l = ctx.lines[line]!;
  const text = l.text;
  const styles = l.styles ?? [];
  if (!styles.length) {
    out.push({ type: 'text', text: text.slice(a, b) });
    return;
  }
  // Cut at every style boundary inside [a, b).
  const cuts = new Set([a, b]);
  for (const s of styles) {
    if (s.start > a && s.start < b) cuts.add(s.start);
    if (s.end > a && s.end < b) cuts.add(s.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    const st = styles.find((r) => r.start <= s && r.end >= e);
    const prev = out[out.length - 1];
    const bold = !!st?.bold;
    const underline = !!st?.underline;
    if (prev?.type === 'text' && !!prev.bold === bold && !!prev.underline === underline) prev.text += text.slice(s, e);
    else out.push({ type: 'text', text: text.slice(s, e), ...(bold && { bold }), ...(underline && { underline }) });
  }
}

/** The inline content of a piece: text and fields. */
function content(ctx: Ctx, piece: Piece, region: Region, inClause: boolean, pairs: FormPair[] | null, signer?: SignerRole): ImportInline[] {
  const line = ctx.lines[piece.line]!;
  const out: ImportInline[] = [];
  let pos = piece.start;
  for (const token of tokensIn(ctx.tokens[piece.line]!, piece)) {
    if (token.start < pos) continue;
    if (ctx.fields.length >= MAX_FIELDS) {
      ctx.dropped++;
      continue;
    }
    const pair = pairs?.find((p) => p.token === token);
    const draft = typeToken({
      text: line.text,
      token,
      blockStart: piece.start,
      blockEnd: piece.end,
      prevEnd: pos,
      ...(pair && { pairLabel: pair.label, pairTail: pair.tail }),
      region,
      inClause,
      party: ctx.party,
    });
    if (draft.start < pos) draft.start = pos;
    styledText(ctx, piece.line, pos, draft.start, out);
    const key = `f${ctx.fields.length + 1}`;
    ctx.fields.push({
      ...draft,
      key,
      span: { start: line.offset + draft.start, end: line.offset + draft.end },
      source: line.text.slice(draft.start, draft.end),
      ...(draft.type === 'handwritten' && { signer: signer ?? '承诺方' }),
    });
    if (draft.selected?.length) ctx.values[key] = { selected: draft.selected };
    if (draft.date) ctx.values[key] = draft.date;
    out.push({ type: 'field', key });
    pos = draft.end;
  }
  styledText(ctx, piece.line, pos, piece.end, out);
  return out;
}

function spanOf(ctx: Ctx, pieces: Piece[]): Span {
  const starts = pieces.map((p) => ctx.lines[p.line]!.offset + p.start);
  const ends = pieces.map((p) => ctx.lines[p.line]!.offset + p.end);
  return { start: Math.min(...starts), end: Math.max(...ends) };
}

function pairsOf(ctx: Ctx, piece: Piece): FormPair[] {
  const t = ctx.tokens[piece.line]!;
  return readPairs(ctx.lines[piece.line]!.text, piece.start, piece.end, (p) => t.at.get(p), () => true).pairs;
}

function normaliseTitle(content: ImportInline[]): ImportInline[] {
  return content.map((c) => (c.type === 'text' && /^[\p{Script=Han}\s]+$/u.test(c.text) ? { ...c, text: c.text.replace(/\s+/g, '') } : c));
}

function signatureTable(ctx: Ctx, pieces: Piece[]): ImportBlock {
  const columns = signatureColumns(pieces, (l) => ctx.lines[l]!.text, (l) => ctx.tokens[l]!);
  const cells: ImportParagraph[][] = columns.map((col) =>
    col.items.map((item) => ({
      align: ctx.lines[item.piece.line]!.align ?? ('left' as Alignment),
      content: content(ctx, item.piece, 'signature', false, item.pair ? [item.pair] : null, col.signer),
      span: spanOf(ctx, [item.piece]),
    })),
  );
  return { kind: 'table', table: 'signature', rows: [cells], span: spanOf(ctx, pieces) };
}

function gridTable(ctx: Ctx, block: Extract<RawBlock, { kind: 'table' }>): ImportBlock {
  let signer: SignerRole | null = null;
  const all: Piece[] = [];
  const rows = block.rows.map((row) =>
    row.map((cell) => {
      all.push(...cell.pieces);
      if (block.signature) {
        const labels = cell.pieces.flatMap((p) => pairsOf(ctx, p).map((pair) => pair.label + pair.tail));
        signer = cellSigner(labels, signer);
      }
      return cell.pieces.map((p) => ({
        align: ctx.lines[p.line]!.align ?? null,
        content: block.signature ? content(ctx, p, 'signature', false, pairsOf(ctx, p), signer ?? '承诺方') : content(ctx, p, 'body', false, null),
        span: spanOf(ctx, [p]),
      }));
    }),
  );
  return { kind: 'table', table: block.signature ? 'signature' : 'grid', rows, span: all.length ? spanOf(ctx, all) : { start: 0, end: 0 } };
}

export interface Assembled {
  blocks: ImportBlock[];
  fields: ImportField[];
  values: FieldValues;
  notes: ImportNote[];
}

export function assemble(raw: RawBlock[], lines: SourceLine[], tokens: LineTokens[]): Assembled {
  return drain(assembleSteps(raw, lines, tokens));
}

export function* assembleSteps(raw: RawBlock[], lines: SourceLine[], tokens: LineTokens[]): ImportSteps<Assembled> {
  const ctx: Ctx = { lines, tokens, fields: [], values: {}, party: 'promisor', dropped: 0 };
  const blocks: ImportBlock[] = [];
  const numbered: { block: Extract<ImportBlock, { kind: 'clause' }>; source: SourceClause }[] = [];
  for (const [n, b] of raw.entries()) {
    if ((n & 255) === 0) yield { phase: 'fields', done: n, total: raw.length };
    switch (b.kind) {
      case 'title':
        blocks.push({ kind: 'title', content: normaliseTitle(content(ctx, b.piece, 'head', false, null)), span: spanOf(ctx, [b.piece]) });
        break;
      case 'head': {
        const pairs = pairsOf(ctx, b.piece);
        const named = pairs.map((p) => partyOfLabel(p.label)).find((p) => p === '承诺方' || p === '接收方');
        if (named) ctx.party = named === '接收方' ? 'recipient' : 'promisor';
        blocks.push({ kind: 'paragraph', align: 'left', indent: false, content: content(ctx, b.piece, 'head', false, pairs), span: spanOf(ctx, [b.piece]) });
        break;
      }
      case 'paragraph':
        blocks.push({ kind: 'paragraph', align: b.align ?? null, indent: b.indent ?? true, content: content(ctx, b.piece, 'body', false, null), span: spanOf(ctx, [b.piece]) });
        break;
      case 'clause': {
        const line = lines[b.piece.line]!;
        const block: Extract<ImportBlock, { kind: 'clause' }> = {
          kind: 'clause',
          scheme: b.scheme,
          level: b.level,
          marker: b.markerText ?? line.text.slice(b.marker.start, b.marker.end).trim(),
          content: content(ctx, b.piece, 'body', true, null),
          span: spanOf(ctx, [b.marker, b.piece]),
        };
        blocks.push(block);
        numbered.push({ block, source: { scheme: b.scheme, level: b.level, sourceCount: b.sourceCount, sourceExact: b.sourceExact } });
        break;
      }
      case 'signature':
        blocks.push(signatureTable(ctx, b.pieces));
        break;
      case 'table':
        blocks.push(gridTable(ctx, b));
        break;
    }
  }
  // Where the source's list starts again (Word's restarted list, 1. 2. … 1. typed), the clause restarts.
  restartsFor(numbered.map((c) => c.source)).forEach((start, i) => {
    if (start !== undefined) numbered[i]!.block.start = start;
  });
  return finish(ctx, blocks);
}

function finish(ctx: Ctx, blocks: ImportBlock[]): Assembled {
  const signers = new Set(ctx.fields.filter((f) => f.signer).map((f) => f.signer));
  const labels = dedupeLabels(
    ctx.fields.map((f) => (f.type === 'handwritten' && signers.size > 1 && f.signer && !partyOfLabel(f.label) ? `${f.signer}${f.label}` : f.label)),
  );
  const taken = new Set<string>();
  const fields: ImportField[] = ctx.fields.map((f, i) => {
    const role = f.role && !taken.has(f.role) ? f.role : undefined;
    if (role) taken.add(role);
    return {
      key: f.key,
      label: labels[i]!,
      type: f.type,
      required: f.type !== 'longtext' && f.type !== 'handwritten',
      ...(role && { role }),
      ...(f.signer && { signer: f.signer }),
      ...(f.hint && { hint: f.hint }),
      ...(f.options && { options: f.options }),
      span: f.span,
      source: f.source,
    };
  });
  const notes: ImportNote[] = [];
  if (ctx.dropped) notes.push({ code: 'too-many-fields', count: ctx.dropped });
  if (!blocks.some((b) => b.kind === 'clause' || b.kind === 'title') && !fields.length) notes.push({ code: 'no-structure' });
  return { blocks, fields, values: ctx.values, notes };
}

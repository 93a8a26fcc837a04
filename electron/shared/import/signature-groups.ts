/**
 * The signature block as signers: `承诺方（盖章）：____ 日期：____ 接收方（签字）：____ 日期：____`
 * is two columns, one per signer, each blank signed by its column's party. A label naming a
 * party (承诺/甲方 → 承诺方, 接收/乙方 → 接收方, 见证 → 见证人) opens that party's column;
 * a label naming none (日期, 法定代表人（签字）) belongs to the column it is in.
 */
import type { SignerRole } from '../fields';
import { readPairs, type FormPair } from './form-pairs';
import type { LineTokens, Piece } from './raw-blocks';

const PARTY_WORDS: [RegExp, SignerRole][] = [
  [/见证/, '见证人'],
  [/接收|乙方|受托/, '接收方'],
  [/承诺|甲方|供应商|委托|承租/, '承诺方'],
];
const FALLBACK: [RegExp, SignerRole][] = [[/主要负责人|负责人|法定代表人|授权代表/, '承诺方']];

export function partyOfLabel(label: string): SignerRole | null {
  for (const [re, role] of PARTY_WORDS) if (re.test(label)) return role;
  return null;
}

export interface SignatureItem {
  piece: Piece;
  /** The pair this item is, when it is one. */
  pair: FormPair | null;
}

export interface SignatureColumn {
  signer: SignerRole;
  items: SignatureItem[];
}

/** Splits the signature lines into one column per signer, in the order the signers appear. */
export function signatureColumns(pieces: Piece[], lineText: (line: number) => string, tokens: (line: number) => LineTokens): SignatureColumn[] {
  const columns: SignatureColumn[] = [];
  const open = (signer: SignerRole): SignatureColumn => {
    const found = columns.find((c) => c.signer === signer);
    if (found) return found;
    const col = { signer, items: [] };
    columns.push(col);
    return col;
  };
  // Every pair (or plain remark) in order, with the party its label names.
  const items: { item: SignatureItem; named: SignerRole | null }[] = [];
  for (const piece of pieces) {
    const text = lineText(piece.line);
    const t = tokens(piece.line);
    const run = readPairs(text, piece.start, piece.end, (p) => t.at.get(p), () => true);
    for (const pair of run.pairs) items.push({ item: { piece: { line: piece.line, start: pair.labelStart, end: pair.end }, pair }, named: partyOfLabel(pair.label + pair.tail) });
    const restStart = run.pairs.length ? run.end : piece.start;
    if (text.slice(restStart, piece.end).trim()) items.push({ item: { piece: { line: piece.line, start: restStart, end: piece.end }, pair: null }, named: null });
  }
  let current: SignatureColumn | null = null;
  let namedRun: SignatureColumn[] = [];
  for (let i = 0; i < items.length; i++) {
    const { item, named } = items[i]!;
    if (named) {
      const col = open(named);
      col.items.push(item);
      if (!namedRun.includes(col)) namedRun.push(col);
      current = col;
      continue;
    }
    // 承诺方（盖章）：__ 接收方（盖章）：__ then 日期：__ 日期：__ — one unnamed pair per column.
    let n = 0;
    while (i + n < items.length && !items[i + n]!.named && items[i + n]!.item.pair) n++;
    if (namedRun.length > 1 && n === namedRun.length) {
      for (let k = 0; k < n; k++) namedRun[k]!.items.push(items[i + k]!.item);
      i += n - 1;
    } else {
      const col: SignatureColumn = current ?? open(item.pair ? (FALLBACK.find(([re]) => re.test(item.pair!.label))?.[1] ?? '承诺方') : '承诺方');
      col.items.push(item);
      current = col;
    }
    namedRun = [];
  }
  return columns;
}

/** The signer of a table cell of a signature table: the party its labels name, else the cell before's. */
export function cellSigner(labels: string[], previous: SignerRole | null): SignerRole {
  for (const l of labels) {
    const p = partyOfLabel(l);
    if (p) return p;
  }
  if (previous) return previous;
  for (const l of labels) {
    const f = FALLBACK.find(([re]) => re.test(l));
    if (f) return f[1];
  }
  return '承诺方';
}

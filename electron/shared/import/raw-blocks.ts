/** The structuring's intermediate result: which source range is which kind of block. */
import type { Alignment } from '../doc-schema';
import type { NumberingScheme } from '../numbering';
import type { BlankToken } from './blank-tokens';
import type { ControlField } from './import-types';

/** A range of one source line (line-local offsets). */
export interface Piece {
  line: number;
  start: number;
  end: number;
}

export type RawBlock =
  | { kind: 'title'; piece: Piece }
  | { kind: 'head'; piece: Piece }
  | { kind: 'paragraph'; piece: Piece; align?: Alignment | null; indent?: boolean }
  | {
      kind: 'clause';
      piece: Piece;
      marker: Piece;
      scheme: NumberingScheme;
      level: number;
      list: number | null;
      markerText?: string;
      /** The number the source printed for it (a typed marker's, Word's counter) and whether it is Word's own (exact). */
      sourceCount?: number;
      sourceExact?: boolean;
    }
  | { kind: 'signature'; pieces: Piece[] }
  | { kind: 'table'; rows: { pieces: Piece[] }[][]; signature: boolean };

export interface StyleRange {
  start: number;
  end: number;
  bold?: boolean;
  underline?: boolean;
}

/** One paragraph of the source: a line of pasted text, or a paragraph read from a .docx. */
export interface SourceLine {
  text: string;
  /** Where the line starts in the import's source text. */
  offset: number;
  align?: Alignment | null;
  styles?: StyleRange[];
  /** A Word list paragraph: its scheme and level, and the number Word shows. */
  numbering?: { scheme: NumberingScheme; level: number; marker: string; count?: number };
  /** The file marks it as the title (style Title, or the first centred, large paragraph). */
  title?: boolean;
  /** Index of the table (in `tables`) this line is a cell paragraph of. */
  cell?: { table: number; row: number; col: number };
  /** Content controls in the line (line-local ranges of their `[名称]` text). */
  controls?: { start: number; end: number; field: ControlField }[];
}

export interface LineTokens {
  tokens: BlankToken[];
  /** Token starting at a position, for pair reading. */
  at: Map<number, BlankToken>;
  ends: Set<number>;
}

export function indexTokens(tokens: BlankToken[]): LineTokens {
  return { tokens, at: new Map(tokens.map((t) => [t.start, t])), ends: new Set(tokens.map((t) => t.end)) };
}

/** Full-text search over the register (issue #13): what a query asks and what a hit shows. Pure types. */
import type { RegisterFilter, RegisterRow } from './register';

export interface SearchQuery extends Omit<RegisterFilter, 'text'> {
  /** What the clerk typed: terms separated by spaces all match; text in quotes is one phrase. */
  text: string;
  /**
   * Also find letters by text that only their earlier versions hold (the register's
   * 包括旧版本 toggle): a paragraph edited away, an earlier value of a field.
   */
  history?: boolean;
  offset?: number;
  limit?: number;
}

/** Where in the letter a passage comes from. */
export type SearchField = 'title' | 'number' | 'body' | 'party' | 'signer' | 'note' | 'history';

export interface SearchSnippet {
  field: SearchField;
  /** A short passage of the letter as written (plain text, never markup). */
  text: string;
  /** [start, end) UTF-16 offsets into `text` of each match, in order, not overlapping. */
  highlights: [number, number][];
  /** The passage starts / ends inside the text (shown with …). */
  cutStart: boolean;
  cutEnd: boolean;
}

export interface SearchHit extends RegisterRow {
  /** The title or number matches every term: such hits come first. */
  inTitle: boolean;
  /** The first matching passage (the body's first when the body matches). */
  snippet: SearchSnippet | null;
  /** The body's first match as written, for the editor to select; null when the body has none. */
  bodyMatch: string | null;
}

export interface SearchPage {
  items: SearchHit[];
  /** Letters matching; when `capped`, at least this many (counting stops there to stay fast). */
  total: number;
  capped: boolean;
  offset: number;
  limit: number;
}

/** Progress of a rebuild of the search index (repair). */
export interface SearchRebuildProgress {
  done: number;
  total: number;
  finished: boolean;
}

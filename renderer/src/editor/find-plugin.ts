import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { findMatches, matchIndexAt, type FieldLookup, type FindQuery, type Match } from './find-replace';

/** What the find bar shows. `current` is -1 without matches. */
export interface FindState extends FindQuery {
  open: boolean;
  matches: Match[];
  current: number;
  decorations: DecorationSet;
}

/**
 * `open`/`query`: (re)search, the current match the first at or after `from`; `current`: move to
 * that index; `refresh`: field values changed outside the document (the form panel); `close`.
 */
export type FindAction =
  | { type: 'query'; query: FindQuery; from: number }
  | { type: 'current'; index: number }
  | { type: 'refresh'; from?: number }
  | { type: 'close' };

export const findKey = new PluginKey<FindState>('find');

const CLOSED: FindState = { open: false, query: '', caseSensitive: false, matches: [], current: -1, decorations: DecorationSet.empty };

/** A field's matches as ranges of its shown text, for FieldView to mark (decoration spec). */
export interface FieldFindSpec {
  findRanges: { start: number; end: number; current: boolean }[];
}

function decorate(state: { doc: EditorState['doc'] }, matches: Match[], current: number): DecorationSet {
  const decos: Decoration[] = [];
  const fieldRanges = new Map<number, FieldFindSpec['findRanges']>();
  matches.forEach((m, i) => {
    if (m.kind === 'text') {
      decos.push(Decoration.inline(m.from, m.to, { class: i === current ? 'ld-find-match ld-find-current' : 'ld-find-match' }));
    } else {
      const list = fieldRanges.get(m.from) ?? [];
      list.push({ start: m.start, end: m.end, current: i === current });
      fieldRanges.set(m.from, list);
    }
  });
  for (const [pos, findRanges] of fieldRanges) decos.push(Decoration.node(pos, pos + 1, {}, { findRanges } satisfies FieldFindSpec));
  return DecorationSet.create(state.doc, decos);
}

/**
 * Matches and their highlights while the find bar is open. Closed, it does nothing on a
 * keystroke (typing speed, issue #15); open, it searches again after every change.
 */
export function findPlugin(fields: FieldLookup): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => CLOSED,
      apply(tr: Transaction, prev: FindState, _old, next: EditorState): FindState {
        const action = tr.getMeta(findKey) as FindAction | undefined;
        if (action?.type === 'close') return CLOSED;
        if (action?.type === 'refresh' && !prev.open) return prev;
        if (!action && (!prev.open || !tr.docChanged)) return prev;
        if (action?.type === 'current') {
          if (action.index < 0 || action.index >= prev.matches.length) return prev;
          return { ...prev, current: action.index, decorations: decorate(next, prev.matches, action.index) };
        }
        const query = action?.type === 'query' ? action.query : prev;
        const matches = findMatches(next.doc, query, fields);
        // After an edit the current match is the first one from where the old one was.
        const anchor =
          action?.type === 'query' || (action?.type === 'refresh' && action.from !== undefined)
            ? action.from!
            : tr.mapping.map(prev.matches[prev.current]?.from ?? next.selection.from, -1);
        const current = matchIndexAt(matches, anchor);
        return { open: true, query: query.query, caseSensitive: query.caseSensitive, matches, current, decorations: decorate(next, matches, current) };
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

export function findStateOf(state: EditorState | null): FindState {
  return (state && findKey.getState(state)) || CLOSED;
}

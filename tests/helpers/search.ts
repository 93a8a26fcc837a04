import type { Core } from '../../electron/core/create-api';
import { searchIndexFor } from '../../electron/core/search/search-index';
import { createSearcher } from '../../electron/core/search/search-query';
import type { LetterContent } from '../../electron/shared/letter-content';

/** A letter body of plain paragraphs. */
export function bodyContent(...paragraphs: string[]): LetterContent {
  return {
    doc: { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', attrs: { align: null, indent: true }, content: text ? [{ type: 'text', text }] : [] })) },
    fields: [],
    values: {},
    pageStyle: 'business',
  };
}

export function searcherOf(core: Core) {
  return createSearcher(core.db, searchIndexFor(core.db));
}

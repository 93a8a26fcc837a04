/** The import methods' input schemas (issue #12), for the API contract. */
import { z } from 'zod';
import { fieldDefSchema, fieldValueSchema } from '../template';
import { MAX_IMPORT_CHARS } from './import-types';
import { userLine, userText } from '../text-rules';

/**
 * Text larger than an import may be still reaches core (up to this), so that a 5 MB paste is
 * refused with `file-too-large` and its own message rather than as malformed input.
 */
export const MAX_IMPORT_TEXT_INPUT = 6_000_000;

export const importTextInput = z.strictObject({ text: z.string().min(1).max(MAX_IMPORT_TEXT_INPUT) });

export const importCreateInput = z.strictObject({
  as: z.enum(['letter', 'template']),
  title: userLine(100),
  category: userLine(50).optional(),
  description: userText(1000).optional(),
  pageStyle: z.enum(['business', 'official']).optional(),
  doc: z.looseObject({ type: z.literal('doc'), content: z.array(z.unknown()).min(1).max(100_000) }),
  fields: z.array(fieldDefSchema).max(500),
  values: z.record(z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/), fieldValueSchema),
});

export { MAX_IMPORT_CHARS };

/**
 * The pieces the API contract (api.ts) builds its input schemas from: ids, titles, texts,
 * page styles, and the larger inputs (a letter's content, a signature, a settings patch, …).
 * What main checks before core runs, and core again.
 */
import { z } from 'zod';
import { AUTO_VERSION_RETENTIONS, LETTER_STATUSES, TITLE_MAX } from './domain';
import { fieldDefSchema, fieldValueSchema, templateDataSchema } from './template';
import { isValidNumberPattern, SIGN_METHODS } from './signatures';
import { textProblem, userLine, userText } from './text-rules';

/** Methods that take no argument. */
export const none = z.void();
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const revision = z.number().int().min(0);
export const title = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'title-empty')
      .max(TITLE_MAX, 'title-too-long')
      .superRefine((s, ctx) => {
        const problem = textProblem(s);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  );
/** Text people type, tab and line breaks allowed (a note, a description): text-rules.ts. */
export const text = (max: number) => userText(max);
/** A short line people type (a name, a reason): trimmed, not empty, no control characters. */
export const line = (max: number) => userLine(max);
/** An optional one-line text (a party's address, a contact): may be empty, else as `line`. */
const shortText = (max: number) => userLine(max, 0);
export const templateId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
export const pageStyle = z.enum(['business', 'official']);
const docJson = z.looseObject({ type: z.literal('doc'), content: z.array(z.unknown()).min(1).max(100_000) });
export const fieldValues = z.record(z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/), fieldValueSchema);
const partyText = (max: number) => shortText(max).optional();
// Font names go into XML and CSS: printable text only, no quotes or angle brackets.
const fontName = z.string().trim().min(1).max(60).regex(/^[^<>"'&;{}\u0000-\u001f]+$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
const paging = {
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(500).optional(),
};

export const listLettersQuery = z.strictObject({
  trashed: z.boolean().optional(),
  ...paging,
  sort: z.enum(['updated-desc', 'updated-asc', 'title-asc', 'created-desc']).optional(),
});

/** The whole content of a letter as the editor saves it. */
export const letterContentInput = z.strictObject({
  id,
  revision,
  doc: docJson,
  fields: z.array(fieldDefSchema).max(500),
  values: fieldValues,
  pageStyle,
});

const registerFilterShape = {
  status: z.array(z.enum(LETTER_STATUSES)).max(5).optional(),
  templateId: z.string().max(100).optional(),
  party: z.string().trim().max(100).optional(),
  text: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  trashed: z.boolean().optional(),
};
export const registerFilter = z.strictObject(registerFilterShape);
/** Full-text search (issue #13): the register's filters and the typed text. */
export const searchQuery = z.strictObject({
  ...registerFilterShape,
  text: z.string().max(200),
  /** Also look in the letters' earlier versions (text no longer in the letter). */
  history: z.boolean().optional(),
  ...paging,
});
export const registerQuery = z.strictObject({
  ...registerFilterShape,
  sort: z.enum(['updated-desc', 'updated-asc', 'number-asc', 'number-desc', 'title-asc', 'signed-desc', 'created-desc']).optional(),
  ...paging,
});

export const signatureInput = z.strictObject({
  id,
  role: line(20),
  name: line(100),
  organisation: shortText(200).optional(),
  dateSigned: isoDate.refine(isRealDate, 'bad-date'),
  method: z.enum(SIGN_METHODS),
  recordedBy: shortText(100).optional(),
  note: text(500).optional(),
});

export const newTemplateInput = z.strictObject({
  name: line(100),
  category: line(50),
  description: text(1000).optional(),
  pageStyle: pageStyle.optional(),
  fromLetterId: id.optional(),
});
export { templateDataSchema };

const partyType = z.enum(['enterprise', 'individual', 'other']);
export const partyInput = z.strictObject({
  id: id.optional(),
  fullName: line(200),
  shortName: partyText(100),
  partyType: partyType.optional(),
  address: partyText(300),
  legalRepresentative: partyText(100),
  contact: partyText(200),
  signer: partyText(100),
});

// Letter-number prefixes end up in file names and on paper: letters, digits, a few marks.
const numberPrefix = z.string().regex(/^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff._-]{0,19}$/);
export const settingsPatch = z.strictObject({
  locale: z.enum(['zh-CN', 'en']).optional(),
  autoVersionMinutes: z.number().int().min(1).max(24 * 60).optional(),
  autoVersionRetention: z.enum(AUTO_VERSION_RETENTIONS).optional(),
  numberPattern: z.string().refine(isValidNumberPattern, 'bad-number-pattern').optional(),
  numberPrefix: numberPrefix.optional(),
  // `__proto__` cannot be a key of a stored map (zod would drop it silently): refused by name.
  categoryPrefixes: z
    .unknown()
    .refine((v) => !(typeof v === 'object' && v !== null && Object.hasOwn(v, '__proto__')), 'reserved-key')
    .pipe(z.record(line(50), numberPrefix))
    .optional(),
  exportFonts: z
    .strictObject({ song: fontName, fang: fontName, hei: fontName, kai: fontName, xiaobiaosong: fontName, latin: fontName })
    .optional(),
});

export const profilePatch = z.strictObject({
  fullName: shortText(200).optional(),
  shortName: shortText(100).optional(),
  partyType: partyType.optional(),
  address: shortText(300).optional(),
  legalRepresentative: shortText(100).optional(),
  contact: shortText(200).optional(),
  defaultSigner: shortText(100).optional(),
});

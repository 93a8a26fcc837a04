/** Input schema of every API method: what main checks before core runs, and core again. */
import { z } from 'zod';
import { TITLE_MAX, type ApiMethod } from './api';
import { fieldDefSchema, fieldValueSchema, templateDataSchema } from './template';
import { isValidNumberPattern, SIGN_METHODS } from './signatures';

// U+0000–U+001F and U+007F–U+009F except tab/newline never belong in a title.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const title = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'title-empty')
      .max(TITLE_MAX, 'title-too-long')
      .refine((s) => !CONTROL_CHARS.test(s) && !/[\r\n\t]/.test(s), 'title-control-chars'),
  );
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), 'control-chars');
const none = z.union([z.undefined(), z.null()]).optional();
const templateId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
const pageStyle = z.enum(['business', 'official']);
const docJson = z.looseObject({ type: z.literal('doc'), content: z.array(z.unknown()).min(1).max(100_000) });
const fieldValues = z.record(z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/), fieldValueSchema);
const partyText = (max: number) => text(max).optional();
// Font names go into XML and CSS: printable text only, no quotes or angle brackets.
const fontName = z.string().trim().min(1).max(60).regex(/^[^<>"'&;{}\u0000-\u001f]+$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
const registerFilterShape = {
  status: z.array(z.enum(['draft', 'awaiting-signature', 'signed', 'archived', 'void'])).max(5).optional(),
  templateId: z.string().max(100).optional(),
  party: z.string().trim().max(100).optional(),
  text: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  trashed: z.boolean().optional(),
};
const registerFilter = z.strictObject(registerFilterShape);
const registerQuery = z.strictObject({
  ...registerFilterShape,
  sort: z.enum(['updated-desc', 'updated-asc', 'number-asc', 'number-desc', 'title-asc', 'signed-desc', 'created-desc']).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
// Letter-number prefixes end up in file names and on paper: letters, digits, a few marks.
const numberPrefix = z.string().regex(/^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff._-]{0,19}$/);

/** Input schema of each method (the single argument; `none` for methods without one). */
export const apiInputSchemas = {
  appInfo: none,
  lettersList: z.strictObject({
    trashed: z.boolean().optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    sort: z.enum(['updated-desc', 'updated-asc', 'title-asc', 'created-desc']).optional(),
  }),
  lettersCreate: z
    .strictObject({ title: title.optional(), templateId: templateId.optional(), counterpartyId: id.optional() })
    .refine((v) => v.title !== undefined || v.templateId !== undefined, 'title-empty'),
  lettersGet: z.strictObject({ id }),
  lettersRename: z.strictObject({ id, title, revision: z.number().int().min(0).optional() }),
  lettersTrash: z.strictObject({ id, confirmNumber: z.string().trim().min(1).max(80).optional() }),
  lettersCopy: z.strictObject({ id, title: title.optional() }),
  lettersRestore: z.strictObject({ id }),
  letterContentGet: z.strictObject({ id }),
  letterContentSave: z.strictObject({
    id,
    revision: z.number().int().min(0),
    doc: docJson,
    fields: z.array(fieldDefSchema).max(500),
    values: fieldValues,
    pageStyle,
  }),
  lettersFill: z.strictObject({ id, values: fieldValues, revision: z.number().int().min(0).optional() }),
  versionsList: z.strictObject({ id }),
  versionsSave: z.strictObject({ id, note: text(500).optional() }),
  versionsGet: z.strictObject({ id, seq: id }),
  versionsDiff: z.strictObject({ id, from: id, to: id.optional() }),
  versionsRestore: z.strictObject({ id, seq: id, revision: z.number().int().min(0).optional() }),
  letterExport: z.strictObject({
    id,
    format: z.enum(['docx', 'pdf']),
    style: pageStyle.optional(),
    version: id.optional(),
    draft: z.boolean().optional(),
  }),
  letterPrint: z.strictObject({ id, style: pageStyle.optional() }),
  exportFontCheck: z.strictObject({ style: pageStyle }),
  exportReveal: none,
  signExport: z.strictObject({ id, style: pageStyle.optional() }),
  signRecord: z.strictObject({
    id,
    role: z.string().trim().min(1).max(20),
    name: z.string().trim().min(1).max(100).refine((v) => !CONTROL_CHARS.test(v), 'control-chars'),
    organisation: text(200).optional(),
    dateSigned: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isRealDate, 'bad-date'),
    method: z.enum(SIGN_METHODS),
    recordedBy: text(100).optional(),
    note: text(500).optional(),
  }),
  signAttachScan: z.strictObject({ id }),
  signScanData: z.strictObject({ id, scanId: id }),
  signScanSave: z.strictObject({ id, scanId: id }),
  signArchive: z.strictObject({ id }),
  signVoid: z.strictObject({ id, reason: z.string().trim().min(1).max(500).refine((v) => !CONTROL_CHARS.test(v), 'control-chars') }),
  signState: z.strictObject({ id }),
  signVerify: z.strictObject({ number: z.string().trim().min(1).max(80), fingerprint: z.string().trim().min(1).max(80) }),
  signAudit: z.strictObject({ id }),
  signChainCheck: none,
  lettersSetNumber: z.strictObject({ id, number: z.string().trim().min(1).max(60).regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/) }),
  registerList: registerQuery,
  registerExportCsv: registerFilter,
  templatesList: none,
  templatesGet: z.strictObject({ id: templateId }),
  templatesCreate: z.strictObject({
    name: z.string().trim().min(1).max(100),
    category: z.string().trim().min(1).max(50),
    description: text(1000).optional(),
    pageStyle: pageStyle.optional(),
    fromLetterId: id.optional(),
  }),
  templatesSave: z.strictObject({ template: templateDataSchema }),
  templatesDuplicate: z.strictObject({ id: templateId, name: z.string().trim().min(1).max(100).optional() }),
  templatesDelete: z.strictObject({ id: templateId }),
  templatesExportPack: z.strictObject({ ids: z.array(templateId).min(1).max(500) }),
  templatesImportPack: none,
  partiesList: none,
  partiesSave: z.strictObject({
    id: id.optional(),
    fullName: z.string().trim().min(1).max(200),
    shortName: partyText(100),
    partyType: z.enum(['enterprise', 'individual', 'other']).optional(),
    address: partyText(300),
    legalRepresentative: partyText(100),
    contact: partyText(200),
    signer: partyText(100),
  }),
  partiesDelete: z.strictObject({ id }),
  settingsGet: none,
  settingsUpdate: z.strictObject({
    locale: z.enum(['zh-CN', 'en']).optional(),
    autoVersionMinutes: z.number().int().min(1).max(24 * 60).optional(),
    numberPattern: z.string().refine(isValidNumberPattern, 'bad-number-pattern').optional(),
    numberPrefix: numberPrefix.optional(),
    categoryPrefixes: z.record(z.string().min(1).max(50), numberPrefix).optional(),
    exportFonts: z
      .strictObject({ song: fontName, fang: fontName, hei: fontName, kai: fontName, xiaobiaosong: fontName, latin: fontName })
      .optional(),
  }),
  profileGet: none,
  profileUpdate: z.strictObject({
    fullName: text(200).optional(),
    shortName: text(100).optional(),
    partyType: z.enum(['enterprise', 'individual', 'other']).optional(),
    address: text(300).optional(),
    legalRepresentative: text(100).optional(),
    contact: text(200).optional(),
    defaultSigner: text(100).optional(),
  }),
  dbCheck: none,
} satisfies Record<ApiMethod, z.ZodType>;

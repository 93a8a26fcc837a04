/**
 * Templates and template packs: the file format head office sends to branches, and the
 * format of the built-in templates in resources/templates/. Validated whole before use.
 */
import { z } from 'zod';
import type { DocJSON } from './doc-schema';
import { FIELD_ROLES, FIELD_TYPES, HANDWRITTEN_MARKS, MAX_SIGNER_ROLE_LENGTH, MONEY_FORMS, type FieldDef } from './fields';
import { checkFieldDefs, checkLetterDoc, PAGE_STYLES, type PageStyle } from './letter-content';
import { LetterdeskError } from './errors';
import { cleanText, userLine, userText } from './text-rules';

export const TEMPLATE_PACK_FORMAT = 'letterdesk-template-pack';
export const TEMPLATE_FORMAT_VERSION = 1;
/** A pack larger than this is refused before parsing. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;
export const MAX_PACK_TEMPLATES = 500;

export interface TemplateData {
  id: string;
  name: string;
  category: string;
  description: string;
  pageStyle: PageStyle;
  doc: DocJSON;
  fields: FieldDef[];
}

export interface Template extends TemplateData {
  builtin: boolean;
  createdAt: string | null;
  updatedAt: string | null;
}

export type TemplateSummary = Omit<Template, 'doc' | 'fields'> & { fieldCount: number };

const dateValue = z.strictObject({
  y: z.number().int().optional(),
  m: z.number().int().optional(),
  d: z.number().int().optional(),
});
const choiceValue = z.strictObject({ selected: z.array(z.string().max(100)).max(50), other: z.string().max(200).optional() });
export const fieldValueSchema = z.union([z.string().max(20_000), z.number(), dateValue, choiceValue, z.null()]);

export const fieldDefSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/),
  label: z.string().min(1).max(100).superRefine(cleanText()),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  role: z.enum(FIELD_ROLES).optional(),
  signer: z
    .string()
    .trim()
    .min(1)
    .max(MAX_SIGNER_ROLE_LENGTH)
    .superRefine(cleanText())
    .optional(),
  hint: userText(500).optional(),
  example: userText(200).optional(),
  default: fieldValueSchema.optional(),
  options: z
    .strictObject({
      unit: z.string().max(20).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().optional(),
      capital: z.boolean().optional(),
      moneyForm: z.enum(MONEY_FORMS).optional(),
      choices: z.array(z.string().min(1).max(50)).max(30).optional(),
      multiple: z.boolean().optional(),
      other: z.boolean().optional(),
      party: z.enum(['promisor', 'recipient']).optional(),
      part: z.enum(['fullName', 'shortName', 'address', 'legalRepresentative', 'contact', 'signer']).optional(),
      maxLength: z.number().int().positive().max(20_000).optional(),
      blankWidth: z.number().int().min(1).max(60).optional(),
      mark: z.enum(HANDWRITTEN_MARKS).optional(),
    })
    .optional(),
});

export const templateDataSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
  name: userLine(100),
  category: userLine(50),
  description: userText(1000),
  pageStyle: z.enum(PAGE_STYLES as [PageStyle, ...PageStyle[]]),
  doc: z.looseObject({ type: z.literal('doc'), content: z.array(z.unknown()).min(1) }),
  fields: z.array(fieldDefSchema).max(500),
});

/** Validates one template's data: shape, field definitions, and the document against the schema. */
export function parseTemplateData(input: unknown, where = 'template'): TemplateData {
  const parsed = templateDataSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LetterdeskError('bad-template-pack', `${where}: ${issue?.path.join('.') || 'template'}: ${issue?.message}`);
  }
  const data: TemplateData = parsed.data;
  try {
    checkFieldDefs(data.fields);
    checkLetterDoc(data.doc, data.fields);
  } catch (err) {
    throw new LetterdeskError('bad-template-pack', `${where} (${data.id}): ${(err as Error).message}`);
  }
  return data;
}

export interface TemplatePack {
  format: typeof TEMPLATE_PACK_FORMAT;
  formatVersion: number;
  exportedAt: string;
  templates: TemplateData[];
}

/** Parses a pack file's text: all templates valid, or a specific error — never a partial result. */
export function parseTemplatePack(text: string): TemplatePack {
  if (text.length > MAX_PACK_BYTES) throw new LetterdeskError('bad-template-pack', `The file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new LetterdeskError('bad-template-pack', 'The file is not JSON (not a Letterdesk template pack)');
  }
  const head = json as Partial<TemplatePack> | null;
  if (!head || typeof head !== 'object' || head.format !== TEMPLATE_PACK_FORMAT) {
    throw new LetterdeskError('bad-template-pack', 'The file is not a Letterdesk template pack');
  }
  if (typeof head.formatVersion !== 'number' || head.formatVersion > TEMPLATE_FORMAT_VERSION || head.formatVersion < 1) {
    throw new LetterdeskError('bad-template-pack', `Pack format version ${String(head.formatVersion)} is not supported (this app reads version ${TEMPLATE_FORMAT_VERSION})`);
  }
  if (!Array.isArray(head.templates) || head.templates.length === 0) throw new LetterdeskError('bad-template-pack', 'The pack holds no templates');
  if (head.templates.length > MAX_PACK_TEMPLATES) throw new LetterdeskError('bad-template-pack', `A pack holds at most ${MAX_PACK_TEMPLATES} templates`);
  const templates = head.templates.map((t, i) => parseTemplateData(t, `template ${i + 1}`));
  const ids = new Set<string>();
  for (const t of templates) {
    if (ids.has(t.id)) throw new LetterdeskError('bad-template-pack', `Template id ${t.id} appears twice`);
    ids.add(t.id);
  }
  return { format: TEMPLATE_PACK_FORMAT, formatVersion: TEMPLATE_FORMAT_VERSION, exportedAt: String(head.exportedAt ?? ''), templates };
}

/**
 * Rules for a letter's content that are not storage: what a new letter starts with, and
 * what may be saved (schema, field definitions, value types, size).
 */
import { LetterdeskError } from '../shared/errors';
import { EMPTY_DOC } from '../shared/doc-schema';
import type { Party, Profile } from '../shared/domain';
import { isEmptyValue, validateField, type FieldDef, type FieldValues, type PartyPart } from '../shared/fields';
import {
  checkFieldDefs,
  checkLetterDoc,
  cleanDocText,
  MAX_DOC_JSON_BYTES,
  type LetterContent,
} from '../shared/letter-content';
import type { Template } from '../shared/template';

const PROFILE_PART: Record<PartyPart, keyof Profile> = {
  fullName: 'fullName',
  shortName: 'shortName',
  address: 'address',
  legalRepresentative: 'legalRepresentative',
  contact: 'contact',
  signer: 'defaultSigner',
};

/**
 * Values a new letter starts with: each field's default, then party fields from the office
 * profile (承诺方) or the chosen counterparty (接收方). Copied, so later profile edits leave
 * existing letters alone.
 */
export function initialValues(fields: FieldDef[], profile: Profile, counterparty: Party | null): FieldValues {
  const values: FieldValues = {};
  for (const f of fields) {
    if (f.default !== undefined && f.type !== 'handwritten') values[f.key] = structuredClone(f.default);
    if (f.type !== 'party') continue;
    const part = f.options?.part ?? 'fullName';
    const source =
      f.options?.party === 'recipient'
        ? counterparty && (part === 'signer' ? counterparty.signer : counterparty[part])
        : profile[PROFILE_PART[part]];
    if (typeof source === 'string' && source.trim()) values[f.key] = source.trim();
  }
  return values;
}

export function contentFromTemplate(template: Template, profile: Profile, counterparty: Party | null): LetterContent {
  return {
    doc: structuredClone(template.doc),
    fields: structuredClone(template.fields),
    values: initialValues(template.fields, profile, counterparty),
    pageStyle: template.pageStyle,
  };
}

export function blankContent(): LetterContent {
  return { doc: structuredClone(EMPTY_DOC), fields: [], values: {}, pageStyle: 'business' };
}

/** Type problems that make a value unstorable (empty or out-of-range values are kept and shown). */
const REFUSED = new Set(['wrong-type', 'handwritten-filled']);

/** Cleans and checks content before it is stored; throws invalid-document / invalid-input. */
export function prepareContent(content: LetterContent): LetterContent {
  const doc = cleanDocText(content.doc);
  const size = JSON.stringify(doc).length;
  if (size > MAX_DOC_JSON_BYTES) {
    throw new LetterdeskError('invalid-document', `The letter is too large (${Math.round(size / 1024)} KB of content; limit ${MAX_DOC_JSON_BYTES / 1000} KB)`);
  }
  checkFieldDefs(content.fields);
  checkLetterDoc(doc, content.fields);
  const defs = new Map(content.fields.map((f) => [f.key, f]));
  const values: FieldValues = {};
  for (const [key, value] of Object.entries(content.values)) {
    const def = defs.get(key);
    if (!def) continue; // a value for a field no longer defined is dropped with its field
    const problem = validateField(def, value);
    if (problem && REFUSED.has(problem)) throw new LetterdeskError('invalid-input', `Field ${def.label} (${key}): ${problem}`);
    if (!isEmptyValue(value)) values[key] = value;
  }
  return { doc, fields: content.fields, values, pageStyle: content.pageStyle };
}

/** Values given by key (CLI `letters fill`): every key must exist and every value must fit its type. */
export function checkFill(fields: FieldDef[], values: FieldValues): void {
  const defs = new Map(fields.map((f) => [f.key, f]));
  const problems: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const def = defs.get(key);
    if (!def) {
      problems.push(`${key}: no such field`);
      continue;
    }
    const problem = validateField(def, value);
    if (problem && problem !== 'required') problems.push(`${key} (${def.label}): ${problem}`);
  }
  if (problems.length) throw new LetterdeskError('invalid-input', problems.join('; '));
}

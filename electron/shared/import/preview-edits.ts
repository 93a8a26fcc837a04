/**
 * What the preview lets the user change before anything is saved: merge a block with the
 * next, split one after a sentence, make a block a title / paragraph / clause, change a
 * clause's level or numbering, change a field's type, label, role, signer, unit or options, and
 * make two blanks one field (the same name written twice). Pure: each returns a new result.
 */
import { FIELD_ROLES, type FieldOptions, type FieldRole, type FieldType } from '../fields';
import { ROLE_TYPES } from '../field-roles';
import { isClauseStart, MAX_CLAUSE_LEVEL, type NumberingScheme } from '../numbering';
import type { ImportBlock, ImportField, ImportInline, ImportResult } from './import-types';

type TextBlock = Exclude<ImportBlock, { kind: 'table' }>;

function isText(b: ImportBlock | undefined): b is TextBlock {
  return !!b && b.kind !== 'table';
}

function joinContent(a: ImportInline[], b: ImportInline[]): ImportInline[] {
  const out = [...a];
  for (const c of b) {
    const last = out[out.length - 1];
    if (c.type === 'text' && last?.type === 'text' && !!last.bold === !!c.bold && !!last.underline === !!c.underline) out[out.length - 1] = { ...last, text: last.text + c.text };
    else out.push(c);
  }
  return out;
}

function replaceBlocks(result: ImportResult, at: number, remove: number, ...blocks: ImportBlock[]): ImportResult {
  const next = [...result.blocks];
  next.splice(at, remove, ...blocks);
  return { ...result, blocks: next };
}

/** Can block i be merged with the next one (both text blocks)? */
export function canMerge(result: ImportResult, i: number): boolean {
  return isText(result.blocks[i]) && isText(result.blocks[i + 1]);
}

export function mergeWithNext(result: ImportResult, i: number): ImportResult {
  const a = result.blocks[i];
  const b = result.blocks[i + 1];
  if (!isText(a) || !isText(b)) return result;
  const merged = { ...a, content: joinContent(a.content, b.content), span: { start: Math.min(a.span.start, b.span.start), end: Math.max(a.span.end, b.span.end) } };
  return replaceBlocks(result, i, 2, merged);
}

/** Where a block may be split: after each 。；！？ that has text after it (offsets into its plain content). */
export function splitPoints(block: ImportBlock): { offset: number; before: string }[] {
  if (!isText(block)) return [];
  const out: { offset: number; before: string }[] = [];
  let offset = 0;
  let text = '';
  for (const c of block.content) {
    if (c.type === 'field') {
      text += '□';
      offset += 1;
      continue;
    }
    for (const ch of c.text) {
      text += ch;
      offset += 1;
      if ('。；;！!？?'.includes(ch)) out.push({ offset, before: [...text].slice(-12).join('') });
    }
  }
  return out.filter((p) => p.offset < offset);
}

/** Splits block i after `offset` characters of its content (a field counts one); the second part is a paragraph. */
export function splitBlock(result: ImportResult, i: number, offset: number): ImportResult {
  const block = result.blocks[i];
  if (!isText(block)) return result;
  const first: ImportInline[] = [];
  const second: ImportInline[] = [];
  let pos = 0;
  for (const c of block.content) {
    const len = c.type === 'field' ? 1 : c.text.length;
    if (pos + len <= offset) first.push(c);
    else if (pos >= offset) second.push(c);
    else if (c.type === 'text') {
      first.push({ ...c, text: c.text.slice(0, offset - pos) });
      second.push({ ...c, text: c.text.slice(offset - pos) });
    }
    pos += len;
  }
  if (!first.length || !second.length) return result;
  const trimStart = (cs: ImportInline[]) => (cs[0]?.type === 'text' ? [{ ...cs[0], text: cs[0].text.replace(/^\s+/, '') }, ...cs.slice(1)] : cs);
  return replaceBlocks(result, i, 1, { ...block, content: first }, { kind: 'paragraph', align: null, indent: true, content: trimStart(second), span: block.span });
}

/** Makes block i a title, paragraph or clause (a clause keeps or takes a scheme and level). */
export function setBlockKind(result: ImportResult, i: number, kind: TextBlock['kind'], clause?: { scheme: NumberingScheme; level: number }): ImportResult {
  const b = result.blocks[i];
  if (!isText(b) || b.kind === kind) return result;
  const base = { content: b.content, span: b.span };
  if (kind === 'title') return replaceBlocks(result, i, 1, { kind: 'title', ...base });
  if (kind === 'paragraph') return replaceBlocks(result, i, 1, { kind: 'paragraph', align: null, indent: true, ...base });
  const prev = [...result.blocks.slice(0, i)].reverse().find((x): x is Extract<ImportBlock, { kind: 'clause' }> => x.kind === 'clause');
  return replaceBlocks(result, i, 1, { kind: 'clause', scheme: clause?.scheme ?? prev?.scheme ?? 'cn', level: clause?.level ?? prev?.level ?? 0, marker: '', ...base });
}

/** Changes a clause's level, scheme or restart (`start`: a number to restart at, null to count on). */
export function setClause(result: ImportResult, i: number, patch: { level?: number; scheme?: NumberingScheme; start?: number | null }): ImportResult {
  const b = result.blocks[i];
  if (b?.kind !== 'clause') return result;
  const level = Math.max(0, Math.min(MAX_CLAUSE_LEVEL, Math.trunc(patch.level ?? b.level)));
  const { start: oldStart, ...rest } = b;
  const start = patch.start === undefined ? oldStart : isClauseStart(patch.start) ? patch.start : undefined;
  return replaceBlocks(result, i, 1, { ...rest, level, scheme: patch.scheme ?? b.scheme, ...(start !== undefined && { start }) });
}

export interface FieldPatch {
  type?: FieldType;
  label?: string;
  role?: FieldRole | null;
  signer?: string;
  unit?: string;
  /** A choice's options, in order (empty ones and repeats dropped). */
  choices?: string[];
}

function optionsFor(type: FieldType, f: ImportField, unit: string | undefined, choices: string[] | undefined): FieldOptions | undefined {
  const o = f.options ?? {};
  switch (type) {
    case 'number':
      return { ...(unit ?? o.unit ? { unit: unit ?? o.unit } : {}), min: 0 };
    case 'percent':
      return { max: 100 };
    case 'money':
      return o.capital ? { capital: true } : undefined;
    case 'choice': {
      const given = choices ? [...new Set(choices.map((c) => c.trim().slice(0, 40)).filter(Boolean))].slice(0, 50) : [];
      return { choices: given.length ? given : o.choices?.length ? o.choices : ['是', '否'], ...(o.other && { other: true }) };
    }
    case 'party':
      return { party: o.party ?? 'promisor', part: o.part ?? 'fullName' };
    default:
      return undefined;
  }
}

/** Changes one field; a role given to it is taken from any other field (one field per role). */
export function updateField(result: ImportResult, key: string, patch: FieldPatch): ImportResult {
  const fields = result.fields.map((f) => {
    if (f.key !== key) return patch.role && f.role === patch.role ? withoutRole(f) : f;
    const type = patch.type ?? f.type;
    const label = (patch.label ?? f.label).trim().slice(0, 100) || f.label;
    const options = optionsFor(type, f, patch.unit, patch.choices);
    let role: FieldRole | undefined = patch.role === null ? undefined : (patch.role ?? f.role);
    if (role && (!FIELD_ROLES.includes(role) || !ROLE_TYPES[role].includes(type))) role = undefined;
    const signer = type === 'handwritten' ? (patch.signer ?? f.signer ?? '承诺方') : undefined;
    const { options: _o, role: _r, signer: _s, ...rest } = f;
    return { ...rest, type, label, required: type !== 'longtext' && type !== 'handwritten', ...(options && { options }), ...(role && { role }), ...(signer && { signer }) };
  });
  const values = { ...result.values };
  if ((patch.type && patch.type !== 'choice') || patch.choices) delete values[key];
  return { ...result, fields, values };
}

function renameInline(content: ImportInline[], from: string, to: string): ImportInline[] {
  return content.map((c) => (c.type === 'field' && c.key === from ? { type: 'field', key: to } : c));
}

/**
 * Makes the blank `key` the same field as `into` (a name or date written twice is filled once):
 * every place `key` stood now shows `into`, and `key` is gone with its value.
 */
export function mergeField(result: ImportResult, key: string, into: string): ImportResult {
  if (key === into || !result.fields.some((f) => f.key === key) || !result.fields.some((f) => f.key === into)) return result;
  const blocks = result.blocks.map((b): ImportBlock =>
    b.kind === 'table'
      ? { ...b, rows: b.rows.map((row) => row.map((cell) => cell.map((p) => ({ ...p, content: renameInline(p.content, key, into) })))) }
      : { ...b, content: renameInline(b.content, key, into) },
  );
  const values = { ...result.values };
  delete values[key];
  return { ...result, blocks, fields: result.fields.filter((f) => f.key !== key), values };
}

function withoutRole(f: ImportField): ImportField {
  const { role: _r, ...rest } = f;
  return rest;
}

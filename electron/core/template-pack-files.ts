import fs from 'node:fs';
import { LetterdeskError } from '../shared/errors';
import { roleFields } from '../shared/field-roles';
import { MAX_PACK_BYTES, parseTemplatePack, TEMPLATE_FORMAT_VERSION, TEMPLATE_PACK_FORMAT, type TemplatePack } from '../shared/template';
import { toLetterdeskError } from './db/sqlite-errors';
import type { TemplatesRepo } from './templates-repo';

/** The pack JSON for the given templates (built-in ones included: a branch may want them too). */
export function buildTemplatePack(repo: TemplatesRepo, ids: string[], now: string): TemplatePack {
  const templates = [...new Set(ids)].map((id) => {
    const { builtin: _b, createdAt: _c, updatedAt: _u, ...data } = repo.get(id);
    return data;
  });
  return { format: TEMPLATE_PACK_FORMAT, formatVersion: TEMPLATE_FORMAT_VERSION, exportedAt: now, templates };
}

export function writeTemplatePack(repo: TemplatesRepo, ids: string[], file: string, now: string): number {
  const pack = buildTemplatePack(repo, ids, now);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(pack, null, 2), 'utf8');
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw toLetterdeskError(err, `Cannot write ${file}`);
  }
  return pack.templates.length;
}

/** Reads, validates and imports a pack file: all templates or none. */
export function importTemplatePackFile(repo: TemplatesRepo, file: string, now: string): { imported: number; replaced: number } {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    throw toLetterdeskError(err, `Cannot read ${file}`);
  }
  if (size > MAX_PACK_BYTES) throw new LetterdeskError('bad-template-pack', `The file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw toLetterdeskError(err, `Cannot read ${file}`);
  }
  // A pack from before field roles existed gets the roles its labels suggest, stored once with
  // the template (the library's editor shows them for checking); roles a pack carries are kept.
  const templates = parseTemplatePack(text).templates.map((t) => ({ ...t, fields: roleFields(t.fields) }));
  return repo.importAll(templates, now);
}

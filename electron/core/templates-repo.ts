import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db/open-db';
import { LetterdeskError } from '../shared/errors';
import type { PageStyle } from '../shared/letter-content';
import { parseTemplateData, type Template, type TemplateData, type TemplateSummary } from '../shared/template';

interface TemplateRow {
  id: string;
  name: string;
  category: string;
  description: string;
  page_style: PageStyle;
  doc_json: string;
  fields_json: string;
  created_at: string;
  updated_at: string;
}

/** Reads the built-in templates shipped in resources/templates/*.json; a broken one is a build error. */
export function loadBuiltinTemplates(resourcesDir: string): Template[] {
  const dir = path.join(resourcesDir, 'templates');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data = parseTemplateData(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f);
      return { ...data, builtin: true, createdAt: null, updatedAt: null };
    });
}

function summary(t: Template): TemplateSummary {
  const { doc: _doc, fields, ...rest } = t;
  return { ...rest, fieldCount: fields.length };
}

/** Built-in templates (read-only, from resources) and the user's own (in the database). */
export function createTemplatesRepo(db: Db, builtins: Template[]) {
  const builtinById = new Map(builtins.map((t) => [t.id, t]));
  const all = db.prepare<[], TemplateRow>(`SELECT * FROM templates ORDER BY name`);
  const byId = db.prepare<[string], TemplateRow>(`SELECT * FROM templates WHERE id = ?`);
  const upsert = db.prepare<[string, string, string, string, PageStyle, string, string, string, string]>(
    `INSERT INTO templates (id, name, category, description, page_style, doc_json, fields_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, category = excluded.category, description = excluded.description,
       page_style = excluded.page_style, doc_json = excluded.doc_json, fields_json = excluded.fields_json,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>(`DELETE FROM templates WHERE id = ?`);

  const fromRow = (r: TemplateRow): Template => ({
    id: r.id,
    name: r.name,
    category: r.category,
    description: r.description,
    pageStyle: r.page_style,
    doc: JSON.parse(r.doc_json),
    fields: JSON.parse(r.fields_json),
    builtin: false,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  function get(id: string): Template {
    const builtin = builtinById.get(id);
    if (builtin) return builtin;
    const row = byId.get(id);
    if (!row) throw new LetterdeskError('not-found', `Template ${id} does not exist`);
    return fromRow(row);
  }

  function save(data: TemplateData, now: string): Template {
    if (builtinById.has(data.id)) throw new LetterdeskError('template-readonly', `Template ${data.id} is built in`);
    const checked = parseTemplateData(data);
    const existing = byId.get(checked.id);
    upsert.run(
      checked.id,
      checked.name,
      checked.category,
      checked.description,
      checked.pageStyle,
      JSON.stringify(checked.doc),
      JSON.stringify(checked.fields),
      existing?.created_at ?? now,
      now,
    );
    return get(checked.id);
  }

  return {
    get,
    save,
    list(): TemplateSummary[] {
      return [...builtins, ...all.all().map(fromRow)].map(summary);
    },
    isBuiltin: (id: string) => builtinById.has(id),
    exists: (id: string) => builtinById.has(id) || !!byId.get(id),
    delete(id: string): void {
      if (builtinById.has(id)) throw new LetterdeskError('template-readonly', `Template ${id} is built in`);
      if (remove.run(id).changes === 0) throw new LetterdeskError('not-found', `Template ${id} does not exist`);
    },
    /** Imports all templates in one transaction: every one lands, or none does. */
    importAll(templates: TemplateData[], now: string): { imported: number; replaced: number } {
      for (const t of templates) {
        if (builtinById.has(t.id)) throw new LetterdeskError('bad-template-pack', `Template ${t.id} would replace a built-in template`);
      }
      return db.transaction(() => {
        let replaced = 0;
        for (const t of templates) {
          if (byId.get(t.id)) replaced++;
          save(t, now);
        }
        return { imported: templates.length, replaced };
      })();
    },
  };
}

export type TemplatesRepo = ReturnType<typeof createTemplatesRepo>;

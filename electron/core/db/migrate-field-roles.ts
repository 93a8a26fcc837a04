/**
 * Migration 7 (issue #9): field roles become structure. Templates and draft letters get the
 * roles their labels suggest, stored once; from then on only the stored roles count. Letters
 * already on paper keep their content byte for byte (it is the evidence their paper was
 * checked against); their frozen versions are read through field-roles.ts `roleFields`.
 */
import type Database from 'better-sqlite3';
import { inferFieldRoles } from '../../shared/field-roles';
import type { FieldDef } from '../../shared/fields';

function withRoles(fieldsJson: string): string | null {
  const fields = JSON.parse(fieldsJson) as FieldDef[];
  if (!Array.isArray(fields) || fields.some((f) => f.role || f.signer)) return null;
  const inferred = inferFieldRoles(fields);
  const json = JSON.stringify(inferred);
  return json === JSON.stringify(fields) ? null : json;
}

export function addFieldRoles(db: Database.Database): void {
  const update = {
    templates: db.prepare<[string, string]>(`UPDATE templates SET fields_json = ? WHERE id = ?`),
    letters: db.prepare<[string, number]>(`UPDATE letters SET fields_json = ? WHERE id = ?`),
  };
  for (const row of db.prepare<[], { id: string; fields_json: string }>(`SELECT id, fields_json FROM templates`).all()) {
    const json = withRoles(row.fields_json);
    if (json) update.templates.run(json, row.id);
  }
  const drafts = db.prepare<[], { id: number; fields_json: string }>(
    `SELECT id, fields_json FROM letters WHERE status = 'draft' AND NOT EXISTS (SELECT 1 FROM signature_events e WHERE e.letter_id = letters.id)`,
  );
  for (const row of drafts.all()) {
    const json = withRoles(row.fields_json);
    if (json) update.letters.run(json, row.id);
  }
}

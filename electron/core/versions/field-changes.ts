/** The field table of a comparison: which fields changed, old → new as printed on paper. */
import { fieldText, type FieldDef, type FieldValues } from '../../shared/fields';
import type { FieldChange } from '../../shared/versions';
import { canonicalJson } from './canonical-hash';

export type { FieldChange };

type Side = { fields: FieldDef[]; values: FieldValues };

/** Fields in the newer version's order, then those removed from the older one. */
export function fieldChanges(a: Side, b: Side): FieldChange[] {
  const before = new Map(a.fields.map((f) => [f.key, f]));
  const after = new Map(b.fields.map((f) => [f.key, f]));
  const out: FieldChange[] = [];
  for (const def of b.fields) {
    const old = before.get(def.key);
    if (!old) {
      out.push({ key: def.key, label: def.label, change: 'added', before: null, after: fieldText(def, b.values[def.key]), definitionChanged: false });
      continue;
    }
    const definitionChanged = canonicalJson(old) !== canonicalJson(def);
    const valueChanged = canonicalJson(a.values[def.key] ?? null) !== canonicalJson(b.values[def.key] ?? null);
    if (!definitionChanged && !valueChanged) continue;
    out.push({
      key: def.key,
      label: def.label,
      change: 'changed',
      before: fieldText(old, a.values[def.key]),
      after: fieldText(def, b.values[def.key]),
      definitionChanged,
    });
  }
  for (const def of a.fields) {
    if (after.has(def.key)) continue;
    out.push({ key: def.key, label: def.label, change: 'removed', before: fieldText(def, a.values[def.key]), after: null, definitionChanged: false });
  }
  return out;
}

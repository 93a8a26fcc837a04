import type { FieldDef, FieldValue } from '../../electron/shared/fields';

/** A value a clerk might enter for a field, within its limits (choices: the first one). */
export function sampleValue(f: FieldDef): FieldValue {
  switch (f.type) {
    case 'number':
    case 'percent':
    case 'money':
      return Math.max(f.options?.min ?? 1, Math.min(f.options?.max ?? 100, 5));
    case 'date':
      return { y: 2026, m: 5, d: 8 };
    case 'choice':
      return { selected: [f.options?.choices?.[0] ?? '其他'] };
    case 'handwritten':
      return null;
    default:
      return `${f.label}内容`;
  }
}

/** Values for every required field: what export for signature needs. */
export function requiredValues(fields: FieldDef[]): Record<string, FieldValue> {
  return Object.fromEntries(fields.filter((f) => f.required).map((f) => [f.key, sampleValue(f)]));
}

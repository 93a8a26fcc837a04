/**
 * Editing the roles stored on field definitions (issue #9): which roles a field type may take,
 * moving a role so that at most one field holds it, and the one-time inference offered for
 * definitions made before roles existed. Pure; the dialogs and the template editor call it.
 */
import { FIELD_ROLES, type FieldDef, type FieldRole, type FieldType } from '../../../electron/shared/fields';
import { inferFieldRoles, ROLE_TYPES } from '../../../electron/shared/field-roles';
import type { MessageKey } from '../lib/messages';

/** The roles a field of this type may carry (ROLE_TYPES), in their usual order. */
export function rolesFor(type: FieldType): FieldRole[] {
  return FIELD_ROLES.filter((r) => ROLE_TYPES[r].includes(type));
}

export const roleLabelKey = (role: FieldRole): MessageKey => `fieldRole.${role}` as MessageKey;

/** The field (other than `exceptKey`) that already holds `role`, if any. */
export function roleHolder(fields: readonly FieldDef[], role: FieldRole | undefined, exceptKey?: string): FieldDef | undefined {
  return role ? fields.find((f) => f.role === role && f.key !== exceptKey) : undefined;
}

/** Gives `role` to the field `key`, taking it from whichever field held it before (a new list). */
export function withRole(fields: readonly FieldDef[], key: string, role: FieldRole | undefined): FieldDef[] {
  return fields.map((f) => {
    if (f.key === key) return withoutUndefined({ ...f, role });
    if (role && f.role === role) return withoutUndefined({ ...f, role: undefined });
    return f;
  });
}

/** Sets the signer of a handwritten field; an empty name removes it. */
export function withSigner(fields: readonly FieldDef[], key: string, signer: string): FieldDef[] {
  const name = signer.trim();
  return fields.map((f) => (f.key === key ? withoutUndefined({ ...f, signer: name || undefined }) : f));
}

/**
 * Definitions made before roles existed carry none at all. For those, the inferred roles (a
 * suggestion for the user to check, stored on save); null when there is nothing to suggest.
 */
export function suggestRoles(fields: readonly FieldDef[]): FieldDef[] | null {
  if (fields.some((f) => f.role || f.signer)) return null;
  const inferred = inferFieldRoles([...fields]);
  return inferred.some((f) => f.role || f.signer) ? inferred : null;
}

// Definitions cross IPC and a strict schema: no keys with undefined values.
function withoutUndefined(f: FieldDef): FieldDef {
  const out = { ...f };
  if (out.role === undefined) delete out.role;
  if (out.signer === undefined) delete out.signer;
  return out;
}

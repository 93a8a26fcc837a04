/**
 * The rules that read meaning from a letter (issue #9): which field is the letter's own
 * number, who the parties are, who must sign. Each reads the roles stored on the field
 * definitions — never the Chinese wording of a label — and is the one definition used by
 * core, the renderer and the CLI alike.
 */
import { isEmptyValue, type FieldDef, type FieldRole, type FieldValues, type SignerRole } from './fields';
import { fieldKeysInOrder } from './letter-model';

type Content = { doc: { content?: unknown[] }; fields: FieldDef[]; values: FieldValues };

/** Field types each role may sit on; a role elsewhere is refused when definitions are checked. */
export const ROLE_TYPES: Record<FieldRole, readonly FieldDef['type'][]> = {
  'own-number': ['docnumber', 'text'],
  'promisor-name': ['party', 'text'],
  'recipient-name': ['party', 'text'],
};

/**
 * The definitions the rules read. Content stored before roles existed (frozen versions of
 * letters exported then, which may not change) carries no role at all: for it alone the
 * one-time inference stands in. Anything made since carries its roles and is read as is.
 */
export function roleFields(fields: FieldDef[]): FieldDef[] {
  return fields.some((f) => f.role || f.signer) ? fields : inferFieldRoles(fields);
}

function usedFields(content: Content): FieldDef[] {
  const defs = new Map(roleFields(content.fields).map((f) => [f.key, f]));
  return fieldKeysInOrder(content.doc)
    .map((k) => defs.get(k))
    .filter((d): d is FieldDef => !!d);
}

/** The letter's own number field(s) — filled by the register at export for signature. */
export function ownNumberFields(fields: FieldDef[]): FieldDef[] {
  return roleFields(fields).filter((f) => f.role === 'own-number');
}

/** The name of a party as written in the letter, or '' when that field is empty or absent. */
export function partyName(content: Pick<Content, 'fields' | 'values'>, party: 'promisor' | 'recipient'): string {
  const role: FieldRole = party === 'promisor' ? 'promisor-name' : 'recipient-name';
  for (const f of roleFields(content.fields)) {
    const v = content.values[f.key];
    if (f.role === role && typeof v === 'string' && v.trim()) return v.trim().slice(0, 100);
  }
  return '';
}

/** The register's parties column: 承诺方, then 接收方. */
export function partiesOf(content: Pick<Content, 'fields' | 'values'>): string {
  return [partyName(content, 'promisor'), partyName(content, 'recipient')].filter((n, i, all) => n && all.indexOf(n) === i).join(' / ');
}

/**
 * Who must sign: the signer of every handwritten field used in the text, in document order.
 * A letter with no signature blank still needs its 承诺方 (the letter is a promise).
 */
export function requiredSignerRoles(content: Content): SignerRole[] {
  const roles: SignerRole[] = [];
  for (const f of usedFields(content)) {
    if (f.type === 'handwritten' && f.signer && !roles.includes(f.signer)) roles.push(f.signer);
  }
  return roles.length ? roles : ['承诺方'];
}

/**
 * Who has signed the paper in hand: the roles recorded after the latest export for signature.
 * The one rule for "complete" used by the lifecycle, the signature state and the panel.
 */
export function signingProgress(required: SignerRole[], signedRoles: SignerRole[]): { signed: SignerRole[]; missing: SignerRole[]; complete: boolean } {
  const signed = required.filter((r) => signedRoles.includes(r));
  const missing = required.filter((r) => !signedRoles.includes(r));
  return { signed, missing, complete: missing.length === 0 };
}

/** Fills the letter's empty own-number fields with the assigned number (a new values object). */
export function withOwnNumber(fields: FieldDef[], values: FieldValues, number: string): FieldValues {
  const out = { ...values };
  for (const f of ownNumberFields(fields)) if (isEmptyValue(out[f.key])) out[f.key] = number;
  return out;
}

// --- Inference, offered once when a template or letter has no roles yet (migration, user
// templates made before roles existed, pasted text). Its result is stored; rules never call it.

const OWN_NUMBER_LABEL = /^(承诺书|函件|文书|保证书)?编号$/;
const PROMISOR_LABEL = /^(承诺(方|人|单位)|甲方)(名称|全称)?$/;
const RECIPIENT_LABEL = /^(接收方|乙方)(名称|全称)?$/;
const SIGNER_BY_LABEL: [RegExp, SignerRole][] = [
  [/见证/, '见证人'],
  [/接收方|乙方/, '接收方'],
  [/承诺|甲方|主要负责人|负责人|法定代表人|授权代表/, '承诺方'],
];

/** Suggests roles for fields that have none; fields that already have one keep it. */
export function inferFieldRoles(fields: FieldDef[]): FieldDef[] {
  const hasRole = (role: FieldRole) => fields.some((f) => f.role === role);
  const taken = new Set<FieldRole>();
  let lastSigner: SignerRole | null = null;
  return fields.map((f) => {
    const out: FieldDef = { ...f };
    if (!f.role) {
      const label = f.label.trim();
      let role: FieldRole | null = null;
      if (f.type === 'docnumber' && OWN_NUMBER_LABEL.test(label)) role = 'own-number';
      else if (f.type === 'party' && (f.options?.part ?? 'fullName') === 'fullName') role = f.options?.party === 'recipient' ? 'recipient-name' : 'promisor-name';
      else if (f.type === 'text' && PROMISOR_LABEL.test(label)) role = 'promisor-name';
      else if (f.type === 'text' && RECIPIENT_LABEL.test(label)) role = 'recipient-name';
      if (role && !hasRole(role) && !taken.has(role)) {
        out.role = role;
        taken.add(role);
      }
    }
    if (f.type === 'handwritten' && !f.signer) {
      // A blank without a party word (签订日期) belongs to the signer of the blank before it.
      const match = SIGNER_BY_LABEL.find(([re]) => re.test(f.label));
      if (match) out.signer = match[1];
      else if (lastSigner) out.signer = lastSigner;
    }
    if (out.type === 'handwritten' && out.signer) lastSigner = out.signer;
    return out;
  });
}

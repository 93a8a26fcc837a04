/**
 * Meaning is structure (issue #9): the rules read the roles stored on field definitions,
 * never the wording of a label; definitions with ambiguous roles are refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferFieldRoles, partiesOf, partyName, requiredSignerRoles, signingProgress } from '../../electron/shared/field-roles';
import type { FieldDef, FieldValues } from '../../electron/shared/fields';
import { checkFieldDefs } from '../../electron/shared/letter-content';
import { fieldKeysInOrder } from '../../electron/shared/letter-model';
import { parseTemplateData, type TemplateData } from '../../electron/shared/template';
import { errorCode } from '../../electron/shared/errors';

const DIR = join(__dirname, '..', '..', 'resources', 'templates');
const builtins: TemplateData[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => parseTemplateData(JSON.parse(readFileSync(join(DIR, file), 'utf8')), file));

const field = (key: string, type: FieldDef['type'], label: string, extra: Partial<FieldDef> = {}): FieldDef => ({ key, type, label, required: false, ...extra });

/** A one-paragraph document that uses the given fields, in order. */
const docWith = (keys: string[]) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: keys.map((key) => ({ type: 'field', attrs: { key } })) }],
});
const content = (fields: FieldDef[], values: FieldValues = {}, used = fields.map((f) => f.key)) => ({ doc: docWith(used), fields, values });

function refusal(fields: FieldDef[]): { code: string; message: string } | null {
  try {
    checkFieldDefs(fields);
    return null;
  } catch (err) {
    return { code: errorCode(err), message: (err as Error).message };
  }
}

describe('checkFieldDefs refuses ambiguous roles', () => {
  it('accepts each role on every type ROLE_TYPES allows', () => {
    expect(refusal([field('a', 'docnumber', '编号', { role: 'own-number' })])).toBeNull();
    expect(refusal([field('a', 'text', '编号', { role: 'own-number' })])).toBeNull();
    expect(refusal([field('a', 'party', '承诺方', { role: 'promisor-name' }), field('b', 'text', '接收方', { role: 'recipient-name' })])).toBeNull();
    expect(refusal([field('a', 'handwritten', '签字', { signer: '见证人' }), field('b', 'handwritten', '日期', { signer: '见证人' })])).toBeNull();
  });

  it.each([
    ['own-number on a date', field('a', 'date', '编号', { role: 'own-number' })],
    ['own-number on a party', field('a', 'party', '编号', { role: 'own-number' })],
    ['promisor-name on a docnumber', field('a', 'docnumber', '承诺方', { role: 'promisor-name' })],
    ['recipient-name on a longtext', field('a', 'longtext', '接收方', { role: 'recipient-name' })],
    ['a role on a handwritten field', field('a', 'handwritten', '承诺方签字', { role: 'promisor-name' })],
  ])('a role on a field type not allowed for it: %s', (_, def) => {
    const r = refusal([def]);
    expect(r?.code).toBe('invalid-document');
    expect(r?.message).toContain('role');
    expect(r?.message).toContain(def.role!);
  });

  it('an unknown role', () => {
    const def = { ...field('a', 'text', 'x'), role: 'witness-name' } as unknown as FieldDef;
    expect(refusal([def])?.code).toBe('invalid-document');
  });

  it('the same role on two fields, naming both', () => {
    const r = refusal([field('a', 'docnumber', '承诺书编号', { role: 'own-number' }), field('b', 'text', '合同编号', { role: 'own-number' })]);
    expect(r?.code).toBe('invalid-document');
    expect(r?.message).toMatch(/own-number.*two fields.*\ba\b.*\bb\b/);
  });

  it.each(['text', 'party', 'date', 'docnumber'] as const)('a signer on a %s field', (type) => {
    const r = refusal([field('a', type, '承诺方签字', { signer: '承诺方' })]);
    expect(r?.code).toBe('invalid-document');
    expect(r?.message).toContain('signer');
  });

  it('template packs are refused the same way', () => {
    const withNumber = builtins.find((t) => t.fields.some((f) => f.role === 'own-number'))!;
    const twice = structuredClone(withNumber);
    twice.fields.find((f) => f.type === 'text' && !f.role)!.role = 'own-number';
    expect(() => parseTemplateData(twice)).toThrow(/own-number is on two fields/);
    const signedText = structuredClone(withNumber);
    signedText.fields.find((f) => f.type !== 'handwritten')!.signer = '承诺方';
    expect(() => parseTemplateData(signedText)).toThrow(/signer/);
  });
});

describe('requiredSignerRoles', () => {
  it('the signers of the handwritten fields used in the text, in document order, once each', () => {
    const fields = [
      field('r', 'handwritten', '接收方签字', { signer: '接收方' }),
      field('p', 'handwritten', '承诺方盖章', { signer: '承诺方' }),
      field('pd', 'handwritten', '签订日期', { signer: '承诺方' }),
      field('w', 'handwritten', '见证人', { signer: '见证人' }),
      field('unused', 'handwritten', '律师', { signer: '律师' }),
    ];
    expect(requiredSignerRoles(content(fields, {}, ['p', 'pd', 'r', 'w']))).toEqual(['承诺方', '接收方', '见证人']);
  });

  it('a letter without a signature blank still needs its 承诺方', () => {
    expect(requiredSignerRoles(content([field('a', 'text', '承诺方')]))).toEqual(['承诺方']);
  });

  it('wording never decides: a blank labelled 签字 with signer 接收方 needs the 接收方, a blank labelled 承诺方签字 with no signer needs nobody', () => {
    const reworded = content([field('sig', 'handwritten', '签字', { signer: '接收方' }), field('seal', 'handwritten', '承诺方签字（盖章）')]);
    expect(requiredSignerRoles(reworded)).toEqual(['接收方']);
    // The same letter with the signer changed, labels untouched: only the stored signer moved.
    reworded.fields[0] = { ...reworded.fields[0]!, signer: '见证人' };
    expect(requiredSignerRoles(reworded)).toEqual(['见证人']);
    // Relabelling changes nothing.
    reworded.fields[0] = { ...reworded.fields[0]!, label: '接收方（签字）' };
    expect(requiredSignerRoles(reworded)).toEqual(['见证人']);
  });

  it('a free-text signer role counts like the usual ones', () => {
    expect(requiredSignerRoles(content([field('a', 'handwritten', '签字', { signer: '担保人' })]))).toEqual(['担保人']);
  });

  it.each(builtins.map((t) => [t.name, t] as const))('built-in %s: equals the set of signers of its handwritten fields', (_, t) => {
    const used = new Set(fieldKeysInOrder(t.doc));
    const handwritten = t.fields.filter((f) => f.type === 'handwritten' && used.has(f.key));
    expect(handwritten.length).toBeGreaterThan(0);
    for (const f of handwritten) expect(f.signer, `${t.id}: ${f.key} (${f.label})`).toBeTruthy();
    const required = requiredSignerRoles({ doc: t.doc, fields: t.fields, values: {} });
    expect(new Set(required)).toEqual(new Set(handwritten.map((f) => f.signer)));
    expect(required).toHaveLength(new Set(required).size);
  });
});

describe('partiesOf / partyName', () => {
  const fields = [
    field('num', 'docnumber', '承诺书编号', { role: 'own-number' }),
    field('from', 'party', '承诺方名称', { role: 'promisor-name', options: { party: 'promisor', part: 'fullName' } }),
    field('to', 'text', '乙方', { role: 'recipient-name' }),
    field('other', 'text', '承诺方'),
  ];

  it('reads the fields with the name roles, promisor first', () => {
    const c = content(fields, { num: 'HX-1', from: ' 某某保险分公司 ', to: '某某科技有限公司', other: '别的公司' });
    expect(partyName(c, 'promisor')).toBe('某某保险分公司');
    expect(partyName(c, 'recipient')).toBe('某某科技有限公司');
    expect(partiesOf(c)).toBe('某某保险分公司 / 某某科技有限公司');
  });

  it('a label saying 承诺方 without the role is not a party; an empty party is left out', () => {
    const c = content(fields, { other: '别的公司', to: '某某科技有限公司' });
    expect(partyName(c, 'promisor')).toBe('');
    expect(partiesOf(c)).toBe('某某科技有限公司');
  });

  it('the same name on both sides is listed once', () => {
    expect(partiesOf(content(fields, { from: '甲公司', to: '甲公司' }))).toBe('甲公司');
  });

  it('a label is read only for content stored before roles existed (no role anywhere)', () => {
    const legacy = [field('a', 'text', '承诺方'), field('b', 'text', '备注')];
    expect(partiesOf(content(legacy, { a: '甲公司', b: '乙公司' }))).toBe('甲公司');
    // Once any role is stored, the stored roles alone decide.
    const withRoles = [field('a', 'text', '承诺方'), field('b', 'text', '备注', { role: 'recipient-name' })];
    expect(partiesOf(content(withRoles, { a: '甲公司', b: '乙公司' }))).toBe('乙公司');
  });
});

describe('signingProgress', () => {
  it('splits the required roles into signed and missing, in the required order', () => {
    expect(signingProgress(['承诺方', '接收方', '见证人'], ['见证人', '承诺方'])).toEqual({ signed: ['承诺方', '见证人'], missing: ['接收方'], complete: false });
  });
  it('roles signed that are not required do not count', () => {
    expect(signingProgress(['承诺方'], ['接收方'])).toEqual({ signed: [], missing: ['承诺方'], complete: false });
  });
  it('complete when nothing is missing; repeated signatures count once', () => {
    expect(signingProgress(['承诺方', '接收方'], ['接收方', '承诺方', '承诺方'])).toEqual({ signed: ['承诺方', '接收方'], missing: [], complete: true });
  });
});

describe('inferFieldRoles (a suggestion, stored once)', () => {
  const strip = (fields: FieldDef[]): FieldDef[] => fields.map(({ role: _r, signer: _s, ...rest }) => rest);

  it.each(builtins.map((t) => [t.name, t] as const))('built-in %s with roles stripped: gives back the stored roles', (_, t) => {
    const inferred = inferFieldRoles(strip(t.fields));
    const summary = (fs: FieldDef[]) => fs.map((f) => `${f.key}:${f.role ?? ''}:${f.signer ?? ''}`);
    expect(summary(inferred)).toEqual(summary(t.fields));
  });

  it('keeps roles already set and never assigns a role twice', () => {
    const fields = [
      field('a', 'text', '承诺方', { role: 'promisor-name' }),
      field('b', 'party', '承诺方全称', { options: { party: 'promisor', part: 'fullName' } }),
      field('c', 'docnumber', '编号'),
      field('d', 'docnumber', '承诺书编号'),
    ];
    const out = inferFieldRoles(fields);
    expect(out.map((f) => f.role)).toEqual(['promisor-name', undefined, 'own-number', undefined]);
    expect(() => checkFieldDefs(out)).not.toThrow();
  });

  it('signers from the label, or the signer of the blank before it; nothing is guessed without a cue', () => {
    const out = inferFieldRoles([
      field('x', 'handwritten', '签订日期'),
      field('a', 'handwritten', '乙方（签字）'),
      field('b', 'handwritten', '日期'),
      field('c', 'handwritten', '见证人签名'),
    ]);
    expect(out.map((f) => f.signer)).toEqual([undefined, '接收方', '接收方', '见证人']);
  });

  it('does not change its input and suggests only valid definitions', () => {
    const t = builtins[0]!;
    const stripped = strip(t.fields);
    const copy = structuredClone(stripped);
    expect(() => checkFieldDefs(inferFieldRoles(stripped))).not.toThrow();
    expect(stripped).toEqual(copy);
  });
});

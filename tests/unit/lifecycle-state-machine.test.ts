/**
 * The lifecycle as a state machine (issue #9), over a real core and the built-in templates:
 * random sequences of every action — export for signature, record a signature, attach a scan,
 * archive, void, content save, fill, rename, restore a version, trash, restore from the trash,
 * copy — checked against a model of the table in electron/shared/signatures.ts. Each action
 * either does what the model says or fails with the code the model names and changes nothing
 * (the whole database hashes the same before and after).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LetterdeskApi } from '../../electron/shared/api';
import type { LetterStatus } from '../../electron/shared/domain';
import { errorCode, type ErrorCode } from '../../electron/shared/errors';
import { ownNumberFields } from '../../electron/shared/field-roles';
import { canDo, requiredSignerRoles, SIGNER_ROLES, type LifecycleAction, type SignerRole } from '../../electron/shared/signatures';
import type { Db } from '../../electron/core/db/open-db';
import { useTempCore } from '../helpers/core-fixture';
import { requiredValues } from '../helpers/sample-values';
import { minimalPdf } from '../helpers/scan-files';

const files = { save: null as string | null, open: null as string | null };
const t = useTempCore({ dialogs: { saveFile: async () => files.save, openFile: async () => files.open } });

const TEMPLATES = fs
  .readdirSync(path.resolve(__dirname, '../../resources/templates'))
  .map((f) => (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../resources/templates', f), 'utf8')) as { id: string }).id);

type Action =
  | { kind: 'export' }
  | { kind: 'sign'; role: SignerRole }
  | { kind: 'scan' }
  | { kind: 'archive' }
  | { kind: 'void' }
  | { kind: 'save'; text: string }
  | { kind: 'fill'; text: string }
  | { kind: 'rename'; text: string }
  | { kind: 'restore'; pick: number }
  | { kind: 'trash'; confirm: 'none' | 'right' | 'wrong' }
  | { kind: 'untrash' }
  | { kind: 'copy' };

const words = fc.constantFrom('甲', '乙', '丙', '理赔', '服务', '承诺', 'A', '7');
const text = fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join(''));
// Weighted towards the steps that move a letter forward, so every status is reached often.
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'export' as const }), weight: 3 },
  { arbitrary: fc.constantFrom(...SIGNER_ROLES).map((role) => ({ kind: 'sign' as const, role })), weight: 5 },
  { arbitrary: fc.constant({ kind: 'scan' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'archive' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'void' as const }), weight: 1 },
  { arbitrary: text.map((s) => ({ kind: 'save' as const, text: s })), weight: 2 },
  { arbitrary: text.map((s) => ({ kind: 'fill' as const, text: s })), weight: 2 },
  { arbitrary: text.map((s) => ({ kind: 'rename' as const, text: s })), weight: 1 },
  { arbitrary: fc.nat(20).map((pick) => ({ kind: 'restore' as const, pick })), weight: 1 },
  { arbitrary: fc.constantFrom('none' as const, 'right' as const, 'wrong' as const).map((confirm) => ({ kind: 'trash' as const, confirm })), weight: 1 },
  { arbitrary: fc.constant({ kind: 'untrash' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'copy' as const }), weight: 1 },
);

/** Where a run starts before its random actions. */
const START = ['draft', 'awaiting-signature', 'signed', 'archived', 'void'] as const;

interface Model {
  status: LetterStatus;
  trashed: boolean;
  number: string | null;
  /** Who must sign the paper of the latest export, and who has since it. */
  required: SignerRole[];
  signed: Set<SignerRole>;
}

/** Every row of every table: a refused action must leave all of it as it was. */
function dbHash(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all();
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().all()) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return hash.digest('hex');
}

/** One letter's row, versions, events and scans: what a copy must leave untouched. */
function letterHash(db: Db, id: number): string {
  const rows = (sql: string) => db.prepare(sql).raw().all(id);
  return createHash('sha256')
    .update(JSON.stringify([rows(`SELECT * FROM letters WHERE id = ?`), rows(`SELECT * FROM versions WHERE letter_id = ?`), rows(`SELECT * FROM signature_events WHERE letter_id = ?`), rows(`SELECT id, sha256 FROM scans WHERE letter_id = ?`)]))
    .digest('hex');
}

const LIFECYCLE: Partial<Record<Action['kind'], LifecycleAction>> = {
  export: 'export-for-signature',
  sign: 'record-signature',
  scan: 'attach-scan',
  archive: 'archive',
  void: 'void',
  save: 'edit',
  fill: 'edit',
  rename: 'edit',
  restore: 'edit',
};

/** The code the model expects the action to fail with, or null when it must succeed. */
function expectedRefusal(m: Model, a: Action): ErrorCode | null {
  if (a.kind === 'untrash') return m.trashed ? null : 'letter-not-trashed';
  if (m.trashed) return 'letter-trashed';
  if (a.kind === 'copy') return null;
  if (a.kind === 'trash') return m.number !== null && a.confirm !== 'right' ? 'confirmation-required' : null;
  return canDo(LIFECYCLE[a.kind]!, m.status) ? null : 'illegal-transition';
}

async function run(api: LetterdeskApi, db: Db, dir: string, id: number, m: Model, a: Action): Promise<void> {
  switch (a.kind) {
    case 'export': {
      files.save = path.join(dir, `paper-${id}-${Math.random().toString(36).slice(2)}.docx`);
      const r = await api.signExport({ id });
      expect(fs.existsSync(files.save)).toBe(true);
      if (m.number) expect(r.number).toBe(m.number);
      m.number = r.number;
      m.status = 'awaiting-signature';
      m.required = requiredSignerRoles((await api.versionsGet({ id, seq: r.version!.seq })).content);
      m.signed = new Set();
      // The frozen paper carries the number in the letter's own number field.
      const frozen = await api.versionsGet({ id, seq: r.version!.seq });
      for (const f of ownNumberFields(frozen.content.fields)) expect(frozen.content.values[f.key]).toBe(r.number);
      return;
    }
    case 'sign': {
      const r = await api.signRecord({ id, role: a.role, name: `${a.role}签字人`, dateSigned: '2026-05-08', method: '签字' });
      m.signed.add(a.role);
      if (m.required.every((role) => m.signed.has(role))) m.status = 'signed';
      expect(r.complete).toBe(m.required.every((role) => m.signed.has(role)));
      return;
    }
    case 'scan': {
      const before = (await api.signState({ id })).scans.length;
      expect(await api.signAttachScan({ id })).not.toBeNull();
      expect((await api.signState({ id })).scans.length).toBe(before + 1);
      return;
    }
    case 'archive':
      await api.signArchive({ id });
      m.status = 'archived';
      return;
    case 'void':
      await api.signVoid({ id, reason: '状态机测试' });
      m.status = 'void';
      return;
    case 'save': {
      const { letter, content } = await api.lettersContentGet({ id });
      const doc = { ...content.doc, content: [...(content.doc.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: a.text }] }] };
      await api.lettersContentSave({ id, revision: letter.revision, ...content, doc });
      expect(JSON.stringify((await api.lettersContentGet({ id })).content.doc)).toContain(a.text);
      return;
    }
    case 'fill': {
      const { content } = await api.lettersContentGet({ id });
      const field = content.fields.find((f) => ['text', 'longtext', 'party'].includes(f.type) && f.role !== 'own-number')!;
      await api.lettersFill({ id, values: { [field.key]: a.text } });
      expect((await api.lettersContentGet({ id })).content.values[field.key]).toBe(a.text);
      return;
    }
    case 'rename':
      expect((await api.lettersRename({ id, title: `承诺书${a.text}` })).title).toBe(`承诺书${a.text}`);
      return;
    case 'restore': {
      const versions = await api.versionsList({ id });
      const source = versions[a.pick % versions.length]!;
      const r = await api.versionsRestore({ id, seq: source.seq });
      expect(r.version.hash).toBe(source.hash);
      return;
    }
    case 'trash': {
      const confirmNumber = a.confirm === 'right' ? m.number ?? undefined : a.confirm === 'wrong' ? 'HXCN-1999-0000' : undefined;
      await api.lettersTrash({ id, ...(confirmNumber !== undefined && { confirmNumber }) });
      m.trashed = true;
      return;
    }
    case 'untrash':
      await api.lettersRestore({ id });
      m.trashed = false;
      return;
    case 'copy': {
      const before = letterHash(db, id);
      const original = await api.lettersContentGet({ id });
      const copy = await api.lettersCopy({ id });
      expect(copy).toMatchObject({ status: 'draft', number: null, title: `${original.letter.title}（副本）`, trashedAt: null });
      const copied = await api.lettersContentGet({ id: copy.id });
      expect(copied.content.doc).toEqual(original.content.doc);
      expect(copied.content.fields).toEqual(original.content.fields);
      expect(copied.content.pageStyle).toBe(original.content.pageStyle);
      expect(copied.templateId).toBe(original.templateId);
      const own = new Set(ownNumberFields(original.content.fields).map((f) => f.key));
      expect(copied.content.values).toEqual(Object.fromEntries(Object.entries(original.content.values).filter(([k]) => !own.has(k))));
      expect(await api.versionsList({ id: copy.id })).toEqual([]);
      expect((await api.signState({ id: copy.id })).events).toEqual([]);
      expect(letterHash(db, id)).toBe(before);
      return;
    }
  }
}

describe('the letter lifecycle as a state machine', () => {
  it('every action from every status does what the table says, or fails with its code and changes nothing', async () => {
    const scan = path.join(t.dir, 'scan.pdf');
    fs.writeFileSync(scan, minimalPdf());
    files.open = scan;
    const reached = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TEMPLATES), fc.constantFrom(...START), fc.array(action, { minLength: 1, maxLength: 15, size: 'medium' }), async (templateId, start, random) => {
        const { api, db } = t.core;
        const letter = await api.lettersCreate({ templateId });
        const { content } = await api.lettersContentGet({ id: letter.id });
        await api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
        await api.versionsSave({ id: letter.id, note: '起点' });
        const m: Model = { status: 'draft', trashed: false, number: null, required: [], signed: new Set() };
        // The legal path to the starting status, then the random actions; all checked alike.
        const route: (Action | 'everyone-signs')[] = [];
        if (start !== 'draft') route.push({ kind: 'export' });
        if (start === 'signed' || start === 'archived') route.push('everyone-signs');
        if (start === 'archived') route.push({ kind: 'archive' });
        if (start === 'void') route.push({ kind: 'void' });
        for (const step of [...route, ...random]) {
          // One signature per role the paper asks for (known once it was exported).
          const actions = step === 'everyone-signs' ? m.required.map((role): Action => ({ kind: 'sign', role })) : [step];
          for (const a of actions) {
            const key = `${a.kind}@${m.trashed ? 'trashed' : m.status}`;
            reached.set(key, (reached.get(key) ?? 0) + 1);
            const refusal = expectedRefusal(m, a);
            if (refusal) {
              const before = dbHash(db);
              const code = await run(api, db, t.dir, letter.id, m, a).then(() => 'resolved', errorCode);
              expect(code, `${JSON.stringify(a)} from ${m.status}${m.trashed ? ' (trashed)' : ''}`).toBe(refusal);
              expect(dbHash(db), `${JSON.stringify(a)} refused but changed the database`).toBe(before);
            } else {
              await run(api, db, t.dir, letter.id, m, a);
            }
            const real = await api.lettersGet({ id: letter.id });
            expect({ status: real.status, number: real.number, trashed: real.trashedAt !== null }).toEqual({ status: m.status, number: m.number, trashed: m.trashed });
          }
        }
      }),
      { seed: 20260508, numRuns: 40 },
    );
    // The runs reached every status and tried content edits on the read-only ones.
    for (const key of ['sign@signed', 'archive@signed', 'save@archived', 'fill@void', 'restore@archived', 'export@awaiting-signature', 'copy@archived']) {
      expect(reached.get(key) ?? 0, key).toBeGreaterThan(0);
    }
  }, 120_000);
});

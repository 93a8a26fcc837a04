/**
 * Migration 7 (issue #9): roles become structure in stored templates and draft letters; a
 * letter already on paper keeps its content byte for byte (its hash is what the paper was
 * checked against) and its rules still read right through the same inference.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/create-api';
import { APP_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import type { FieldDef } from '../../electron/shared/fields';
import { partyName, requiredSignerRoles } from '../../electron/shared/field-roles';
import { fillAll } from '../helpers/render-docx';
import { makeFakeClock, makeTempDir } from '../helpers/temp-dir';

const stripRoles = (json: string) => JSON.stringify((JSON.parse(json) as FieldDef[]).map(({ role: _r, signer: _s, ...f }) => f));

describe('migration 7: field roles', () => {
  it('gives templates and drafts their roles once, and leaves letters on paper untouched', async () => {
    const { dir, cleanup } = makeTempDir();
    const save = { path: '' };
    const ports = { dataDir: dir, clock: makeFakeClock(), dialogs: { saveFile: async () => save.path, openFile: async () => null } };
    try {
      let core = openCore(ports);
      const api = core.api;
      const draft = await api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
      const onPaper = await api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
      const { content } = await api.lettersContentGet({ id: onPaper.id });
      await api.lettersFill({ id: onPaper.id, values: Object.fromEntries(Object.entries(fillAll(content.fields)).filter(([k]) => k !== 'letterNo')) });
      save.path = path.join(dir, 'paper.docx');
      await api.signExport({ id: onPaper.id });
      const template = await api.templatesCreate({ name: '自建模板', category: '测试', fromLetterId: draft.id });
      // As a version-6 database would hold them: no roles anywhere.
      const db = core.db;
      const paperFields = stripRoles(db.prepare<[number], { f: string }>(`SELECT fields_json f FROM letters WHERE id = ?`).get(onPaper.id)!.f);
      db.prepare(`UPDATE letters SET fields_json = ? WHERE id = ?`).run(paperFields, onPaper.id);
      db.prepare(`UPDATE letters SET fields_json = ? WHERE id = ?`).run(stripRoles(db.prepare<[number], { f: string }>(`SELECT fields_json f FROM letters WHERE id = ?`).get(draft.id)!.f), draft.id);
      db.prepare(`UPDATE templates SET fields_json = ? WHERE id = ?`).run(stripRoles(db.prepare<[string], { f: string }>(`SELECT fields_json f FROM templates WHERE id = ?`).get(template.id)!.f), template.id);
      db.pragma('user_version = 6');
      core.close();

      core = openCore(ports);
      expect(core.db.pragma('user_version', { simple: true })).toBe(APP_SCHEMA_VERSION);
      const roles = (fields: FieldDef[]) => fields.filter((f) => f.role || f.signer).map((f) => `${f.key}:${f.role ?? f.signer}`);
      const expected = ['letterNo:own-number', 'promisorName:promisor-name', 'recipientName:recipient-name', 'promisorSeal:承诺方', 'promisorSignDate:承诺方', 'recipientSignature:接收方', 'recipientSignDate:接收方'];
      expect(roles((await core.api.lettersContentGet({ id: draft.id })).content.fields)).toEqual(expected);
      expect(roles((await core.api.templatesGet({ id: template.id })).fields)).toEqual(expected);
      // On paper: stored as it was; the rules still see both signers and both parties.
      const paper = await core.api.lettersContentGet({ id: onPaper.id });
      expect(core.db.prepare<[number], { f: string }>(`SELECT fields_json f FROM letters WHERE id = ?`).get(onPaper.id)!.f).toBe(paperFields);
      expect(requiredSignerRoles(paper.content)).toEqual(['承诺方', '接收方']);
      expect(partyName(paper.content, 'promisor')).not.toBe('');
      expect(partyName(paper.content, 'recipient')).not.toBe('');
      core.close();
    } finally {
      cleanup();
    }
  });
});

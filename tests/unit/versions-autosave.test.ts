import { beforeEach, describe, expect, it } from 'vitest';
import { planDraftSave, DEFAULT_AUTO_VERSION_SETTINGS } from '../../electron/core/versions/auto-version-policy';
import { saveDraft, DEFAULT_VERSIONING_SETTINGS } from '../../electron/core/versions/draft-saver';
import type { VersionsRepo } from '../../electron/core/versions/versions-repo';
import type { VersionStore } from '../../electron/core/versions/version-store';
import type { LetterContent } from '../../electron/shared/letter-content';
import { useTempCore } from '../helpers/core-fixture';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('auto-version policy (pure)', () => {
  const at = (ms: number) => new Date(Date.UTC(2026, 4, 8) + ms).toISOString();
  const facts = (o: { now: number; lastEdit: number; lastVersion: number | null; changes?: boolean }) => ({
    now: at(o.now),
    lastEditAt: at(o.lastEdit),
    letterCreatedAt: at(0),
    lastVersionAt: o.lastVersion === null ? null : at(o.lastVersion),
    changesContent: () => o.changes ?? true,
  });

  it('makes no automatic version within the throttle, one at 10 minutes since the latest version', () => {
    expect(planDraftSave(facts({ now: 9 * MIN, lastEdit: 8 * MIN, lastVersion: 0 }))).toEqual({ preEdit: false, auto: false });
    expect(planDraftSave(facts({ now: 10 * MIN, lastEdit: 9 * MIN, lastVersion: 0 }))).toEqual({ preEdit: false, auto: true });
    // No version yet: measured from the letter's creation.
    expect(planDraftSave(facts({ now: 10 * MIN, lastEdit: 9 * MIN, lastVersion: null }))).toEqual({ preEdit: false, auto: true });
    expect(planDraftSave(facts({ now: 3 * MIN, lastEdit: 2 * MIN, lastVersion: 0 }), { ...DEFAULT_AUTO_VERSION_SETTINGS, throttleMs: 2 * MIN })).toEqual({ preEdit: false, auto: true });
  });

  it('keeps the pre-edit state when a letter untouched for 7 days is changed, and then no auto version', () => {
    expect(planDraftSave(facts({ now: 7 * DAY, lastEdit: 0, lastVersion: 0 }))).toEqual({ preEdit: true, auto: false });
    expect(planDraftSave(facts({ now: 7 * DAY - 1, lastEdit: 0, lastVersion: 0 }))).toEqual({ preEdit: false, auto: true });
    // A save that changes nothing on a stale letter keeps no pre-edit version.
    expect(planDraftSave(facts({ now: 8 * DAY, lastEdit: 0, lastVersion: 0, changes: false }))).toEqual({ preEdit: false, auto: true });
  });

  it('asks whether the content changed only when the letter is stale', () => {
    let asked = 0;
    const f = { ...facts({ now: 11 * MIN, lastEdit: 10 * MIN, lastVersion: 0 }), changesContent: () => (asked++, true) };
    planDraftSave(f);
    expect(asked).toBe(0);
  });

  it('refuses negative settings', () => {
    expect(() => planDraftSave(facts({ now: 0, lastEdit: 0, lastVersion: 0 }), { throttleMs: -1, staleMs: 0 })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

describe('saveDraft with a fake clock', () => {
  const t = useTempCore();
  let versions: VersionsRepo;
  let store: VersionStore;
  const now = () => t.now();
  beforeEach(() => {
    versions = t.core.store.versions;
    store = t.core.store;
  });

  function draft(n: number): LetterContent {
    return {
      doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { align: null, indent: true }, content: [{ type: 'text', text: `第${n}稿：在5个工作日内完成初步审核` }] }] },
      fields: [],
      values: {},
      pageStyle: 'business',
    };
  }

  it('autosaves every call; versions only every 10 minutes of editing', async () => {
    const { id } = await t.core.api.lettersCreate({ title: '承诺书' });
    let revision = 1;
    const kinds: string[] = [];
    // 25 minutes of editing, one save a minute.
    for (let minute = 1; minute <= 25; minute++) {
      t.clock.advance(MIN);
      const r = saveDraft(store, id, draft(minute), revision, now());
      revision = r.letter.revision;
      kinds.push(...r.versionsCreated.map((v) => `${minute}:${v.kind}`));
    }
    expect(kinds).toEqual(['10:auto', '20:auto']);
    expect((await t.core.api.lettersContentGet({ id })).content).toEqual(draft(25));
    expect(versions.get(id, 2).content).toEqual(draft(20));
  });

  it('keeps the pre-edit state of a letter untouched for 7 days before the edit overwrites it', async () => {
    const { id } = await t.core.api.lettersCreate({ title: '承诺书' });
    const first = saveDraft(store, id, draft(1), 1, now());
    t.clock.advance(8 * DAY);
    const r = saveDraft(store, id, draft(2), first.letter.revision, now());
    expect(r.versionsCreated.map((v) => v.kind)).toEqual(['pre-edit']);
    expect(versions.get(id, 1).content).toEqual(draft(1));
    expect((await t.core.api.lettersContentGet({ id })).content).toEqual(draft(2));
    // The pre-edit version restarts the throttle.
    t.clock.advance(9 * MIN);
    expect(saveDraft(store, id, draft(3), r.letter.revision, now()).versionsCreated).toEqual([]);
  });

  it('does not duplicate: an automatic version of content equal to the latest version is not made', async () => {
    const { id } = await t.core.api.lettersCreate({ title: '承诺书' });
    saveDraft(store, id, draft(1), undefined, now());
    versions.create(id, draft(1), 'manual', null, now());
    t.clock.advance(15 * MIN);
    expect(saveDraft(store, id, draft(1), undefined, now()).versionsCreated).toEqual([]);
    expect(versions.list(id)).toHaveLength(1);
  });

  it('a refused save (stale revision, bad document) writes nothing, not even a version', async () => {
    const { id } = await t.core.api.lettersCreate({ title: '承诺书' });
    saveDraft(store, id, draft(1), 1, now());
    t.clock.advance(8 * DAY);
    expect(() => saveDraft(store, id, draft(2), 1, now())).toThrow(expect.objectContaining({ code: 'conflict' }));
    const bad = { ...draft(3), doc: { type: 'doc', content: [{ type: 'nonsense' }] } } as unknown as LetterContent;
    expect(() => saveDraft(store, id, bad, undefined, now())).toThrow(expect.objectContaining({ code: 'invalid-document' }));
    expect(versions.list(id)).toEqual([]);
    expect((await t.core.api.lettersContentGet({ id })).content).toEqual(draft(1));
  });

  it('applies a retention setting after each new automatic version', async () => {
    const { id } = await t.core.api.lettersCreate({ title: '承诺书' });
    const settings = { ...DEFAULT_VERSIONING_SETTINGS, retention: { keepAllDays: 1, keepDailyDays: null } };
    for (let i = 1; i <= 6; i++) {
      t.clock.advance(11 * MIN);
      saveDraft(store, id, draft(i), undefined, now(), settings);
    }
    expect(versions.list(id)).toHaveLength(6);
    t.clock.advance(3 * DAY);
    saveDraft(store, id, draft(99), undefined, now(), settings);
    // The 6 of that day thin to its newest; today's stays.
    expect(versions.list(id).map((v) => v.seq)).toEqual([7, 6]);
  });
});

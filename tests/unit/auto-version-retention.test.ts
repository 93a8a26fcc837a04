/**
 * Settings → 自动版本保留 (issue #10: retention had no setting that turned it on). Through the real
 * API with a fake clock: by default every automatic version is kept; "thin" keeps all from the
 * last 30 days, one a day before that, and never touches a manual, exported or signed version.
 * The history stays provable: db check finds the chain intact after thinning.
 */
import { describe, expect, it } from 'vitest';
import type { LetterContent } from '../../electron/shared/letter-content';
import { useTempCore } from '../helpers/core-fixture';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const t = useTempCore();

const draft = (n: number): Omit<LetterContent, 'doc'> & { doc: { type: 'doc'; content: unknown[] } } => ({
  doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { align: null, indent: true }, content: [{ type: 'text', text: `第${n}稿：在5个工作日内完成初步审核` }] }] },
  fields: [],
  values: {},
  pageStyle: 'business',
});

/** 60 days of editing, three automatic versions a day (saves 11 minutes apart), a manual version on day 2. */
async function sixtyDays(): Promise<{ id: number; manualSeq: number }> {
  const letter = await t.core.api.lettersCreate({ title: '一份改了两个月的承诺书' });
  let revision = letter.revision;
  let n = 0;
  let manualSeq = 0;
  for (let day = 0; day < 60; day++) {
    for (let k = 0; k < 3; k++) {
      t.clock.advance(11 * MIN);
      revision = (await t.core.api.lettersContentSave({ id: letter.id, revision, ...draft(++n) })).revision;
    }
    if (day === 2) manualSeq = (await t.core.api.versionsSave({ id: letter.id, note: '初稿定稿' })).seq;
    t.clock.advance(DAY - 33 * MIN);
  }
  return { id: letter.id, manualSeq };
}

/** Automatic versions per day (China time), oldest first. */
function autoPerDay(versions: { kind: string; createdAt: string }[]): number[] {
  const days = new Map<string, number>();
  for (const v of versions) {
    if (v.kind !== 'auto') continue;
    const day = new Date(Date.parse(v.createdAt) + 8 * 60 * MIN).toISOString().slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, count]) => count);
}

describe('automatic version retention', () => {
  it('keeps every automatic version by default', async () => {
    expect((await t.core.api.settingsGet()).autoVersionRetention).toBe('keep-all');
    const { id } = await sixtyDays();
    const perDay = autoPerDay(await t.core.api.versionsList({ id }));
    expect(perDay.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(170);
    expect(perDay.slice(1, -1).every((c) => c === 3)).toBe(true);
  }, 60_000);

  it('thins older automatic versions once the setting says so; manual ones and the chain stay', async () => {
    await t.core.api.settingsUpdate({ autoVersionRetention: 'thin' });
    const { id, manualSeq } = await sixtyDays();
    const versions = await t.core.api.versionsList({ id });
    const perDay = autoPerDay(versions);
    // Days older than 30: one automatic version each; the last 30 days: all three.
    expect(perDay.slice(0, 25).every((c) => c === 1), perDay.join(',')).toBe(true);
    expect(perDay.slice(-29).every((c) => c === 3), perDay.join(',')).toBe(true);
    expect(versions.find((v) => v.seq === manualSeq), JSON.stringify(versions.filter((v) => v.seq >= manualSeq - 2 && v.seq <= manualSeq + 1))).toMatchObject({ kind: 'manual', note: '初稿定稿' });
    const check = await t.core.api.dbCheck();
    expect(check.chain.ok).toBe(true);
    expect(check.evidence.ok).toBe(true);
  }, 60_000);

  it('Ctrl+S over an identical automatic version records a manual one (with its note); pressing it again adds nothing', async () => {
    const letter = await t.core.api.lettersCreate({ title: '承诺书' });
    t.clock.advance(11 * MIN);
    await t.core.api.lettersContentSave({ id: letter.id, revision: letter.revision, ...draft(1) });
    const [auto] = await t.core.api.versionsList({ id: letter.id });
    expect(auto).toMatchObject({ kind: 'auto' });
    const manual = await t.core.api.versionsSave({ id: letter.id, note: '交领导审阅' });
    expect(manual).toMatchObject({ seq: auto!.seq + 1, kind: 'manual', note: '交领导审阅', hash: auto!.hash, charsAdded: 0, charsRemoved: 0 });
    expect(await t.core.api.versionsSave({ id: letter.id, note: '再按一次' })).toMatchObject({ seq: manual.seq, note: '交领导审阅' });
  });

  it('refuses a value it does not know', async () => {
    await expect(t.core.dispatch('settingsUpdate', [{ autoVersionRetention: 'none' }])).resolves.toMatchObject({ ok: false, code: 'invalid-input' });
  });
});

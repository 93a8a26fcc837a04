/**
 * Clause numbers as Word lists (electron/core/export/clause-lists.ts): the plan must make
 * Word print exactly the numbers the editor shows (numberClauses), restarts included.
 * Replays Word's counting over the plan independently and compares.
 */
import { describe, expect, it } from 'vitest';
import { levelFormat, levelText, planClauseLists, type ClausePlan, type ClauseRef } from '../../electron/core/export/clause-lists';
import { chineseCount, numberClauses, NUMBERING_SCHEMES, type NumberingScheme } from '../../electron/shared/numbering';

const refs = (list: [NumberingScheme, number][]): ClauseRef[] => {
  const numbers = numberClauses(list.map(([scheme, level]) => ({ scheme, level })));
  return list.map(([scheme, level], i) => ({ scheme, level, number: numbers[i]! }));
};

/** What Word prints for each planned clause: per list, a level counts on and restarts deeper levels. */
function wordPrints(plan: ClausePlan): (string | null)[] {
  const counters = new Map<string, number[]>();
  const defs = new Map(plan.definitions.map((d) => [d.reference, d]));
  return plan.lists.map((ref) => {
    if (!ref) return null;
    const key = `${ref.reference}#${ref.instance}`;
    const c = (counters.get(key) ?? []).slice(0, ref.level + 1);
    c[ref.level] = (c[ref.level] ?? 0) + 1;
    counters.set(key, c);
    const def = defs.get(ref.reference)!;
    expect(ref.level).toBeLessThanOrEqual(def.deepest);
    return levelText(def, ref.level).replace(/%(\d)/g, (_, d: string) => {
      const n = c[Number(d) - 1]!;
      return levelFormat(def.scheme) === 'decimal' ? String(n) : chineseCount(n);
    });
  });
}

function check(list: [NumberingScheme, number][]): ClausePlan {
  const clauses = refs(list);
  const plan = planClauseLists(clauses);
  wordPrints(plan).forEach((printed, i) => {
    if (printed !== null) expect(printed, `clause ${i}`).toBe(clauses[i]!.number);
  });
  return plan;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('clause lists', () => {
  it('keeps siblings in one list and starts a new list at every restart', () => {
    const plan = check([['cn', 0], ['cn-paren', 1], ['cn-paren', 1], ['cn', 0], ['cn-paren', 1], ['decimal', 1], ['decimal', 1]]);
    const inst = plan.lists.map((l) => l!.instance);
    expect(inst[1]).toBe(inst[2]);
    expect(inst[4]).not.toBe(inst[1]); // （一） again under 二、
    expect(inst[5]).not.toBe(inst[4]); // a change of scheme at the same level
    expect(inst[0]).toBe(inst[3]);
    expect(plan.lists.every(Boolean)).toBe(true);
  });

  it('keeps an outline tree in one list so Word prints 2.3.1 from its own counters', () => {
    const plan = check([['outline', 0], ['outline', 1], ['outline', 0], ['outline', 1], ['outline', 1], ['outline', 1], ['outline', 2]]);
    expect(new Set(plan.lists.map((l) => l!.instance)).size).toBe(1);
    expect(plan.definitions).toEqual([{ reference: 'clause-outline-0', scheme: 'outline', root: 0, deepest: 2 }]);
    expect(levelText(plan.definitions[0]!, 2)).toBe('%1.%2.%3 ');
  });

  it('counts articles straight through chapters in one list', () => {
    const plan = check([['chapter', 0], ['article', 1], ['article', 1], ['chapter', 0], ['article', 1], ['cn-paren', 2]]);
    expect(plan.lists[4]).toEqual(plan.lists[1] && { ...plan.lists[1], level: 0 });
    expect(plan.lists.every(Boolean)).toBe(true);
  });

  it('prints as text only what a Word list cannot count: an outline level restarted by another scheme', () => {
    const plan = check([['outline', 0], ['outline', 1], ['decimal-paren', 1], ['outline', 1], ['outline', 0], ['outline', 1]]);
    expect(plan.lists.map((l) => l !== null)).toEqual([true, true, true, false, true, true]);
  });

  it('clamps levels to the nine Word allows', () => {
    const plan = check([['decimal', 0], ['decimal', 42], ['cn', -3]]);
    expect(plan.lists.map((l) => l!.level)).toEqual([0, 8, 0]);
  });

  it.each([1, 2, 3, 4, 5])('numbers every clause of a random letter without outline through Word (seed %i)', (seed) => {
    const next = random(seed);
    const schemes = NUMBERING_SCHEMES.filter((s) => s !== 'outline');
    const list: [NumberingScheme, number][] = Array.from({ length: 400 }, () => [schemes[Math.floor(next() * schemes.length)]!, Math.floor(next() * 5)]);
    expect(check(list).lists.every(Boolean)).toBe(true);
  });

  it.each([6, 7, 8])('numbers every clause of a random outline letter through Word (seed %i)', (seed) => {
    const next = random(seed);
    let level = 0;
    const list: [NumberingScheme, number][] = Array.from({ length: 300 }, () => {
      level = Math.max(0, Math.min(4, level + Math.floor(next() * 4) - 2)); // deeper by at most one
      return ['outline', level];
    });
    expect(check(list).lists.every(Boolean)).toBe(true);
  });

  it.each([9, 10])('never prints a wrong number for any mix of schemes (seed %i)', (seed) => {
    const next = random(seed);
    const list: [NumberingScheme, number][] = Array.from({ length: 400 }, () => [NUMBERING_SCHEMES[Math.floor(next() * NUMBERING_SCHEMES.length)]!, Math.floor(next() * 4)]);
    const plan = check(list);
    expect(plan.lists.filter(Boolean).length / list.length).toBeGreaterThan(0.8);
  });
});

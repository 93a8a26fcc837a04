/**
 * How clause numbers become real Word lists. Pure: decides, per clause, which list (a
 * numbering definition `reference` and a list `instance`) and level it is in, then checks
 * every decision by replaying Word's counting and comparing with `block.number`, the
 * number the editor shows. A clause Word would number differently prints its number as
 * literal text instead, so the paper never disagrees with the editor.
 *
 * - Every run of sibling clauses (same level and scheme, no shallower clause between) is
 *   its own list. A restart — after a shallower clause, or a change of scheme — is a new
 *   list, whose `w:num` docx writes with a `startOverride` on every level; so a restart at
 *   a deeper level does not depend on docx issue #2877 (only level 0 overridden).
 * - An outline run and the outline runs nested under it share one list, whose levels say
 *   `%1.%2 ` — Word then renumbers 2.3.1 itself when a clause is added.
 * - Articles (第N条) count through the whole document, across chapters (numbering.ts), so
 *   they are one list, counted at its first level whatever their depth.
 * - A clause with a restart (`start`) begins a new list; at a number other than 1 the list's
 *   definition has that level's `w:start` at the number (Word's "set numbering value").
 */
import { chineseCount, type NumberingScheme } from '../../shared/numbering';
import { clampLevel } from './layout';

export interface ClauseRef {
  scheme: NumberingScheme;
  level: number;
  /** A restart (numbering.ts): a new list whose level starts at this number. */
  start?: number;
  number: string;
}

/** A numbering definition: one per scheme, one per outline root level. */
export interface ListDefinition {
  reference: string;
  scheme: NumberingScheme;
  /** Outline only: the level the outline list starts at. */
  root?: number;
  /**
   * The deepest level any clause uses: the definition stops there, since docx writes a
   * start override for every defined level into every list (up to 9 × each restart).
   */
  deepest: number;
  /** A list restarted at a number other than 1: the level whose `w:start` is `value`. */
  start?: { level: number; value: number };
}

/** The `w:start` of level `k` of a definition. */
export function levelStart(def: ListDefinition, k: number): number {
  return def.start?.level === k ? def.start.value : 1;
}

export interface ClauseListRef {
  reference: string;
  instance: number;
  level: number;
}

export interface ClausePlan {
  /** Per clause in order: its list, or null where the number is printed as text. */
  lists: (ClauseListRef | null)[];
  /** Definitions used, in order of first use. */
  definitions: ListDefinition[];
}

export type LevelFormatName = 'chineseCounting' | 'decimal';

export function levelFormat(scheme: NumberingScheme): LevelFormatName {
  return scheme === 'decimal' || scheme === 'decimal-paren' || scheme === 'outline' ? 'decimal' : 'chineseCounting';
}

/** The `w:lvlText` of level `k` (0–8) of a definition; `%n` is level n−1's counter. */
export function levelText(def: ListDefinition, k: number): string {
  const n = `%${k + 1}`;
  switch (def.scheme) {
    case 'cn':
      return `${n}、`;
    case 'cn-paren':
      return `（${n}）`;
    case 'decimal':
      return `${n}.`;
    case 'decimal-paren':
      return `（${n}）`; // full-width literal brackets: decimalEnclosedParen prints bare digits in LibreOffice
    case 'article':
      return `第${n}条　`;
    case 'chapter':
      return `第${n}章　`;
    case 'outline': {
      const root = def.root ?? 0;
      if (k <= root) return `${n}.`;
      const chain: string[] = [];
      for (let i = root; i <= k; i++) chain.push(`%${i + 1}`);
      return `${chain.join('.')} `;
    }
  }
}

interface List {
  def: ListDefinition;
  ref: { reference: string; instance: number };
  counters: (number | undefined)[];
}

/** Word's counting: a level counts on from its start, and restarts every deeper level. */
function wordLabel(list: List, level: number): { label: string | null; counters: (number | undefined)[] } {
  const counters = list.counters.slice(0, level + 1);
  // A level never counted yet in this list (or restarted by a shallower one) begins at its start.
  counters[level] = counters[level] === undefined ? levelStart(list.def, level) : counters[level] + 1;
  const format = levelFormat(list.def.scheme);
  let unknown = false;
  const label = levelText(list.def, level).replace(/%([1-9])/g, (_, d: string) => {
    const value = counters[Number(d) - 1];
    if (value === undefined) unknown = true; // a level never used in this list: Word and LibreOffice differ
    return format === 'decimal' ? String(value) : chineseCount(value ?? 0);
  });
  return { label: unknown ? null : label, counters };
}

export function planClauseLists(clauses: readonly ClauseRef[]): ClausePlan {
  const definitions = new Map<string, ListDefinition>();
  const lists: (ClauseListRef | null)[] = [];
  // The list counting at each level since the last shallower clause, and its scheme.
  const open: ({ scheme: NumberingScheme; list: List } | undefined)[] = [];
  let instance = 0;
  let articles: List | undefined;

  // A restart at N ≠ 1 needs a definition whose level starts at N: docx writes each level's
  // start as the startOverride of every list (w:num) of the definition.
  const newList = (scheme: NumberingScheme, root?: number, start?: { level: number; value: number }): List => {
    const base = scheme === 'outline' ? `clause-outline-${root ?? 0}` : `clause-${scheme}`;
    const restart = start && start.value !== 1 ? start : undefined;
    const reference = restart ? `${base}-start-${restart.level}-${restart.value}` : base;
    let def = definitions.get(reference);
    if (!def) {
      def = root === undefined ? { reference, scheme, deepest: 0 } : { reference, scheme, root, deepest: root };
      if (restart) def.start = restart;
      definitions.set(reference, def);
    }
    return { def, ref: { reference, instance: ++instance }, counters: [] };
  };

  for (const clause of clauses) {
    const level = clampLevel(clause.level);
    open.length = Math.min(open.length, level + 1);
    const here = open[level];
    const parent = level > 0 ? open[level - 1] : undefined;
    let list: List;
    let wordLevel = level;
    const restart = clause.start !== undefined ? { level: clause.scheme === 'article' ? 0 : level, value: clause.start } : undefined;
    if (clause.scheme === 'article') {
      list = articles = restart || !articles ? newList('article', undefined, restart) : articles;
      wordLevel = 0;
    } else if (restart) list = clause.scheme === 'outline' ? newList('outline', level, restart) : newList(clause.scheme, undefined, restart);
    else if (clause.scheme === 'outline' && parent?.scheme === 'outline') list = parent.list;
    else if (here?.scheme === clause.scheme && (clause.scheme !== 'outline' || here.list.def.root === level)) list = here.list;
    else list = clause.scheme === 'outline' ? newList('outline', level) : newList(clause.scheme);
    open[level] = { scheme: clause.scheme, list };
    list.def.deepest = Math.max(list.def.deepest, wordLevel);

    const { label, counters } = wordLabel(list, wordLevel);
    if (label === clause.number) {
      list.counters = counters;
      lists.push({ ...list.ref, level: wordLevel });
    } else {
      lists.push(null);
    }
  }
  return { lists, definitions: [...definitions.values()] };
}

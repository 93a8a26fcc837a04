/**
 * How a register row shows its title (issue #15): letters of one kind share a long beginning
 * (健康咨询服务保证承诺书…) and differ at the end (（2025年度）, （第二批）), so a title too long
 * for its column gives way in the middle, never at its end. Pure; no DOM.
 */

/** Characters kept whole at the end of a long title. */
export const TAIL_CHARS = 10;
/** Titles up to this length are not split (they fit, or end-cutting loses little). */
const SPLIT_FROM = 16;

/** The title as a head that may be cut with an ellipsis and a tail that always shows. */
export function splitTitle(title: string): { head: string; tail: string } {
  const chars = [...title];
  if (chars.length < SPLIT_FROM) return { head: title, tail: '' };
  return { head: chars.slice(0, -TAIL_CHARS).join(''), tail: chars.slice(-TAIL_CHARS).join('') };
}

/** The small line under the title: the other party, the template and when the letter was begun. */
export function detailLine(parties: string, template: string, created: string): string {
  return [parties.trim(), template.trim(), created.trim()].filter(Boolean).join(' · ');
}

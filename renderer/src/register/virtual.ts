/**
 * Arithmetic of the virtualized register (issue #6): which rows to render for a scroll
 * position, which pages of rows to fetch, which cached pages to drop. Pure; no DOM.
 */

/**
 * Fixed row height in rem, so rows keep their size under display scaling (125–150 %) and
 * browser zoom; the pixel height is derived from the root font size at run time.
 */
export const ROW_REM = 2.75;
/** Search hits: the title line and the line of the matching passage (issue #13). */
export const SEARCH_ROW_REM = 4.25;
/** Rows fetched per registerList call. */
export const PAGE_SIZE = 200;
/** Rows rendered beyond each edge of the viewport, so a fast wheel does not show blanks. */
export const OVERSCAN = 8;
/** Rows fetched ahead of the viewport, so scrolling on reaches cached rows. */
export const PREFETCH = 40;
/** Pages kept in memory (2,000 rows); the farthest from the viewport are dropped first. */
export const MAX_CACHED_PAGES = 10;
/** Viewport height when the scroll container has no layout (jsdom) or is not measured yet. */
export const FALLBACK_VIEWPORT_PX = 600;

export interface Range {
  /** First row index rendered. */
  first: number;
  /** One past the last row index rendered. */
  last: number;
}

/** The rows to render for a scroll position (plus overscan), clamped to [0, total). */
export function visibleRange(scrollTop: number, viewportPx: number, rowPx: number, total: number, overscan = OVERSCAN): Range {
  if (total <= 0 || rowPx <= 0) return { first: 0, last: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.floor(top / rowPx) - overscan);
  const last = Math.min(total, Math.ceil((top + Math.max(viewportPx, rowPx)) / rowPx) + overscan);
  return { first: Math.min(first, last), last };
}

/** Page numbers covering rows [first, last). */
export function pagesFor(range: Range, pageSize = PAGE_SIZE): number[] {
  if (range.last <= range.first) return [];
  const pages: number[] = [];
  for (let p = Math.floor(range.first / pageSize); p <= Math.floor((range.last - 1) / pageSize); p++) pages.push(p);
  return pages;
}

/** The range widened by `ahead` rows each way (for prefetching), clamped to [0, total). */
export function widen(range: Range, ahead: number, total: number): Range {
  return { first: Math.max(0, range.first - ahead), last: Math.min(total, range.last + ahead) };
}

/** Cached pages to drop so that at most `max` remain, the farthest from `keep` first; never one in `keep`. */
export function pagesToEvict(cached: Iterable<number>, keep: number[], max = MAX_CACHED_PAGES): number[] {
  const pages = [...cached];
  if (pages.length <= max || keep.length === 0) return [];
  const lo = Math.min(...keep);
  const hi = Math.max(...keep);
  const distance = (p: number) => (p < lo ? lo - p : p > hi ? p - hi : 0);
  return pages
    .filter((p) => !keep.includes(p))
    .sort((a, b) => distance(b) - distance(a))
    .slice(0, pages.length - max);
}

/** Pixels per rem of the document (root font size); 16 when it cannot be read (jsdom). */
export function remPx(): number {
  const size = typeof getComputedStyle === 'function' ? parseFloat(getComputedStyle(document.documentElement).fontSize) : NaN;
  return Number.isFinite(size) && size > 0 ? size : 16;
}

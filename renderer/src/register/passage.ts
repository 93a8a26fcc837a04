import type { SearchSnippet } from '../../../electron/shared/search';

/** A passage cut into plain and marked parts by its highlight offsets (clamped, in order). */
export function passageParts(s: SearchSnippet): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of s.highlights) {
    const a = Math.max(at, Math.min(start, s.text.length));
    const b = Math.max(a, Math.min(end, s.text.length));
    if (a > at) parts.push({ text: s.text.slice(at, a), mark: false });
    if (b > a) parts.push({ text: s.text.slice(a, b), mark: true });
    at = b;
  }
  if (at < s.text.length) parts.push({ text: s.text.slice(at), mark: false });
  if (s.cutStart) parts.unshift({ text: '…', mark: false });
  if (s.cutEnd) parts.push({ text: '…', mark: false });
  return parts;
}

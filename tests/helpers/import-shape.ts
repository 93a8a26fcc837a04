/** What the import round trips compare: the clause structure and the types of the fields in text order. */
export type PMNode = { type: string; attrs?: Record<string, unknown>; content?: PMNode[] };

/** Field types in the order the fields occur in the text (a field used twice counts twice). */
export function occurrenceTypes(doc: unknown, fields: { key: string; type: string }[]): string[] {
  const types = new Map(fields.map((f) => [f.key, f.type]));
  const out: string[] = [];
  const visit = (n: PMNode) => {
    if (n.type === 'field') out.push(types.get(String(n.attrs?.['key']))!);
    n.content?.forEach(visit);
  };
  visit(doc as PMNode);
  return out;
}

/** `scheme:level` of every clause, in order, and `@N` where it restarts (attrs.start). */
export function clauseShape(doc: unknown): string[] {
  return ((doc as PMNode).content ?? [])
    .filter((n) => n.type === 'clause')
    .map((n) => `${n.attrs?.['scheme']}:${n.attrs?.['level']}${n.attrs && 'start' in n.attrs ? `@${String(n.attrs['start'])}` : ''}`);
}

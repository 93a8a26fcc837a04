/**
 * The letter document schema: one ProseMirror schema, used by the renderer to edit and by
 * core to read (export, search text, diff). Clause numbers are not text: a clause carries
 * its scheme and level and numbering.ts computes the label. Fields are inline atoms {key}.
 */
import { Schema, type NodeSpec, type MarkSpec, type DOMOutputSpec } from 'prosemirror-model';
import { isClauseStart, MAX_CLAUSE_LEVEL, NUMBERING_SCHEMES } from './numbering';

export const ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

type DomLike = { getAttribute(name: string): string | null; style?: { textAlign?: string } };

function alignOf(dom: DomLike): Alignment | null {
  const a = dom.style?.textAlign ?? dom.getAttribute('data-align');
  return (ALIGNMENTS as readonly string[]).includes(a ?? '') ? (a as Alignment) : null;
}

const cellAttrs = {
  colspan: { default: 1 },
  rowspan: { default: 1 },
  colwidth: { default: null },
};

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  // paragraph first: it is the default block (Enter at the end of a title makes a paragraph).
  paragraph: {
    group: 'block',
    content: 'inline*',
    attrs: { align: { default: null }, indent: { default: true } },
    parseDOM: [
      {
        tag: 'p',
        getAttrs: (dom) => ({ align: alignOf(dom as unknown as DomLike) }),
      },
      { tag: 'h2' },
      { tag: 'h3' },
      { tag: 'h4' },
      { tag: 'li' },
      { tag: 'blockquote' },
    ],
    toDOM: (node): DOMOutputSpec => [
      'p',
      {
        class: `ld-para${node.attrs['indent'] ? ' ld-indent' : ''}`,
        ...(node.attrs['align'] ? { style: `text-align: ${node.attrs['align']}`, 'data-align': node.attrs['align'] } : {}),
      },
      0,
    ],
  },
  title: {
    group: 'block',
    content: 'inline*',
    defining: true,
    attrs: {},
    parseDOM: [{ tag: 'h1' }],
    toDOM: (): DOMOutputSpec => ['h1', { class: 'ld-title' }, 0],
  },
  clause: {
    group: 'block',
    content: 'inline*',
    defining: true,
    // `start` (a restart, numbering.ts) defaults to undefined, not null: toJSON() copies every
    // attribute, and an undefined one is dropped by JSON and by the canonical hash, so a clause
    // that does not restart serialises exactly as before the attribute existed.
    attrs: { scheme: { default: 'cn' }, level: { default: 0 }, start: { default: undefined } },
    parseDOM: [
      {
        tag: 'p[data-clause-scheme]',
        priority: 60,
        getAttrs: (dom) => {
          const el = dom as unknown as DomLike;
          const scheme = el.getAttribute('data-clause-scheme');
          const level = Number(el.getAttribute('data-clause-level'));
          const start = Number(el.getAttribute('data-clause-start') ?? NaN);
          return {
            scheme: (NUMBERING_SCHEMES as readonly string[]).includes(scheme ?? '') ? scheme : 'cn',
            level: Number.isInteger(level) ? Math.max(0, Math.min(MAX_CLAUSE_LEVEL, level)) : 0,
            ...(isClauseStart(start) && { start }),
          };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'p',
      {
        class: `ld-clause ld-level-${node.attrs['level']}`,
        'data-clause-scheme': node.attrs['scheme'],
        'data-clause-level': String(node.attrs['level']),
        ...(isClauseStart(node.attrs['start']) && { 'data-clause-start': String(node.attrs['start']) }),
      },
      0,
    ],
  },
  table: {
    group: 'block',
    content: 'table_row+',
    tableRole: 'table',
    isolating: true,
    // 'grid': a ruled table; 'signature': the borderless signature block (EXPORT.md).
    attrs: { kind: { default: 'grid' } },
    parseDOM: [{ tag: 'table' }],
    toDOM: (node): DOMOutputSpec => ['table', { class: `ld-table ld-table-${node.attrs['kind']}` }, ['tbody', 0]],
  },
  table_row: {
    content: '(table_cell | table_header)+',
    tableRole: 'row',
    parseDOM: [{ tag: 'tr' }],
    toDOM: (): DOMOutputSpec => ['tr', 0],
  },
  table_cell: {
    content: 'paragraph+',
    attrs: cellAttrs,
    tableRole: 'cell',
    isolating: true,
    parseDOM: [{ tag: 'td' }],
    toDOM: (node): DOMOutputSpec => ['td', cellDom(node.attrs), 0],
  },
  table_header: {
    content: 'paragraph+',
    attrs: cellAttrs,
    tableRole: 'header_cell',
    isolating: true,
    parseDOM: [{ tag: 'th' }],
    toDOM: (node): DOMOutputSpec => ['th', cellDom(node.attrs), 0],
  },
  field: {
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    draggable: false,
    attrs: { key: {} },
    parseDOM: [
      {
        tag: 'span[data-field]',
        getAttrs: (dom) => ({ key: (dom as unknown as DomLike).getAttribute('data-field') }),
      },
    ],
    toDOM: (node): DOMOutputSpec => ['span', { 'data-field': node.attrs['key'], class: 'ld-field' }],
  },
  hard_break: {
    group: 'inline',
    inline: true,
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },
  text: { group: 'inline' },
};

function cellDom(attrs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (attrs['colspan'] !== 1) out['colspan'] = String(attrs['colspan']);
  if (attrs['rowspan'] !== 1) out['rowspan'] = String(attrs['rowspan']);
  return out;
}

const marks: Record<string, MarkSpec> = {
  bold: {
    parseDOM: [
      { tag: 'strong' },
      { tag: 'b', getAttrs: (dom) => ((dom as unknown as { style: { fontWeight: string } }).style.fontWeight !== 'normal' ? null : false) },
      {
        style: 'font-weight',
        getAttrs: (value) => (/^(bold(er)?|[6-9]\d{2,})$/.test(String(value)) ? null : false),
      },
    ],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },
  underline: {
    parseDOM: [{ tag: 'u' }, { style: 'text-decoration', getAttrs: (v) => (String(v).includes('underline') ? null : false) }],
    toDOM: (): DOMOutputSpec => ['u', 0],
  },
};

export const letterSchema = new Schema({ nodes, marks });

export type DocJSON = { type: 'doc'; content: unknown[] };

export const EMPTY_DOC: DocJSON = { type: 'doc', content: [{ type: 'paragraph', attrs: { align: null, indent: true } }] };

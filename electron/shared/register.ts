/** The letter register (issue #6): filters, sorting and the parties column. Pure. */
import type { LetterStatus, LetterSummary } from './domain';
import type { LetterContent } from './letter-content';

export type RegisterSort = 'updated-desc' | 'updated-asc' | 'number-asc' | 'number-desc' | 'title-asc' | 'signed-desc' | 'created-desc';

export interface RegisterFilter {
  status?: LetterStatus[];
  templateId?: string;
  /** Part of a party's name (either side). */
  party?: string;
  /** Part of the title, the number or a party's name. */
  text?: string;
  /** Last change between these dates (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  trashed?: boolean;
}

export interface RegisterQuery extends RegisterFilter {
  sort?: RegisterSort;
  offset?: number;
  limit?: number;
}

export interface RegisterRow extends LetterSummary {
  parties: string;
  templateId: string | null;
  signedOn: string | null;
}

/**
 * The parties of a letter as the register shows them: the names in its party fields
 * (承诺方 first, then 接收方), or in fields labelled 承诺方/接收方.
 */
export function partiesOf(content: Pick<LetterContent, 'fields' | 'values'>): string {
  const names: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim() && !names.includes(v.trim())) names.push(v.trim().slice(0, 100));
  };
  const byRole = (role: 'promisor' | 'recipient', labelPattern: RegExp) => {
    for (const f of content.fields) {
      const isParty = f.type === 'party' && (f.options?.party ?? 'promisor') === role && (f.options?.part ?? 'fullName') === 'fullName';
      const looksLike = (f.type === 'text' || f.type === 'party') && labelPattern.test(f.label) && !/地址|电话|代表|代码|联系|签/.test(f.label);
      if (isParty || (f.type !== 'party' && looksLike)) add(content.values[f.key]);
    }
  };
  byRole('promisor', /^承诺(方|人|单位)(名称|全称)?$/);
  byRole('recipient', /^接收方(名称|全称)?$/);
  return names.join(' / ');
}

const CSV_COLUMNS = ['编号', '标题', '当事方', '模板', '状态', '最后修改', '签署日期'] as const;

function csvCell(value: string): string {
  // Excel would run a cell starting with = + - @ as a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The register as CSV for Excel: UTF-8 with BOM, CRLF line ends. */
export function registerCsv(rows: RegisterRow[], statusLabel: (s: LetterStatus) => string, templateName: (id: string | null) => string): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.number ?? '', r.title, r.parties, templateName(r.templateId), statusLabel(r.status), r.updatedAt, r.signedOn ?? '']
        .map(csvCell)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

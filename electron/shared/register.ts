/** The letter register (issue #6): filters, sorting and the parties column. Pure. */
import type { LetterStatus, LetterSummary } from './domain';

export type RegisterSort = 'updated-desc' | 'updated-asc' | 'number-asc' | 'number-desc' | 'title-asc' | 'signed-desc' | 'created-desc';

export interface RegisterFilter {
  status?: LetterStatus[];
  templateId?: string;
  /** Part of a party's name (either side). */
  party?: string;
  /** Full-text search (issue #13): every term in the title, number, body, parties, signers or notes. */
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

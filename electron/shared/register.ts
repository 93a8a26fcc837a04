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

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A stored time (UTC ISO) as the office's clock shows it, in the form spreadsheets read as a
 * date and time: 2026-11-27 20:14:05 (issue #15: the CSV said …T12:14:05.000Z, eight hours off).
 * Local to the machine's time zone; a value that is not a time is returned as it is.
 */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${localDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The local calendar date of a stored time: 2026-11-27. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The register as CSV for Excel: UTF-8 with BOM, CRLF line ends. */
export function registerCsv(rows: RegisterRow[], statusLabel: (s: LetterStatus) => string, templateName: (id: string | null) => string): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.number ?? '', r.title, r.parties, templateName(r.templateId), statusLabel(r.status), localDateTime(r.updatedAt), r.signedOn ?? '']
        .map(csvCell)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

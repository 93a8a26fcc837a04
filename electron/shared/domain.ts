/** Domain types shared by core, main, preload and renderer. Plain data only (JSON-safe). */
import type { EvidenceReport } from './evidence';

export const LETTER_STATUSES = ['draft', 'awaiting-signature', 'signed', 'archived', 'void'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** What a status is called, in each UI language: the page, the register CSV, the audit report and the CLI print these. */
export const STATUS_LABELS: Record<LetterStatus, Record<Locale, string>> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  'awaiting-signature': { 'zh-CN': '待签署', en: 'Awaiting signature' },
  signed: { 'zh-CN': '已签署', en: 'Signed' },
  archived: { 'zh-CN': '已归档', en: 'Archived' },
  void: { 'zh-CN': '已作废', en: 'Void' },
};

/** The longest letter title the API accepts. */
export const TITLE_MAX = 200;

export interface LetterSummary {
  id: number;
  number: string | null;
  title: string;
  status: LetterStatus;
  createdAt: string;
  updatedAt: string;
  trashedAt: string | null;
}

export interface Letter extends LetterSummary {
  /** Increments on every change; a write with a stale revision is refused with 'conflict'. */
  revision: number;
}

export type LetterSort = 'updated-desc' | 'updated-asc' | 'title-asc' | 'created-desc';

export interface ListLettersQuery {
  /** false (default): live letters; true: the trash. */
  trashed?: boolean;
  offset?: number;
  limit?: number;
  sort?: LetterSort;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export type Locale = 'zh-CN' | 'en';

export const AUTO_VERSION_RETENTIONS = ['keep-all', 'thin'] as const;
export type AutoVersionRetention = (typeof AUTO_VERSION_RETENTIONS)[number];

export interface Settings {
  locale: Locale;
  /** An automatic version is made after this many minutes of editing since the last one. */
  autoVersionMinutes: number;
  /**
   * Automatic versions: all kept (the default: the history is evidence), or thinned — every one
   * of the last 30 days, then one a day until 180 days, then one a week. Only automatic versions
   * are ever thinned: manual, exported, signed and restore versions are always kept.
   */
  autoVersionRetention: AutoVersionRetention;
  /** Letter number pattern, e.g. {前缀}-{yyyy}-{seq:4} → HXCN-2026-0001 (issue #6). */
  numberPattern: string;
  /** Prefix used when a letter's template category has none of its own. */
  numberPrefix: string;
  /** Prefix per template category (理赔服务 → LP …). */
  categoryPrefixes: Record<string, string>;
  /** Font names written into exports (offices differ: 仿宋 vs 仿宋_GB2312, 小标宋 vs 方正小标宋简体). */
  exportFonts: { song: string; fang: string; hei: string; kai: string; xiaobiaosong: string; latin: string };
  /** Where the last export went; the next save dialog starts there. */
  lastExportDir: string;
}

export interface Profile {
  /** 承诺方全称 */
  fullName: string;
  shortName: string;
  partyType: 'enterprise' | 'individual' | 'other';
  address: string;
  legalRepresentative: string;
  contact: string;
  defaultSigner: string;
}

export interface DbCheckReport {
  ok: boolean;
  /** The signature event log's hash chain (issue #6). */
  chain: { ok: boolean; events: number; firstBroken: { id: number; letterId: number | null; reason: string } | null };
  schemaVersion: number;
  appSchemaVersion: number;
  integrity: string[];
  foreignKeyViolations: number;
  path: string;
  /** Versions, events, scans, statuses and numbers recomputed against the chain (issue #9). */
  evidence: EvidenceReport;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  schemaVersion: number;
}

/** A counterparty in the address book (接收方). */
export interface Party {
  id: number;
  fullName: string;
  shortName: string;
  partyType: 'enterprise' | 'individual' | 'other';
  address: string;
  legalRepresentative: string;
  contact: string;
  signer: string;
}

export type PartyInput = Partial<Omit<Party, 'id' | 'fullName'>> & { id?: number; fullName: string };

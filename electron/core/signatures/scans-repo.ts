import { createHash } from 'node:crypto';
import type { Db } from '../db/open-db';
import type { ScanSummary } from '../../shared/signatures';
import { LetterdeskError } from '../../shared/errors';
import { displayFileName } from '../../shared/text-rules';
import { sniffScan, type ScanMime } from './scan-sniff';

const EXTENSION: Record<ScanMime, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** A scan larger than this is refused with a clear message (a 300 dpi colour A4 page is ~3 MB). */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;

interface ScanRow {
  id: number;
  letter_id: number;
  sha256: string;
  file_name: string;
  mime: string;
  size: number;
  created_at: string;
}

const toScan = (r: ScanRow): ScanSummary => ({
  id: r.id,
  letterId: r.letter_id,
  sha256: r.sha256,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  createdAt: r.created_at,
});

/** Scanned signed copies, stored in the database with their SHA-256; never changed or removed. */
export function createScansRepo(db: Db) {
  const insert = db.prepare<[number, string, string, string, number, string, Buffer]>(
    `INSERT INTO scans (letter_id, sha256, file_name, mime, size, created_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byLetter = db.prepare<[number], ScanRow>(
    `SELECT id, letter_id, sha256, file_name, mime, size, created_at FROM scans WHERE letter_id = ? ORDER BY id`,
  );
  const data = db.prepare<[number, number], { data: Buffer; mime: string; file_name: string; sha256: string }>(
    `SELECT data, mime, file_name, sha256 FROM scans WHERE letter_id = ? AND id = ?`,
  );

  return {
    add(letterId: number, fileName: string, bytes: Buffer, nowIso: string): ScanSummary {
      if (bytes.length > MAX_SCAN_BYTES) throw new LetterdeskError('file-too-large', `${bytes.length} bytes (limit ${MAX_SCAN_BYTES})`);
      const sniffed = sniffScan(bytes);
      if (!sniffed.ok) throw new LetterdeskError('unsupported-file', `The file is not a usable scan: ${sniffed.reason}`);
      const { mime } = sniffed;
      // The data is stored under its row id; the name the user picked is display text only.
      const shown = displayFileName(fileName, `扫描件.${EXTENSION[mime]}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const id = Number(insert.run(letterId, sha256, shown, mime, bytes.length, nowIso, bytes).lastInsertRowid);
      return { id, letterId, sha256, fileName: shown, mime, size: bytes.length, createdAt: nowIso };
    },
    list: (letterId: number): ScanSummary[] => byLetter.all(letterId).map(toScan),
    read(letterId: number, scanId: number): { data: Buffer; mime: string; fileName: string; sha256: string } {
      const row = data.get(letterId, scanId);
      if (!row) throw new LetterdeskError('not-found', `Scan ${scanId} of letter ${letterId} does not exist`);
      const actual = createHash('sha256').update(row.data).digest('hex');
      if (actual !== row.sha256) throw new LetterdeskError('db-corrupt', `Scan ${scanId} no longer matches its SHA-256`);
      return { data: row.data, mime: row.mime, fileName: row.file_name, sha256: row.sha256 };
    },
  };
}

/**
 * The signature history of a letter (issue #6): export for signature, signatures, the scanned
 * copy, archive or void, its state, verifying a paper, and the audit report.
 */
import path from 'node:path';
import type { LetterdeskApi } from '../../shared/api';
import type { CoreDeps } from '../core-deps';
import { writeFileAtomic } from '../export/write-atomic';
import { buildAuditReport } from '../signatures/audit-report';
import { archiveLetter, attachScan, exportForSignature, recordSignature, voidLetter } from '../signatures/lifecycle';
import { readScan, signatureState, verifyPaper } from '../signatures/signature-state';

export type SignatureMethods =
  | 'signExport'
  | 'signRecord'
  | 'signAttachScan'
  | 'signScanData'
  | 'signScanSave'
  | 'signArchive'
  | 'signVoid'
  | 'signState'
  | 'signVerify'
  | 'signAudit';

export function signatureHandlers(deps: Pick<CoreDeps, 'sign' | 'dialogs' | 'now' | 'lastExport'>): Pick<LetterdeskApi, SignatureMethods> {
  const { sign, dialogs, now } = deps;
  return {
    signExport: async ({ id, style }) => {
      const result = await exportForSignature(sign, id, style);
      if (result.path) deps.lastExport.path = result.path;
      return result;
    },
    signRecord: async ({ id, ...record }) =>
      recordSignature(sign, id, {
        role: record.role,
        name: record.name,
        organisation: record.organisation ?? '',
        dateSigned: record.dateSigned,
        method: record.method,
        recordedBy: record.recordedBy ?? '',
        note: record.note ?? '',
      }),
    signAttachScan: async ({ id }) => attachScan(sign, id),
    signScanData: async ({ id, scanId }) => {
      const scan = readScan(sign, id, scanId);
      return { mime: scan.mime, fileName: scan.fileName, dataUrl: `data:${scan.mime};base64,${scan.data.toString('base64')}` };
    },
    signScanSave: async ({ id, scanId }) => {
      const scan = readScan(sign, id, scanId);
      const file = await dialogs.saveFile({
        defaultName: scan.fileName,
        filters: [{ name: scan.mime, extensions: [path.extname(scan.fileName).slice(1) || 'pdf'] }],
      });
      if (!file) return { path: null };
      writeFileAtomic(file, scan.data);
      return { path: file };
    },
    signArchive: async ({ id }) => archiveLetter(sign, id),
    signVoid: async ({ id, reason }) => voidLetter(sign, id, reason),
    signState: async ({ id }) => signatureState(sign, id),
    signVerify: async ({ number, fingerprint }) => verifyPaper(sign, number, fingerprint),
    signAudit: async ({ id }) => {
      const letter = sign.letters.get(id);
      const file = await dialogs.saveFile({
        defaultName: `审计报告_${letter.number ?? letter.id}.docx`,
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      });
      if (!file) return { path: null };
      writeFileAtomic(file, await buildAuditReport(letter, signatureState(sign, id), sign.events.verifyChain(), now()));
      return { path: file };
    },
  };
}

/**
 * The paper lifecycle of a letter (issue #6): export for signature → record signatures →
 * attach the scan → archive, or void. Each step checks the status, writes its event to the
 * hash chain and moves the status in one transaction.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LetterdeskError } from '../../shared/errors';
import { missingRequired } from '../../shared/letter-content';
import { partiesName_PLACEHOLDER } from '../../shared/field-roles';
import {
  canDo,
  requiredSignerRoles,
  signingProgress,
  type LifecycleAction,
  type SignatureEvent,
  type SignatureRecord,
  type ScanSummary,
} from '../../shared/signatures';
import type { Letter } from '../../shared/domain';
import type { PageStyle } from '../../shared/letter-content';
import type { VersionSummary } from '../../shared/versions';
import { toLetterdeskError } from '../db/sqlite-errors';
import { buildDocx, defaultExportFileName, writeFileAtomic } from '../export';
import { snapshotLetter } from '../versions/snapshot-letter';
import { MAX_SCAN_BYTES } from './scans-repo';
import type { SignContext } from './context';

function checkStep(ctx: SignContext, id: number, action: LifecycleAction): Letter {
  const letter = ctx.letters.get(id);
  if (letter.trashedAt) throw new LetterdeskError('letter-trashed', `Letter ${id} is in the trash`);
  if (!canDo(action, letter.status)) throw new LetterdeskError('illegal-transition', `Letter ${id} is ${letter.status}; cannot ${action}`);
  return letter;
}

/** The number prefix for a letter: its template category's, else the default. */
function prefixFor(ctx: SignContext, templateId: string | null): string {
  const s = ctx.settings();
  if (templateId) {
    try {
      const category = ctx.templates.get(templateId).category;
      if (s.categoryPrefixes[category]) return s.categoryPrefixes[category]!;
    } catch {
      // The template was deleted; the default prefix applies.
    }
  }
  return s.numberPrefix;
}

/** The latest export for signature of this letter, if any (what the paper in hand carries). */
export function latestExport(ctx: SignContext, id: number) {
  const events = ctx.events.list(id).filter((e) => e.kind === 'exported-for-signature');
  return events[events.length - 1] ?? null;
}

function signaturesSince(events: SignatureEvent[], exportEventId: number): SignatureRecord[] {
  return events.filter((e) => e.kind === 'signature-recorded' && e.id > exportEventId).map((e) => e.payload as unknown as SignatureRecord);
}

/** Roles that signed the paper of the export event `exportEventId` (recorded after it). */
export function rolesSignedSinceExport(events: SignatureEvent[], exportEventId: number): string[] {
  return signaturesSince(events, exportEventId).map((r) => r.role);
}

/** The letter's own number field (承诺书编号 …), left empty by the clerk, gets the assigned number. */
const OWN_NUMBER_LABEL = /承诺书编号|函件编号|文书编号|^编号$/;

function fillNumberField(ctx: SignContext, id: number, number: string): void {
  const { letter, content } = ctx.letters.getContent(id);
  const empty = content.fields.filter((f) => f.type === 'docnumber' && OWN_NUMBER_LABEL.test(f.label) && !content.values[f.key]);
  if (!empty.length) return;
  const values = { ...content.values };
  for (const f of empty) values[f.key] = number;
  ctx.letters.saveContent(id, { ...content, values }, ctx.now(), letter.revision);
}

export interface ExportForSignatureResult {
  path: string | null;
  number: string | null;
  version: VersionSummary | null;
  fileSha256: string | null;
}

export async function exportForSignature(ctx: SignContext, id: number, style?: PageStyle): Promise<ExportForSignatureResult> {
  const letter = checkStep(ctx, id, 'export-for-signature');
  const { content, templateId } = ctx.letters.getContent(id);
  const missing = missingRequired(content);
  if (missing.length) throw new LetterdeskError('missing-required', `Required fields are empty: ${missing.map((f) => f.label).join('、')}`);
  const s = ctx.settings();
  const year = new Date(ctx.now()).getUTCFullYear();
  const prefix = prefixFor(ctx, templateId);
  const name = defaultExportFileName({ letterNumber: letter.number ?? prefix, title: letter.title, versionLabel: null }, 'docx');
  const file = await ctx.dialogs.saveFile({
    defaultName: s.lastExportDir ? path.join(s.lastExportDir, name) : name,
    filters: [{ name: 'Word 文档', extensions: ['docx'] }],
  });
  if (!file) return { path: null, number: letter.number, version: null, fileSha256: null };

  // Number and version first (one transaction): the paper must carry both.
  const { number, version } = ctx.db.transaction(() => {
    const current = ctx.letters.get(id);
    const assigned = current.number ?? ctx.numbers.next(s.numberPattern, prefix, year, id);
    if (!current.number) ctx.numbers.assign(id, assigned);
    fillNumberField(ctx, id, assigned);
    return { number: assigned, version: snapshotLetter(ctx.db, id, 'export', null, ctx.now()) };
  })();
  const promisor = partiesOf(content).split(' / ')[0] || ctx.profile().fullName;
  const bytes = await buildDocx(content, { title: letter.title, letterNumber: number, versionLabel: `v${version.seq}`, fingerprint: version.fingerprint, promisor }, { style: style ?? content.pageStyle, fonts: s.exportFonts });
  writeFileAtomic(file, bytes);
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  ctx.db.transaction(() => {
    ctx.events.append(id, 'exported-for-signature', version.seq, { file: path.basename(file), fileSha256, size: bytes.length, number, versionHash: version.hash, fingerprint: version.fingerprint, style: style ?? content.pageStyle }, ctx.now());
    ctx.letters.setStatus(id, 'awaiting-signature', ctx.now());
  })();
  return { path: file, number, version, fileSha256 };
}

export function recordSignature(ctx: SignContext, id: number, record: SignatureRecord): { letter: Letter; complete: boolean } {
  return ctx.db.transaction(() => {
    checkStep(ctx, id, 'record-signature');
    const exported = latestExport(ctx, id);
    if (!exported || exported.versionSeq === null) throw new LetterdeskError('illegal-transition', `Letter ${id} was not exported for signature`);
    ctx.events.append(id, 'signature-recorded', exported.versionSeq, { ...record }, ctx.now());
    const required = requiredSignerRoles(ctx.versions.get(id, exported.versionSeq).content);
    const events = ctx.events.list(id);
    const { complete } = signingProgress(required, rolesSignedSinceExport(events, exported.id));
    if (complete) {
      const signed = signaturesSince(events, exported.id);
      const dates = signed.map((r) => r.dateSigned).sort();
      ctx.letters.setSignedOn(id, dates[dates.length - 1] ?? null);
      if (ctx.letters.get(id).status !== 'signed') {
        ctx.letters.setStatus(id, 'signed', ctx.now());
        const v = ctx.versions.summary(id, exported.versionSeq);
        if (!v.signedAt) ctx.versions.markSigned(id, exported.versionSeq, ctx.now());
      }
    }
    return { letter: ctx.letters.get(id), complete };
  })();
}

/** Reads a scan file chosen by the user (size checked before reading) and attaches it. */
export async function attachScan(ctx: SignContext, id: number, filePath?: string): Promise<ScanSummary | null> {
  checkStep(ctx, id, 'attach-scan');
  const file =
    filePath ?? (await ctx.dialogs.openFile({ filters: [{ name: '扫描件 Scans', extensions: ['pdf', 'jpg', 'jpeg', 'png'] }] }));
  if (!file) return null;
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_SCAN_BYTES) throw new LetterdeskError('file-too-large', `${path.basename(file)}: ${size} bytes`);
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw toLetterdeskError(err, `Cannot read ${file}`);
  }
  return ctx.db.transaction(() => {
    checkStep(ctx, id, 'attach-scan');
    const scan = ctx.scans.add(id, path.basename(file), bytes, ctx.now());
    const exported = latestExport(ctx, id);
    ctx.events.append(id, 'scan-attached', exported?.versionSeq ?? null, { scanId: scan.id, sha256: scan.sha256, fileName: scan.fileName, size: scan.size, mime: scan.mime }, ctx.now());
    return scan;
  })();
}

export function archiveLetter(ctx: SignContext, id: number): Letter {
  return ctx.db.transaction(() => {
    checkStep(ctx, id, 'archive');
    ctx.events.append(id, 'archived', latestExport(ctx, id)?.versionSeq ?? null, {}, ctx.now());
    ctx.letters.setStatus(id, 'archived', ctx.now());
    return ctx.letters.get(id);
  })();
}

export function voidLetter(ctx: SignContext, id: number, reason: string): Letter {
  return ctx.db.transaction(() => {
    checkStep(ctx, id, 'void');
    ctx.events.append(id, 'voided', latestExport(ctx, id)?.versionSeq ?? null, { reason }, ctx.now());
    ctx.letters.setStatus(id, 'void', ctx.now());
    return ctx.letters.get(id);
  })();
}

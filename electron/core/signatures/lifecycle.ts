/**
 * The paper lifecycle of a letter (issue #6): export for signature → record signatures →
 * attach the scan → archive, or void. Each step checks the status, writes its event to the
 * hash chain and moves the status in one transaction.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { LetterdeskError } from '../../shared/errors';
import { assertPrintable, type LetterContent } from '../../shared/letter-content';
import { withOwnNumber } from '../../shared/field-roles';
import {
  canDo,
  requiredSignerRoles,
  signingProgress,
  type LifecycleAction,
  type SignatureRecord,
  type ScanSummary,
} from '../../shared/signatures';
import type { Letter } from '../../shared/domain';
import type { PageStyle } from '../../shared/letter-content';
import type { VersionSummary } from '../../shared/versions';
import { toLetterdeskError } from '../db/sqlite-errors';
import { buildDocx, defaultExportFileName, exportFilePath, stageFile } from '../export';
import { exportMeta } from '../export/letter-export';
import { contentHash } from '../versions/canonical-hash';
import { plannedVersion } from '../versions/planned-version';
import { snapshotLetter } from '../versions/snapshot-letter';
import { MAX_SCAN_BYTES } from './scans-repo';
import { readRegularFileCapped } from './scan-file';
import type { SignContext } from './context';
import { latestExport, rolesSignedSinceExport, signaturesSince } from './export-events';

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
      // Own keys only: a category named `constructor` must not find Object.prototype.constructor.
      const prefix = Object.hasOwn(s.categoryPrefixes, category) ? s.categoryPrefixes[category] : undefined;
      if (typeof prefix === 'string' && prefix) return prefix;
    } catch {
      // The template was deleted; the default prefix applies.
    }
  }
  return s.numberPrefix;
}

export interface ExportForSignatureResult {
  path: string | null;
  number: string | null;
  version: VersionSummary | null;
  fileSha256: string | null;
}

/**
 * Export for signature (issue #9) is one atomic step. The paper is built from exactly the
 * content that is frozen — the assigned number already written into the letter's own number
 * field — and staged beside its target; then number, field, version, event and status commit
 * in one transaction whose last act puts the file in place. Any failure leaves none of it.
 */
export async function exportForSignature(ctx: SignContext, id: number, style?: PageStyle): Promise<ExportForSignatureResult> {
  const letter = checkStep(ctx, id, 'export-for-signature');
  const { content, templateId } = ctx.letters.getContent(id);
  assertPrintable(content);
  const s = ctx.settings();
  const year = new Date(ctx.now()).getUTCFullYear();
  const prefix = prefixFor(ctx, templateId);
  const name = defaultExportFileName({ letterNumber: letter.number ?? prefix, title: letter.title, versionLabel: null }, 'docx');
  const chosen = await ctx.dialogs.saveFile({
    defaultName: s.lastExportDir ? path.join(s.lastExportDir, name) : name,
    filters: [{ name: 'Word 文档', extensions: ['docx'] }],
  });
  if (!chosen) return { path: null, number: letter.number, version: null, fileSha256: null };
  const file = exportFilePath(chosen, 'docx');

  // Another window or process may take the planned number, or the clerk may save, while the
  // paper is built: then nothing was written, and the paper is built again from what is stored.
  // Exports through one core take turns (they would only race for the same next number).
  return serially(ctx, async () => {
    for (let attempt = 1; ; attempt++) {
      const result = await exportOnce(ctx, id, file, style, prefix, year);
      if (result !== RETRY) return result;
      if (attempt >= MAX_EXPORT_ATTEMPTS) throw new LetterdeskError('conflict', `Letter ${id} kept changing while it was being exported; export again`);
    }
  });
}

function serially<T>(ctx: SignContext, work: () => Promise<T>): Promise<T> {
  const run = ctx.exportTurn.then(work, work);
  ctx.exportTurn = run.catch(() => undefined);
  return run;
}

const RETRY = Symbol('retry');
const MAX_EXPORT_ATTEMPTS = 10;
class Moved extends Error {}

async function exportOnce(ctx: SignContext, id: number, file: string, style: PageStyle | undefined, prefix: string, year: number): Promise<ExportForSignatureResult | typeof RETRY> {
  const s = ctx.settings();
  // The paper shows what is stored now (the clerk may have typed while the dialog was open).
  const before = ctx.letters.getContent(id);
  checkStep(ctx, id, 'export-for-signature');
  assertPrintable(before.content);
  const number = before.letter.number ?? ctx.numbers.peek(s.numberPattern, prefix, year, id);
  const frozen: LetterContent = { ...before.content, values: withOwnNumber(before.content.fields, before.content.values, number) };
  const plan = plannedVersion(ctx.versions, id, frozen);
  const pageStyle = style ?? frozen.pageStyle;
  const meta = exportMeta({ title: before.letter.title, number }, frozen, plan, false, ctx.profile().fullName);
  const bytes = await buildDocx(frozen, meta, { style: pageStyle, fonts: s.exportFonts });
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const staged = stageFile(file, bytes);
  try {
    const version = ctx.db.transaction(() => {
      const current = checkStep(ctx, id, 'export-for-signature');
      if (current.revision !== before.letter.revision || current.number !== before.letter.number) throw new Moved();
      if (!current.number) {
        if (ctx.numbers.next(s.numberPattern, prefix, year, id) !== number) throw new Moved();
        ctx.numbers.assign(id, number);
      }
      if (contentHash(frozen) !== contentHash(before.content)) ctx.letters.saveContent(id, frozen, ctx.now(), current.revision);
      const v = snapshotLetter(ctx, id, 'export', null, ctx.now());
      if (v.seq !== plan.seq || v.hash !== plan.hash) throw new LetterdeskError('internal', `Export for signature froze v${v.seq} (${v.fingerprint}), not the printed v${plan.seq} (${plan.fingerprint})`);
      ctx.events.append(id, 'exported-for-signature', v.seq, { file: path.basename(file), fileSha256, size: bytes.length, number, versionHash: v.hash, fingerprint: v.fingerprint, style: pageStyle }, ctx.now());
      ctx.letters.setStatus(id, 'awaiting-signature', ctx.now());
      // Last: the file takes its place. If this throws, the transaction rolls back.
      staged.commit();
      return v;
    })();
    return { path: file, number, version, fileSha256 };
  } catch (err) {
    staged.discard();
    if (err instanceof Moved) return RETRY;
    throw toLetterdeskError(err, `Export for signature of letter ${id}`);
  }
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

/** Reads a scan file chosen by the user (a regular file, capped while reading: scan-file.ts) and attaches it. */
export async function attachScan(ctx: SignContext, id: number, filePath?: string): Promise<ScanSummary | null> {
  checkStep(ctx, id, 'attach-scan');
  const file =
    filePath ?? (await ctx.dialogs.openFile({ filters: [{ name: '扫描件 Scans', extensions: ['pdf', 'jpg', 'jpeg', 'png'] }] }));
  if (!file) return null;
  const bytes = await readRegularFileCapped(file, MAX_SCAN_BYTES);
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

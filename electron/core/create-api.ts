import type { LetterdeskApi, ApiMethod } from '../shared/api';
import { validateInput } from '../shared/validate';
import { LetterdeskError, type Envelope } from '../shared/errors';
import { openDatabase, schemaVersion, APP_SCHEMA_VERSION, type Db } from './db/open-db';
import { toLetterdeskError } from './db/sqlite-errors';
import { checkDatabase } from './db/check-db';
import { createSettingsRepo } from './settings-repo';
import { createTemplatesRepo, loadBuiltinTemplates } from './templates-repo';
import { createPartiesRepo } from './parties-repo';
import { blankContent, checkFill, contentFromTemplate } from './letter-content-service';
import {
  DEFAULT_VERSIONING_SETTINGS,
  diffContents,
  reposFor,
  restoreVersion,
  saveDraft,
  snapshotLetter,
  type VersioningSettings,
} from './versions';
import { importTemplatePackFile, writeTemplatePack } from './template-pack-files';
import { createRegisterRepo } from './register-repo';
import { createSignContext } from './signatures/context';
import { archiveLetter, attachScan, exportForSignature, recordSignature, voidLetter } from './signatures/lifecycle';
import { readScan, signatureState, verifyPaper } from './signatures/signature-state';
import { buildAuditReport } from './signatures/audit-report';
import { checkEvidence } from './signatures/evidence-check';
import { fontsUsed, writeFileAtomic } from './export';
import { exportLetter, printHtml, type PdfPort } from './letter-export';
import { missingFonts } from './export/installed-fonts';
import { registerCsv } from '../shared/register';
import { assertEditable } from './letter-edit-guard';
import { copyLetter } from './letter-copy';
import { trashLetter } from './letter-trash';
import type { LetterStatus } from '../shared/domain';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

/** resources/ beside the sources (dev, tests) — main and the CLI pass their own. */
export const DEFAULT_RESOURCES_DIR = path.resolve(__dirname, '../../resources');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** File dialogs are the one thing the shell provides; tests pass a port that returns test paths. */
export interface DialogsPort {
  saveFile(options: { defaultName: string; filters?: { name: string; extensions: string[] }[] }): Promise<string | null>;
  openFile(options: { filters?: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Shows a file in the system file manager (optional: the CLI has none). */
  revealFile?(filePath: string): Promise<void>;
}

/** Sends print HTML to the printer (Electron: a hidden window's print dialog). */
export interface PrinterPort {
  print(html: string, title: string): Promise<boolean>;
}

export const noDialogs: DialogsPort = {
  saveFile: async () => null,
  openFile: async () => null,
};

export interface ApiDeps {
  db: Db;
  dataDir: string;
  /** Folder holding templates/*.json (the built-in templates). */
  resourcesDir?: string;
  clock?: Clock;
  dialogs?: DialogsPort;
  /** PDF rendering of print HTML; absent → PDF export reports it is unavailable. */
  pdf?: PdfPort;
  printer?: PrinterPort;
  appVersion?: string;
}

/** Implements the whole LetterdeskApi on Node over one open database. */
export function createApi(deps: ApiDeps): LetterdeskApi {
  const { db, dataDir } = deps;
  const clock = deps.clock ?? systemClock;
  // One letters repo per database, shared with the versions core (statements prepared once).
  const { letters, versions } = reposFor(db);
  const settings = createSettingsRepo(db);
  const parties = createPartiesRepo(db);
  const templates = createTemplatesRepo(db, loadBuiltinTemplates(deps.resourcesDir ?? DEFAULT_RESOURCES_DIR));
  const dialogs = deps.dialogs ?? noDialogs;
  const now = () => clock.now().toISOString();
  const newTemplateId = () => `user-${randomUUID()}`;
  const register = createRegisterRepo(db);
  const sign = createSignContext({
    db,
    letters,
    versions,
    templates,
    settings: () => settings.getSettings(),
    profile: () => settings.getProfile(),
    dialogs,
    now,
  });
  let lastExported: string | null = null;
  const exportDeps = {
    db,
    letters,
    versions,
    dialogs,
    pdf: deps.pdf ?? null,
    settings: () => settings.getSettings(),
    profileName: () => settings.getProfile().fullName,
    rememberFolder: (dir: string) => void settings.updateSettings({ lastExportDir: dir }),
    now,
  };
  const STATUS_ZH: Record<LetterStatus, string> = { draft: '草稿', 'awaiting-signature': '待签署', signed: '已签署', archived: '已归档', void: '已作废' };
  const versioning = (): VersioningSettings => ({
    ...DEFAULT_VERSIONING_SETTINGS,
    throttleMs: settings.getSettings().autoVersionMinutes * 60_000,
  });

  const api: LetterdeskApi = {
    appInfo: async () => ({ version: deps.appVersion ?? '0.0.0', dataDir, schemaVersion: schemaVersion(db) }),
    lettersList: async (query) => letters.list(query ?? {}),
    lettersCreate: async ({ title, templateId, counterpartyId }) => {
      const counterparty = counterpartyId === undefined ? null : parties.get(counterpartyId);
      if (templateId === undefined) return letters.create(title!, now(), blankContent());
      const template = templates.get(templateId);
      return letters.create(title ?? template.name, now(), contentFromTemplate(template, settings.getProfile(), counterparty), template.id);
    },
    lettersGet: async ({ id }) => letters.get(id),
    lettersRename: async ({ id, title, revision }) => letters.rename(id, title, now(), revision),
    lettersTrash: async ({ id, confirmNumber }) => trashLetter(db, letters, sign.events, id, confirmNumber, now()),
    lettersCopy: async ({ id, title }) => copyLetter(letters, id, title, now()),
    lettersRestore: async ({ id }) => letters.restore(id, now()),
    letterContentGet: async ({ id }) => letters.getContent(id),
    letterContentSave: async ({ id, revision, ...content }) => saveDraft(db, id, content, revision, now(), versioning()).letter,
    lettersFill: async ({ id, values, revision }) =>
      // One transaction: the values are merged into the content the status check read.
      db.transaction(() => {
        const current = letters.getContent(id);
        assertEditable(current.letter);
        checkFill(current.content.fields, values);
        const content = { ...current.content, values: { ...current.content.values, ...values } };
        saveDraft(db, id, content, revision ?? current.letter.revision, now(), versioning());
        return letters.getContent(id);
      })(),
    versionsList: async ({ id }) => {
      letters.get(id);
      return versions.list(id);
    },
    versionsSave: async ({ id, note }) => snapshotLetter(db, id, 'manual', note?.trim() || null, now()),
    versionsGet: async ({ id, seq }) => versions.get(id, seq),
    versionsDiff: async ({ id, from, to }) =>
      diffContents(versions.get(id, from).content, to === undefined ? letters.getContent(id).content : versions.get(id, to).content),
    versionsRestore: async ({ id, seq, revision }) => restoreVersion(db, id, seq, now(), revision),
    letterExport: async (req) => {
      const result = await exportLetter(exportDeps, req);
      if (result.path) lastExported = result.path;
      return result;
    },
    letterPrint: async ({ id, style }) => {
      if (!deps.printer) throw new LetterdeskError('internal', 'Printing is not available here');
      return { printed: await deps.printer.print(printHtml(exportDeps, id, style), letters.get(id).title) };
    },
    exportFontCheck: async ({ style }) => {
      const fonts = fontsUsed(style, settings.getSettings().exportFonts);
      return { fonts, missing: missingFonts(fonts) };
    },
    exportReveal: async () => {
      if (lastExported && dialogs.revealFile) await dialogs.revealFile(lastExported);
    },
    signExport: async ({ id, style }) => {
      const result = await exportForSignature(sign, id, style);
      if (result.path) lastExported = result.path;
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
      const file = await dialogs.saveFile({ defaultName: scan.fileName, filters: [{ name: scan.mime, extensions: [path.extname(scan.fileName).slice(1) || 'pdf'] }] });
      if (!file) return { path: null };
      writeFileAtomic(file, scan.data);
      return { path: file };
    },
    signArchive: async ({ id }) => archiveLetter(sign, id),
    signVoid: async ({ id, reason }) => voidLetter(sign, id, reason),
    signState: async ({ id }) => signatureState(sign, id),
    signVerify: async ({ number, fingerprint }) => verifyPaper(sign, number, fingerprint),
    signAudit: async ({ id }) => {
      const letter = letters.get(id);
      const file = await dialogs.saveFile({
        defaultName: `审计报告_${letter.number ?? letter.id}.docx`,
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      });
      if (!file) return { path: null };
      writeFileAtomic(file, await buildAuditReport(letter, signatureState(sign, id), sign.events.verifyChain(), now()));
      return { path: file };
    },
    signChainCheck: async () => sign.events.verifyChain(),
    lettersSetNumber: async ({ id, number }) =>
      db.transaction(() => {
        const letter = letters.get(id);
        if (letter.status !== 'draft') throw new LetterdeskError('illegal-transition', `Letter ${id} already went to paper with its number`);
        sign.numbers.assign(id, number);
        // A number given by hand is evidence too: the chain records it (issue #9).
        sign.events.append(id, 'number-set', null, { number }, now());
        return letters.get(id);
      })(),
    registerList: async (query) => register.query(query ?? {}),
    registerExportCsv: async (filter) => {
      const file = await dialogs.saveFile({ defaultName: `函件登记簿_${now().slice(0, 10)}.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }] });
      if (!file) return { path: null, count: 0 };
      const rows = [...register.iterate(filter ?? {})];
      const names = new Map(templates.list().map((t) => [t.id, t.name]));
      writeFileAtomic(file, registerCsv(rows, (s) => STATUS_ZH[s], (tid) => (tid ? names.get(tid) ?? tid : '')));
      return { path: file, count: rows.length };
    },
    templatesList: async () => templates.list(),
    templatesGet: async ({ id }) => templates.get(id),
    templatesCreate: async ({ name, category, description, pageStyle, fromLetterId }) => {
      const content = fromLetterId === undefined ? blankContent() : letters.getContent(fromLetterId).content;
      return templates.save(
        {
          id: newTemplateId(),
          name,
          category,
          description: description ?? '',
          pageStyle: pageStyle ?? content.pageStyle,
          doc: content.doc,
          // A template carries definitions and defaults, never one letter's filled-in values.
          fields: content.fields,
        },
        now(),
      );
    },
    templatesSave: async ({ template }) => {
      // save() refuses built-ins; an unknown id is not created here (templatesCreate does that).
      if (!templates.exists(template.id)) throw new LetterdeskError('not-found', `Template ${template.id} does not exist`);
      return templates.save(template, now());
    },
    templatesDuplicate: async ({ id, name }) => {
      const { builtin: _b, createdAt: _c, updatedAt: _u, ...data } = templates.get(id);
      return templates.save({ ...data, id: newTemplateId(), name: name ?? `${data.name}（副本）`.slice(0, 100) }, now());
    },
    templatesDelete: async ({ id }) => templates.delete(id),
    templatesExportPack: async ({ ids }) => {
      ids.forEach((id) => templates.get(id)); // not-found before asking for a file
      const file = await dialogs.saveFile({
        defaultName: `模板包_${now().slice(0, 10)}.ldtpl.json`,
        filters: [{ name: '函件台模板包 Template pack', extensions: ['json'] }],
      });
      if (!file) return { path: null, count: 0 };
      return { path: file, count: writeTemplatePack(templates, ids, file, now()) };
    },
    templatesImportPack: async () => {
      const file = await dialogs.openFile({ filters: [{ name: '函件台模板包 Template pack', extensions: ['json'] }] });
      if (!file) return { path: null, imported: 0, replaced: 0 };
      return { path: file, ...importTemplatePackFile(templates, file, now()) };
    },
    partiesList: async () => parties.list(),
    partiesSave: async (input) => parties.save(input, now()),
    partiesDelete: async ({ id }) => parties.delete(id),
    settingsGet: async () => settings.getSettings(),
    settingsUpdate: async (patch) => settings.updateSettings(patch ?? {}),
    profileGet: async () => settings.getProfile(),
    profileUpdate: async (patch) => settings.updateProfile(patch ?? {}),
    dbCheck: async () => checkDatabase(db, dataDir, sign.events.verifyChain(), checkEvidence(db)),
  };
  return api;
}

/**
 * Validates and runs one call, returning an envelope. The single entry point for every
 * transport (IPC, the e2e binding, the CLI): input is untrusted until the schema accepts it.
 */
export function createDispatcher(api: LetterdeskApi) {
  return async function dispatch(method: unknown, args: unknown): Promise<Envelope<unknown>> {
    try {
      const input = validateInput(method, Array.isArray(args) ? args : [args]);
      const fn = api[method as ApiMethod] as (input: unknown) => Promise<unknown>;
      const value = await fn(input);
      return { ok: true, value };
    } catch (err) {
      const e = toLetterdeskError(err, String(method));
      return { ok: false, code: e.code, message: e.message };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

export interface Core {
  db: Db;
  api: LetterdeskApi;
  dispatch: Dispatch;
  close(): void;
}

/** Opens the data folder and wires the API; what main, the CLI and the e2e harness call. */
export function openCore(options: Omit<ApiDeps, 'db'>): Core {
  const db = openDatabase(options.dataDir);
  const api = createApi({ ...options, db });
  return { db, api, dispatch: createDispatcher(api), close: () => db.close() };
}

export { APP_SCHEMA_VERSION, LetterdeskError };

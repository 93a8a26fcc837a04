/**
 * `letterdesk` command line: the same createApi as the app, over the same data folder.
 * Output is human-readable, or JSON with --json; errors go to stderr with a non-zero exit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LetterdeskError, errorCode } from '../../shared/errors';
import type { ApiMethod } from '../../shared/api';
import type { DbCheckReport, Letter, LetterSummary, Page } from '../../shared/domain';
import type { LetterWithContent } from '../../shared/api';
import { fieldText, type FieldValues } from '../../shared/fields';
import type { Template, TemplateSummary } from '../../shared/template';
import type { ContentDiff, Version, VersionSummary } from '../../shared/versions';
import type { LetterSignatureState, VerifyResult } from '../../shared/signatures';
import { describeEvidenceProblem } from '../../shared/evidence';
import type { RegisterRow } from '../../shared/register';
import { letterBlocks, letterPlainText } from '../../shared/letter-model';
import { openCore, type Core } from '../create-api';
import { renderPdfWithChromium } from '../export';
import { defaultDataDir } from './default-data-dir';
import { letterRows, table } from './output';

export const USAGE = `函件台 Letterdesk 命令行 / command line

用法 Usage: letterdesk <command> [options] [--data-dir DIR] [--json]

  letters list [--trashed] [--limit N] [--offset N]   列出函件 list letters
  letters create --title T                          新建函件 create a letter
  letters show ID                                   查看函件 show a letter
  letters rename ID --title T                       重命名 rename
  letters trash ID [--confirm NUMBER] | letters restore ID
                                                    移到回收站 / 恢复（已编号的函件须 --confirm 其编号
                                                    a numbered letter needs --confirm with its number）
  letters copy ID [--title T]                       复制为新函件 copy as a new draft letter
  letters create --template ID [--values FILE.json] [--title T]
                                                    从模板新建并填写 create from a template
  letters fields ID                                 列出字段 fields: key, label, type, required, value
  letters fill ID --values FILE.json                按字段键填写（类型检查）fill values by key
  versions list ID                                  版本时间线 the letter's versions
  versions save ID [--note TEXT]                    保存版本 save a version
  versions show ID N                                查看版本 show version N (text and fields)
  versions diff ID A B                              比较版本 compare versions A and B
  versions restore ID N                             恢复版本（作为新版本）restore N as a new version
  export ID --format docx|pdf --out FILE [--version N] [--style business|official] [--draft]
                                                    导出 Word / PDF（PDF 用本机 Chromium 无头渲染，
                                                    the CLI renders PDF with headless Chromium at
                                                    /usr/bin/chromium or LETTERDESK_CHROMIUM; the app uses Electron）
  sign export ID --out FILE [--style business|official]
                                                    导出供签署 export for signature (.docx)
  sign record ID --role R --name N --date YYYY-MM-DD [--method 签字|盖章|签字并盖章] [--org O]
                                                    记录签署 record a signature
  sign attach ID FILE                               附加签署扫描件 attach the scanned signed copy
  sign archive ID                                   归档 archive
  sign void ID --reason TEXT                        作废 void with a reason
  sign status ID                                    签署状态 signature state and events
  register [--status S[,S]] [--party P] [--template ID] [--out FILE.csv]
                                                    函件登记簿 the register (CSV with --out)
  verify NUMBER FINGERPRINT                         核验纸质函件 verify a paper letter
  audit ID --out FILE                               审计报告 audit report (.docx)
  templates list                                    列出模板 list templates
  templates show ID                                 查看模板 show a template and its fields
  templates export ID... --out FILE                 导出模板包 export a template pack
  templates import FILE                             导入模板包（全部或全不）import a pack (all or nothing)
  db check                                          检查数据库 integrity and migration check

  --data-dir DIR   数据文件夹 (default: LETTERDESK_DATA_DIR or the app's own folder)
  --json           机器可读输出 machine-readable output
  --help           显示本帮助`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

type Flags = {
  title?: string;
  limit?: string;
  offset?: string;
  trashed?: boolean;
  json?: boolean;
  template?: string;
  values?: string;
  out?: string;
  note?: string;
  style?: string;
  role?: string;
  name?: string;
  date?: string;
  method?: string;
  org?: string;
  reason?: string;
  status?: string;
  party?: string;
  format?: string;
  version?: string;
  draft?: boolean;
  confirm?: string;
};

/** Runs one command; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        title: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        trashed: { type: 'boolean' },
        template: { type: 'string' },
        values: { type: 'string' },
        out: { type: 'string' },
        note: { type: 'string' },
        style: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        date: { type: 'string' },
        method: { type: 'string' },
        org: { type: 'string' },
        reason: { type: 'string' },
        status: { type: 'string' },
        party: { type: 'string' },
        format: { type: 'string' },
        version: { type: 'string' },
        draft: { type: 'boolean' },
        confirm: { type: 'string' },
      },
    });
  } catch (err) {
    io.err(`letterdesk: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const json = values.json ?? false;
  let core: Core | null = null;
  try {
    // The CLI's "dialogs" answer with the paths given on the command line.
    const outPath = values.out ? path.resolve(values.out) : null;
    const inPath =
      ((positionals[0] === 'templates' && positionals[1] === 'import') || (positionals[0] === 'sign' && positionals[1] === 'attach')) &&
      positionals.at(-1)
        ? path.resolve(positionals.at(-1)!)
        : null;
    core = openCore({
      dataDir: values['data-dir'] ?? defaultDataDir(io.env),
      appVersion: 'cli',
      dialogs: { saveFile: async () => outPath, openFile: async () => inPath },
      pdf: { renderPdf: (html, out) => renderPdfWithChromium(html, out, io.env['LETTERDESK_CHROMIUM'] ?? '/usr/bin/chromium') },
    });
    const call = async <T>(method: ApiMethod, input?: unknown): Promise<T> => {
      const envelope = await core!.dispatch(method, input === undefined ? [] : [input]);
      if (!envelope.ok) throw new LetterdeskError(envelope.code, envelope.message);
      return envelope.value as T;
    };
    const result = await runCommand(positionals, values as Flags, call);
    io.out(json ? JSON.stringify(result.data, null, 2) : result.text);
    return result.exitCode ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`letterdesk: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    const code = errorCode(err);
    const message = (err as Error).message ?? String(err);
    io.err(json ? JSON.stringify({ ok: false, code, message }) : `letterdesk: 错误 error [${code}] ${message.replace(/^\[[a-z-]+\]\s*/, '')}`);
    return 1;
  } finally {
    core?.close();
  }
}

type Call = <T>(method: ApiMethod, input?: unknown) => Promise<T>;
interface Result {
  data: unknown;
  text: string;
  exitCode?: number;
}

/** A diff for the terminal: changed blocks with [-deleted-] and {+inserted+} marks, then fields. */
function formatDiff(diff: ContentDiff): string {
  const lines: string[] = [];
  for (const b of diff.blocks) {
    if (b.op === 'equal') continue;
    const number = b.after?.number ?? b.before?.number ?? '';
    const body = b.segments.map((s) => (s.op === 'equal' ? s.text : s.op === 'insert' ? `{+${s.text}+}` : `[-${s.text}-]`)).join('');
    lines.push(`${b.op === 'insert' ? '+ ' : b.op === 'delete' ? '- ' : '~ '}${number}${body}`);
  }
  if (diff.fields.length) {
    lines.push('', '字段 fields:');
    for (const f of diff.fields) lines.push(`  ${f.label} (${f.key}): ${f.before ?? '—'} → ${f.after ?? '—'}`);
  }
  lines.push('', `+${diff.stats.added} / -${diff.stats.removed} 字, ${diff.stats.changedBlocks} 段, ${diff.stats.fieldsChanged} 个字段`);
  return lines.join('\n');
}

function readValues(file: string): FieldValues {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new LetterdeskError('io-error', `Cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const values = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (!values || typeof values !== 'object' || Array.isArray(values)) throw new Error('not an object');
    return values as FieldValues;
  } catch {
    throw new LetterdeskError('invalid-input', `${file} is not a JSON object of field values by key`);
  }
}

function idArg(positionals: string[], index: number): number {
  const raw = positionals[index];
  if (!raw || !/^\d+$/.test(raw)) throw new UsageError(`expected a letter ID, got ${raw ?? 'nothing'}`);
  return Number(raw);
}

function intFlag(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number`);
  return Number(raw);
}

async function runCommand(p: string[], flags: Flags, call: Call): Promise<Result> {
  const [group, command] = p;
  // register, verify, audit and export are one-word commands; the rest are "group command".
  const key = ['register', 'verify', 'audit', 'export'].includes(group ?? '') ? group! : `${group} ${command ?? ''}`.trim();
  switch (key) {
    case 'letters list': {
      const page = await call<Page<LetterSummary>>('lettersList', {
        trashed: flags.trashed ?? false,
        limit: intFlag(flags.limit, 'limit') ?? 50,
        offset: intFlag(flags.offset, 'offset') ?? 0,
      });
      const footer = `\n${page.offset + 1}–${page.offset + page.items.length} / ${page.total}`;
      return { data: page, text: page.items.length ? letterRows(page.items) + footer : '（没有函件 no letters）' };
    }
    case 'letters create': {
      if (flags.title === undefined && flags.template === undefined) throw new UsageError('letters create needs --title or --template');
      const letter = await call<Letter>('lettersCreate', {
        ...(flags.title !== undefined && { title: flags.title }),
        ...(flags.template !== undefined && { templateId: flags.template }),
      });
      if (flags.values !== undefined) {
        const filled = await call<LetterWithContent>('lettersFill', { id: letter.id, values: readValues(flags.values) });
        return { data: filled, text: `已创建 created #${letter.id} ${letter.title}（已填写 ${Object.keys(filled.content.values).length} 个字段）` };
      }
      return { data: letter, text: `已创建 created #${letter.id} ${letter.title}` };
    }
    case 'letters fields': {
      const { content } = await call<LetterWithContent>('letterContentGet', { id: idArg(p, 2) });
      const rows = content.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, value: content.values[f.key] ?? null }));
      return {
        data: rows,
        text: table(
          ['键 key', '名称 label', '类型 type', '必填 required', '值 value'],
          content.fields.map((f) => [f.key, f.label, f.type, f.required ? '是' : '', content.values[f.key] === undefined ? '' : fieldText(f, content.values[f.key])]),
        ),
      };
    }
    case 'letters fill': {
      if (flags.values === undefined) throw new UsageError('letters fill needs --values FILE.json');
      const filled = await call<LetterWithContent>('lettersFill', { id: idArg(p, 2), values: readValues(flags.values) });
      return { data: filled, text: `已填写 filled #${filled.letter.id}（revision ${filled.letter.revision}）` };
    }
    case 'versions list': {
      const list = await call<VersionSummary[]>('versionsList', { id: idArg(p, 2) });
      return {
        data: list,
        text: list.length
          ? table(
              ['版本', '时间 time', '类型 kind', '指纹 fingerprint', '+/-', '备注 note'],
              list.map((v) => [
                `v${v.seq}${v.exportedAt ? ' 已导出' : ''}${v.signedAt ? ' 已签署' : ''}`,
                v.createdAt,
                v.kind + (v.restoredFrom ? ` ←v${v.restoredFrom}` : ''),
                v.fingerprint,
                `+${v.charsAdded}/-${v.charsRemoved}`,
                v.note ?? '',
              ]),
            )
          : '（还没有版本 no versions yet）',
      };
    }
    case 'versions save': {
      const v = await call<VersionSummary>('versionsSave', { id: idArg(p, 2), ...(flags.note !== undefined && { note: flags.note }) });
      return { data: v, text: `已保存版本 saved v${v.seq}（${v.fingerprint}）` };
    }
    case 'versions show': {
      const v = await call<Version>('versionsGet', { id: idArg(p, 2), seq: idArg(p, 3) });
      const text = letterPlainText(letterBlocks(v.content.doc, v.content.fields, v.content.values));
      return { data: v, text: `v${v.seq} ${v.kind} ${v.createdAt} ${v.fingerprint}\n\n${text}` };
    }
    case 'versions diff': {
      const diff = await call<ContentDiff>('versionsDiff', { id: idArg(p, 2), from: idArg(p, 3), to: idArg(p, 4) });
      return { data: diff, text: formatDiff(diff) };
    }
    case 'versions restore': {
      const r = await call<{ version: VersionSummary; previous: VersionSummary }>('versionsRestore', { id: idArg(p, 2), seq: idArg(p, 3) });
      return { data: r, text: `已恢复 restored v${p[3]} → v${r.version.seq}（恢复前的内容保存在 v${r.previous.seq}）` };
    }
    case 'export': {
      if (flags.out === undefined) throw new UsageError('export needs --out FILE');
      const format = flags.format ?? (flags.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx');
      if (format !== 'docx' && format !== 'pdf') throw new UsageError('--format must be docx or pdf');
      const r = await call<{ path: string; version: VersionSummary; draft: boolean }>('letterExport', {
        id: idArg(p, 1),
        format,
        ...(flags.style !== undefined && { style: flags.style }),
        ...(flags.version !== undefined && { version: intFlag(flags.version, 'version') }),
        ...(flags.draft && { draft: true }),
      });
      return { data: r, text: `已导出 exported ${r.path}（v${r.version.seq} · 校验码 ${r.version.fingerprint}${r.draft ? ' · 草稿 draft' : ''}）` };
    }
    case 'sign export': {
      if (flags.out === undefined) throw new UsageError('sign export needs --out FILE');
      const r = await call<{ path: string; number: string; version: VersionSummary; fileSha256: string }>('signExport', {
        id: idArg(p, 2),
        ...(flags.style !== undefined && { style: flags.style }),
      });
      return { data: r, text: `已导出供签署 exported for signature: ${r.path}\n编号 ${r.number} · v${r.version.seq} · 校验码 ${r.version.fingerprint}\n文件 SHA-256 ${r.fileSha256}` };
    }
    case 'sign record': {
      if (!flags.role || !flags.name || !flags.date) throw new UsageError('sign record needs --role, --name and --date');
      const r = await call<{ letter: Letter; complete: boolean }>('signRecord', {
        id: idArg(p, 2),
        role: flags.role,
        name: flags.name,
        dateSigned: flags.date,
        method: flags.method ?? '签字',
        ...(flags.org !== undefined && { organisation: flags.org }),
        ...(flags.note !== undefined && { note: flags.note }),
      });
      return { data: r, text: `已记录 recorded ${flags.role} ${flags.name}${r.complete ? '；全部签署完成 all signatures recorded（已签署）' : ''}` };
    }
    case 'sign attach': {
      if (!p[3]) throw new UsageError('sign attach needs ID and FILE');
      const scan = await call<{ fileName: string; sha256: string; size: number }>('signAttachScan', { id: idArg(p, 2) });
      return { data: scan, text: `已附加 attached ${scan.fileName} (${scan.size} bytes) SHA-256 ${scan.sha256}` };
    }
    case 'sign archive': {
      const letter = await call<Letter>('signArchive', { id: idArg(p, 2) });
      return { data: letter, text: `已归档 archived #${letter.id}` };
    }
    case 'sign void': {
      if (!flags.reason) throw new UsageError('sign void needs --reason TEXT');
      const letter = await call<Letter>('signVoid', { id: idArg(p, 2), reason: flags.reason });
      return { data: letter, text: `已作废 voided #${letter.id}` };
    }
    case 'sign status': {
      const s = await call<LetterSignatureState>('signState', { id: idArg(p, 2) });
      const lines = [
        `状态 status: ${s.status}  编号 number: ${s.number ?? '—'}`,
        s.exported ? `待签署/已签署版本 paper version: v${s.exported.seq} ${s.exported.fingerprint}${s.paperMatchesCurrent ? '' : '（当前内容已修改，与纸质文本不一致 edited since export）'}` : '尚未导出供签署 not exported for signature',
        `应签署 required: ${s.requiredRoles.join('、')}`,
        ...s.signatures.map((r) => `  ${r.role} ${r.name} ${r.organisation} ${r.dateSigned} ${r.method}`),
        ...s.scans.map((sc) => `  扫描件 scan ${sc.fileName} ${sc.sha256}`),
      ];
      return { data: s, text: lines.join('\n') };
    }
    case 'register': {
      const filter = {
        ...(flags.status !== undefined && { status: flags.status.split(',') }),
        ...(flags.party !== undefined && { party: flags.party }),
        ...(flags.template !== undefined && { templateId: flags.template }),
      };
      if (flags.out !== undefined) {
        const r = await call<{ path: string; count: number }>('registerExportCsv', filter);
        return { data: r, text: `已导出 exported ${r.count} → ${r.path}` };
      }
      const page = await call<Page<RegisterRow>>('registerList', { ...filter, limit: intFlag(flags.limit, 'limit') ?? 100, offset: intFlag(flags.offset, 'offset') ?? 0 });
      return {
        data: page,
        text: table(
          ['ID', '编号', '标题', '当事方', '状态', '签署日期'],
          page.items.map((r) => [String(r.id), r.number ?? '—', r.title, r.parties, r.status, r.signedOn ?? '']),
        ) + `\n${page.items.length} / ${page.total}`,
      };
    }
    case 'verify': {
      const [, number, fingerprint] = p;
      if (!number || !fingerprint) throw new UsageError('verify needs NUMBER and FINGERPRINT');
      const r = await call<VerifyResult>('signVerify', { number, fingerprint });
      const text = r.found
        ? `找到 found: ${r.letter!.title} v${r.version!.seq}（${r.version!.createdAt}）\n签署 signed by: ${r.signatures.map((s) => `${s.role} ${s.name} ${s.dateSigned}`).join('；') || '—'}\n${r.currentMatches ? '当前内容与该版本一致 current text matches' : '当前内容已修改，与该版本不一致 current text differs'}`
        : r.reason === 'no-such-number'
          ? `没有编号为 ${number} 的函件 no letter has this number`
          : `函件 ${number} 没有指纹为 ${fingerprint} 的版本 no version with this fingerprint`;
      const damaged = r.evidenceOk ? '' : `\n证据已损坏 EVIDENCE DAMAGED: ${r.evidenceProblems.map(describeEvidenceProblem).join('；')}`;
      return { data: r, text: text + damaged, exitCode: r.found && r.evidenceOk ? 0 : 1 };
    }
    case 'audit': {
      if (flags.out === undefined) throw new UsageError('audit needs --out FILE');
      const r = await call<{ path: string }>('signAudit', { id: idArg(p, 1) });
      return { data: r, text: `已生成审计报告 audit report: ${r.path}` };
    }
    case 'templates list': {
      const list = await call<TemplateSummary[]>('templatesList');
      return {
        data: list,
        text: table(['ID', '名称 name', '类别 category', '字段 fields', ''], list.map((tp) => [tp.id, tp.name, tp.category, String(tp.fieldCount), tp.builtin ? '内置' : '自定义'])),
      };
    }
    case 'templates show': {
      const id = p[2];
      if (!id) throw new UsageError('templates show needs a template ID');
      const tp = await call<Template>('templatesGet', { id });
      return {
        data: tp,
        text: `${tp.name}（${tp.category}，${tp.pageStyle}）\n${tp.description}\n\n` + table(['键 key', '名称 label', '类型 type', '必填'], tp.fields.map((f) => [f.key, f.label, f.type, f.required ? '是' : ''])),
      };
    }
    case 'templates export': {
      const ids = p.slice(2);
      if (!ids.length || flags.out === undefined) throw new UsageError('templates export needs template IDs and --out FILE');
      const result = await call<{ path: string; count: number }>('templatesExportPack', { ids });
      return { data: result, text: `已导出 exported ${result.count} → ${result.path}` };
    }
    case 'templates import': {
      if (!p[2]) throw new UsageError('templates import needs a FILE');
      const result = await call<{ imported: number; replaced: number }>('templatesImportPack');
      return { data: result, text: `已导入 imported ${result.imported}（替换 replaced ${result.replaced}）` };
    }
    case 'letters show': {
      const letter = await call<Letter>('lettersGet', { id: idArg(p, 2) });
      return { data: letter, text: letterRows([letter]) + `\nrevision ${letter.revision}, created ${letter.createdAt}` };
    }
    case 'letters rename': {
      if (flags.title === undefined) throw new UsageError('letters rename needs --title');
      const letter = await call<{ id: number; title: string }>('lettersRename', { id: idArg(p, 2), title: flags.title });
      return { data: letter, text: `已重命名 renamed #${letter.id} ${letter.title}` };
    }
    case 'letters trash': {
      const letter = await call<{ id: number }>('lettersTrash', { id: idArg(p, 2), ...(flags.confirm !== undefined && { confirmNumber: flags.confirm }) });
      return { data: letter, text: `已移到回收站 moved to trash #${letter.id}` };
    }
    case 'letters copy': {
      const letter = await call<Letter>('lettersCopy', { id: idArg(p, 2), ...(flags.title !== undefined && { title: flags.title }) });
      return { data: letter, text: `已复制为新函件 copied as #${letter.id} ${letter.title}` };
    }
    case 'letters restore': {
      const letter = await call<{ id: number }>('lettersRestore', { id: idArg(p, 2) });
      return { data: letter, text: `已恢复 restored #${letter.id}` };
    }
    case 'db check': {
      const report = await call<DbCheckReport>('dbCheck');
      const text = [
        `数据库 database: ${report.path}`,
        `结构版本 schema: ${report.schemaVersion} (app ${report.appSchemaVersion})`,
        `完整性 integrity: ${report.integrity.join('; ')}`,
        `外键 foreign keys: ${report.foreignKeyViolations} violation(s)`,
        report.chain.ok
          ? `签署记录链 event chain: OK（${report.chain.events} 条 events）`
          : `签署记录链 event chain: 第 ${report.chain.firstBroken?.id} 条事件 ${report.chain.firstBroken?.reason}（函件 letter ${report.chain.firstBroken?.letterId ?? '?'}）`,
        `链头 chain head: ${report.evidence.head ? `#${report.evidence.head.id} ${report.evidence.head.hash}` : '—'}`,
        report.evidence.ok
          ? `证据 evidence: OK（${report.evidence.checked.versions} versions, ${report.evidence.checked.scans} scans, ${report.evidence.checked.letters} letters）`
          : [
              `证据 evidence: ${report.evidence.problemCount} 处不符 mismatch(es)，首先 first:`,
              ...report.evidence.problems.map((x) => `  ${describeEvidenceProblem(x)}`),
            ].join('\n'),
        report.ok ? '结果 result: OK' : '结果 result: PROBLEMS FOUND',
      ].join('\n');
      return { data: report, text, exitCode: report.ok ? 0 : 1 };
    }
    default:
      throw new UsageError(`unknown command: ${p.join(' ')}`);
  }
}

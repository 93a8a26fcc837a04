import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { COMMANDS } from '../../electron/cli/commands';
import { makeTempDir } from '../helpers/temp-dir';
import { minimalPdf } from '../helpers/scan-files';
import { runCliIn } from '../helpers/cli-run';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('letterdesk-cli-')));
afterEach(() => cleanup());

const cli = (...args: string[]) => runCliIn(dir, ...args);

describe('letterdesk CLI (in process)', () => {
  it('creates, lists, shows, renames, trashes and restores letters', async () => {
    const created = await cli('letters', 'create', '--title', '理赔服务承诺书', '--json');
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.out) as { id: number };
    expect((await cli('letters', 'list')).out).toContain('理赔服务承诺书');
    const shown = JSON.parse((await cli('letters', 'show', String(id), '--json')).out);
    expect(shown).toMatchObject({ id, title: '理赔服务承诺书', status: 'draft' });
    expect((await cli('letters', 'rename', String(id), '--title', '理赔时效承诺书')).code).toBe(0);
    expect((await cli('letters', 'trash', String(id))).code).toBe(0);
    expect(JSON.parse((await cli('letters', 'list', '--json')).out).total).toBe(0);
    expect(JSON.parse((await cli('letters', 'list', '--trashed', '--json')).out).items[0].title).toBe('理赔时效承诺书');
    expect((await cli('letters', 'restore', String(id))).code).toBe(0);
  });

  it('reports errors on stderr with their code and a non-zero exit', async () => {
    const missing = await cli('letters', 'show', '77');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('[not-found]');
    const json = await cli('letters', 'show', '77', '--json');
    expect(JSON.parse(json.err)).toMatchObject({ ok: false, code: 'not-found' });
    const empty = await cli('letters', 'create', '--title', '  ');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('[invalid-input]');
  });

  it('usage mistakes exit 2 with help', async () => {
    expect((await cli('letters', 'fly')).code).toBe(2);
    expect((await cli('letters', 'show', 'abc')).code).toBe(2);
    expect((await cli('letters', 'create')).code).toBe(2);
    expect((await cli('--bogus')).code).toBe(2);
  });

  it('templates: list, show, export a pack and import it elsewhere', async () => {
    const list = JSON.parse((await cli('templates', 'list', '--json')).out);
    expect(list).toHaveLength(8);
    const shown = await cli('templates', 'show', list[0].id);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(list[0].name);
    const out = path.join(dir, 'pack.json');
    const exported = await cli('templates', 'export', list[0].id, list[1].id, '--out', out, '--json');
    expect(JSON.parse(exported.out)).toMatchObject({ count: 2 });
    // A built-in id cannot be imported over the built-in itself.
    const imported = await cli('templates', 'import', out);
    expect(imported.code).toBe(1);
    expect(imported.err).toContain('[bad-template-pack]');
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"format":"letterdesk-template-pack","formatVersion":7,"templates":[]}');
    expect((await cli('templates', 'import', broken)).err).toContain('[bad-template-pack]');
  });

  it('letters: create from a template with values, list fields, fill type-checked', async () => {
    const [tp] = JSON.parse((await cli('templates', 'list', '--json')).out);
    const fields = JSON.parse((await cli('templates', 'show', tp.id, '--json')).out).fields as { key: string; type: string }[];
    const text = fields.find((f) => f.type === 'text')!;
    const num = fields.find((f) => f.type === 'number')!;
    const valuesFile = path.join(dir, 'values.json');
    fs.writeFileSync(valuesFile, JSON.stringify({ [text.key]: '某某健康保险分公司', [num.key]: 5 }));
    const created = await cli('letters', 'create', '--template', tp.id, '--values', valuesFile, '--json');
    expect(created.code, created.err).toBe(0);
    const id = JSON.parse(created.out).letter.id;
    const listed = JSON.parse((await cli('letters', 'fields', String(id), '--json')).out) as { key: string; value: unknown }[];
    expect(listed.find((f) => f.key === text.key)?.value).toBe('某某健康保险分公司');
    expect((await cli('letters', 'fields', String(id))).out).toContain('某某健康保险分公司');
    fs.writeFileSync(valuesFile, JSON.stringify({ [num.key]: '五' }));
    const bad = await cli('letters', 'fill', String(id), '--values', valuesFile);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('[invalid-input]');
    fs.writeFileSync(valuesFile, JSON.stringify({ [num.key]: 3 }));
    expect((await cli('letters', 'fill', String(id), '--values', valuesFile)).code).toBe(0);
    fs.writeFileSync(valuesFile, '[1,2]');
    expect((await cli('letters', 'fill', String(id), '--values', valuesFile)).err).toContain('[invalid-input]');
  });

  it('versions: save, list, show, diff and restore', async () => {
    const [tp] = JSON.parse((await cli('templates', 'list', '--json')).out);
    const created = JSON.parse((await cli('letters', 'create', '--template', tp.id, '--json')).out);
    const id = String(created.id);
    const fields = JSON.parse((await cli('letters', 'fields', id, '--json')).out) as { key: string; type: string }[];
    const num = fields.find((f) => f.type === 'number')!;
    const valuesFile = path.join(dir, 'v.json');
    fs.writeFileSync(valuesFile, JSON.stringify({ [num.key]: 5 }));
    await cli('letters', 'fill', id, '--values', valuesFile);
    expect((await cli('versions', 'save', id, '--note', '初稿')).out).toContain('v1');
    fs.writeFileSync(valuesFile, JSON.stringify({ [num.key]: 3 }));
    await cli('letters', 'fill', id, '--values', valuesFile);
    await cli('versions', 'save', id);
    const list = JSON.parse((await cli('versions', 'list', id, '--json')).out);
    expect(list.map((v: { seq: number }) => v.seq)).toEqual([2, 1]);
    expect((await cli('versions', 'list', id)).out).toContain('初稿');
    expect((await cli('versions', 'show', id, '1')).out).toContain('5个工作日');
    const diff = await cli('versions', 'diff', id, '1', '2');
    expect(diff.out).toMatch(/5个工作日 → 3个工作日/);
    expect(JSON.parse((await cli('versions', 'diff', id, '1', '2', '--json')).out).fields[0].after).toBe('3个工作日');
    expect((await cli('versions', 'restore', id, '1')).code).toBe(0);
    expect((await cli('letters', 'fields', id)).out).toContain('5个工作日');
    expect((await cli('versions', 'show', id, '99')).err).toContain('[not-found]');
  });

  it('sign: export, record, attach, status, register, verify, audit, void', async () => {
    const created = JSON.parse((await cli('letters', 'create', '--template', 'builtin-claims-service-obligations', '--json')).out);
    const id = String(created.id);
    const fields = JSON.parse((await cli('templates', 'show', 'builtin-claims-service-obligations', '--json')).out).fields as {
      key: string;
      type: string;
      required: boolean;
      label: string;
      options?: { choices?: string[]; min?: number };
    }[];
    const values: Record<string, unknown> = {};
    for (const f of fields.filter((x) => x.required)) {
      values[f.key] =
        f.type === 'number' || f.type === 'percent' || f.type === 'money'
          ? Math.max(5, f.options?.min ?? 0)
          : f.type === 'date'
            ? { y: 2026, m: 5, d: 8 }
            : f.type === 'choice'
              ? { selected: [f.options!.choices![0]] }
              : `${f.label}内容`;
    }
    const valuesFile = path.join(dir, 'v.json');
    fs.writeFileSync(valuesFile, JSON.stringify(values));
    expect((await cli('letters', 'fill', id, '--values', valuesFile)).code).toBe(0);
    const out = path.join(dir, 'for-signature.docx');
    const exported = await cli('sign', 'export', id, '--out', out, '--json');
    expect(exported.code, exported.err).toBe(0);
    const { number, version } = JSON.parse(exported.out);
    expect(number).toMatch(/^HXCN-\d{4}-0001$/);
    expect(fs.existsSync(out)).toBe(true);
    const recorded = await cli('sign', 'record', id, '--role', '承诺方', '--name', '张三', '--date', '2026-05-08', '--method', '签字并盖章');
    expect(recorded.out).toContain('全部签署完成');
    const scan = path.join(dir, 'scan.pdf');
    fs.writeFileSync(scan, minimalPdf());
    expect((await cli('sign', 'attach', id, scan)).out).toContain('scan.pdf');
    expect((await cli('sign', 'status', id)).out).toContain('张三');
    expect((await cli('register', '--status', 'signed')).out).toContain(number);
    const csv = path.join(dir, 'reg.csv');
    expect((await cli('register', '--out', csv)).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8').charCodeAt(0)).toBe(0xfeff);
    const verified = await cli('verify', number, version.fingerprint);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('当前内容与该版本一致');
    expect((await cli('verify', number, '0000-0000-0000')).code).toBe(1);
    const audit = path.join(dir, 'audit.docx');
    expect((await cli('audit', id, '--out', audit)).code).toBe(0);
    expect(fs.existsSync(audit)).toBe(true);
    expect((await cli('sign', 'void', id, '--reason', '重新起草')).code).toBe(0);
    expect((await cli('sign', 'archive', id)).err).toContain('[illegal-transition]');
    expect((await cli('db', 'check')).out).toContain('event chain: OK');
  });

  it('db check reports a sound database', async () => {
    const report = await cli('db', 'check', '--json');
    expect(report.code).toBe(0);
    expect(JSON.parse(report.out)).toMatchObject({ ok: true, integrity: ['ok'] });
  });

  it('a damaged database file is reported with db-corrupt, not a stack trace', async () => {
    fs.writeFileSync(path.join(dir, 'letterdesk.sqlite'), 'garbage'.repeat(1000));
    const result = await cli('db', 'check');
    expect(result.code).toBe(1);
    expect(result.err).toContain('[db-corrupt]');
    expect(result.err).not.toMatch(/\n\s+at /);
  });
});

describe('letterdesk CLI (built bin, as `npx letterdesk` runs it)', () => {
  const root = path.resolve(__dirname, '../..');
  const bin = path.join(root, 'out/cli/letterdesk.cjs');

  it('is built and wired as the package bin', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.bin.letterdesk).toBe('out/cli/letterdesk.cjs');
    expect(fs.existsSync(bin), 'run `npm run build` first').toBe(true);
  });

  it('round-trips through npx letterdesk in a child process', { timeout: 120_000 }, () => {
    const run = (...args: string[]) =>
      spawnSync('npx', ['--no-install', 'letterdesk', ...args, '--data-dir', dir], { cwd: root, encoding: 'utf8' });
    const created = run('letters', 'create', '--title', '健康险售后承诺书', '--json');
    expect(created.status, created.stderr).toBe(0);
    const listed = JSON.parse(run('letters', 'list', '--json').stdout);
    expect(listed.items.map((l: { title: string }) => l.title)).toEqual(['健康险售后承诺书']);
    const failed = run('letters', 'show', '999');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('not-found');
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain('letters create');
  });
});

describe('help: generated from the command table, for every command', () => {
  it('every command answers --help with its usage, arguments and options (exit 0)', async () => {
    for (const spec of COMMANDS) {
      const help = await cli(...spec.name.split(' '), '--help');
      expect(help.code, spec.name).toBe(0);
      expect(help.out, spec.name).toContain(`Usage: letterdesk ${spec.name}`);
      for (const arg of spec.args ?? []) expect(help.out, `${spec.name} ${arg.name}`).toContain(arg.name);
      for (const option of spec.options ?? []) expect(help.out, `${spec.name} ${option.flags}`).toContain(option.flags.split(' ')[0]);
      expect(help.out).toContain('--data-dir');
    }
    for (const group of ['letters', 'versions', 'sign', 'templates', 'db']) expect((await cli(group, '--help')).code, group).toBe(0);
  });

  it('letterdesk --help lists every command; no command at all prints it and exits 2', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const spec of COMMANDS) expect(help.out).toContain(`  ${spec.name}`);
    const bare = await runCli([], { out: () => {}, err: () => {}, env: {} });
    expect(bare).toBe(2);
  });

  it('the built --help loads none of the lazy bundles (core, importers) nor better-sqlite3', () => {
    const bin = path.resolve(__dirname, '../../out/cli/letterdesk.cjs');
    const hook = path.join(dir, 'loaded.cjs');
    fs.writeFileSync(hook, "process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));\n");
    for (const args of [['--help'], ['letters', 'fill', '--help'], ['export', '--help']]) {
      const r = spawnSync(process.execPath, ['--require', hook, bin, ...args], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const loaded = JSON.parse(r.stderr) as string[];
      expect(loaded.filter((f) => /letterdesk\.[a-z-]+\.|better-sqlite3|[\\/]docx[\\/]|[\\/]zod[\\/]/.test(f)), args.join(' ')).toEqual([]);
      expect(loaded.some((f) => f.endsWith('letterdesk.cjs'))).toBe(true);
    }
  });
});

describe('values as people type them', () => {
  it('letters fields --json gives what a script needs: type, unit, choices, range, formats', async () => {
    const id = String(JSON.parse((await cli('letters', 'create', '--template', 'builtin-claims-service-obligations', '--json')).out).id);
    const fields = JSON.parse((await cli('letters', 'fields', id, '--json')).out) as Record<string, unknown>[];
    const byKey = Object.fromEntries(fields.map((f) => [f['key'], f]));
    expect(byKey['promisorType']).toMatchObject({ type: 'choice', required: true, choices: ['企业', '个人'], other: true, multiple: false });
    expect(byKey['promisorType']!['formats']).toContain('其他:…');
    expect(byKey['acceptDays']).toMatchObject({ type: 'number', unit: '个工作日', min: 0, integer: true, value: null });
    expect(byKey['acceptDays']!['formats']).toContain('5个工作日');
    expect(byKey['promisorName']).toMatchObject({ type: 'party', role: 'promisor-name' });
    expect(byKey['promisorIdNumber']).toMatchObject({ maxLength: 30 });
    expect(byKey['promisorSeal']).toMatchObject({ type: 'handwritten' });
    for (const f of fields) expect(Object.keys(f)).toEqual(expect.arrayContaining(['key', 'label', 'type', 'required', 'formats', 'value']));
  });

  it('--set by key or label: dates, money, a choice by label or 其他:…, numbers with their unit', async () => {
    const created = await cli(
      'letters', 'create', '--template', 'builtin-after-sales-agreement-basics', '--json',
      '--set', '协议签订日期=2026年5月8日',
      '--set', 'fastClaimLimit=¥12,345.00',
      '--set', 'claimReviewDays=5个工作日',
      '--set', '满意度最低得分=90分',
    );
    expect(created.code, created.err).toBe(0);
    const values = JSON.parse(created.out).content.values;
    expect(values).toMatchObject({ agreementDate: { y: 2026, m: 5, d: 8 }, fastClaimLimit: 12345, claimReviewDays: 5, satisfactionScore: 90 });

    const id = String(JSON.parse((await cli('letters', 'create', '--template', 'builtin-claims-service-obligations', '--json')).out).id);
    expect((await cli('letters', 'fill', id, '--set', '承诺方类型=其他:事业单位')).code).toBe(0);
    expect((await cli('letters', 'fields', id)).out).toContain('☑其他事业单位');
    expect((await cli('letters', 'fill', id, '--set', 'promisorType=企业', '--set', 'acceptDays=3')).code).toBe(0);
    const fields = JSON.parse((await cli('letters', 'fields', id, '--json')).out) as { key: string; value: unknown }[];
    expect(fields.find((f) => f.key === 'promisorType')?.value).toEqual({ selected: ['企业'] });
    // --set KEY= clears a value
    expect((await cli('letters', 'fill', id, '--set', 'acceptDays=')).code).toBe(0);
    expect((JSON.parse((await cli('letters', 'fields', id, '--json')).out) as { key: string; value: unknown }[]).find((f) => f.key === 'acceptDays')?.value).toBeNull();
  });

  it('a value that cannot be read is invalid-input naming the accepted formats, and creates nothing', async () => {
    const bad = await cli('letters', 'create', '--template', 'builtin-after-sales-agreement-basics', '--set', 'agreementDate=下周一', '--set', 'claimReviewDays=5小时');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('[invalid-input]');
    expect(bad.err).toContain('2026年5月8日');
    expect(bad.err).toContain('单位不符');
    expect(JSON.parse((await cli('letters', 'list', '--json')).out).total).toBe(0);
    expect((await cli('letters', 'fill', '1', '--set', 'noSuchField=1')).code).toBe(1);
    expect((await cli('letters', 'fill', '1')).code).toBe(2);
  });
});

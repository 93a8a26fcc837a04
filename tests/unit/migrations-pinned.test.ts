/**
 * Shipped migrations never change (issue 10): databases out there already ran them, so an
 * edited migration would leave those and new databases with different schemas. Each shipped
 * migration's SQL — and, where it has one, the source text of its `up` function — is pinned
 * here by its SHA-256. Editing one (even re-formatting it) fails this test; a change to the
 * schema is a new migration.
 *
 * ADDING A MIGRATION: append a row to PINNED below for its version when it ships. Until then
 * this test fails and prints the row to paste (it must not stay unpinned).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';

const PINNED: Record<number, { sql: string; up?: string }> = {
  1: { sql: '9ac9dfe760fcbed7f359a284850f6caaff493018b196d52f0242980728939100' },
  2: { sql: '7096e1951074d156a1a43d6f0649dd7fafe6b605f2a85ac140e0a50799980be9' },
  3: { sql: '4eaa8f463f651aa4d8954107d53e62f68ccda8839aafe9fb3412b86ea220689c' },
  4: { sql: 'fafa2b411fff80ce2cbe34c335e1e40965834d404757f339fd805973b020da69' },
  5: { sql: '21d0553e7c8bb6a661f8bb8bf28ef4a859d17acdd7e5a0c3a213448b2566a84c' },
  6: { sql: 'd8def8ad3e5c2a30fd52105871c9f3bbf60d4fe5f04add3c562e3be1e31b1c2b', up: '15beb839686cdf64a6b94d5a0be43006184389df368ab5c2515ed4fda58d18ba' },
  7: { sql: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', up: '693ea715f987f743c5fb5bcbb6fc4a45cbafbe2dc059b1d5d64823cafdc5721e' },
  8: { sql: '4e2e10e2c5d59827bcc04fbd6f4d6ddef7447a00aedde19382d6195a9d087ed4', up: '1f5136efe63e97ce36fbaff58b94cbfccde3c580137111ac7345fb2a2109c24a' },
  9: { sql: '6c098353c0930725a90c62d4bc3da3f1d320bf4e5fc77dde3fef60c0693e36ec', up: '3058855af919b1e42ab54f7d98265be4b861c1b596f4575c92a58adffaa8d1f5' },
  10: { sql: '07d4460454346db1ce637a678fcc99ca0402ef7fcbe0f50034791466cb862612' },
  // ← append the next shipped migration here (the failing test prints its row)
};

const dbDir = path.resolve(__dirname, '../../electron/core/db');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The source text of the exported function `name` in electron/core/db (not the transpiled code). */
function functionSource(name: string): string {
  for (const file of fs.readdirSync(dbDir).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(dbDir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement.getText(source);
    }
  }
  throw new Error(`The up function ${name} is not a function declaration in electron/core/db; name it and declare it there so it can be pinned`);
}

function checksums(version: number): { sql: string; up?: string } {
  const m = MIGRATIONS.find((x) => x.version === version)!;
  return m.up ? { sql: sha256(m.sql), up: sha256(functionSource(m.up.name)) } : { sql: sha256(m.sql) };
}

describe('shipped migrations are pinned', () => {
  it('numbers migrations 1, 2, 3, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  for (const m of MIGRATIONS) {
    it(`migration ${m.version} (${m.name}) is exactly what shipped`, () => {
      const actual = checksums(m.version);
      const pinned = PINNED[m.version];
      if (!pinned) {
        const row = Object.entries(actual).map(([k, v]) => `${k}: '${v}'`).join(', ');
        throw new Error(`Migration ${m.version} is not pinned. When it ships, append to PINNED in this file:\n  ${m.version}: { ${row} },`);
      }
      expect(actual, `migration ${m.version} changed after it shipped: write a new migration instead`).toEqual(pinned);
    });
  }
});

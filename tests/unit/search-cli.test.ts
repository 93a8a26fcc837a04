/** `letterdesk search QUERY [--status S] [--limit N] [--json]` and `letterdesk search rebuild` (issue #13). */
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { runCliIn } from '../helpers/cli-run';

const cli = runCliIn;

describe('letterdesk search', () => {
  it('lists hits with the match marked, as JSON too, filters by status, and rebuilds the index', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      await cli(dir, 'letters', 'create', '--title', '理赔服务承诺书');
      await cli(dir, 'letters', 'create', '--title', '保单变更说明');
      const found = await cli(dir, 'search', '理賠');
      expect(found.code).toBe(0);
      expect(found.out).toContain('【理赔】服务承诺书');
      expect(found.out).not.toContain('保单变更');
      const json = JSON.parse((await cli(dir, 'search', '理赔', '--json')).out);
      expect(json.items).toEqual([expect.objectContaining({ id: 1, title: '理赔服务承诺书', status: 'draft', snippet: expect.objectContaining({ highlights: [[0, 2]] }) })]);
      expect(JSON.parse((await cli(dir, 'search', '理赔', '--status', 'signed', '--json')).out).items).toEqual([]);
      const rebuilt = await cli(dir, 'search', 'rebuild');
      expect(rebuilt).toMatchObject({ code: 0 });
      expect(rebuilt.out).toContain('2 letters');
    } finally {
      cleanup();
    }
  });

  it('--history also finds a value the letter had in an earlier version, and says so', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      await cli(dir, 'letters', 'create', '--template', 'builtin-claims-service-obligations');
      expect((await cli(dir, 'letters', 'fill', '1', '--set', 'productName=安康百万医疗')).code).toBe(0);
      expect((await cli(dir, 'versions', 'save', '1')).code).toBe(0);
      expect((await cli(dir, 'letters', 'fill', '1', '--set', 'productName=惠民健康保')).code).toBe(0);
      expect(JSON.parse((await cli(dir, 'search', '安康百万', '--json')).out).items).toEqual([]);
      const found = await cli(dir, 'search', '安康百万', '--history');
      expect(found.code).toBe(0);
      expect(found.out).toContain('［旧版本 earlier version］');
      expect(found.out).toContain('【安康百万】');
    } finally {
      cleanup();
    }
  });
});

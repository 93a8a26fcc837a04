/** The register's CSV shows times as the office's clock does (issue #15), not UTC ISO. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, localDateTime, registerCsv } from '../../electron/shared/register';
import type { RegisterRow } from '../../electron/shared/register';

describe('register CSV times', () => {
  const before = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = 'Asia/Shanghai';
  });
  afterAll(() => {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  });

  it('are local date and time, in a form spreadsheets read', () => {
    expect(localDateTime('2026-11-27T15:16:33.100Z')).toBe('2026-11-27 23:16:33');
    // Past local midnight: the local date, not the UTC one.
    expect(localDateTime('2026-11-27T17:00:00.000Z')).toBe('2026-11-28 01:00:00');
    expect(localDate('2026-11-27T17:00:00.000Z')).toBe('2026-11-28');
    expect(localDateTime('not a time')).toBe('not a time');
  });

  it('in every row of the file', () => {
    const row: RegisterRow = {
      id: 1,
      number: 'HXCN-2026-0001',
      title: '承诺书',
      status: 'draft',
      createdAt: '2026-11-27T15:16:33.100Z',
      updatedAt: '2026-11-27T15:16:33.100Z',
      trashedAt: null,
      parties: '某某医院',
      templateId: null,
      signedOn: null,
    };
    const csv = registerCsv([row], () => '草稿', () => '空白函件');
    expect(csv).toContain(',2026-11-27 23:16:33,');
    expect(csv).not.toMatch(/T\d\d:\d\d:\d\d/);
  });
});

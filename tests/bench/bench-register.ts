/** Foundation measures: durable save of a letter title, first page of 10,000 letters. */
import { openCore } from '../../electron/core/create-api';
import { makeTempDir } from '../helpers/temp-dir';
import { time, type Row } from './measure';

export async function benchRegister(): Promise<Row[]> {
  const tmp = makeTempDir('letterdesk-bench-');
  const core = openCore({ dataDir: tmp.dir });
  try {
    const letter = await core.api.lettersCreate({ title: '基准测试承诺书' });
    // Each rename is one durable commit (WAL, synchronous=FULL): fsync included.
    const save = await time(2000, (i) => core.api.lettersRename({ id: letter.id, title: `基准测试承诺书 第${i}稿` }));

    const insert = core.db.prepare(`INSERT INTO letters (title, created_at, updated_at) VALUES (?, ?, ?)`);
    core.db.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        insert.run(`健康险产品售后服务保证承诺书 ${i}`, at, at);
      }
    })();
    const firstPage = await time(500, () => core.api.lettersList({ limit: 50 }));
    const deepPage = await time(200, (i) => core.api.lettersList({ limit: 50, offset: 5000 + (i % 50) * 50 }));
    const byTitle = await time(200, () => core.api.lettersList({ limit: 50, sort: 'title-asc' }));
    // The register at 100,000 letters: first page, filters and sorts (issue #6).
    core.db.transaction(() => {
      const statuses = ['draft', 'awaiting-signature', 'signed', 'archived', 'void'];
      const wide = core.db.prepare(`INSERT INTO letters (title, status, parties, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
      for (let i = 0; i < 90_000; i++) {
        const at = new Date(Date.UTC(2025, 0, 1) + i * 300_000).toISOString();
        wide.run(`理赔服务承诺书 ${i}`, statuses[i % 5]!, `某某健康保险分公司 / 客户公司${i % 997}`, i % 5 ? `HXCN-2025-${String(i).padStart(5, '0')}` : null, at, at);
      }
    })();
    const reg = (q: Parameters<typeof core.api.registerList>[0]) => time(100, () => core.api.registerList({ limit: 100, ...q }));
    const regFirst = await reg({});
    const regStatus = await reg({ status: ['signed'] });
    const regParty = await reg({ party: '客户公司42' });
    const regNumber = await reg({ sort: 'number-asc' });
    const regDates = await reg({ from: '2025-03-01', to: '2025-03-31' });
    return [
      { what: 'durable save of a letter title (one commit, fsync)', stats: save, target: 2 },
      { what: 'register first page (100 rows + count), 100,000 letters', stats: regFirst },
      { what: 'register filter by status, 100,000 letters', stats: regStatus },
      { what: 'register filter by counterparty text, 100,000 letters', stats: regParty },
      { what: 'register sorted by number, 100,000 letters', stats: regNumber },
      { what: 'register filter by date range, 100,000 letters', stats: regDates },
      { what: 'register first page, 10,000 letters', stats: firstPage, note: 'core call, 50 rows + total' },
      { what: 'register page at offset 5,000, 10,000 letters', stats: deepPage },
      { what: 'register first page sorted by title, 10,000 letters', stats: byTitle },
    ];
  } finally {
    core.close();
    tmp.cleanup();
  }
}

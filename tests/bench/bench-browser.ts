/**
 * Browser measures in Debian's Chromium against the built renderer and the real core:
 * keystroke-to-paint while typing in a 30-page letter, and the register's first screen
 * with 100,000 letters.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { chromium } from '@playwright/test';
import { openCore, type Core } from '../../electron/core/create-api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { makeTempDir } from '../helpers/temp-dir';
import { stats, type Row } from './measure';

const root = path.resolve(__dirname, '../..');

function serve(): Promise<{ url: string; close: () => void }> {
  const dir = path.join(root, 'out/renderer');
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    if (p === '/baseline.html') {
      // The register's first screen with no app: its stylesheet and 30 rows written in the page.
      const css = fs.readdirSync(path.join(dir, 'assets')).find((f) => /^index-.*\.css$/.test(f));
      const rows = Array.from({ length: 30 }, (_, i) => `<tr><td>健康险产品售后服务保证承诺书 第${i}号</td><td>草稿</td><td>2026-01-01</td></tr>`).join('');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><link rel="stylesheet" href="assets/${css}"><body><table class="register"><tbody>${rows}</tbody></table></body></html>`);
    }
    const file = path.join(dir, p === '/' ? 'index.html' : p);
    if (!file.startsWith(dir) || !fs.existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

const clientScript = () =>
  buildSync({ entryPoints: [path.join(root, 'tests/e2e/client-entry.ts')], bundle: true, write: false, format: 'iife' }).outputFiles[0]!.text;

/** Records, for each keydown, the time until the frame that shows the character has been produced. */
const MEASURE_KEYSTROKES = () => {
  const w = window as unknown as { __lat: number[] };
  w.__lat = [];
  document.addEventListener(
    'keydown',
    () => {
      const t0 = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => w.__lat.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    },
    true,
  );
};

/** About 30 printed pages: 300 clauses of ~70 characters under 30 headings. */
export function thirtyPageDoc() {
  const content: unknown[] = [{ type: 'title', content: [{ type: 'text', text: '健康险产品售后服务保证承诺书' }] }];
  for (let h = 0; h < 30; h++) {
    content.push({ type: 'clause', attrs: { scheme: 'cn', level: 0 }, content: [{ type: 'text', text: `第${h + 1}部分服务承诺` }] });
    for (let c = 0; c < 10; c++) {
      content.push({
        type: 'clause',
        attrs: { scheme: 'decimal', level: 1 },
        content: [{ type: 'text', text: '承诺方应在收到被保险人理赔申请材料后及时完成初步审核，材料不完整的应一次性告知需补充的全部材料，不得多次要求补充，并保证服务质量。' }],
      });
    }
  }
  return { type: 'doc' as const, content };
}

async function withPage<T>(core: Core, url: string, work: (page: import('@playwright/test').Page) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.exposeBinding('__letterdeskInvoke', (_s, method: unknown, args: unknown) => core.dispatch(method, args));
    await context.addInitScript({ content: clientScript() });
    const page = await context.newPage();
    await page.goto(url);
    return await work(page);
  } finally {
    await browser.close();
  }
}

/** Five page loads of `url`: milliseconds from navigation start until a `row` is in the DOM (measured in the page). */
async function firstRowTimes(core: Core, url: string, row: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    times.push(
      await withPage(core, 'about:blank', async (page) => {
        await page.addInitScript((selector) => {
          const w = window as unknown as { __firstRow?: number };
          new MutationObserver(() => {
            if (w.__firstRow === undefined && document.querySelector(selector)) w.__firstRow = performance.now();
          }).observe(document, { subtree: true, childList: true });
        }, row);
        await page.goto(url);
        await page.locator(row).first().waitFor();
        return page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow);
      }),
    );
  }
  return times;
}

export async function benchBrowser(): Promise<Row[]> {
  if (!fs.existsSync(CHROMIUM_PATH)) return [];
  const server = await serve();
  const rows: Row[] = [];
  try {
    // Typing in a 30-page letter.
    {
      const tmp = makeTempDir('letterdesk-bench-');
      const core = openCore({ dataDir: tmp.dir });
      const letter = await core.api.lettersCreate({ title: '三十页函件' });
      await core.api.lettersContentSave({ id: letter.id, revision: letter.revision, doc: thirtyPageDoc(), fields: [], values: {}, pageStyle: 'business' });
      const samples = await withPage(core, server.url, async (page) => {
        await page.getByRole('button', { name: '三十页函件', exact: true }).click();
        const editor = page.getByRole('textbox', { name: '函件正文' });
        await editor.locator('.ld-clause').nth(150).click();
        await page.evaluate(MEASURE_KEYSTROKES);
        // Latin keys: Playwright sends real keydown events for them (CJK text is inserted without one).
        for (let i = 0; i < 200; i++) await page.keyboard.press(i % 2 ? 'a' : 'b');
        await page.waitForTimeout(300);
        return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
      });
      rows.push({ what: 'keystroke to paint, 30-page letter (Chromium)', stats: stats(samples), target: 16, note: '300 clauses, typing mid-document' });
      core.close();
      tmp.cleanup();
      // Baseline, same run and method: the same 300 paragraphs in a bare contenteditable <div>
      // (no editor, no app) — what this Chromium and machine take for a keystroke at all.
      const bare = await withPage(core, 'about:blank', async (page) => {
        const paragraphs = thirtyPageDoc().content.map((n) => ((n as { content: { text: string }[] }).content[0]!.text));
        await page.setContent('<!doctype html><meta charset="utf-8"><div contenteditable="true" style="width:700px;margin:auto;font:16px/1.8 serif"></div>');
        await page.evaluate((texts) => {
          const div = document.querySelector('div')!;
          for (const t of texts) div.appendChild(document.createElement('p')).textContent = t;
        }, paragraphs);
        await page.locator('p').nth(150).click();
        await page.evaluate(MEASURE_KEYSTROKES);
        for (let i = 0; i < 200; i++) await page.keyboard.press(i % 2 ? 'a' : 'b');
        await page.waitForTimeout(300);
        return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
      });
      const base = stats(bare);
      const ours = stats(samples);
      rows.push({
        what: '  baseline, same run: the same 300 paragraphs in a bare contenteditable div (no editor)',
        stats: base,
        note: `editor over baseline: p50 ${(ours.p50 / base.p50).toFixed(2)}×, p95 ${(ours.p95 / base.p95).toFixed(2)}×`,
      });
    }
    // Open a letter with 1,000 versions and show its timeline.
    {
      const tmp = makeTempDir('letterdesk-bench-');
      const core = openCore({ dataDir: tmp.dir });
      const letter = await core.api.lettersCreate({ title: '千版本函件' });
      const doc = thirtyPageDoc();
      doc.content = doc.content.slice(0, 40);
      let revision = letter.revision;
      for (let i = 0; i < 1000; i++) {
        (doc.content[1] as { content: { text: string }[] }).content[0]!.text = `第1部分服务承诺（第${i}稿）`;
        revision = (await core.api.lettersContentSave({ id: letter.id, revision, doc, fields: [], values: {}, pageStyle: 'business' })).revision;
        await core.api.versionsSave({ id: letter.id });
      }
      const samples: number[] = [];
      for (let run = 0; run < 5; run++) {
        samples.push(
          await withPage(core, server.url, async (page) => {
            await page.getByRole('button', { name: '千版本函件', exact: true }).waitFor();
            const t0 = Date.now();
            await page.getByRole('button', { name: '千版本函件', exact: true }).click();
            await page.getByRole('tab', { name: '版本' }).click();
            await page.locator('.timeline-item').first().waitFor();
            return Date.now() - t0;
          }),
        );
      }
      rows.push({ what: 'open a letter with 1,000 versions and show its timeline (Chromium, click to first timeline row)', stats: stats(samples), note: 'includes two clicks' });
      core.close();
      tmp.cleanup();
    }
    // Register first screen with 100,000 letters.
    {
      const tmp = makeTempDir('letterdesk-bench-');
      const core = openCore({ dataDir: tmp.dir });
      const insert = core.db.prepare(`INSERT INTO letters (title, created_at, updated_at) VALUES (?, ?, ?)`);
      core.db.transaction(() => {
        for (let i = 0; i < 100_000; i++) {
          const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
          insert.run(`健康险产品售后服务保证承诺书 第${i}号`, at, at);
        }
      })();
      // Time from navigation start to the first letter row in the DOM, measured in the page.
      const samples = await firstRowTimes(core, server.url, 'table.register tbody tr:not([aria-busy])');
      rows.push({
        what: 'register first screen, 100,000 letters (Chromium: navigation start to first row; API over the Playwright binding, slower than Electron IPC)',
        stats: stats(samples),
        target: 300,
      });
      // Baseline, same run and method: a page with the app's stylesheet and the rows in its HTML.
      const bare = await firstRowTimes(core, `${server.url}baseline.html`, 'table.register tbody tr');
      rows.push({ what: '  baseline, same run: a static page with the stylesheet and 30 rows in its HTML (navigation start to first row)', stats: stats(bare) });
      core.close();
      tmp.cleanup();
    }
  } finally {
    server.close();
  }
  return rows;
}

/**
 * The register acts on letters (issue #15): 复制函件 from the register (button, Ctrl+D, row
 * menu) and from the editor, multi-select by mouse and keyboard, export of a selection into a
 * folder with progress and a cancel that leaves only whole files, print and archive of a
 * selection (skipped letters explained), 最近打开 after a restart, and a filter bar and grid
 * that keep their shape at 100 % and 150 %. Screenshots go to test-artifacts/register-actions/.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, type LetterdeskApp } from './harness';
import { RegisterPage, exportForSignature, readyLetter } from './pages/RegisterPage';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/register-actions');
const VIEWPORT = { width: 1280, height: 860 };

test.describe.configure({ timeout: 120_000 });

async function noAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  expect(found, `axe violations in ${what}`).toEqual([]);
}

/**
 * `<name>@100.png`, and `<name>@150.png`: the same 1280×860 screen at 150 % display scaling,
 * which lays the page out in 853×573 CSS pixels (`check` runs in each layout).
 */
async function screenshots(page: Page, name: string, check?: () => Promise<void>): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.setViewportSize(VIEWPORT);
  await check?.();
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}@100.png`) });
  await page.setViewportSize({ width: Math.round(VIEWPORT.width / 1.5), height: Math.round(VIEWPORT.height / 1.5) });
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await check?.();
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}@150.png`) });
  await page.setViewportSize(VIEWPORT);
}

/** Letters that share a long beginning and differ at the end, as a year's letters do. */
async function seed(app: LetterdeskApp, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) {
    const letter = await readyLetter(app.core.api, { title: `健康咨询增值服务保证承诺书（某某市第一人民医院，第${i}份）`, recipient: `某某市第${i}人民医院` });
    ids.push(letter.id);
  }
  return ids;
}

function useFolder(app: LetterdeskApp, folder: string): void {
  fs.mkdirSync(folder, { recursive: true });
  app.dialogs.chooseFolder = async () => folder;
}

/** A .docx is a zip: whole when its end-of-central-directory record is there. */
function wholeDocx(file: string): boolean {
  const bytes = fs.readFileSync(file);
  return bytes.subarray(0, 2).toString() === 'PK' && bytes.subarray(-22, -18).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

const selectedCount = (register: RegisterPage) => register.page.locator('tbody tr[aria-selected="true"]').count();
/** The editor's heading (the letter's title); the paper below has a heading of its own. */
const letterHeading = (page: Page) => page.locator('#letter-heading');

test('复制函件 from the register (button, Ctrl+D, row menu) and from the editor opens the copy with the caret in its text', async ({ app }) => {
  const original = await readyLetter(app.core.api, { title: '理赔服务承诺书（2025年度）', recipient: '甲医院' });
  const page = await app.restart();
  const register = new RegisterPage(page);
  const row = register.row('理赔服务承诺书（2025年度）');
  await row.click({ position: { x: 4, y: 4 } });
  await expect(row).toBeFocused();

  // Ctrl+D on the row: the copy opens in the editor, typing goes into its text.
  await page.keyboard.press('Control+d');
  await expect(letterHeading(page)).toHaveText('理赔服务承诺书（2025年度）（副本）');
  await expect(page.getByRole('textbox', { name: '函件正文' })).toBeFocused();
  const copies = (await app.core.api.registerList({})).items.filter((r) => r.title.endsWith('（副本）'));
  expect(copies).toHaveLength(1);
  const [a, b] = await Promise.all([app.core.api.lettersContentGet({ id: original.id }), app.core.api.lettersContentGet({ id: copies[0]!.id })]);
  expect(b.content.values).toEqual(a.content.values);
  expect(b.content.doc).toEqual(a.content.doc);
  expect(b.letter).toMatchObject({ status: 'draft', number: null });
  expect(await app.core.api.versionsList({ id: b.letter.id })).toHaveLength(0);

  // From the editor's header.
  await page.getByTestId('editor-copy').click();
  await expect(letterHeading(page)).toHaveText('理赔服务承诺书（2025年度）（副本）（副本）');
  await expect(page.getByRole('textbox', { name: '函件正文' })).toBeFocused();

  // The row menu (Shift+F10) of the original: 复制函件.
  await page.keyboard.press('Control+1');
  await expect(register.heading).toHaveText('函件登记');
  await register.rows.filter({ has: page.locator('.rc-title[title="理赔服务承诺书（2025年度）"]') }).focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await noAxeViolations(page, 'the row menu');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /复制函件/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(letterHeading(page)).toHaveText('理赔服务承诺书（2025年度）（副本）');
  expect((await app.core.api.registerList({})).total).toBe(4);
});

test('multi-select by mouse (click, Ctrl+click, Shift+click) and by keyboard (Space, Shift+Arrow, Ctrl+A, checkboxes)', async ({ app }) => {
  for (let i = 1; i <= 6; i++) await app.core.api.lettersCreate({ title: `函件${i}` });
  const page = await app.restart();
  const register = new RegisterPage(page);
  const bar = page.getByTestId('selection-bar');
  await expect(register.rows).toHaveCount(6);
  await expect(register.grid).toHaveAttribute('aria-multiselectable', 'true');
  await expect(bar).toHaveCount(0);

  // Newest first: 函件6 … 函件1.
  await register.row('函件6').click({ position: { x: 4, y: 4 } });
  await expect(bar).toContainText('已选 1 份');
  await register.row('函件4').click({ position: { x: 4, y: 4 }, modifiers: ['Control'] });
  await expect(bar).toContainText('已选 2 份');
  await register.row('函件2').click({ position: { x: 4, y: 4 }, modifiers: ['Shift'] });
  // The range runs from the last row chosen (函件4) to 函件2.
  await expect(bar).toContainText('已选 3 份');
  for (const title of ['函件4', '函件3', '函件2']) await expect(register.row(title)).toHaveAttribute('aria-selected', 'true');
  await expect(register.row('函件6')).toHaveAttribute('aria-selected', 'false');
  await screenshots(page, 'selection');

  // Keyboard: Escape clears, Space chooses the focused row, Shift+Arrow extends, Ctrl+A all.
  await register.row('函件2').focus();
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await register.row('函件6').focus();
  await page.keyboard.press('Space');
  await expect(register.row('函件6')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(register.row('函件4')).toBeFocused();
  await expect(bar).toContainText('已选 3 份');
  await page.keyboard.press('Control+a');
  await expect(bar).toContainText('已选 6 份');
  expect(await selectedCount(register)).toBe(6);
  await expect(page.getByRole('checkbox', { name: '全选' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);

  // The row's checkbox is reached with Tab and toggled with Space.
  await register.row('函件3').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: '选择：函件3' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: '选择：函件3' })).toBeChecked();
  await expect(bar).toContainText('已选 1 份');
  await noAxeViolations(page, 'the register with a selection');
});

test('export of 3 letters as .docx into a folder: progress, files named by title, a cancel midway leaves only whole files', async ({ app }) => {
  const ids = await seed(app, 3);
  const page = await app.restart();
  const register = new RegisterPage(page);
  const folder = path.join(app.dataDir, 'exported');
  useFolder(app, folder);
  // Every text the progress line shows, however briefly.
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="batch-progress"]')?.textContent?.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await register.rows.first().focus();
  await page.keyboard.press('Control+a');
  await page.getByTestId('selection-bar').getByRole('button', { name: '导出 Word' }).click();
  const dialog = page.getByTestId('batch-dialog');
  await expect(dialog.getByTestId('batch-summary')).toContainText(`已导出 3 份到 ${folder}`);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.some((s) => /已完成 [0-2] \/ 3 份/.test(s)), seen.join(' | ')).toBe(true);
  const files = fs.readdirSync(folder).sort();
  expect(files).toHaveLength(3);
  for (const f of files) {
    expect(f).toMatch(/^健康咨询增值服务保证承诺书（某某市第一人民医院，第[123]份）\.docx$/);
    expect(wholeDocx(path.join(folder, f))).toBe(true);
  }
  await noAxeViolations(page, 'the export summary');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toHaveCount(0);

  // Again into a folder where the second letter's file exists: the job stops to ask; 取消 there
  // is a cancel midway — the first file whole, the second untouched, the third never begun.
  const second = path.join(app.dataDir, 'second');
  useFolder(app, second);
  const titles = await Promise.all(ids.map((id) => app.core.api.lettersGet({ id }).then((l) => l.title)));
  const order = await register.titles();
  fs.writeFileSync(path.join(second, `${order[1]}.docx`), 'the clerk’s own file');
  await page.getByTestId('selection-bar').getByRole('button', { name: '导出 Word' }).click();
  await expect(dialog.getByTestId('batch-progress')).toContainText('已完成 1 / 3 份');
  await expect(dialog.getByRole('group')).toContainText(`文件“${order[1]}.docx”`);
  await screenshots(page, 'export-conflict');
  await noAxeViolations(page, 'the export question');
  await dialog.getByRole('button', { name: '取消' }).last().click();
  const summary = dialog.getByTestId('batch-summary');
  await expect(summary).toContainText('已导出 1 份');
  await expect(summary).toContainText('已取消：写出的文件都是完整的');
  await expect(summary.getByTestId('batch-skipped')).toContainText(`${order[2]}：已取消，未处理`);
  await expect(summary.getByTestId('batch-skipped')).toContainText(`${order[1]}：已取消，未处理`);
  expect(fs.readdirSync(second).sort()).toEqual([`${order[0]}.docx`, `${order[1]}.docx`].sort());
  expect(wholeDocx(path.join(second, `${order[0]}.docx`))).toBe(true);
  expect(fs.readFileSync(path.join(second, `${order[1]}.docx`), 'utf8')).toBe('the clerk’s own file');
  expect(titles.sort()).toEqual([...order].sort());
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a cancel while exporting stops before the next letter; the summary lists what was not done', async ({ app }) => {
  await seed(app, 3);
  const page = await app.restart();
  const register = new RegisterPage(page);
  const folder = path.join(app.dataDir, 'pdfs');
  useFolder(app, folder);
  await register.rows.first().focus();
  await page.keyboard.press('Control+a');
  // PDFs take Chromium a moment each: time to cancel while the first is being written.
  await page.getByTestId('selection-bar').getByRole('button', { name: '导出 PDF' }).click();
  const dialog = page.getByTestId('batch-dialog');
  await expect(dialog.getByTestId('batch-progress')).toContainText('/ 3 份');
  await dialog.getByRole('button', { name: '取消' }).click();
  const summary = dialog.getByTestId('batch-summary');
  await expect(summary).toContainText('已取消', { timeout: 60_000 });
  const written = fs.readdirSync(folder);
  expect(written.length).toBeLessThan(3);
  for (const f of written) {
    expect(f).toMatch(/\.pdf$/);
    const bytes = fs.readFileSync(path.join(folder, f));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
  }
  await expect(summary.getByTestId('batch-skipped').getByRole('listitem')).toHaveCount(3 - written.length);
});

test('print of a selection, and archive of a selection with the letters that cannot be archived explained', async ({ app }) => {
  const signed = await readyLetter(app.core.api, { title: '已签署的承诺书', recipient: '乙医院' });
  await exportForSignature(app, signed.id);
  const state = await app.core.api.signState({ id: signed.id });
  for (const role of state.requiredRoles) await app.core.api.signRecord({ id: signed.id, role, name: `${role}代表`, dateSigned: '2026-05-08', method: '签字' });
  await app.core.api.lettersCreate({ title: '还在起草的函件' });
  const page = await app.restart();
  const register = new RegisterPage(page);
  await register.rows.first().focus();
  await page.keyboard.press('Control+a');
  const bar = page.getByTestId('selection-bar');
  await expect(bar).toContainText('已选 2 份');

  await bar.getByRole('button', { name: '打印' }).click();
  const dialog = page.getByTestId('batch-dialog');
  await expect(dialog.getByTestId('batch-summary')).toContainText('已打印 2 份', { timeout: 60_000 });
  expect(app.printed).toHaveLength(2);
  await dialog.getByRole('button', { name: '关闭' }).click();

  await bar.getByRole('button', { name: '归档' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('将归档 1 份已签署的函件');
  await expect(confirm).toContainText('其余 1 份不是“已签署”状态');
  await confirm.getByRole('button', { name: '归档' }).click();
  await expect(dialog.getByTestId('batch-summary')).toContainText('已归档 1 份');
  await expect(dialog.getByTestId('batch-skipped')).toHaveText(/还在起草的函件：状态为“草稿”，只有已签署的函件可以归档/);
  await screenshots(page, 'archive-summary');
  await dialog.getByRole('button', { name: '关闭' }).click();
  expect((await app.core.api.lettersGet({ id: signed.id })).status).toBe('archived');
  await expect(register.row('已签署的承诺书').locator('.status')).toHaveText('已归档');
});

test('最近打开 lists the letters opened last, newest first, after a restart, and opens one by keyboard', async ({ app }) => {
  for (const title of ['甲函', '乙函', '丙函', '丁函']) await app.core.api.lettersCreate({ title });
  let page = await app.restart();
  let register = new RegisterPage(page);
  for (const title of ['乙函', '丁函', '甲函']) {
    await register.row(title).locator('.title-link').click();
    await expect(letterHeading(page)).toHaveText(title);
    await page.keyboard.press('Control+1');
    await expect(register.heading).toHaveText('函件登记');
  }
  page = await app.restart();
  register = new RegisterPage(page);
  await expect(register.rows).toHaveCount(4);
  await page.keyboard.press('Alt+r');
  const menu = page.getByRole('menu', { name: '最近打开的函件' });
  await expect(menu.getByRole('menuitem')).toHaveText([/^甲函/, /^丁函/, /^乙函/]);
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await screenshots(page, 'recent-menu');
  await noAxeViolations(page, 'the recent letters menu');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(letterHeading(page)).toHaveText('丁函');
  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press('Control+1');
  const button = page.getByRole('button', { name: '最近打开' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu').getByRole('menuitem').first()).toHaveText(/^丁函/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('the grid shows what tells letters apart, and the filter bar keeps its shape at 100 % and 150 %', async ({ app }) => {
  await seed(app, 4);
  const page = await app.restart();
  const register = new RegisterPage(page);
  await expect(register.rows).toHaveCount(4);
  const title = '健康咨询增值服务保证承诺书（某某市第一人民医院，第3份）';
  const cell = register.row(title).locator('.rc-title');
  await expect(cell).toHaveAttribute('title', title);
  await expect(register.row(title).getByTestId('detail-line')).toContainText('某某市第3人民医院');

  const check = async (full: boolean) => {
    const layout = await page.evaluate(() => {
      const box = (el: Element | null) => el!.getBoundingClientRect();
      const range = document.querySelector('.date-range');
      const labels = [...range!.querySelectorAll('label')].map(box);
      const search = document.querySelector<HTMLInputElement>('.party-filter')!;
      const style = getComputedStyle(search);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      const inner = search.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // The end of a long title shows (where letters of one kind differ).
      const tail = document.querySelector('tbody tr .title-tail');
      return {
        rangeOneLine: Math.abs(labels[0]!.top - labels[1]!.top) < 2,
        placeholder: { needs: ctx.measureText(search.placeholder).width, has: inner },
        tail: tail && {
          right: box(tail).right,
          width: box(tail).width,
          cut: tail.scrollWidth > tail.clientWidth,
          cellRight: box(tail.closest('td')).right,
          text: tail.textContent,
        },
      };
    });
    expect(layout.rangeOneLine, '从 … 至 … stay together on one line').toBe(true);
    expect(layout.placeholder.needs, 'the search placeholder fits its box').toBeLessThanOrEqual(layout.placeholder.has);
    expect(layout.tail, 'the end of a long title is shown').not.toBeNull();
    expect(layout.tail!.width, JSON.stringify(layout.tail)).toBeGreaterThan(0);
    expect(layout.tail!.right, JSON.stringify(layout.tail)).toBeLessThanOrEqual(layout.tail!.cellRight + 1);
    // At 100 % the whole end shows; at 150 % the column is narrow and the beginning gives way first.
    if (full) expect(layout.tail!.cut, JSON.stringify(layout.tail)).toBe(false);
  };
  let scaled = false;
  await screenshots(page, 'register-grid', async () => {
    await check(!scaled);
    scaled = true;
  });
});

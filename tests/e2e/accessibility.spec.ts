/**
 * Accessibility (issue #15): axe-core runs on every screen and dialog of the app, in the built
 * renderer over the real core, and any violation of WCAG 2.1 A or AA fails the test — no rule is
 * disabled and no element excluded. Each state is also photographed at 100 % and at 150 %
 * display scaling (1280×860 physical pixels, deviceScaleFactor 1.5) into test-artifacts/views/,
 * so a reviewer can look at every view on every run.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DB_FILE_NAME } from '../../electron/core/db/open-db';
import { test, expect, type LetterdeskApp } from './harness';
import { LetterPage } from './pages/LetterPage';
import { RegisterPage, exportForSignature, readyLetter } from './pages/RegisterPage';
import { requiredValues } from '../helpers/sample-values';
import { minimalPng } from '../helpers/scan-files';
import { claimsLetter, flattened } from '../fixtures/import/letters';

const VIEWS = path.resolve(__dirname, '../../test-artifacts/views');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORT = { width: 1280, height: 860 };

// Each state costs an axe run and two screenshots: minutes on a loaded 2-core machine.
test.describe.configure({ timeout: 360_000 });

/** One line per violation and node: enough to find it in the app without a trace. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

/**
 * Runs axe on the page as it stands at 100 % and fails on any WCAG 2.1 A/AA violation, then
 * writes `<name>@100.png` and `<name>@150.png`.
 */
async function audit(page: Page, name: string): Promise<void> {
  // Transitions settle first: axe measures colours as painted.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  // Legacy mode runs axe inside the page itself: the default mode opens a blank page to merge
  // frame results, and the app's shell refuses every new window (the app has no frames).
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode(true).analyze();
  expect(describeViolations(results.violations), `axe violations in «${name}»`).toEqual([]);
  // Something was really checked: a page with no passing rule means axe saw nothing.
  expect(results.passes.length, `axe checked «${name}»`).toBeGreaterThan(10);
  await screenshots(page, name);
}

async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(VIEWS, { recursive: true });
  await page.screenshot({ path: path.join(VIEWS, `${name}@100.png`) });
  // 150 %: the same physical screen, so the page lays out in 2/3 of the CSS pixels.
  const cdp = await page.context().newCDPSession(page);
  const scaled = { width: Math.round(VIEWPORT.width / 1.5), height: Math.round(VIEWPORT.height / 1.5) };
  await cdp.send('Emulation.setDeviceMetricsOverride', { ...scaled, deviceScaleFactor: 1.5, mobile: false });
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  expect(await page.evaluate(() => [innerWidth, devicePixelRatio]), 'the page is laid out at 150 %').toEqual([scaled.width, 1.5]);
  // Captured on the same session: Playwright's own screenshot would put its viewport back first.
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(path.join(VIEWS, `${name}@150.png`), Buffer.from(data, 'base64'));
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await cdp.detach();
  await page.setViewportSize(VIEWPORT);
}

async function openLetter(app: LetterdeskApp, title: string): Promise<LetterPage> {
  await app.page.reload();
  const letterPage = new LetterPage(app.page);
  await letterPage.openFromRegister(title);
  return letterPage;
}

test('register, new-letter dialog, title, confirm and verify dialogs', async ({ app }) => {
  const page = app.page;
  const register = new RegisterPage(page);
  await expect(register.emptyState).toBeVisible();
  await audit(page, 'register-empty');

  await register.newButton.click();
  await expect(register.dialog).toBeVisible();
  await expect(register.dialog.getByRole('listbox', { name: '模板' })).toBeFocused();
  await audit(page, 'new-letter-dialog');
  await register.dialog.getByRole('button', { name: '取消' }).click();

  const numbered = await readyLetter(app.core.api, { title: '健康咨询服务承诺书', promisor: '某某保险股份有限公司', recipient: '某某科技股份有限公司' });
  const paper = await exportForSignature(app, numbered.id);
  await app.core.api.lettersCreate({ templateId: 'builtin-claims-service-obligations' });
  await app.core.api.lettersCreate({ title: '空白草稿' });
  await page.reload();
  await expect(register.rows).toHaveCount(3);
  await audit(page, 'register');

  await register.partyFilter.fill('理赔');
  await expect(register.rows).toHaveCount(1);
  await expect(page.locator('.passage').first()).toBeVisible();
  await audit(page, 'register-search');
  await register.partyFilter.fill('');
  await expect(register.rows).toHaveCount(3);

  await register.row('空白草稿').getByRole('button', { name: '重命名' }).click();
  await expect(register.dialog.getByLabel('函件标题')).toBeVisible();
  await audit(page, 'title-dialog');
  await register.dialog.getByRole('button', { name: '取消' }).click();

  await register.row('健康咨询服务承诺书').getByRole('button', { name: '移到回收站' }).click();
  await expect(register.dialog).toContainText(paper.number);
  await audit(page, 'confirm-dialog');
  await register.dialog.getByRole('button', { name: '取消' }).click();

  const result = await register.verify(paper.number, paper.fingerprint);
  await expect(result).toContainText('健康咨询服务承诺书');
  await audit(page, 'verify-dialog');
});

test('letter editor: blank and filled fields, save version, history, compare', async ({ app }) => {
  const letter = await app.core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
  const letterPage = await openLetter(app, letter.title);
  const page = app.page;
  await expect(page.getByTestId('missing-required')).toBeVisible();
  await audit(page, 'letter-blank');

  const { content } = await app.core.api.lettersContentGet({ id: letter.id });
  for (const def of content.fields) if (def.role !== 'own-number') await letterPage.fill(def);
  await expect(page.getByTestId('all-required-filled')).toBeVisible();
  await letterPage.waitSaved();
  await audit(page, 'letter-filled');

  await page.keyboard.press('Control+s');
  await expect(page.getByLabel('备注（可选）')).toBeVisible();
  await audit(page, 'save-version-dialog');
  await page.getByLabel('备注（可选）').fill('初稿');
  await page.getByLabel('备注（可选）').press('Enter');
  await expect(page.locator('.notices')).toContainText('已保存版本 v1');
  await letterPage.editor.locator('.ld-clause').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type('（修订）');
  await letterPage.waitSaved();
  await app.core.api.versionsSave({ id: letter.id, note: '修订' });

  await page.getByRole('tab', { name: '版本' }).click();
  const timeline = page.getByRole('list', { name: '历史版本' });
  await expect(timeline.locator('li')).toHaveCount(2);
  await audit(page, 'letter-history');

  await page.getByRole('checkbox', { name: '选择 v1 以比较' }).check();
  await page.getByRole('checkbox', { name: '选择 v2 以比较' }).check();
  await page.getByRole('button', { name: '比较 v1 与 v2' }).click();
  await expect(page.getByRole('dialog').locator('ins').first()).toBeVisible();
  await audit(page, 'compare-dialog');
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
});

test('letter editor dialogs: insert field, signer picker, export', async ({ app }) => {
  const letter = await app.core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
  const letterPage = await openLetter(app, letter.title);
  const page = app.page;
  await letterPage.editor.locator('.ld-clause').first().click();
  await letterPage.toolbar.getByRole('button', { name: '插入字段' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('字段名称').fill('担保人签名');
  await audit(page, 'insert-field-dialog');
  await dialog.getByLabel('类型').selectOption('handwritten');
  await dialog.getByLabel('签署方').selectOption({ label: '其他（自行填写）…' });
  await dialog.getByLabel('签署方名称').fill('担保人');
  await audit(page, 'signer-picker');
  await dialog.getByRole('button', { name: '取消' }).click();

  // Ctrl+E on a letter with required fields still empty: the dialog lists them.
  await page.keyboard.press('Control+e');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('字段未填写或值无效');
  await audit(page, 'export-dialog');
});

test('signature panel with a recorded signature, and the scan viewer', async ({ app }) => {
  const letter = await app.core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
  const { content } = await app.core.api.lettersContentGet({ id: letter.id });
  await app.core.api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
  await exportForSignature(app, letter.id);
  await app.core.api.signRecord({ id: letter.id, role: '承诺方', name: '张三', dateSigned: '2026-05-08', method: '签字并盖章' });
  const scan = path.join(app.dataDir, 'signed-scan.png');
  fs.writeFileSync(scan, minimalPng());
  app.dialogs.nextOpenPath = scan;
  await app.core.api.signAttachScan({ id: letter.id });
  app.dialogs.nextOpenPath = null;

  await openLetter(app, letter.title);
  const page = app.page;
  await page.getByRole('tab', { name: '签署' }).click();
  await expect(page.locator('.scan-list')).toContainText('signed-scan.png');
  await expect(page.getByText('张三').first()).toBeVisible();
  await audit(page, 'signature-panel');

  await page.locator('.scan-list').getByRole('button', { name: 'signed-scan.png' }).click();
  const viewer = page.getByRole('dialog', { name: 'signed-scan.png' });
  await expect(viewer).toBeVisible();
  await audit(page, 'scan-viewer');
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
});

test('templates view, template editor and the import dialog with a preview', async ({ app }) => {
  const page = app.page;
  await page.getByRole('navigation').getByRole('button', { name: '模板' }).click();
  await expect(page.locator('.template-detail .preview')).toBeVisible();
  await audit(page, 'templates');

  await page.getByRole('button', { name: '复制' }).click();
  await expect(page.locator('.notices')).toContainText('已复制为');
  await page.locator('.template-detail').getByRole('button', { name: '编辑' }).click();
  await expect(page.getByLabel('模板名称')).toBeVisible();
  await audit(page, 'template-editor');
  await page.getByRole('button', { name: '返回模板库' }).click();

  await page.getByRole('button', { name: '导入…' }).click();
  const dialog = page.getByRole('dialog', { name: '导入函件或模板' });
  await audit(page, 'import-dialog');
  await dialog.getByLabel('函件文本').fill(flattened(claimsLetter));
  await dialog.getByRole('button', { name: '识别结构' }).click();
  await expect(dialog.getByText('识别出 9 个条款、12 个字段。', { exact: false })).toBeVisible();
  await audit(page, 'import-preview');
});

test('settings: address book, numbering and fonts, backups', async ({ app }) => {
  await app.core.api.partiesSave({
    fullName: '某某科技股份有限公司',
    shortName: '某某科技',
    partyType: 'enterprise',
    address: '某市某区某路1号',
    legalRepresentative: '王五',
    contact: '010-12345678',
    signer: '李四',
  });
  await app.core.api.backupsCreate();
  const page = app.page;
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await expect(page.getByTestId('backup-row').filter({ hasText: '手动' })).toHaveCount(1);
  await audit(page, 'settings');
  for (const [heading, name] of [
    ['#parties-heading', 'settings-address-book'],
    ['#numbering-heading', 'settings-numbering-fonts'],
    ['#backup-heading', 'settings-backups'],
  ] as const) {
    await page.locator(heading).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await screenshots(page, name);
  }
  await page.getByTestId('backup-row').filter({ hasText: '手动' }).getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('dialog')).toContainText('恢复这个备份');
  await audit(page, 'restore-confirm-dialog');
});

test('the recovery screen of a damaged database', async ({ app }) => {
  await app.core.api.lettersCreate({ title: '甲承诺书' });
  await app.core.api.backupsCreate();
  const file = path.join(app.dataDir, DB_FILE_NAME);
  const db = new Database(file, { readonly: true });
  const root = (db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'versions'`).get() as { rootpage: number }).rootpage;
  db.close();
  app.core.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (root - 1) * 4096);
  fs.closeSync(fd);
  const page = await app.restart();
  await expect(page.getByTestId('recovery-view').getByRole('heading', { name: '数据库已损坏' })).toBeVisible();
  await audit(page, 'recovery');
});

/**
 * Settings → 备份与恢复 and the recovery screen (issue 11), in the built renderer over the
 * real core.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../electron/core/db/open-db';
import { test, expect } from './harness';

test('back up now, restore a backup after confirming, and the state before it is kept', async ({ app }) => {
  await app.core.api.lettersCreate({ title: '甲承诺书' });
  const page = app.page;
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  const section = page.getByTestId('backup-settings');
  await expect(section.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  await expect(section).toContainText('还没有备份');
  await section.getByRole('button', { name: '立即备份' }).click();
  await expect(page.locator('.notices')).toContainText('已备份并校验');
  const row = section.getByTestId('backup-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('手动');
  await expect(row).toContainText('已校验');
  await expect(row.locator('td').nth(2)).toHaveText('1');

  await app.core.api.lettersCreate({ title: '乙承诺书' });
  await row.getByRole('button', { name: '恢复' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('恢复这个备份');
  await dialog.getByRole('button', { name: '恢复' }).click();
  // The page reloads on the restored database.
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect.poll(async () => (await app.core.api.lettersList({})).items.map((l) => l.title)).toEqual(['甲承诺书']);
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await expect(page.getByTestId('backup-row').filter({ hasText: '恢复前' })).toContainText('2');
});

test('exports an archive to the file chosen in the dialog', async ({ app }) => {
  await app.core.api.lettersCreate({ title: '甲承诺书' });
  const file = path.join(app.dataDir, 'history.ldarchive');
  app.dialogs.nextSavePath = file;
  await app.page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await app.page.getByRole('button', { name: '导出归档…' }).click();
  await expect(app.page.locator('.notices')).toContainText('归档已导出');
  expect(fs.statSync(file).size).toBeGreaterThan(0);
});

test('a damaged database opens the recovery screen, which restores the newest backup', async ({ app }) => {
  await app.core.api.lettersCreate({ title: '甲承诺书' });
  const backup = await app.core.api.backupsCreate();
  // 4 KB of garbage over the versions table's root page, while the app is away.
  const file = path.join(app.dataDir, DB_FILE_NAME);
  const db = new Database(file, { readonly: true });
  const root = (db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'versions'`).get() as { rootpage: number }).rootpage;
  db.close();
  app.core.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (root - 1) * 4096);
  fs.closeSync(fd);

  const page = await app.restart();
  const view = page.getByTestId('recovery-view');
  await expect(view.getByRole('heading', { name: '数据库已损坏' })).toBeVisible();
  await expect(view.getByTestId('recovery-moved-to')).toContainText('damaged-');
  await expect(view.getByTestId('recovery-newest')).toContainText('1 封函件');
  expect(app.core.recovery?.newestBackup?.id).toBe(backup.id);
  await view.getByRole('button', { name: '恢复最新备份' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByTestId('recovery-view')).toHaveCount(0);
  expect((await app.core.api.lettersList({})).items.map((l) => l.title)).toEqual(['甲承诺书']);
});

test('imports an archive chosen in the dialog, after backing up what was there', async ({ app }) => {
  await app.core.api.lettersCreate({ title: '旧电脑的函件' });
  const file = path.join(app.dataDir, 'history.ldarchive');
  await app.core.backups.exportArchive(file);
  // A draft made after the export: the import replaces it, and the backup before it keeps it.
  await app.core.api.lettersCreate({ title: '新电脑的草稿' });
  app.dialogs.nextOpenPath = file;
  await app.page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await app.page.getByRole('button', { name: '导入归档…' }).click();
  await expect.poll(async () => (await app.core.api.lettersList({})).items.map((l) => l.title)).toEqual(['旧电脑的函件']);
  await app.page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await expect(app.page.getByTestId('backup-row').filter({ hasText: '导入前' })).toContainText('2');
});

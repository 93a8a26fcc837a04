import { test, expect } from './harness';

test('letter number pattern, prefixes and export fonts are set in settings', async ({ app }) => {
  const page = app.page;
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  const form = page.getByRole('form', { name: '函件编号' });
  await form.getByLabel('编号格式').fill('{前缀}〔{yyyy}〕{seq:3}号');
  await expect(form).toContainText(`示例：BJ〔${new Date().getFullYear()}〕001号`.replace('BJ', 'HXCN'));
  await form.getByLabel('默认前缀').fill('BJFGS');
  await form.getByLabel('“理赔服务”类前缀').fill('LPFW');
  await form.getByLabel('仿宋（公文正文）').fill('仿宋_GB2312');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.notices')).toContainText('设置已保存');
  expect(await app.core.api.settingsGet()).toMatchObject({
    numberPattern: '{前缀}〔{yyyy}〕{seq:3}号',
    numberPrefix: 'BJFGS',
    categoryPrefixes: { 理赔服务: 'LPFW' },
    exportFonts: { fang: '仿宋_GB2312' },
  });
  // A pattern without a sequence is refused before saving.
  await form.getByLabel('编号格式').fill('{前缀}-{yyyy}');
  await expect(form).toContainText('编号格式必须包含');
});

test('the integrity check covers the database and the signature record chain', async ({ app }) => {
  await app.page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await app.page.getByRole('button', { name: '检查数据库' }).click();
  await expect(app.page.getByTestId('db-check-result')).toContainText('数据库完好');
  await expect(app.page.getByTestId('db-check-result')).toContainText('签署记录链完整');
});

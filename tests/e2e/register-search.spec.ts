/**
 * Full-text search in the register (issue #13): typing a 2-character query shows the right
 * letters with the matching passage marked, and opening one selects the match in the editor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './harness';
import { RegisterPage } from './pages/RegisterPage';
import { bodyContent } from '../helpers/search';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

test('type 理赔: the letters whose text has it, passages marked, open one at the match', async ({ app }) => {
  const api = app.core.api;
  const letters = [
    ['初审时限承诺书', ['一、总则', '承诺方应当在收到申请之日起三个工作日内完成理赔初审，并书面告知被保险人。']],
    ['付款承诺书', ['理賠款項將於十個工作日內支付至被保險人賬戶。']],
    ['保单变更服务承诺书', ['保单变更申请在两个工作日内办结。']],
    ['<b>理赔</b>须知', ['本须知说明服务热线。']],
  ] as const;
  for (const [title, body] of letters) {
    const l = await api.lettersCreate({ title });
    await api.lettersContentSave({ id: l.id, revision: l.revision, ...bodyContent(...body) });
  }
  const page = await app.restart();
  const register = new RegisterPage(page);
  await expect(register.count).toHaveText('共 4 份');

  await page.keyboard.press('Control+f');
  await page.keyboard.type('理赔');
  await expect(register.count).toHaveText('3 份符合条件');
  // The title hit first, then the others, newest first; traditional 理賠 matches too.
  expect(await register.rows.locator('.title-link').allTextContents()).toEqual(['<b>理赔</b>须知', '付款承诺书', '初审时限承诺书']);
  const first = register.row('初审时限承诺书');
  await expect(first.locator('[data-testid=search-passage]')).toContainText('完成理赔初审');
  await expect(first.locator('mark')).toHaveText('理赔');
  await expect(register.row('付款承诺书').locator('mark')).toHaveText('理賠');
  // A title hit is marked in the title; markup in a title stays text.
  await expect(register.rows.first().locator('.title-link mark')).toHaveText('理赔');
  await expect(register.rows.locator('.title-link b')).toHaveCount(0);

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'register-search.png') });

  // Two terms must both match; the count follows the typing.
  await register.partyFilter.fill('理赔 初审');
  await expect(register.count).toHaveText('1 份符合条件');
  await register.partyFilter.fill('理赔');
  await expect(register.count).toHaveText('3 份符合条件');

  await first.locator('.title-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('初审时限承诺书');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('理赔');
});

test('含旧版本: a clause edited away is found only with the toggle, its passage labelled 旧版本', async ({ app }) => {
  const api = app.core.api;
  const l = await api.lettersCreate({ title: '时效承诺书' });
  await api.lettersContentSave({ id: l.id, revision: l.revision, ...bodyContent('理赔时效为三十个工作日。') });
  await api.versionsSave({ id: l.id, note: '第一稿' });
  const now = await api.lettersGet({ id: l.id });
  await api.lettersContentSave({ id: l.id, revision: now.revision, ...bodyContent('理赔时效为十个工作日。') });
  const page = await app.restart();
  const register = new RegisterPage(page);

  await page.keyboard.press('Control+f');
  await page.keyboard.type('三十个');
  await expect(register.count).toHaveText('0 份符合条件');
  const toggle = page.getByRole('checkbox', { name: '含旧版本' });
  await toggle.check();
  await expect(register.count).toHaveText('1 份符合条件');
  const row = register.row('时效承诺书');
  await expect(row.locator('[data-testid=search-passage]')).toContainText('旧版本');
  await expect(row.locator('mark')).toHaveText('三十个');
  await toggle.uncheck();
  await expect(register.count).toHaveText('0 份符合条件');
});

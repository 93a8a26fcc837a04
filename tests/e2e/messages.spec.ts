/**
 * Messages that do not go stale (issue #15): "fields missing, cannot export for signature"
 * goes once the fields are filled; an error stays with its view; switching language clears
 * messages written in the other one; information dismisses itself.
 */
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';

test('the missing-fields error goes when the fields are filled, and errors do not follow into other views', async ({ app }) => {
  const letter = await app.core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
  const { content } = await app.core.api.lettersContentGet({ id: letter.id });
  await app.page.reload();
  const page = app.page;
  const letterPage = new LetterPage(page);
  await letterPage.openFromRegister(letter.title);
  const notices = page.locator('.notices');

  await page.getByRole('tab', { name: '签署' }).click();
  await page.getByRole('button', { name: '导出供签署' }).click();
  await expect(notices.locator('.notice.error')).toContainText('还有必填项未填写');
  // The form is shown, the message does not cover it.
  const panel = await letterPage.form.boundingBox();
  const notice = await notices.boundingBox();
  expect(panel && notice && (notice.x + notice.width <= panel.x || notice.y + notice.height <= panel.y)).toBe(true);

  for (const def of content.fields.filter((f) => f.required)) await letterPage.fill(def);
  await expect(notices.locator('.notice.error')).toHaveCount(0);

  // An error, then another view: the error stays with the letter it was about.
  await letterPage.fieldBox(content.fields.find((f) => f.required && f.type === 'text')!.key).locator('input, textarea').first().fill('');
  await page.getByRole('tab', { name: '签署' }).click();
  await page.getByRole('button', { name: '导出供签署' }).click();
  await expect(notices.locator('.notice.error')).toHaveCount(1);
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('函件登记');
  await expect(notices.locator('.notice.error')).toHaveCount(0);
});

test('switching the language clears the messages written in the other one; information dismisses itself', async ({ app }) => {
  const page = app.page;
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await page.getByLabel('单位全称').fill('某某健康保险股份有限公司某某分公司');
  await page.getByRole('form', { name: '本单位信息（承诺方）' }).getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.notices')).toContainText('设置已保存');
  await page.getByLabel('界面语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.locator('.notices .notice')).toHaveCount(0);

  await page.getByRole('form', { name: 'Our organisation (the committing party)' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.notices .notice')).toHaveCount(1);
  // Information goes by itself (5 s).
  await expect(page.locator('.notices .notice')).toHaveCount(0, { timeout: 8000 });
});

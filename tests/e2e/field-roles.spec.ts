/**
 * Roles set where fields are defined (issue #9): a signature blank's signer decides who must
 * sign — the signature panel shows core's answer — and a template made before roles existed
 * is offered the inferred roles once, then stores them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';
import { requiredValues } from '../helpers/sample-values';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

test('a handwritten field with signer 见证人: listed as missing until recorded', async ({ app }) => {
  const letter = await app.core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
  const { content } = await app.core.api.lettersContentGet({ id: letter.id });
  await app.core.api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
  await app.page.reload();
  const letterPage = new LetterPage(app.page);
  await letterPage.openFromRegister(letter.title);
  const page = app.page;

  // A new clause after the last one, just above the signature table.
  await letterPage.editor.locator('.ld-clause', { hasText: '本承诺书一式两份' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('见证人（签字）：');
  await letterPage.toolbar.getByRole('button', { name: '插入字段' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('字段名称').fill('签字');
  await dialog.getByLabel('类型').selectOption('handwritten');
  // No party word in the label: the suggestion is the usual signer; the clerk picks 见证人.
  await expect(dialog.getByLabel('签署方')).toHaveValue('承诺方');
  await dialog.getByLabel('签署方').selectOption('见证人');
  await expect(dialog.getByLabel('用途')).toHaveCount(0);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await dialog.locator('form').screenshot({ path: path.join(ARTIFACTS, 'insert-field-role.png') });
  await dialog.getByRole('button', { name: '插入' }).click();
  await expect(dialog).toHaveCount(0);
  await letterPage.waitSaved();
  const stored = await app.core.api.lettersContentGet({ id: letter.id });
  expect(stored.content.fields.filter((f) => f.signer === '见证人')).toEqual([expect.objectContaining({ label: '签字', type: 'handwritten', required: false })]);

  await page.getByRole('tab', { name: '签署' }).click();
  app.dialogs.nextSavePath = path.join(app.dataDir, 'for-signature.docx');
  await page.getByRole('button', { name: '导出供签署' }).click();
  await expect(page.getByTestId('letter-status')).toHaveText('待签署');
  const roles = page.getByTestId('signer-roles');
  // In document order: the 见证人 clause comes before the signature table.
  await expect(roles.getByRole('listitem')).toHaveText(['☐ 见证人', '☐ 承诺方', '☐ 接收方']);
  await expect(page.getByTestId('missing-roles')).toHaveText('尚未签署：见证人、承诺方、接收方');

  const form = page.getByRole('form', { name: '记录签署' });
  for (const [role, name] of [['承诺方', '张三'], ['接收方', '李四']] as const) {
    // The picker starts at the first role still missing.
    await expect(form.getByLabel('角色')).toHaveValue('见证人');
    await form.getByLabel('角色').selectOption(role);
    await form.getByLabel('姓名').fill(name);
    await form.getByRole('button', { name: '记录签署' }).click();
    await expect(page.locator('.notices')).toContainText(`已记录${role}：${name}`);
  }
  await expect(page.getByTestId('missing-roles')).toHaveText('尚未签署：见证人');
  await expect(roles.getByRole('listitem', { name: '见证人：未签署' })).toBeVisible();
  await expect(page.getByTestId('letter-status')).toHaveText('待签署');
  expect((await app.core.api.signState({ id: letter.id })).missingRoles).toEqual(['见证人']);

  await expect(form.getByLabel('角色')).toHaveValue('见证人');
  await form.getByLabel('姓名').fill('王五');
  await form.getByRole('button', { name: '记录签署' }).click();
  await expect(page.locator('.notices')).toContainText('函件已签署');
  await expect(page.getByTestId('letter-status')).toHaveText('已签署');
  await expect(page.getByTestId('missing-roles')).toHaveText('所有签署方均已签署。');
  await expect(roles.getByRole('listitem')).toHaveText(['☑ 见证人', '☑ 承诺方', '☑ 接收方']);
});

test('a template made before roles existed: inferred roles offered once, corrected, stored', async ({ app }) => {
  const builtin = await app.core.api.templatesGet({ id: 'builtin-health-consultation-guarantee' });
  const copy = await app.core.api.templatesDuplicate({ id: builtin.id, name: '分公司旧模板' });
  const { builtin: _b, createdAt: _c, updatedAt: _u, ...data } = copy;
  const legacy = await app.core.api.templatesSave({
    template: { ...data, fields: builtin.fields.map(({ role: _role, signer: _signer, ...rest }) => rest) },
  });
  expect(legacy.fields.some((f) => f.role || f.signer)).toBe(false);
  const page = app.page;
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: '模板' }).click();
  await page.locator('.template-list').getByRole('button', { name: '分公司旧模板', exact: true }).click();
  await page.locator('.template-detail').getByRole('button', { name: '编辑' }).click();
  await expect(page.getByTestId('roles-inferred')).toHaveText('已根据标签推断字段用途，请核对');

  const panel = page.getByRole('complementary', { name: '字段定义' });
  const promisor = builtin.fields.find((f) => f.role === 'promisor-name')!;
  const recipient = builtin.fields.find((f) => f.role === 'recipient-name')!;
  await expect(panel.getByLabel(`用途 ${promisor.label}`, { exact: true })).toHaveValue('promisor-name');
  await panel.screenshot({ path: path.join(ARTIFACTS, 'template-field-roles.png') });
  // Choosing a role another field holds moves it there.
  await panel.getByLabel(`用途 ${recipient.label}`, { exact: true }).selectOption('promisor-name');
  await expect(page.locator('.notices')).toContainText(`承诺方名称已从“${promisor.label}”移到“${recipient.label}”`);
  await expect(panel.getByLabel(`用途 ${promisor.label}`, { exact: true })).toHaveValue('');
  await panel.getByLabel(`用途 ${promisor.label}`, { exact: true }).selectOption('recipient-name');
  const signature = builtin.fields.find((f) => f.type === 'handwritten' && f.signer === '接收方')!;
  await panel.getByLabel(`签署方 ${signature.label}`, { exact: true }).selectOption('见证人');

  // The insert dialog warns before taking a role another field holds.
  const ownNumber = builtin.fields.find((f) => f.role === 'own-number')!;
  await page.getByRole('toolbar', { name: '格式工具栏' }).getByRole('button', { name: '插入字段' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('字段名称').fill('函件编号');
  await dialog.getByLabel('类型').selectOption('docnumber');
  await expect(dialog.getByLabel('用途')).toHaveValue('');
  await expect(dialog.getByLabel('用途').locator('option')).toHaveText(['无', '本函件编号']);
  await dialog.getByLabel('用途').selectOption('own-number');
  await expect(dialog.getByRole('status')).toHaveText(`“${ownNumber.label}”已用作本函件编号；插入后改由新字段承担。`);
  await expect(dialog.getByLabel('必填')).toHaveCount(0);
  await dialog.locator('form').screenshot({ path: path.join(ARTIFACTS, 'insert-field-role-taken.png') });
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.keyboard.press('Control+s');
  await expect(page.locator('.notices')).toContainText('已保存');
  await expect(page.getByTestId('roles-inferred')).toHaveCount(0);
  const saved = await app.core.api.templatesGet({ id: copy.id });
  const byKey = new Map(saved.fields.map((f) => [f.key, f]));
  expect(byKey.get(promisor.key)?.role).toBe('recipient-name');
  expect(byKey.get(recipient.key)?.role).toBe('promisor-name');
  expect(byKey.get(signature.key)?.signer).toBe('见证人');
  // Every other inferred role was stored as suggested (the built-in's own roles).
  for (const f of builtin.fields) {
    if ([promisor.key, recipient.key, signature.key].includes(f.key)) continue;
    expect({ key: f.key, role: byKey.get(f.key)?.role, signer: byKey.get(f.key)?.signer }).toEqual({ key: f.key, role: f.role, signer: f.signer });
  }

  expect(byKey.get(ownNumber.key)?.role).toBe('own-number');
  // Offered once: opening it again shows no notice.
  await page.getByRole('button', { name: '返回模板库' }).click();
  await page.locator('.template-detail').getByRole('button', { name: '编辑' }).click();
  await expect(page.getByRole('complementary', { name: '字段定义' })).toBeVisible();
  await expect(page.getByTestId('roles-inferred')).toHaveCount(0);
});

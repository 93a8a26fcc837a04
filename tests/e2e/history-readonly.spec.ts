/**
 * Issue #9, "history is read-only where it must be", in the real renderer against the real core:
 * an archived letter opens read-only and 复制为新函件 opens an editable copy (also from the
 * register, by keyboard); trashing a letter that went to paper asks for its number; archive
 * asks for confirmation.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LetterdeskApi } from '../../electron/shared/api';
import { test, expect, type LetterdeskApp } from './harness';
import { LetterPage } from './pages/LetterPage';
import { exportForSignature, readyLetter, RegisterPage } from './pages/RegisterPage';

/** A letter exported for signature and signed by everyone its paper asks for. */
async function signedLetter(app: LetterdeskApp, title: string) {
  const letter = await readyLetter(app.core.api, { title, promisor: '某某健康保险北京分公司', recipient: '某某市第一人民医院' });
  const paper = await exportForSignature(app, letter.id);
  await signAll(app.core.api, letter.id);
  return { letter, paper };
}

async function signAll(api: LetterdeskApi, id: number): Promise<void> {
  const state = await api.signState({ id });
  for (const role of state.missingRoles) await api.signRecord({ id, role, name: `${role}代表`, dateSigned: '2026-05-08', method: '签字' });
}

test.describe('archived and void letters are read-only', () => {
  test('an archived letter opens read-only; 复制为新函件 opens an editable copy', async ({ app }) => {
    const { letter, paper } = await signedLetter(app, '已归档的服务承诺书');
    await app.core.api.signArchive({ id: letter.id });
    const before = await app.core.api.lettersContentGet({ id: letter.id });
    const page = await app.restart();
    const letterPage = new LetterPage(page);
    await letterPage.openFromRegister('已归档的服务承诺书');

    const banner = page.getByTestId('read-only-banner');
    await expect(banner).toContainText('此函件已归档，不能修改');
    await expect(page.getByTestId('letter-status')).toHaveText('已归档');
    await expect(letterPage.editor).toHaveAttribute('contenteditable', 'false');
    await expect(letterPage.editor).toHaveAttribute('aria-readonly', 'true');
    await expect(letterPage.toolbar).toHaveCount(0);
    const inputs = letterPage.form.locator('input, textarea');
    expect(await inputs.count()).toBeGreaterThan(0);
    for (const input of await inputs.all()) await expect(input).toBeDisabled();
    // The number the register gave it is still readable in its field.
    expect(await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toContain(paper.number);
    // Typing in the text changes nothing; export and save-as-template stay on offer.
    await letterPage.editor.click();
    await page.keyboard.type('不应写入');
    await expect(letterPage.editor).not.toContainText('不应写入');
    await expect(page.getByRole('button', { name: '导出', exact: true })).toBeEnabled();
    await expect(page.getByRole('button', { name: '存为模板' })).toBeEnabled();
    fs.mkdirSync(path.resolve(__dirname, '../../test-artifacts'), { recursive: true });
    await page.screenshot({ path: path.resolve(__dirname, '../../test-artifacts/read-only-letter.png'), fullPage: true });
    expect(await app.core.api.lettersContentGet({ id: letter.id })).toEqual(before);

    await banner.getByRole('button', { name: '复制为新函件' }).click();
    await expect(page.locator('#letter-heading')).toHaveText('已归档的服务承诺书（副本）');
    await expect(page.getByTestId('letter-status')).toHaveText('草稿');
    await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
    await expect(letterPage.editor).toHaveAttribute('contenteditable', 'true');
    await letterPage.editor.click();
    // At the start of the title: the end of this template's text is a field atom, where Chromium
    // sometimes drops the first typed character (a separate editor problem, not this test's subject).
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('续签补充条款');
    await letterPage.waitSaved();
    const copies = (await app.core.api.lettersList({})).items.filter((l) => l.title === '已归档的服务承诺书（副本）');
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ status: 'draft', number: null });
    await expect.poll(async () => JSON.stringify((await app.core.api.lettersContentGet({ id: copies[0]!.id })).content.doc)).toContain('续签补充条款');
    expect(await app.core.api.lettersContentGet({ id: letter.id })).toEqual(before);
  });

  test('the register offers 复制 on an archived or void row, by keyboard', async ({ app }) => {
    const draft = await app.core.api.lettersCreate({ title: '作废的草稿' });
    await app.core.api.signVoid({ id: draft.id, reason: '不再需要' });
    const register = new RegisterPage(await app.restart());
    const row = register.row('作废的草稿');
    await expect(row.getByRole('button', { name: '重命名' })).toHaveCount(0);
    await row.focus();
    // The row's controls are its own tab stops (selection box, title, 复制, 移到回收站): 复制 is reached by Tab alone.
    const copy = row.getByRole('button', { name: '复制函件：作废的草稿' });
    for (let tabs = 0; tabs < 5 && !(await copy.evaluate((el) => el === document.activeElement)); tabs++) await app.page.keyboard.press('Tab');
    await expect(copy).toBeFocused();
    await app.page.keyboard.press('Enter');
    await expect(app.page.locator('#letter-heading')).toHaveText('作废的草稿（副本）');
    await expect(new LetterPage(app.page).editor).toHaveAttribute('contenteditable', 'true');
  });
});

test.describe('confirmations', () => {
  test('trashing a letter that went to paper asks for its number', async ({ app }) => {
    const letter = await readyLetter(app.core.api, { title: '已导出的承诺书' });
    const paper = await exportForSignature(app, letter.id);
    await app.core.api.lettersCreate({ title: '未编号的草稿' });
    const register = new RegisterPage(await app.restart());
    const page = app.page;

    const trashButton = register.row('已导出的承诺书').getByRole('button', { name: '移到回收站' });
    await trashButton.click();
    const dialog = page.getByRole('dialog', { name: '将已编号的函件移到回收站' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(paper.number);
    const confirm = dialog.getByRole('button', { name: '移到回收站' });
    const input = dialog.getByLabel('请输入函件编号以确认');
    await expect(input).toBeFocused();
    await expect(confirm).toBeDisabled();
    await input.fill('HXCN-1999-0001');
    await expect(confirm).toBeDisabled();
    // Escape cancels and gives focus back to the button that opened the dialog.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(trashButton).toBeFocused();
    expect((await app.core.api.lettersGet({ id: letter.id })).trashedAt).toBeNull();

    await trashButton.click();
    await dialog.getByLabel('请输入函件编号以确认').fill(paper.number);
    await dialog.getByRole('button', { name: '移到回收站' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(register.row('已导出的承诺书')).toHaveCount(0);
    expect((await app.core.api.lettersGet({ id: letter.id })).trashedAt).not.toBeNull();

    // A draft that never went to paper still goes with one click.
    await register.trash('未编号的草稿');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('archive asks for confirmation; the archived letter turns read-only', async ({ app }) => {
    const { letter, paper } = await signedLetter(app, '待归档的承诺书');
    const page = await app.restart();
    const letterPage = new LetterPage(page);
    await letterPage.openFromRegister('待归档的承诺书');
    await page.getByRole('tab', { name: '签署' }).click();
    const archiveButton = page.locator('.sign-panel').getByRole('button', { name: '归档', exact: true });
    await archiveButton.click();
    const dialog = page.getByRole('dialog', { name: '归档函件' });
    await expect(dialog).toContainText(paper.number);
    await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(archiveButton).toBeFocused();
    expect((await app.core.api.lettersGet({ id: letter.id })).status).toBe('signed');

    await archiveButton.click();
    await dialog.getByRole('button', { name: '确认归档' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('letter-status')).toHaveText('已归档');
    expect((await app.core.api.lettersGet({ id: letter.id })).status).toBe('archived');
    await expect(page.getByTestId('read-only-banner')).toContainText('此函件已归档，不能修改');
    await expect(letterPage.editor).toHaveAttribute('contenteditable', 'false');
  });
});

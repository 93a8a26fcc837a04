import { test, expect } from './harness';
import { RegisterPage } from './pages/RegisterPage';

test.describe('letter register', () => {
  test('an empty register explains what to do', async ({ app }) => {
    const register = new RegisterPage(app.page);
    await expect(register.heading).toHaveText('函件登记');
    await expect(register.emptyState).toContainText('还没有函件');
    await expect(register.emptyState).toContainText('Ctrl+N');
  });

  test('create a letter, see it, restart and see it again', async ({ app }) => {
    let register = new RegisterPage(app.page);
    await register.create('健康险产品售后服务保证承诺书');
    await expect(register.row('健康险产品售后服务保证承诺书')).toContainText('草稿');
    await expect(register.row('健康险产品售后服务保证承诺书')).toContainText('未编号');
    // It is in the real database, not only on screen.
    expect((await app.core.api.lettersList({})).items.map((l) => l.title)).toEqual(['健康险产品售后服务保证承诺书']);

    const page = await app.restart();
    register = new RegisterPage(page);
    await expect(register.row('健康险产品售后服务保证承诺书')).toBeVisible();
    expect(await register.titles()).toEqual(['健康险产品售后服务保证承诺书']);
  });

  test('Ctrl+N opens the new-letter dialog; an empty title is refused with a message', async ({ app }) => {
    const register = new RegisterPage(app.page);
    await app.page.keyboard.press('Control+n');
    await expect(register.dialog).toBeVisible();
    await register.dialog.getByRole('button', { name: '创建' }).click();
    await expect(register.dialog).toContainText('请填写标题');
    await register.dialog.getByLabel('函件标题').fill('理赔服务承诺书');
    await register.dialog.getByLabel('函件标题').press('Enter');
    // The new letter opens in the editor.
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('理赔服务承诺书');
    await expect(register.dialog).toBeHidden();
  });

  test('rename a letter', async ({ app }) => {
    const register = new RegisterPage(app.page);
    await register.create('旧标题');
    await register.rename('旧标题', '医疗咨询服务承诺书');
    expect(await register.titles()).toEqual(['医疗咨询服务承诺书']);
    const page = await app.restart();
    await expect(new RegisterPage(page).row('医疗咨询服务承诺书')).toBeVisible();
  });

  test('move to trash and restore', async ({ app }) => {
    const register = new RegisterPage(app.page);
    await register.create('投诉处理承诺书');
    await register.create('隐私保护承诺书');
    await register.trash('投诉处理承诺书');
    expect(await register.titles()).toEqual(['隐私保护承诺书']);
    await register.showTrash();
    expect(await register.titles()).toEqual(['投诉处理承诺书']);
    await register.restore('投诉处理承诺书');
    await expect(register.emptyState).toContainText('回收站是空的');
    await register.showLive();
    expect((await register.titles()).sort()).toEqual(['投诉处理承诺书', '隐私保护承诺书'].sort());
  });

  test('a letter changed elsewhere is reported, not overwritten', async ({ app }) => {
    const register = new RegisterPage(app.page);
    await register.create('甲');
    const [letter] = (await app.core.api.lettersList({})).items;
    // Another writer (the CLI) trashes it while the window still shows it.
    await app.core.api.lettersTrash({ id: letter!.id });
    await register.row('甲').getByRole('button', { name: '重命名' }).click();
    await register.fillDialog('乙', '确定');
    await expect(app.page.getByRole('alert')).toContainText('这份函件在回收站中');
    // The dialog stays open with what was typed.
    await expect(register.dialog.getByLabel('函件标题')).toHaveValue('乙');
  });

  test('switching to English changes the interface and is remembered', async ({ app }) => {
    await app.page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
    await app.page.getByLabel('界面语言').selectOption('en');
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    const page = await app.restart();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Letter register');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('the office profile is saved', async ({ app }) => {
    await app.page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
    await app.page.getByLabel('单位全称').fill('某某健康保险股份有限公司某某分公司');
    await app.page.getByLabel('默认签署人').fill('王五');
    await app.page.getByRole('button', { name: '保存' }).click();
    await expect(app.page.locator('.notices')).toContainText('设置已保存');
    expect(await app.core.api.profileGet()).toMatchObject({ fullName: '某某健康保险股份有限公司某某分公司', defaultSigner: '王五' });
    await app.page.getByRole('button', { name: '检查数据库' }).click();
    await expect(app.page.getByTestId('db-check-result')).toContainText('数据库完好');
  });
});

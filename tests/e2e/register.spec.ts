import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './harness';
import { setNumberByHand } from '../helpers/hand-number';
import { exportForSignature, readyLetter, RegisterPage } from './pages/RegisterPage';

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
    await register.chooseBlank();
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
    await app.page.getByRole('form', { name: '本单位信息（承诺方）' }).getByRole('button', { name: '保存' }).click();
    await expect(app.page.locator('.notices')).toContainText('设置已保存');
    expect(await app.core.api.profileGet()).toMatchObject({ fullName: '某某健康保险股份有限公司某某分公司', defaultSigner: '王五' });
    await app.page.getByRole('button', { name: '检查数据库' }).click();
    await expect(app.page.getByTestId('db-check-result')).toContainText('数据库完好');
  });
  test('shows parties, template and status, and filters by status and by party', async ({ app }) => {
    const hospital = await readyLetter(app.core.api, { title: '医院合作承诺书', promisor: '某某健康保险股份有限公司北京分公司', recipient: '某某市第一人民医院' });
    await readyLetter(app.core.api, { title: '科技公司承诺书', promisor: '某某健康保险股份有限公司北京分公司', recipient: '某某科技有限公司' });
    await app.core.api.lettersCreate({ title: '空白草稿' });
    await exportForSignature(app, hospital.id);
    await app.core.api.profileUpdate({ fullName: '某某健康保险股份有限公司北京分公司' });
    const page = await app.restart();
    const register = new RegisterPage(page);
    await expect(register.count).toHaveText('共 3 份');
    const row = register.row('医院合作承诺书');
    // Our own office (the profile) is the 承诺方 of every letter: the column shows the counterparty.
    await expect(row.locator('.rc-parties')).toHaveText('某某市第一人民医院');
    await expect(row.locator('.rc-parties')).toHaveAttribute('title', '某某健康保险股份有限公司北京分公司 / 某某市第一人民医院');
    await expect(row).toContainText('健康咨询增值服务保证承诺书');
    await expect(row).toContainText('待签署');
    await expect(row).toContainText('HXCN-');
    await expect(register.row('空白草稿')).toContainText('空白函件');

    await register.toggleStatus('待签署');
    await expect(register.count).toHaveText('1 份符合条件');
    expect(await register.titles()).toEqual(['医院合作承诺书']);
    await register.toggleStatus('草稿');
    await expect(register.count).toHaveText('3 份符合条件');
    await register.toggleStatus('待签署');
    await expect(register.count).toHaveText('2 份符合条件');
    expect((await register.titles()).sort()).toEqual(['科技公司承诺书', '空白草稿'].sort());

    await register.filters.getByRole('button', { name: '清除筛选' }).click();
    await expect(register.count).toHaveText('共 3 份');
    // Ctrl+F goes to the party box; the list follows the typing after a short pause.
    await page.keyboard.press('Control+f');
    await expect(register.partyFilter).toBeFocused();
    await page.keyboard.type('科技');
    await expect(register.count).toHaveText('1 份符合条件');
    expect(await register.titles()).toEqual(['科技公司承诺书']);
    await register.partyFilter.fill('没有这个当事方');
    await expect(register.noMatch).toContainText('没有符合筛选条件的函件');
    await register.noMatch.getByRole('button', { name: '清除筛选' }).click();
    await expect(register.count).toHaveText('共 3 份');
    await expect(register.partyFilter).toHaveValue('');
  });

  test('sorts by number from the column header', async ({ app }) => {
    for (const [title, number] of [['乙', 'HXCN-2026-0003'], ['甲', 'HXCN-2026-0001'], ['丙', 'HXCN-2026-0002'], ['丁', null]] as const) {
      const letter = await app.core.api.lettersCreate({ title });
      if (number) setNumberByHand(app.core.store, letter.id, number);
    }
    const page = await app.restart();
    const register = new RegisterPage(page);
    await expect(register.rows).toHaveCount(4);
    await expect(register.columnHeader('最后修改')).toHaveAttribute('aria-sort', 'descending');
    await register.sortBy('编号');
    await expect(register.columnHeader('编号')).toHaveAttribute('aria-sort', 'ascending');
    await expect(register.columnHeader('最后修改')).not.toHaveAttribute('aria-sort');
    await expect.poll(() => register.numbers()).toEqual(['HXCN-2026-0001', 'HXCN-2026-0002', 'HXCN-2026-0003', '未编号']);
    await register.sortBy('编号');
    await expect(register.columnHeader('编号')).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => register.numbers()).toEqual(['HXCN-2026-0003', 'HXCN-2026-0002', 'HXCN-2026-0001', '未编号']);
    await register.sortBy('标题');
    await expect.poll(() => register.titles()).toEqual(['丁', '丙', '乙', '甲']); // code point order
  });

  test('rows are reached with the keyboard: arrows, Home, End, Enter opens', async ({ app }) => {
    for (const title of ['第一份', '第二份', '第三份']) await app.core.api.lettersCreate({ title });
    const page = await app.restart();
    const register = new RegisterPage(page);
    await expect(register.rows).toHaveCount(3);
    await register.rows.first().click({ position: { x: 5, y: 5 } });
    await expect(register.rows.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(register.row('第二份')).toBeFocused();
    await page.keyboard.press('End');
    await expect(register.row('第一份')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(register.row('第三份')).toBeFocused();
    await expect(register.row('第三份')).toHaveAttribute('aria-rowindex', '2');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('第三份');
  });

  test('exports the filtered register as CSV for Excel', async ({ app }) => {
    const signed = await readyLetter(app.core.api, { title: '导出测试承诺书', recipient: '某某医院' });
    await exportForSignature(app, signed.id);
    await app.core.api.lettersCreate({ title: '草稿, 含逗号' });
    const page = await app.restart();
    const register = new RegisterPage(page);
    await expect(register.rows).toHaveCount(2);

    // Cancelled: nothing written, nothing said.
    app.dialogs.nextSavePath = null;
    await register.exportCsv();
    await page.waitForTimeout(300);
    await expect(register.notices).not.toContainText('已导出');

    const all = path.join(app.dataDir, '登记簿.csv');
    app.dialogs.nextSavePath = all;
    await register.exportCsv();
    await expect(register.notices).toContainText(`已导出 2 条到 ${all}`);
    const text = fs.readFileSync(all, 'utf8');
    expect(text.startsWith('\uFEFF编号,标题,当事方,模板,状态,最后修改,签署日期\r\n')).toBe(true);
    expect(text).toContain('"草稿, 含逗号"');
    expect(text).toContain('健康咨询增值服务保证承诺书');

    await register.toggleStatus('待签署');
    await expect(register.count).toHaveText('1 份符合条件');
    const filtered = path.join(app.dataDir, '待签署.csv');
    app.dialogs.nextSavePath = filtered;
    await register.exportCsv();
    await expect(register.notices).toContainText(`已导出 1 条到 ${filtered}`);
    const lines = fs.readFileSync(filtered, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('导出测试承诺书');
    expect(lines[1]).toContain('待签署');
  });
});

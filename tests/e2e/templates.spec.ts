import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';

test.describe('template library', () => {
  test('browse by category, search, preview, and start a letter from a template', async ({ app }) => {
    const page = app.page;
    await page.getByRole('navigation').getByRole('button', { name: '模板' }).click();
    await page.getByLabel('类别').selectOption('合规承诺');
    await expect(page.locator('.template-list li')).toHaveCount(1);
    await page.getByLabel('类别').selectOption('');
    await page.getByLabel('按名称搜索模板').fill('投诉');
    await expect(page.locator('.template-list li')).toHaveCount(1);
    await page.locator('.template-list').getByRole('button').first().click();
    await expect(page.locator('.template-detail .preview')).toContainText('投诉');
    await page.getByRole('button', { name: '用此模板新建函件' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    await expect(new LetterPage(page).editor).toBeVisible();
    expect((await app.core.api.lettersList({})).total).toBe(1);
  });

  test('built-ins are read-only: duplicate, edit the copy, delete it', async ({ app }) => {
    const page = app.page;
    await page.getByRole('navigation').getByRole('button', { name: '模板' }).click();
    await expect(page.locator('.template-detail')).toBeVisible();
    await expect(page.locator('.template-detail').getByRole('button', { name: '编辑' })).toHaveCount(0);
    await page.getByRole('button', { name: '复制' }).click();
    await expect(page.locator('.notices')).toContainText('已复制为');
    await page.locator('.template-detail').getByRole('button', { name: '编辑' }).click();
    await page.getByLabel('模板名称').fill('分公司理赔承诺书');
    // Edit the text too: a new sentence at the very end of the title.
    const editor = page.getByRole('textbox', { name: '函件正文' });
    await editor.locator('h1').click();
    await page.keyboard.press('End');
    await page.keyboard.type('（分公司版）');
    await page.keyboard.press('Control+s');
    await expect(page.locator('.notices')).toContainText('模板“分公司理赔承诺书”已保存');
    await page.getByRole('button', { name: '返回模板库' }).click();
    await expect(page.locator('.template-list')).toContainText('分公司理赔承诺书');
    const mine = (await app.core.api.templatesList()).find((t) => !t.builtin)!;
    expect(JSON.stringify((await app.core.api.templatesGet({ id: mine.id })).doc)).toContain('（分公司版）');
    page.once('dialog', (d) => void d.accept());
    await page.locator('.template-detail').getByRole('button', { name: '删除' }).click();
    await expect(page.locator('.notices')).toContainText('已删除模板');
    expect((await app.core.api.templatesList()).filter((t) => !t.builtin)).toHaveLength(0);
  });

  test('export a template pack and import it on another PC', async ({ app }) => {
    const page = app.page;
    const copy = await app.core.api.templatesDuplicate({ id: (await app.core.api.templatesList())[0]!.id, name: '总公司下发模板' });
    await page.getByRole('navigation').getByRole('button', { name: '模板' }).click();
    await page.getByRole('checkbox', { name: '选中：总公司下发模板' }).check();
    const file = path.join(app.dataDir, 'hq-pack.json');
    app.dialogs.nextSavePath = file;
    await page.getByRole('button', { name: '导出模板包' }).click();
    await expect(page.locator('.notices')).toContainText('已导出 1 个模板');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).templates[0].name).toBe('总公司下发模板');

    // "Another PC": delete it here, then import the pack.
    await app.core.api.templatesDelete({ id: copy.id });
    app.dialogs.nextOpenPath = file;
    await page.getByRole('button', { name: '导入模板包' }).click();
    await expect(page.locator('.notices')).toContainText('已导入 1 个模板');
    await expect(page.locator('.template-list')).toContainText('总公司下发模板');

    // A broken pack is refused with a specific message and imports nothing.
    const broken = path.join(app.dataDir, 'broken.json');
    fs.writeFileSync(broken, '{"format":"letterdesk-template-pack","formatVersion":1,"templates":[{"id":"x"}]}');
    app.dialogs.nextOpenPath = broken;
    await page.getByRole('button', { name: '导入模板包' }).click();
    await expect(page.getByRole('alert')).toContainText('模板包无法导入');
  });

  test('save a letter as a template', async ({ app }) => {
    const letter = await app.core.api.lettersCreate({ templateId: (await app.core.api.templatesList())[1]!.id });
    await app.page.reload();
    const letterPage = new LetterPage(app.page);
    await letterPage.openFromRegister(letter.title);
    await app.page.getByRole('button', { name: '存为模板' }).click();
    await app.page.getByLabel('模板名称').fill('我的咨询承诺书');
    await app.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect(app.page.locator('.notices')).toContainText('已存为模板“我的咨询承诺书”');
    expect((await app.core.api.templatesList()).map((t) => t.name)).toContain('我的咨询承诺书');
  });
});

test('the address book prefills the recipient in a new letter', async ({ app }) => {
  const page = app.page;
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await page.getByRole('button', { name: '添加接收方' }).click();
  const partyForm = page.getByRole('form', { name: '通讯录（接收方）' });
  await partyForm.getByLabel('全称 / 姓名').fill('某某科技股份有限公司');
  await partyForm.getByLabel('地址').fill('某市高新区创业路8号');
  await partyForm.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.party-list')).toContainText('某某科技股份有限公司');

  const template = (await app.core.api.templatesList()).find((t) => t.id === 'builtin-group-client-data-protection')!;
  await page.getByRole('navigation').getByRole('button', { name: '函件' }).click();
  await page.getByRole('button', { name: '新建函件' }).first().click();
  await page.getByLabel('模板').selectOption(template.id);
  await page.getByLabel('接收方（通讯录）').selectOption({ label: '某某科技股份有限公司' });
  await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
  const letterPage = new LetterPage(page);
  await expect(letterPage.editor).toContainText('某某科技股份有限公司');
  await expect(letterPage.editor).toContainText('某市高新区创业路8号');
});

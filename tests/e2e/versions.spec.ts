import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';

test.describe('drafts and versions', () => {
  async function openLetter(app: Parameters<Parameters<typeof test>[2]>[0]['app']) {
    const template = (await app.core.api.templatesList()).find((t) => t.id === 'builtin-claims-service-obligations')!;
    const letter = await app.core.api.lettersCreate({ templateId: template.id });
    await app.page.reload();
    const letterPage = new LetterPage(app.page);
    await letterPage.openFromRegister(letter.title);
    return { letter, letterPage, template: await app.core.api.templatesGet({ id: template.id }) };
  }

  test('typed text survives a reload without any explicit save', async ({ app }) => {
    const { letter, letterPage } = await openLetter(app);
    await letterPage.editor.locator('.ld-clause').first().click();
    await app.page.keyboard.press('End');
    await app.page.keyboard.type('（已补充）');
    await letterPage.waitSaved();
    const page = await app.restart();
    const reopened = new LetterPage(page);
    await reopened.openFromRegister(letter.title);
    await expect(reopened.editor.locator('.ld-clause').first()).toContainText('（已补充）');
  });

  test('save versions with notes, compare them, restore one', async ({ app }) => {
    const { letter, letterPage, template } = await openLetter(app);
    const page = app.page;
    const days = template.fields.find((f) => f.type === 'number')!;
    await letterPage.fieldBox(days.key).locator('input').fill('5');
    await page.keyboard.press('Control+s');
    await page.getByLabel('备注（可选）').fill('初稿');
    await page.getByLabel('备注（可选）').press('Enter');
    await expect(page.locator('.notices')).toContainText('已保存版本 v1');

    // Change a field and a sentence, save again.
    await letterPage.fieldBox(days.key).locator('input').fill('3');
    await letterPage.editor.locator('.ld-clause').nth(1).click();
    await page.keyboard.press('End');
    await page.keyboard.type('并及时回访');
    await page.keyboard.press('Control+s');
    await page.getByLabel('备注（可选）').fill('按接收方意见修改');
    await page.getByRole('dialog').getByRole('button', { name: '保存版本' }).click();
    await expect(page.locator('.notices')).toContainText('已保存版本 v2');

    await page.getByRole('tab', { name: '版本' }).click();
    const timeline = page.getByRole('list', { name: '历史版本' });
    await expect(timeline.locator('li')).toHaveCount(2);
    await expect(timeline.locator('li').first()).toContainText('按接收方意见修改');
    await expect(timeline.locator('li').nth(1)).toContainText('初稿');

    // Compare v1 and v2: changed characters and the field table.
    await page.getByRole('checkbox', { name: '选择 v1 以比较' }).check();
    await page.getByRole('checkbox', { name: '选择 v2 以比较' }).check();
    await page.getByRole('button', { name: '比较 v1 与 v2' }).click();
    const compare = page.getByRole('dialog');
    await expect(compare.locator('ins').filter({ hasText: '并及时回访' })).toBeVisible();
    // The changed clause is named with the clauses it sits in, as the core computed them.
    const diff = await app.core.api.versionsDiff({ id: letter.id, from: 1, to: 2 });
    const edited = diff.blocks.find((b) => b.segments.some((s) => s.op === 'insert' && s.text.includes('并及时回访')))!.after!;
    const shown = compare.locator('.diff-change').filter({ hasText: '并及时回访' });
    if (edited.path.length > 0) await expect(shown).toContainText([...edited.path, edited.number].join(' › '));
    else await expect(shown.locator('.diff-path')).toHaveCount(0);
    const fieldRow = compare.getByRole('table', { name: '字段变化' }).getByRole('row').filter({ hasText: days.label });
    await expect(fieldRow).toContainText('5个工作日');
    await expect(fieldRow).toContainText('3个工作日');
    await compare.getByRole('button', { name: '关闭' }).click();

    // Restore v1: a new version appears at the top, the text is v1's again.
    page.once('dialog', (d) => void d.accept());
    await timeline.locator('li').filter({ hasText: '初稿' }).getByRole('button', { name: '恢复此版本' }).click();
    await expect(page.locator('.notices')).toContainText('已恢复 v1');
    await expect(timeline.locator('li').first()).toContainText('v3');
    await expect(timeline.locator('li').first()).toContainText('恢复 ← v1');
    await expect(letterPage.editor).not.toContainText('并及时回访');
    await expect(letterPage.editor).toContainText('5个工作日');
  });

  test('a failed autosave is shown at once, kept and retried until it succeeds', async ({ app }) => {
    const { letter, letterPage } = await openLetter(app);
    const page = app.page;
    // The database refuses writes (as with a read-only folder) while the clerk types.
    app.core.db.pragma('query_only = ON');
    await letterPage.editor.locator('.ld-clause').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('（断电前输入）');
    await expect(letterPage.saveStatus).toContainText('保存失败');
    await expect(letterPage.saveStatus).toContainText('数据文件夹不可写');
    // Writes work again: the retry stores what was typed, nothing is lost.
    app.core.db.pragma('query_only = OFF');
    await expect(letterPage.saveStatus).toHaveText('已保存', { timeout: 15_000 });
    const stored = await app.core.api.lettersContentGet({ id: letter.id });
    expect(JSON.stringify(stored.content.doc)).toContain('（断电前输入）');
  });

  test('a change made elsewhere is reported, not overwritten', async ({ app }) => {
    const { letter, letterPage } = await openLetter(app);
    const page = app.page;
    // The CLI changes the letter while the window has it open.
    const current = await app.core.api.lettersContentGet({ id: letter.id });
    await app.core.api.lettersContentSave({ id: letter.id, revision: current.letter.revision, ...current.content, pageStyle: 'official' });
    await letterPage.editor.locator('.ld-clause').first().click();
    await page.keyboard.type('本窗口的修改');
    await expect(letterPage.saveStatus).toContainText('已在别处');
    await expect(page.getByRole('button', { name: '重新加载' })).toBeVisible();
    const stored = await app.core.api.lettersContentGet({ id: letter.id });
    expect(JSON.stringify(stored.content.doc)).not.toContain('本窗口的修改');
  });
});

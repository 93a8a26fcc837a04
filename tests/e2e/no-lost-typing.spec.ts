/// <reference lib="dom" />
/**
 * Issue 9, "nothing typed is lost": text typed in the letter body and followed at once (inside
 * the 600 ms autosave pause) by any way out of the editor is stored by the real core — or,
 * where the page goes away before a save can finish (reload), kept and recovered.
 */
import type { Page } from '@playwright/test';
import { test, expect, type LetterdeskApp } from './harness';
import { LetterPage } from './pages/LetterPage';
import type { MenuCommand } from '../../electron/shared/menu-commands';
import { letterBlocks, letterPlainText } from '../../electron/shared/letter-model';

/** The running app of the current test: the shell sends a command as the application menu (or the window's close button) would. */
let shellApp: LetterdeskApp;
const sendCommand = (_page: Page, command: MenuCommand) => shellApp.sendCommand(command);

async function storedText(app: LetterdeskApp, id: number): Promise<string> {
  const { content } = await app.core.api.lettersContentGet({ id });
  return letterPlainText(letterBlocks(content.doc, content.fields, content.values));
}

let counter = 0;
/** Opens a fresh letter in the editor and types a unique marker at the end of its body; does not wait. */
async function typeInLetter(app: LetterdeskApp, title: string): Promise<{ id: number; marker: string; letterPage: LetterPage }> {
  const letter = await app.core.api.lettersCreate({ title });
  await app.page.reload();
  const letterPage = new LetterPage(app.page);
  await letterPage.openFromRegister(title);
  await letterPage.editor.click();
  await app.page.keyboard.press('Control+End');
  const marker = `未丢失${++counter}-${Date.now().toString(36)}`;
  await app.page.keyboard.type(marker);
  return { id: letter.id, marker, letterPage };
}

const at = (name: string) => (page: Page) => expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
const atRegister = at('函件登记');
const atTemplates = at('模板库');
const atSettings = at('设置');
const atNewLetterDialog = async (page: Page) => {
  await expect(page.getByRole('dialog')).toBeVisible();
  await atRegister(page);
};
const nav = (name: string) => (page: Page) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

interface WayOut {
  name: string;
  leave: (page: Page) => Promise<unknown>;
  arrived: (page: Page) => Promise<void>;
}

const waysOut: WayOut[] = [
  { name: 'Ctrl+N', leave: (p) => p.keyboard.press('Control+n'), arrived: atNewLetterDialog },
  { name: 'Ctrl+1', leave: (p) => p.keyboard.press('Control+1'), arrived: atRegister },
  { name: 'Ctrl+2', leave: (p) => p.keyboard.press('Control+2'), arrived: atTemplates },
  { name: 'Ctrl+,', leave: (p) => p.keyboard.press('Control+,'), arrived: atSettings },
  { name: 'sidebar 函件', leave: nav('函件'), arrived: atRegister },
  { name: 'sidebar 模板', leave: nav('模板'), arrived: atTemplates },
  { name: 'sidebar 设置', leave: nav('设置'), arrived: atSettings },
  { name: '返回 button', leave: (p) => p.getByRole('button', { name: '返回登记簿' }).click(), arrived: atRegister },
  { name: 'menu 新建函件', leave: (p) => sendCommand(p, 'new-letter'), arrived: atNewLetterDialog },
  { name: 'menu 函件', leave: (p) => sendCommand(p, 'go-letters'), arrived: atRegister },
  { name: 'menu 模板', leave: (p) => sendCommand(p, 'go-templates'), arrived: atTemplates },
  { name: 'menu 设置', leave: (p) => sendCommand(p, 'go-settings'), arrived: atSettings },
  // Ctrl+F and the menu's 查找 no longer leave a letter: they open its find bar (issue #15,
  // tests/e2e/find-replace.spec.ts). From the templates view they still reach the register's search.
];

test.describe('nothing typed is lost', () => {
  test.beforeEach(({ app }) => {
    shellApp = app;
  });

  for (const way of waysOut) {
    test(`typed text is stored when leaving by ${way.name}`, async ({ app }) => {
      const title = `离开测试 ${way.name}`;
      const { id, marker, letterPage } = await typeInLetter(app, title);
      await way.leave(app.page);
      await way.arrived(app.page);
      await expect(letterPage.editor).toHaveCount(0);
      // Stored before the view changed, not by a later timer.
      expect(await storedText(app, id)).toContain(marker);
    });
  }

  test('typed text is stored when switching to another letter (Ctrl+N, create)', async ({ app }) => {
    const { id, marker, letterPage } = await typeInLetter(app, '切换前的函件');
    await app.page.keyboard.press('Control+n');
    const dialog = app.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    expect(await storedText(app, id)).toContain(marker);
    await dialog.getByLabel('函件标题').fill('切换后的函件');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect(app.page.getByRole('heading', { name: '切换后的函件' })).toBeVisible();
    await expect(letterPage.editor).not.toContainText(marker);
    expect(await storedText(app, id)).toContain(marker);
  });

  test('closing the window stores the text before the window closes', async ({ app }) => {
    const { id, marker } = await typeInLetter(app, '关闭窗口测试');
    // The page stores what is pending, then asks the shell to close its window.
    const closed = app.page.waitForEvent('close');
    await sendCommand(app.page, 'before-close');
    await closed;
    await app.restart();
    expect(await storedText(app, id)).toContain(marker);
  });

  test('a reload keeps the text; it is recovered, stored and the clerk is told', async ({ app }) => {
    const { id, marker } = await typeInLetter(app, '重新加载测试');
    await app.page.reload();
    const letterPage = new LetterPage(app.page);
    await letterPage.openFromRegister('重新加载测试');
    await expect(letterPage.editor).toContainText(marker);
    await expect(app.page.locator('.notices')).toContainText('已恢复上次离开前未保存的修改');
    await letterPage.waitSaved();
    expect(await storedText(app, id)).toContain(marker);
    // Once stored, the kept copy is gone: opening the letter again says nothing more.
    await app.page.reload();
    await letterPage.openFromRegister('重新加载测试');
    await expect(letterPage.editor).toContainText(marker);
    await expect(app.page.locator('.notices')).not.toContainText('已恢复');
    expect(await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('letterdesk.kept-draft.')))).toEqual([]);
  });

  test('a kept copy older than the stored letter is offered, not applied or dropped silently', async ({ app }) => {
    const { id, marker } = await typeInLetter(app, '过期副本测试');
    await app.page.reload();
    // Meanwhile the letter changes elsewhere (the command line, another window).
    const current = await app.core.api.lettersContentGet({ id });
    await app.core.api.lettersContentSave({ id, revision: current.letter.revision, ...current.content, pageStyle: 'official' });
    const letterPage = new LetterPage(app.page);
    await letterPage.openFromRegister('过期副本测试');
    const banner = app.page.getByTestId('kept-draft');
    await expect(banner).toBeVisible();
    await expect(letterPage.editor).not.toContainText(marker);
    await banner.getByRole('button', { name: '恢复这份修改' }).click();
    await expect(banner).toHaveCount(0);
    await expect(letterPage.editor).toContainText(marker);
    await letterPage.waitSaved();
    expect(await storedText(app, id)).toContain(marker);
    // The text it replaced is a version.
    const versions = await app.core.api.versionsList({ id });
    expect(versions.some((v) => v.note === '恢复本机保留的未保存修改之前')).toBe(true);
  });

  test('when saving fails, leaving is refused with a message and the text stays', async ({ app }) => {
    const { id, marker, letterPage } = await typeInLetter(app, '保存失败测试');
    const dispatch = app.core.dispatch;
    app.core.dispatch = async (method, args) =>
      method === 'lettersContentSave' ? { ok: false, code: 'disk-full', message: 'injected by the test' } : dispatch(method, args);
    await app.page.keyboard.press('Control+1');
    await expect(app.page.locator('.notices')).toContainText('未能保存，仍停留在这份函件');
    await expect(letterPage.editor).toContainText(marker);
    expect(await storedText(app, id)).not.toContain(marker);
    // Once the disk has room again, the next way out stores the text and leaves.
    app.core.dispatch = dispatch;
    await app.page.keyboard.press('Control+1');
    await atRegister(app.page);
    expect(await storedText(app, id)).toContain(marker);
  });
});

test.describe('every character typed arrives', () => {
  // The text of several templates ends with a field atom (a signature blank in the last cell):
  // Ctrl+End puts the caret after it, where Chromium used to swallow the first character.
  const TEMPLATE_COUNT = 8;
  for (let index = 0; index < TEMPLATE_COUNT; index++) {
    test(`template ${index + 1}: typing at the very end (Ctrl+End) and at the start (Ctrl+Home) keeps every character`, async ({ app }) => {
      const templates = await app.core.api.templatesList();
      const template = templates.filter((t) => t.builtin)[index]!;
      const letter = await app.core.api.lettersCreate({ templateId: template.id, title: `逐字-${index}` });
      const page = await app.restart();
      const letterPage = new LetterPage(page);
      await letterPage.openFromRegister(`逐字-${index}`);
      // Into the text by its title (a click on a field would move focus to the form, by design).
      await letterPage.editor.locator('h1').click();
      await expect(letterPage.editor).toBeFocused();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('续签补充条款');
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('甲乙');
      await letterPage.waitSaved();
      const text = JSON.stringify((await app.core.api.lettersContentGet({ id: letter.id })).content.doc);
      expect(text).toContain('续签补充条款');
      expect(text).toContain('甲乙');
    });
  }
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, type LetterdeskApp } from './harness';
import { LetterPage } from './pages/LetterPage';
import { requiredValues } from '../helpers/sample-values';
import { minimalPng } from '../helpers/scan-files';

/** A letter from the two-party template with every required field filled, opened in the editor. */
async function openFilled(app: LetterdeskApp, templateId = 'builtin-health-consultation-guarantee') {
  const letter = await app.core.api.lettersCreate({ templateId });
  const { content } = await app.core.api.lettersContentGet({ id: letter.id });
  await app.core.api.lettersFill({ id: letter.id, values: requiredValues(content.fields) });
  await app.page.reload();
  const letterPage = new LetterPage(app.page);
  await letterPage.openFromRegister(letter.title);
  return { letter, letterPage };
}

test.describe('export and print', () => {
  test('export .docx from the letter (Ctrl+E); the export is a version', async ({ app }) => {
    const { letter } = await openFilled(app);
    const page = app.page;
    await page.keyboard.press('Control+e');
    const file = path.join(app.dataDir, '导出.docx');
    app.dialogs.nextSavePath = file;
    await page.getByRole('dialog').getByRole('button', { name: '导出', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText('文件已保存到');
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const versions = await app.core.api.versionsList({ id: letter.id });
    expect(versions[0]).toMatchObject({ kind: 'export' });
    expect(versions[0]!.exportedAt).not.toBeNull();
  });

  test('missing required fields: listed, export only as an explicit draft', async ({ app }) => {
    const letter = await app.core.api.lettersCreate({ templateId: 'builtin-health-consultation-guarantee' });
    await app.page.reload();
    await new LetterPage(app.page).openFromRegister(letter.title);
    const page = app.page;
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('alert')).toContainText('字段未填写或值无效');
    await expect(dialog.getByRole('button', { name: '导出草稿' })).toBeDisabled();
    await dialog.getByLabel('仍然导出').check();
    app.dialogs.nextSavePath = path.join(app.dataDir, 'draft.docx');
    await dialog.getByRole('button', { name: '导出草稿' }).click();
    await expect(dialog).toContainText('文件已保存到');
    expect(fs.existsSync(app.dialogs.nextSavePath)).toBe(true);
  });

  test('PDF export and print go through the same print HTML', async ({ app }) => {
    // Two browser renders (the PDF, then the printer's stand-in): each may take seconds on a loaded machine.
    test.setTimeout(120_000);
    await openFilled(app);
    const page = app.page;
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('格式').selectOption('pdf');
    const file = path.join(app.dataDir, 'letter.pdf');
    app.dialogs.nextSavePath = file;
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    // The PDF is rendered by starting a browser: seconds on a loaded 2-core machine.
    await expect(dialog).toContainText('文件已保存到', { timeout: 30_000 });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('第1页（共');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await page.keyboard.press('Control+p');
    // The printer's stand-in renders a PDF with a browser, like the export above (CI once needed > 10 s).
    await expect(page.locator('.notices')).toContainText('已发送到打印机', { timeout: 30_000 });
    expect(app.printed).toHaveLength(1);
    expect(execFileSync('pdftotext', [app.printed[0]!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('健康');
  });
});

test.describe('signature history', () => {
  test('export for signature → two signers → scan → 已签署; events in the timeline; verify; edit shows the mismatch', async ({ app }) => {
    const { letter, letterPage } = await openFilled(app);
    const page = app.page;
    await page.getByRole('tab', { name: '签署' }).click();
    app.dialogs.nextSavePath = path.join(app.dataDir, 'for-signature.docx');
    await page.getByRole('button', { name: '导出供签署' }).click();
    await expect(page.locator('.notices')).toContainText('已导出供签署');
    await expect(page.getByTestId('letter-status')).toHaveText('待签署');
    const number = (await page.getByTestId('letter-number').textContent())!;
    const fingerprint = (await page.getByTestId('paper-fingerprint').textContent())!;
    expect(number).toMatch(/^HXCN-\d{4}-0001$/);

    const form = page.getByRole('form', { name: '记录签署' });
    await form.getByLabel('角色').selectOption('承诺方');
    await form.getByLabel('姓名').fill('张三');
    await form.getByLabel('方式').selectOption('签字并盖章');
    await form.getByRole('button', { name: '记录签署' }).click();
    await expect(page.locator('.notices')).toContainText('已记录承诺方：张三');
    await form.getByLabel('角色').selectOption('接收方');
    await form.getByLabel('姓名').fill('李四');
    await form.getByLabel('单位').fill('某某科技有限公司');
    await form.getByRole('button', { name: '记录签署' }).click();
    await expect(page.locator('.notices')).toContainText('函件已签署');
    await expect(page.getByTestId('letter-status')).toHaveText('已签署');

    const scan = path.join(app.dataDir, 'signed-scan.png');
    fs.writeFileSync(scan, minimalPng());
    app.dialogs.nextOpenPath = scan;
    await page.getByRole('button', { name: '附加扫描件' }).click();
    await expect(page.locator('.scan-list')).toContainText('signed-scan.png');
    // The scan opens in a modal viewer; Escape closes it and focus returns to the scan's name.
    const opener = page.locator('.scan-list').getByRole('button', { name: 'signed-scan.png' });
    await opener.click();
    const viewer = page.getByRole('dialog', { name: 'signed-scan.png' });
    await expect(viewer).toBeVisible();
    expect(await viewer.evaluate((d) => d.matches(':modal'))).toBe(true);
    await expect(viewer.getByRole('button', { name: '关闭' })).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);
    await expect(opener).toBeFocused();

    await page.getByRole('tab', { name: '版本' }).click();
    const timeline = page.getByRole('list', { name: '历史版本' });
    await expect(timeline).toContainText('导出供签署 v1');
    await expect(timeline).toContainText('承诺方签署：张三');
    await expect(timeline).toContainText('附加扫描件：signed-scan.png');

    const verified = await app.core.api.signVerify({ number, fingerprint });
    expect(verified).toMatchObject({ found: true, currentMatches: true });

    // Editing after signing: the letter says the paper no longer matches.
    await letterPage.editor.locator('.ld-clause').first().click();
    await page.keyboard.type('（修改）');
    await expect(page.locator('.warning.banner')).toContainText('与待签署（或已签署）的纸质文本不一致');
    expect((await app.core.api.signVerify({ number, fingerprint })).currentMatches).toBe(false);
    expect((await app.core.api.lettersGet({ id: letter.id })).status).toBe('signed');
  });
});

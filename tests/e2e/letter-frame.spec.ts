/**
 * The frame stays put (issue #15): in a 30-page letter, scrolling moves the text only — the
 * header (导出, 打印, save status), the toolbar and the field panel stay on screen, and the
 * panel stays beside the letter at 100 %, 125 % and 150 % display scaling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './harness';
import { LetterPage } from './pages/LetterPage';
import { bodyContent } from '../helpers/search';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

for (const { name, width, height } of [
  { name: '100 % (1280×860)', width: 1280, height: 860 },
  { name: '125 % of 1366×768', width: 1093, height: 614 },
  { name: '150 % of 1280×860', width: 853, height: 573 },
]) {
  test(`a 30-page letter scrolls in its pane; header, toolbar and panel stay beside it at ${name}`, async ({ app }) => {
    const paragraphs = Array.from({ length: 420 }, (_, i) => `第${i + 1}段：承诺方应当按照本承诺书的约定提供健康管理服务，并在约定期限内完成理赔初审。`);
    const l = await app.core.api.lettersCreate({ title: '三十页的函件' });
    await app.core.api.lettersContentSave({ id: l.id, revision: l.revision, ...bodyContent(...paragraphs) });
    const page = await app.restart();
    await page.setViewportSize({ width, height });
    const letterPage = new LetterPage(page);
    await letterPage.openFromRegister('三十页的函件');

    const pane = page.getByTestId('paper-scroll');
    await pane.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await letterPage.editor.locator('p').last().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('末尾');
    await letterPage.waitSaved();

    const layout = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      return {
        windowScroll: document.documentElement.scrollHeight - window.innerHeight,
        paneScrolled: document.querySelector('[data-testid=paper-scroll]')!.scrollTop,
        innerHeight: window.innerHeight,
        header: box('.letter-header'),
        toolbar: box('.toolbar'),
        status: box('[data-testid=save-status]'),
        pane: box('[data-testid=paper-scroll]'),
        side: box('.letter-body > .side'),
      };
    });
    expect(layout.windowScroll).toBeLessThanOrEqual(0);
    expect(layout.paneScrolled).toBeGreaterThan(10_000);
    for (const part of ['header', 'toolbar', 'status'] as const) {
      expect(layout[part].top, part).toBeGreaterThanOrEqual(0);
      expect(layout[part].bottom, part).toBeLessThanOrEqual(layout.innerHeight);
    }
    // Beside, not below: the panel starts right of the letter and at the letter's top.
    expect(layout.side.left).toBeGreaterThanOrEqual(layout.pane.right - 1);
    expect(Math.abs(layout.side.top - layout.pane.top)).toBeLessThan(4);
    await expect(page.getByRole('button', { name: '导出' }).first()).toBeInViewport();
    await expect(letterPage.form).toBeInViewport();
    await expect(letterPage.editor.locator('p').last()).toContainText('完成理赔初审。末尾');
    await expect(letterPage.editor.locator('p').last()).toBeInViewport();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `letter-frame-${width}x${height}.png`) });
  });
}

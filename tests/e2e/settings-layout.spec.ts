/**
 * Settings lines up (issue #15): in the 常规 card, each label sits on the line of its control,
 * the labels in one column and the controls in the next — 自动版本保留 no longer wraps away from
 * its list — on a 1366×768 laptop at 100 %, 125 % and 150 %, in Chinese and in English.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { SCALES, atScale, clipped, noAxeViolations } from './scaled';

async function generalLayout(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('.general')!;
    const rows = [...card.querySelectorAll('label')].map((label) => {
      const control = document.getElementById(label.htmlFor)!;
      const l = label.getBoundingClientRect();
      const c = control.getBoundingClientRect();
      return { label: label.textContent!.trim(), labelLeft: l.left, labelRight: l.right, controlLeft: c.left, controlRight: c.right, gap: Math.abs((l.top + l.bottom) / 2 - (c.top + c.bottom) / 2), labelLines: Math.round(l.height / parseFloat(getComputedStyle(label).lineHeight || '20')) };
    });
    const hint = document.getElementById('auto-retention-hint')!.getBoundingClientRect();
    const retention = document.getElementById('auto-retention')!.getBoundingClientRect();
    const cardBox = card.getBoundingClientRect();
    return { rows, hintUnder: hint.top >= retention.bottom - 1 && Math.abs(hint.left - retention.left) < 2, inside: rows.every((r) => r.controlRight <= cardBox.right + 1) };
  });
}

test('the general settings line up label by control at 100/125/150 %, in Chinese and English', async ({ app }) => {
  const page = app.page;
  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '常规' })).toBeVisible();
  await noAxeViolations(page, 'settings');

  for (const locale of ['zh-CN', 'en'] as const) {
    if (locale === 'en') {
      await page.getByLabel('界面语言').selectOption('en');
      await expect(page.getByRole('heading', { name: 'General' })).toBeVisible();
    }
    for (const scale of SCALES) {
      await atScale(page, scale, locale === 'en' ? 'settings-general-en' : 'settings-general', async () => {
        const layout = await generalLayout(page);
        expect(layout.rows.map((r) => r.label)).toHaveLength(3);
        const at = `${locale} at ${scale * 100} %`;
        for (const r of layout.rows) {
          expect(r.gap, `${r.label} on the line of its control (${at})`).toBeLessThan(4);
          expect(r.labelRight, `${r.label} left of its control (${at})`).toBeLessThanOrEqual(r.controlLeft);
        }
        // One column of labels, one of controls.
        expect(new Set(layout.rows.map((r) => Math.round(r.labelLeft))).size, `labels in one column (${at})`).toBe(1);
        expect(new Set(layout.rows.map((r) => Math.round(r.controlLeft))).size, `controls in one column (${at})`).toBe(1);
        expect(layout.hintUnder, `the retention hint under its list (${at})`).toBe(true);
        expect(layout.inside, `controls inside the card (${at})`).toBe(true);
        expect(await clipped(page, '.general label, .general select'), `cut text (${at})`).toEqual([]);
      });
    }
  }
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '常规' })).toBeVisible();
});

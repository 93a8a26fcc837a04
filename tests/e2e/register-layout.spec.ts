import { test, expect } from './harness';
import { readyLetter, RegisterPage } from './pages/RegisterPage';

/**
 * Office PCs run at 125–150 % display scaling: a 1280×860 window at 150 % is 853×573 CSS
 * pixels. The register must fit without a horizontal scroll bar, keep its fixed row height,
 * and keep each row's actions on screen.
 */
for (const { name, width, height, columns, locale } of [
  { name: '100 % (1280×860)', width: 1280, height: 860, columns: 8, locale: 'zh-CN' as const },
  { name: '125 % of 1366×768', width: 1093, height: 614, columns: 6, locale: 'zh-CN' as const },
  { name: '150 % of 1280×860', width: 853, height: 573, columns: 5, locale: 'zh-CN' as const },
  { name: '100 % in English', width: 1280, height: 860, columns: 6, locale: 'en' as const },
  { name: '150 % of 1280×860 in English', width: 853, height: 573, columns: 4, locale: 'en' as const },
]) {
  test(`the register fits at ${name}`, async ({ app }) => {
    for (let i = 0; i < 40; i++) {
      if (i % 10 === 0) await readyLetter(app.core.api, { title: `健康咨询增值服务保证承诺书（第${i}份，标题很长需要截断显示）`, recipient: '某某市第一人民医院' });
      else await app.core.api.lettersCreate({ title: `函件 ${i}` });
    }
    await app.core.api.settingsUpdate({ locale });
    const page = await app.restart();
    await page.setViewportSize({ width, height });
    const register = new RegisterPage(page);
    await expect(register.rows.first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);

    const headers = register.grid.getByRole('columnheader');
    await expect(headers.filter({ visible: true })).toHaveCount(columns);
    const layout = await register.scroller.evaluate((el) => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      const rows = [...el.querySelectorAll('tbody tr')].map((r) => r.getBoundingClientRect().height);
      const button = el.querySelector('tbody tr button.danger')!.getBoundingClientRect();
      return {
        horizontalOverflow: el.scrollWidth - el.clientWidth,
        pageOverflow: document.documentElement.scrollHeight - window.innerHeight,
        rowHeights: [...new Set(rows.map((h) => Math.round((h / rem) * 100) / 100))],
        actionRight: button.right,
        gridRight: el.getBoundingClientRect().right,
      };
    });
    expect(layout.horizontalOverflow).toBeLessThanOrEqual(0);
    expect(layout.pageOverflow).toBeLessThanOrEqual(0);
    expect(layout.rowHeights).toEqual([2.75]);
    expect(layout.actionRight).toBeLessThanOrEqual(layout.gridRight);
  });
}

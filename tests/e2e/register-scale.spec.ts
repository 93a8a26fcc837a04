import { test, expect } from './harness';
import { RegisterPage } from './pages/RegisterPage';

const LETTERS = 100_000;

test.describe('a register of 100,000 letters', () => {
  test('shows its first rows quickly, scrolls to the last, and keeps the DOM small', async ({ app }) => {
    const insert = app.core.db.prepare(`INSERT INTO letters (title, created_at, updated_at) VALUES (?, ?, ?)`);
    app.core.db.transaction(() => {
      for (let i = 0; i < LETTERS; i++) {
        const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
        insert.run(`健康险产品售后服务保证承诺书 第${i}号`, at, at);
      }
    })();
    const page = app.page;
    const register = new RegisterPage(page);

    const started = Date.now();
    await page.reload();
    await register.row('第99999号').waitFor();
    const firstScreen = Date.now() - started;
    const sinceNavigation = await page.evaluate(() => Math.round(performance.now()));
    console.log(`register first screen with ${LETTERS} letters: ${firstScreen} ms from reload to first row (in page: ≤ ${sinceNavigation} ms after navigation start)`);
    // DESIGN.md targets 300 ms (measured by npm run bench); this bound only catches a gross regression.
    expect(firstScreen).toBeLessThan(3000);
    await expect(register.count).toHaveText(`共 ${LETTERS} 份`);
    await expect(register.grid).toHaveAttribute('aria-rowcount', String(LETTERS + 1));
    const domRows = () => page.locator('table.register tbody tr').count();
    expect(await domRows()).toBeLessThan(150);

    // To the end: the oldest letter is last.
    await register.scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(register.row('第0号')).toBeVisible();
    await expect(register.row('第0号')).toHaveAttribute('aria-rowindex', String(LETTERS + 1));
    expect(await domRows()).toBeLessThan(150);

    // The middle, reached by dragging the scroll bar: rows arrive after their page is fetched.
    const middle = await register.scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
      return Math.floor(el.scrollTop / el.querySelector('tbody tr')!.getBoundingClientRect().height) + 2;
    });
    const middleRow = register.row(`第${LETTERS - 1 - middle}号`);
    await expect(middleRow).toBeVisible();
    await expect(middleRow).toHaveAttribute('aria-rowindex', String(middle + 2));
    expect(await domRows()).toBeLessThan(150);

    // A fast drag across many pages (more than the cache holds): no row is left loading.
    await register.scroller.evaluate(async (el) => {
      for (let i = 1; i <= 30; i++) {
        el.scrollTop = (el.scrollHeight * i) / 31;
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    await expect(register.rows.first()).toBeVisible();
    await expect(page.locator('table.register tbody tr[aria-busy]')).toHaveCount(0);
    expect(await domRows()).toBeLessThan(150);

    // The keyboard reaches both ends too.
    await register.rows.first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Home');
    await expect(register.row('第99999号')).toBeFocused();
    await page.keyboard.press('End');
    await expect(register.row('第0号')).toBeFocused();
    expect(await domRows()).toBeLessThan(150);
  });
});

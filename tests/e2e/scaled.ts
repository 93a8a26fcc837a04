/**
 * The office laptop of issue #15: a 1366×768 screen at 100 %, 125 % and 150 % display scaling.
 * At a scale the page lays out in the screen's size divided by it (1093×614, 911×512 CSS px),
 * with that devicePixelRatio, as Chromium does on a scaled Windows desktop.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './harness';

export const LAPTOP = { width: 1366, height: 768 };
export const SCALES = [1, 1.25, 1.5] as const;
const VIEWS = path.resolve(__dirname, '../../test-artifacts/views');

const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/**
 * Lays the page out as on the laptop at `scale`, runs `check`, and writes
 * test-artifacts/views/<name>@<percent>.png; the page's own size is restored afterwards.
 */
export async function atScale(page: Page, scale: number, name: string, check: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const size = { width: Math.round(LAPTOP.width / scale), height: Math.round(LAPTOP.height / scale) };
  const before = page.viewportSize();
  try {
    await cdp.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: scale, mobile: false });
    await frames(page);
    expect(await page.evaluate(() => [innerWidth, devicePixelRatio]), `laid out at ${scale * 100} %`).toEqual([size.width, scale]);
    await check();
    fs.mkdirSync(VIEWS, { recursive: true });
    // Captured on this session: Playwright's own screenshot would put its viewport back first.
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
    fs.writeFileSync(path.join(VIEWS, `${name}@${Math.round(scale * 100)}.png`), Buffer.from(data, 'base64'));
  } finally {
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
    if (before) await page.setViewportSize(before);
    await frames(page);
  }
}

/** axe-core over the page as it stands: any WCAG 2.1 A/AA violation fails. */
export async function noAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
  expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)), `axe violations in ${what}`).toEqual([]);
  expect(results.passes.length, `axe checked ${what}`).toBeGreaterThan(10);
}

/** Elements (by selector) whose text is cut: wider or taller content than their box. */
export function clipped(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((el) => el.offsetParent !== null && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}: “${(el.textContent ?? (el as HTMLInputElement).value).trim().slice(0, 30)}” ${el.scrollWidth}>${el.clientWidth}`);
  }, selector);
}

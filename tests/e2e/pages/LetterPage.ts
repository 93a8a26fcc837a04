import { expect, type Locator, type Page } from '@playwright/test';
import type { FieldDef } from '../../../electron/shared/fields';

/** The letter editor: text in the middle, the field form beside it. */
export class LetterPage {
  readonly editor: Locator;
  readonly form: Locator;
  readonly saveStatus: Locator;
  readonly toolbar: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByRole('textbox', { name: '函件正文' });
    this.form = page.locator('aside.form-panel');
    this.saveStatus = page.getByTestId('save-status');
    this.toolbar = page.getByRole('toolbar', { name: '格式工具栏' });
  }

  async openFromRegister(title: string): Promise<void> {
    await this.page.getByRole('button', { name: title, exact: true }).click();
    await expect(this.editor).toBeVisible();
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('已保存', { timeout: 10_000 });
  }

  fieldBox(key: string): Locator {
    return this.form.locator(`[data-field-input="${key}"]`);
  }

  /** A value a clerk would type for this field, within its limits. */
  static sampleValue(def: FieldDef): string | number | { y: number; m: number; d: number } | null {
    const o = def.options ?? {};
    switch (def.type) {
      case 'number': {
        const n = Math.max(o.min ?? 1, Math.min(o.max ?? 1000, o.unit === '分' ? 90 : 5));
        return o.integer === false ? n : Math.round(n);
      }
      case 'percent':
        return Math.max(o.min ?? 0, Math.min(o.max ?? 100, 98));
      case 'money':
        return 100000;
      case 'date':
        return { y: 2026, m: 5, d: 8 };
      case 'choice':
      case 'handwritten':
        return null;
      case 'docnumber':
        return `HX-2026-${def.key.length}`;
      default:
        return `${def.label}值`;
    }
  }

  /** Fills one field through the form the way a user does. */
  async fill(def: FieldDef): Promise<void> {
    const box = this.fieldBox(def.key);
    const value = LetterPage.sampleValue(def);
    if (def.type === 'handwritten') return;
    if (def.type === 'choice') {
      await box.getByRole(def.options?.multiple ? 'checkbox' : 'radio').first().check();
      return;
    }
    if (def.type === 'date') {
      const v = value as { y: number; m: number; d: number };
      // One date box (issue #15): typed as clerks type it.
      await box.getByRole('textbox').fill(`${v.y}-${String(v.m).padStart(2, '0')}-${String(v.d).padStart(2, '0')}`);
      return;
    }
    const input = box.locator('input, textarea').first();
    await input.fill(String(value));
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The letter register (函件 view) as a user sees it. */
export class RegisterPage {
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly trashToggle: Locator;
  readonly emptyState: Locator;
  readonly rows: Locator;
  readonly dialog: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.newButton = page.getByRole('button', { name: '新建函件' }).first();
    this.trashToggle = page.locator('.view-header').getByRole('button', { name: /回收站|返回函件/ });
    this.emptyState = page.getByTestId('empty-state');
    this.rows = page.locator('table.register tbody tr');
    this.dialog = page.getByRole('dialog');
    this.notices = page.locator('.notices');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '函件' }).click();
    await expect(this.heading).toBeVisible();
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.locator('.letter-title', { hasText: title }) });
  }

  async titles(): Promise<string[]> {
    return this.rows.locator('.letter-title').allTextContents();
  }

  /** Creates a blank letter; the app opens it in the editor, and we go back to the register. */
  async create(title: string): Promise<void> {
    await this.newButton.click();
    await this.fillDialog(title, '创建');
    await expect(this.page.getByRole('textbox', { name: '函件正文' })).toBeVisible();
    await this.page.getByRole('button', { name: '返回登记簿' }).click();
    await expect(this.row(title)).toBeVisible();
  }

  async fillDialog(title: string, submit: string): Promise<void> {
    await expect(this.dialog).toBeVisible();
    const input = this.dialog.getByLabel('函件标题');
    await input.fill(title);
    await this.dialog.getByRole('button', { name: submit }).click();
  }

  async rename(from: string, to: string): Promise<void> {
    await this.row(from).getByRole('button', { name: '重命名' }).click();
    await this.fillDialog(to, '确定');
    await expect(this.row(to)).toBeVisible();
  }

  async trash(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: '移到回收站' }).click();
    await expect(this.row(title)).toHaveCount(0);
  }

  async showTrash(): Promise<void> {
    await this.page.locator('.view-header').getByRole('button', { name: '回收站' }).click();
    await expect(this.heading).toHaveText('回收站');
  }

  async showLive(): Promise<void> {
    await this.page.locator('.view-header').getByRole('button', { name: '返回函件' }).click();
    await expect(this.heading).toHaveText('函件登记');
  }

  async restore(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: '恢复' }).click();
    await expect(this.row(title)).toHaveCount(0);
  }
}

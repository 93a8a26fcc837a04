import { expect, type Locator, type Page } from '@playwright/test';
import { sampleValue } from '../../helpers/sample-values';
import type { LetterdeskApi } from '../../../electron/shared/api';
import type { Letter } from '../../../electron/shared/domain';
import type { LetterdeskApp } from '../harness';

/** The letter register (函件 view) as a user sees it. */
export class RegisterPage {
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly trashToggle: Locator;
  readonly emptyState: Locator;
  readonly noMatch: Locator;
  readonly grid: Locator;
  readonly scroller: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly filters: Locator;
  readonly partyFilter: Locator;
  readonly dialog: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.newButton = page.getByRole('button', { name: '新建函件' }).first();
    this.trashToggle = page.locator('.view-header').getByRole('button', { name: /回收站|返回函件/ });
    this.emptyState = page.getByTestId('empty-state');
    this.noMatch = page.getByTestId('no-match');
    this.grid = page.getByRole('grid');
    this.scroller = page.getByTestId('register-scroll');
    // Loaded rows only (placeholders for rows still being fetched carry aria-busy).
    this.rows = page.locator('table.register tbody tr:not([aria-busy])');
    this.count = page.getByTestId('register-count');
    this.filters = page.getByRole('search', { name: '筛选' });
    this.partyFilter = this.filters.getByLabel('搜索');
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

  /** Titles as listed (a search hit's passage, shown under its title, left out). */
  async titles(): Promise<string[]> {
    return this.rows.locator('.letter-title').evaluateAll((cells) =>
      cells.map((cell) => [...cell.childNodes].filter((n) => !(n instanceof Element && n.matches('.passage'))).map((n) => n.textContent).join('')),
    );
  }

  async numbers(): Promise<string[]> {
    return this.rows.locator('.rc-number').allTextContents();
  }

  /** Creates a blank letter; the app opens it in the editor, and we go back to the register. */
  async create(title: string): Promise<void> {
    await this.newButton.click();
    await this.chooseBlank();
    await this.fillDialog(title, '创建');
    await expect(this.page.getByRole('textbox', { name: '函件正文' })).toBeVisible();
    await this.page.getByRole('button', { name: '返回登记簿' }).click();
    await expect(this.row(title)).toBeVisible();
  }

  /** The new-letter dialog opens on its first template (issue #15); a blank letter is chosen in the list. */
  async chooseBlank(): Promise<void> {
    const list = this.dialog.getByRole('listbox', { name: '模板' });
    // Loaded: the first template is chosen.
    await expect(list).not.toHaveValue('');
    await list.selectOption('');
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

  async toggleStatus(label: string): Promise<void> {
    await this.filters.getByRole('checkbox', { name: label }).click();
  }

  columnHeader(name: string): Locator {
    return this.grid.getByRole('columnheader', { name });
  }

  async sortBy(column: string): Promise<void> {
    await this.columnHeader(column).getByRole('button').click();
  }

  async exportCsv(): Promise<void> {
    await this.page.locator('.view-header').getByRole('button', { name: '导出 CSV' }).click();
  }

  /** Opens 核验纸质函件, types the number and fingerprint, and returns the result area. */
  async verify(number: string, fingerprint: string): Promise<Locator> {
    await this.page.locator('.view-header').getByRole('button', { name: '核验纸质函件' }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('函件编号').fill(number);
    await this.dialog.getByLabel('校验码').fill(fingerprint);
    await this.dialog.getByRole('button', { name: '核验', exact: true }).click();
    return this.dialog.getByTestId('verify-result');
  }
}

/**
 * A letter from a built-in template with every required field filled (so it can be exported
 * for signature), its 承诺方 and 接收方 named, and an optional title.
 */
export async function readyLetter(
  api: LetterdeskApi,
  options: { title?: string; promisor?: string; recipient?: string; templateId?: string } = {},
): Promise<Letter> {
  const letter = await api.lettersCreate({ templateId: options.templateId ?? 'builtin-health-consultation-guarantee', ...(options.title ? { title: options.title } : {}) });
  const { content } = await api.lettersContentGet({ id: letter.id });
  const values: Record<string, unknown> = {};
  for (const f of content.fields) {
    if (f.type === 'party' && (f.options?.part ?? 'fullName') === 'fullName') {
      const name = f.options?.party === 'recipient' ? options.recipient : options.promisor;
      if (name) values[f.key] = name;
      else if (f.required) values[f.key] = `${f.label}内容`;
      continue;
    }
    if (f.required) values[f.key] = sampleValue(f);
  }
  await api.lettersFill({ id: letter.id, values: values as never });
  return api.lettersGet({ id: letter.id });
}

/** Exports a letter for signature through the test save dialog; returns its number and fingerprint. */
export async function exportForSignature(app: LetterdeskApp, id: number): Promise<{ number: string; fingerprint: string; seq: number }> {
  app.dialogs.nextSavePath = `${app.dataDir}/signature-${id}-${Date.now()}.docx`;
  const result = await app.core.api.signExport({ id });
  app.dialogs.nextSavePath = null;
  return { number: result.number!, fingerprint: result.version!.fingerprint, seq: result.version!.seq };
}

import { test, expect } from './harness';
import { exportForSignature, readyLetter, RegisterPage } from './pages/RegisterPage';

test.describe('verify a paper letter', () => {
  test('number + fingerprint lead to the version, its signers, and the letter', async ({ app }) => {
    const letter = await readyLetter(app.core.api, { title: '健康咨询服务承诺书（某某医院）', recipient: '某某市第一人民医院' });
    const paper = await exportForSignature(app, letter.id);
    await app.core.api.signRecord({ id: letter.id, role: '承诺方', name: '张三', organisation: '某某健康保险北京分公司', dateSigned: '2026-05-07', method: '签字并盖章' });
    await app.core.api.signRecord({ id: letter.id, role: '接收方', name: '李四', dateSigned: '2026-05-08', method: '签字' });
    const page = await app.restart();
    const register = new RegisterPage(page);
    await expect(register.rows).toHaveCount(1);

    // Typed as a user reads it off the paper: lower case, spaces around.
    const result = await register.verify(` ${paper.number} `, ` ${paper.fingerprint.toLowerCase()} `);
    await expect(result).toContainText('找到对应的版本');
    await expect(result).toContainText(`v${paper.seq}`);
    await expect(result).toContainText(paper.fingerprint);
    await expect(result).toContainText('健康咨询服务承诺书（某某医院）');
    await expect(result).toContainText('当前内容与这份纸质函件一致');
    const signers = result.getByRole('table');
    await expect(signers.getByRole('row')).toHaveCount(3);
    await expect(signers).toContainText('张三');
    await expect(signers).toContainText('某某健康保险北京分公司');
    await expect(signers).toContainText('2026-05-08');

    await register.dialog.getByRole('button', { name: '打开函件' }).click();
    await expect(page.locator('#letter-heading')).toHaveText('健康咨询服务承诺书（某某医院）');
  });

  test('says clearly when no letter has the number, or the letter has no such version', async ({ app }) => {
    const letter = await readyLetter(app.core.api, { title: '理赔承诺书' });
    const paper = await exportForSignature(app, letter.id);
    const register = new RegisterPage(await app.restart());

    let result = await register.verify('HXCN-1999-0001', paper.fingerprint);
    await expect(result).toContainText('没有这个编号的函件');
    await expect(result).not.toContainText('找到对应的版本');

    await register.dialog.getByLabel('校验码').fill('FFFF-FFFF-FFFF');
    await register.dialog.getByLabel('函件编号').fill(paper.number);
    await register.dialog.getByRole('button', { name: '核验', exact: true }).click();
    result = register.dialog.getByTestId('verify-result');
    await expect(result).toContainText('该函件没有此校验码的版本');
    await expect(result).toContainText('理赔承诺书');

    // Both are needed before asking.
    await register.dialog.getByLabel('校验码').fill('');
    await register.dialog.getByRole('button', { name: '核验', exact: true }).click();
    await expect(register.dialog).toContainText('请填写编号和校验码');
    await register.dialog.getByRole('button', { name: '关闭' }).click();
    await expect(register.dialog).toBeHidden();
  });

  test('warns when the letter was changed after the paper was exported', async ({ app }) => {
    const letter = await readyLetter(app.core.api, { title: '投诉处理承诺书' });
    const paper = await exportForSignature(app, letter.id);
    const { content } = await app.core.api.lettersContentGet({ id: letter.id });
    const text = content.fields.find((f) => f.required && f.type === 'text')!;
    await app.core.api.lettersFill({ id: letter.id, values: { [text.key]: '导出后改过的内容' } });
    const register = new RegisterPage(await app.restart());

    const result = await register.verify(paper.number, paper.fingerprint);
    await expect(result).toContainText('找到对应的版本');
    await expect(result.getByRole('alert')).toContainText('函件在导出后已被修改');
    await expect(result.getByRole('alert')).toContainText(`v${paper.seq}`);
    await expect(result).not.toContainText('当前内容与这份纸质函件一致');
    await expect(result).toContainText('这个版本尚未登记签署');
  });
});

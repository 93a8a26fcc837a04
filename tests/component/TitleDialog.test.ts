import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import TitleDialog from '../../renderer/src/components/TitleDialog.svelte';

describe('TitleDialog', () => {
  it('refuses an empty title with a Chinese message and does not submit', async () => {
    const onsubmit = vi.fn(async () => {});
    render(TitleDialog, { heading: '新建函件', submitLabel: '创建', onsubmit, oncancel: () => {} });
    await fireEvent.click(screen.getByRole('button', { name: '创建' }));
    expect(screen.getByText('请填写标题。')).toBeInTheDocument();
    expect(screen.getByLabelText('函件标题')).toHaveAttribute('aria-invalid', 'true');
    expect(onsubmit).not.toHaveBeenCalled();
  });

  it('refuses a title over 200 characters', async () => {
    const onsubmit = vi.fn(async () => {});
    render(TitleDialog, { heading: '新建函件', submitLabel: '创建', onsubmit, oncancel: () => {} });
    await fireEvent.input(screen.getByLabelText('函件标题'), { target: { value: '承'.repeat(201) } });
    await fireEvent.click(screen.getByRole('button', { name: '创建' }));
    expect(screen.getByText('标题不能超过 200 个字。')).toBeInTheDocument();
    expect(onsubmit).not.toHaveBeenCalled();
  });

  it('submits the trimmed title and starts from the given value', async () => {
    const onsubmit = vi.fn(async () => {});
    render(TitleDialog, { heading: '重命名函件', submitLabel: '确定', initial: '旧标题', onsubmit, oncancel: () => {} });
    const input = screen.getByLabelText('函件标题') as HTMLInputElement;
    expect(input.value).toBe('旧标题');
    await fireEvent.input(input, { target: { value: '  新标题  ' } });
    await fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(onsubmit).toHaveBeenCalledWith('新标题');
  });

  it('Cancel calls oncancel', async () => {
    const oncancel = vi.fn();
    render(TitleDialog, { heading: '新建函件', submitLabel: '创建', onsubmit: async () => {}, oncancel });
    await fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(oncancel).toHaveBeenCalled();
  });
});

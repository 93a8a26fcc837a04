import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/menu-commands';

export interface MenuActions {
  send(command: MenuCommand): void;
  about(): void;
  openDataFolder(): void;
  quit(): void;
  isDev: boolean;
}

/**
 * The Chinese application menu. Accelerators are shown but not registered
 * (`registerAccelerator: false`): the page owns its shortcuts, so they behave the same
 * in the window and in the browser tests, and menu clicks send the same commands.
 */
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const cmd = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => actions.send(command),
  });
  return [
    {
      label: '文件(&F)',
      submenu: [
        cmd('新建函件', 'CmdOrCtrl+N', 'new-letter'),
        cmd('复制函件', 'CmdOrCtrl+D', 'copy-letter'),
        cmd('最近打开', 'Alt+R', 'recent-letters'),
        { type: 'separator' },
        cmd('函件', 'CmdOrCtrl+1', 'go-letters'),
        cmd('模板', 'CmdOrCtrl+2', 'go-templates'),
        cmd('设置', 'CmdOrCtrl+,', 'go-settings'),
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '退出', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
        { type: 'separator' },
        cmd('查找', 'CmdOrCtrl+F', 'search'),
        cmd('替换', 'CmdOrCtrl+H', 'replace'),
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(actions.isDev ? ([{ type: 'separator' }, { label: '开发者工具', role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于函件台', click: () => actions.about() }],
    },
  ];
}

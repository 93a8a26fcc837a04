/**
 * Focus goes back to the opener when a dialog leaves the page (issue #15), and stays where a
 * closing dialog put it on purpose.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installDialogFocusReturn } from '../../renderer/src/lib/dialog-focus';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('installDialogFocusReturn', () => {
  let uninstall = () => {};
  afterEach(() => {
    uninstall();
    document.body.innerHTML = '';
  });

  function setup() {
    document.body.innerHTML = '<button id="opener">打开</button><button id="other">别处</button>';
    uninstall = installDialogFocusReturn(document);
    const opener = document.getElementById('opener') as HTMLButtonElement;
    opener.focus();
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    dialog.innerHTML = '<input id="inside" />';
    document.body.append(dialog);
    (dialog.querySelector('#inside') as HTMLInputElement).focus();
    return { opener, dialog };
  }

  it('a dialog removed with the focus in it gives the focus back to its opener', async () => {
    const { opener, dialog } = setup();
    expect(document.activeElement?.id).toBe('inside');
    dialog.remove();
    await flush();
    expect(document.activeElement).toBe(opener);
  });

  it('leaves the focus where the closing dialog moved it', async () => {
    const { dialog } = setup();
    (document.getElementById('other') as HTMLButtonElement).focus();
    dialog.remove();
    await flush();
    expect(document.activeElement?.id).toBe('other');
  });

  it('does nothing once uninstalled', async () => {
    const { dialog } = setup();
    uninstall();
    dialog.remove();
    await flush();
    expect(document.activeElement).toBe(document.body);
  });
});

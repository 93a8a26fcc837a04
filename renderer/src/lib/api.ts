import type { LetterdeskApi } from '../../../electron/shared/api';
import type { LetterdeskBridge } from '../../../electron/shared/bridge';
import { makeClient } from '../../../electron/shared/client';
import { LetterdeskError } from '../../../electron/shared/errors';
import type { MenuCommandSource } from '../../../electron/shared/menu-commands';

declare global {
  /** Installed on window by the preload (the e2e harness and component tests install their own). */
  var letterdesk: LetterdeskBridge | undefined;
  var letterdeskMenu: MenuCommandSource | undefined;
}

let client: { bridge: LetterdeskBridge; api: LetterdeskApi } | null = null;

/** The typed API, built here on the bridge's `invoke` — the same makeClient every transport uses. */
export function getApi(): LetterdeskApi {
  const bridge = globalThis.letterdesk;
  if (!bridge) throw new LetterdeskError('internal', 'The Letterdesk bridge is not available in this window');
  if (client?.bridge !== bridge) client = { bridge, api: makeClient((method, args) => bridge.invoke(method, args)) };
  return client.api;
}

export function getMenuCommands(): MenuCommandSource | undefined {
  return globalThis.letterdeskMenu;
}

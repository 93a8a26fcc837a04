/** The office's own data: the address book of counterparties, the settings, and its profile (承诺方). */
import type { LetterdeskApi } from '../../shared/api';
import type { CoreDeps } from '../core-deps';

export type OfficeMethods = 'partiesList' | 'partiesSave' | 'partiesDelete' | 'settingsGet' | 'settingsUpdate' | 'profileGet' | 'profileUpdate';

export function officeHandlers(deps: Pick<CoreDeps, 'parties' | 'settings' | 'now'>): Pick<LetterdeskApi, OfficeMethods> {
  const { parties, settings, now } = deps;
  return {
    partiesList: async () => parties.list(),
    partiesSave: async (input) => parties.save(input, now()),
    partiesDelete: async ({ id }) => parties.delete(id),
    settingsGet: async () => settings.getSettings(),
    settingsUpdate: async (patch) => settings.updateSettings(patch),
    profileGet: async () => settings.getProfile(),
    profileUpdate: async (patch) => settings.updateProfile(patch),
  };
}

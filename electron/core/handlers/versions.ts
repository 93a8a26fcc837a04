/** A letter's versions: the timeline, Ctrl+S, one version, a comparison, and restoring one. */
import type { LetterdeskApi } from '../../shared/api';
import type { CoreDeps } from '../core-deps';
import { restoreVersion } from '../versions/restore';
import { snapshotLetter } from '../versions/snapshot-letter';
import { diffContents } from '../versions/version-diff';

export type VersionMethods = 'versionsList' | 'versionsSave' | 'versionsGet' | 'versionsDiff' | 'versionsRestore';

export function versionHandlers(deps: Pick<CoreDeps, 'db' | 'search' | 'letters' | 'versions' | 'now'>): Pick<LetterdeskApi, VersionMethods> {
  const { letters, versions, now } = deps;
  return {
    versionsList: async ({ id }) => {
      letters.get(id); // not-found for an unknown letter, not an empty timeline
      return versions.list(id);
    },
    versionsSave: async ({ id, note }) => snapshotLetter(deps, id, 'manual', note?.trim() || null, now()),
    versionsGet: async ({ id, seq }) => versions.get(id, seq),
    versionsDiff: async ({ id, from, to }) =>
      diffContents(versions.get(id, from).content, to === undefined ? letters.getContent(id).content : versions.get(id, to).content),
    versionsRestore: async ({ id, seq, revision }) => restoreVersion(deps, id, seq, now(), revision),
  };
}

/** The version types live in electron/shared (they cross IPC); re-exported for core. */
export { VERSION_KINDS, isFrozen, type Version, type VersionKind, type VersionSummary } from '../../shared/versions';

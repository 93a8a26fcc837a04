/**
 * The version a snapshot of `content` will be, before it is made: the latest version when the
 * content is unchanged, else the next seq. An export prints this on its paper, then freezes the
 * content in the same transaction that puts the file in place and checks the two agree.
 */
import type { LetterContent } from '../../shared/letter-content';
import { contentHash, fingerprint } from './canonical-hash';
import type { VersionsRepo } from './versions-repo';

export interface PlannedVersion {
  seq: number;
  hash: string;
  fingerprint: string;
}

export function plannedVersion(versions: Pick<VersionsRepo, 'latest'>, letterId: number, content: LetterContent): PlannedVersion {
  const hash = contentHash(content);
  const latest = versions.latest(letterId);
  const seq = latest && latest.hash === hash ? latest.seq : (latest?.seq ?? 0) + 1;
  return { seq, hash, fingerprint: fingerprint(hash) };
}

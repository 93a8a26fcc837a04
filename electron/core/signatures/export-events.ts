/** Reading a letter's events: its latest export for signature, and who signed that paper since. */
import type { SignatureEvent, SignatureRecord } from '../../shared/signatures';
import type { EventsRepo } from './events-repo';

/** The latest export for signature of this letter, if any (what the paper in hand carries). */
export function latestExport(ctx: { events: EventsRepo }, id: number) {
  const events = ctx.events.list(id).filter((e) => e.kind === 'exported-for-signature');
  return events[events.length - 1] ?? null;
}

export function signaturesSince(events: SignatureEvent[], exportEventId: number): SignatureRecord[] {
  return events.filter((e) => e.kind === 'signature-recorded' && e.id > exportEventId).map((e) => e.payload as unknown as SignatureRecord);
}

/** Roles that signed the paper of the export event `exportEventId` (recorded after it). */
export function rolesSignedSinceExport(events: SignatureEvent[], exportEventId: number): string[] {
  return signaturesSince(events, exportEventId).map((r) => r.role);
}

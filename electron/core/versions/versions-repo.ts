/**
 * The versions table (migration 3). Full snapshots with the SHA-256 of their canonical
 * content; a row is write-once except for the exported/signed stamps (triggers enforce it).
 * Statements are prepared once per repository; every multi-statement write is one transaction.
 */
import type { Db } from '../db/open-db';
import { LetterdeskError } from '../../shared/errors';
import type { LetterContent } from '../../shared/letter-content';
import { canonicalContent, fingerprint, normalizeHashPrefix, sha256Hex } from './canonical-hash';
import { changeSize } from './version-diff';
import { versionsToPrune, type RetentionPolicy } from './retention';
import { VERSION_KINDS, type Version, type VersionKind, type VersionSummary } from './version-types';
import { createEventsRepo } from '../signatures/events-repo';
import type { SearchIndex } from '../search/search-index';

interface SummaryRow {
  letter_id: number;
  seq: number;
  kind: VersionKind;
  note: string | null;
  created_at: string;
  hash: string;
  chars_added: number;
  chars_removed: number;
  restored_from: number | null;
  exported_at: string | null;
  signed_at: string | null;
}

/** Every column but content_json: the timeline never reads a snapshot. */
const SUMMARY = 'letter_id, seq, kind, note, created_at, hash, chars_added, chars_removed, restored_from, exported_at, signed_at';

export const MAX_NOTE_LENGTH = 500;
/** A fingerprint lookup lists at most this many matches. */
const MAX_HASH_MATCHES = 50;

function toSummary(row: SummaryRow): VersionSummary {
  return {
    letterId: row.letter_id,
    seq: row.seq,
    kind: row.kind,
    note: row.note,
    createdAt: row.created_at,
    hash: row.hash,
    fingerprint: fingerprint(row.hash),
    charsAdded: row.chars_added,
    charsRemoved: row.chars_removed,
    restoredFrom: row.restored_from,
    exportedAt: row.exported_at,
    signedAt: row.signed_at,
  };
}

function cleanNote(note: string | null): string | null {
  const text = note?.trim() ?? '';
  if ([...text].length > MAX_NOTE_LENGTH) throw new LetterdeskError('invalid-input', `A version note has at most ${MAX_NOTE_LENGTH} characters`);
  return text || null;
}

export function createVersionsRepo(db: Db, search: SearchIndex) {
  const letterExists = db.prepare<[number], { id: number }>(`SELECT id FROM letters WHERE id = ?`);
  const latestRow = db.prepare<[number], SummaryRow>(`SELECT ${SUMMARY} FROM versions WHERE letter_id = ? ORDER BY seq DESC LIMIT 1`);
  const summaryRow = db.prepare<[number, number], SummaryRow>(`SELECT ${SUMMARY} FROM versions WHERE letter_id = ? AND seq = ?`);
  const contentRow = db.prepare<[number, number], { content_json: string; hash: string }>(
    `SELECT content_json, hash FROM versions WHERE letter_id = ? AND seq = ?`,
  );
  const listRows = db.prepare<[number], SummaryRow>(`SELECT ${SUMMARY} FROM versions WHERE letter_id = ? ORDER BY seq DESC`);
  const insert = db.prepare<[number, number, VersionKind, string | null, string, string, number, number, number | null, string | null, string]>(
    `INSERT INTO versions (letter_id, seq, kind, note, created_at, hash, chars_added, chars_removed, restored_from, exported_at, content_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const stampExported = db.prepare<[string, number, number]>(
    `UPDATE versions SET exported_at = ? WHERE letter_id = ? AND seq = ? AND exported_at IS NULL`,
  );
  const stampSigned = db.prepare<[string, number, number]>(`UPDATE versions SET signed_at = ? WHERE letter_id = ? AND seq = ? AND signed_at IS NULL`);
  const byHashRange = db.prepare<[string, string, number], SummaryRow>(
    `SELECT ${SUMMARY} FROM versions WHERE hash >= ? AND hash < ? ORDER BY letter_id, seq LIMIT ?`,
  );
  const deleteThinnable = db.prepare<[number, number]>(
    `DELETE FROM versions WHERE letter_id = ? AND seq = ? AND kind = 'auto' AND exported_at IS NULL AND signed_at IS NULL`,
  );

  // Every version enters the hash chain as it is made, and every pruning as it happens (issue #9).
  const events = createEventsRepo(db, search);

  function requireLetter(letterId: number): void {
    if (!letterExists.get(letterId)) throw new LetterdeskError('not-found', `Letter ${letterId} does not exist`);
  }

  function summary(letterId: number, seq: number): VersionSummary {
    const row = summaryRow.get(letterId, seq);
    if (!row) throw new LetterdeskError('not-found', `Letter ${letterId} has no version v${seq}`);
    return toSummary(row);
  }

  function latest(letterId: number): VersionSummary | null {
    const row = latestRow.get(letterId);
    return row ? toSummary(row) : null;
  }

  function contentOf(letterId: number, seq: number): LetterContent {
    const row = contentRow.get(letterId, seq);
    if (!row) throw new LetterdeskError('not-found', `Letter ${letterId} has no version v${seq}`);
    return JSON.parse(row.content_json) as LetterContent;
  }

  return {
    /**
     * Keeps `content` as the letter's next version. Content whose hash equals the latest
     * version's is not stored again: that version is returned, and for kind 'export' it is
     * stamped exported (the exported content is always a version; the kind stays why it was
     * first made). `restoredFrom` is required for, and only for, kind 'restore'.
     */
    create(letterId: number, content: LetterContent, kind: VersionKind, note: string | null, nowIso: string, restoredFrom: number | null = null): VersionSummary {
      if (!(VERSION_KINDS as readonly string[]).includes(kind)) throw new LetterdeskError('invalid-input', `Unknown version kind: ${kind}`);
      if ((kind === 'restore') !== (restoredFrom !== null)) throw new LetterdeskError('invalid-input', `restoredFrom goes with, and only with, kind 'restore'`);
      const cleanedNote = cleanNote(note);
      const text = canonicalContent(content);
      const hash = sha256Hex(text);
      return db.transaction(() => {
        requireLetter(letterId);
        const last = latestRow.get(letterId);
        // The same content again is the same version — except a version the clerk saves on purpose
        // (Ctrl+S, with its note) over an automatic one: that one is recorded, so thinning never takes it.
        const promoted = kind === 'manual' && last?.kind === 'auto';
        if (last && last.hash === hash && !promoted) {
          if (kind === 'export') stampExported.run(nowIso, letterId, last.seq);
          return summary(letterId, last.seq);
        }
        const size = changeSize(last ? contentOf(letterId, last.seq) : null, content);
        const seq = (last?.seq ?? 0) + 1;
        insert.run(letterId, seq, kind, cleanedNote, nowIso, hash, size.added, size.removed, restoredFrom, kind === 'export' ? nowIso : null, text);
        events.append(letterId, 'version-created', seq, { seq, hash, kind }, nowIso);
        // Its lines (and its note) become searchable text of the letter's history.
        if (!search.versionsChanged(letterId, content) && cleanedNote) search.sync(letterId);
        return summary(letterId, seq);
      })();
    },
    /** The timeline, newest first, without snapshots. */
    list(letterId: number): VersionSummary[] {
      requireLetter(letterId);
      return listRows.all(letterId).map(toSummary);
    },
    get(letterId: number, seq: number): Version {
      return { ...summary(letterId, seq), content: contentOf(letterId, seq) };
    },
    summary,
    latest,
    /** Freezes a version as exported (first time only; a later export keeps the first stamp). */
    markExported(letterId: number, seq: number, nowIso: string): VersionSummary {
      return db.transaction(() => {
        summary(letterId, seq);
        stampExported.run(nowIso, letterId, seq);
        return summary(letterId, seq);
      })();
    },
    /** Freezes a version as signed on paper (first time only). */
    markSigned(letterId: number, seq: number, nowIso: string): VersionSummary {
      return db.transaction(() => {
        summary(letterId, seq);
        stampSigned.run(nowIso, letterId, seq);
        return summary(letterId, seq);
      })();
    },
    /**
     * Versions whose hash starts with a typed fingerprint (any case, dashes and spaces
     * ignored, at least 8 hex digits) — the "verify a paper letter" lookup.
     */
    findByHashPrefix(prefix: string): VersionSummary[] {
      const hex = normalizeHashPrefix(prefix);
      if (!hex) throw new LetterdeskError('invalid-input', 'A fingerprint is at least 8 hexadecimal digits');
      // Every hash with this prefix sorts between it and prefix + 'g' ('g' follows 'f').
      return byHashRange.all(hex, `${hex}g`, MAX_HASH_MATCHES).map(toSummary);
    },
    /** Recomputes a stored version's hash: true when its content is exactly what was hashed. */
    verify(letterId: number, seq: number): boolean {
      const row = contentRow.get(letterId, seq);
      if (!row) throw new LetterdeskError('not-found', `Letter ${letterId} has no version v${seq}`);
      return sha256Hex(row.content_json) === row.hash;
    },
    /** Thins automatic versions by `policy` (retention.ts); returns the removed seqs. */
    prune(letterId: number, policy: RetentionPolicy, nowIso: string): number[] {
      return db.transaction(() => {
        requireLetter(letterId);
        const doomed = versionsToPrune(listRows.all(letterId).map(toSummary), policy, nowIso);
        const removed = doomed.filter((seq) => deleteThinnable.run(letterId, seq).changes === 1);
        // Recorded so that db check tells pruning by the policy from a deletion around the app.
        if (removed.length) {
          events.append(letterId, 'versions-pruned', null, { seqs: removed }, nowIso);
          search.versionsChanged(letterId);
        }
        return removed;
      })();
    },
  };
}

export type VersionsRepo = ReturnType<typeof createVersionsRepo>;

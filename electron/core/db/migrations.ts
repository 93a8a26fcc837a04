/**
 * Numbered schema migrations. Each runs with its `user_version` bump in one transaction
 * (see open-db.ts). Append only: never edit a migration that has shipped.
 */
import { MIGRATION_6_SQL, migration6Up } from './migration-6-evidence';
import { addFieldRoles } from './migrate-field-roles';
import { MIGRATION_8_SQL, migration8Up } from './migration-8-search';
import { MIGRATION_9_SQL, migration9Up } from './migration-9-search-history';
import { MIGRATION_10_SQL } from './migration-10-search-history-lines';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Data conversion that SQL cannot say (JSON documents, hashes), run after `sql` inside the
   * same transaction as the version bump. It must give the same result in every later app
   * version: spell out what may change (hashes), or call shared code whose result on old
   * data is fixed (the role inference of migration 7 only ever adds to it).
   */
  up?: (db: import('better-sqlite3').Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'letters and settings',
    sql: `
      CREATE TABLE letters (
        id          INTEGER PRIMARY KEY,
        number      TEXT UNIQUE,
        title       TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft','awaiting-signature','signed','archived','void')),
        revision    INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        trashed_at  TEXT
      );
      -- Partial indexes: the register and the trash each page through their own rows.
      CREATE INDEX letters_live_updated ON letters (updated_at DESC, id DESC) WHERE trashed_at IS NULL;
      CREATE INDEX letters_live_created ON letters (created_at DESC, id DESC) WHERE trashed_at IS NULL;
      CREATE INDEX letters_live_title ON letters (title COLLATE NOCASE, id) WHERE trashed_at IS NULL;
      CREATE INDEX letters_trash_updated ON letters (updated_at DESC, id DESC) WHERE trashed_at IS NOT NULL;
      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'letter content, user templates, address book',
    sql: `
      ALTER TABLE letters ADD COLUMN template_id TEXT;
      ALTER TABLE letters ADD COLUMN page_style TEXT NOT NULL DEFAULT 'business'
        CHECK (page_style IN ('business','official'));
      ALTER TABLE letters ADD COLUMN doc_json TEXT NOT NULL
        DEFAULT '{"type":"doc","content":[{"type":"paragraph","attrs":{"align":null,"indent":true}}]}';
      ALTER TABLE letters ADD COLUMN fields_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE letters ADD COLUMN values_json TEXT NOT NULL DEFAULT '{}';
      CREATE TABLE templates (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        category    TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        page_style  TEXT NOT NULL CHECK (page_style IN ('business','official')),
        doc_json    TEXT NOT NULL,
        fields_json TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE TABLE parties (
        id                   INTEGER PRIMARY KEY,
        full_name            TEXT NOT NULL,
        short_name           TEXT NOT NULL DEFAULT '',
        party_type           TEXT NOT NULL DEFAULT 'enterprise'
                             CHECK (party_type IN ('enterprise','individual','other')),
        address              TEXT NOT NULL DEFAULT '',
        legal_representative TEXT NOT NULL DEFAULT '',
        contact              TEXT NOT NULL DEFAULT '',
        signer               TEXT NOT NULL DEFAULT '',
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      );
      CREATE INDEX parties_name ON parties (full_name);
    `,
  },
  {
    version: 3,
    name: 'letter versions (issue #4)',
    // Full snapshots, never diffs (STYLE.md). content_json is the canonical text that `hash`
    // is the SHA-256 of, and it is the LAST column: the timeline reads the columns before it
    // and SQLite then never walks a snapshot's overflow pages. A row is write-once; only
    // exported_at and signed_at may each be set once, and a frozen row is never deleted.
    sql: `
      CREATE TABLE versions (
        id             INTEGER PRIMARY KEY,
        letter_id      INTEGER NOT NULL REFERENCES letters(id),
        seq            INTEGER NOT NULL CHECK (seq >= 1),
        kind           TEXT NOT NULL
                       CHECK (kind IN ('manual','auto','pre-edit','pre-restore','restore','export')),
        note           TEXT,
        created_at     TEXT NOT NULL,
        hash           TEXT NOT NULL CHECK (length(hash) = 64),
        chars_added    INTEGER NOT NULL DEFAULT 0 CHECK (chars_added >= 0),
        chars_removed  INTEGER NOT NULL DEFAULT 0 CHECK (chars_removed >= 0),
        restored_from  INTEGER CHECK ((kind = 'restore') = (restored_from IS NOT NULL)),
        exported_at    TEXT,
        signed_at      TEXT,
        content_json   TEXT NOT NULL,
        UNIQUE (letter_id, seq)
      );
      CREATE INDEX versions_hash ON versions (hash);
      CREATE TRIGGER versions_write_once
        BEFORE UPDATE OF id, letter_id, seq, kind, note, created_at, hash, chars_added, chars_removed,
                         restored_from, content_json ON versions
      BEGIN
        SELECT RAISE(ABORT, 'version-immutable: a version never changes');
      END;
      CREATE TRIGGER versions_flags_set_once
        BEFORE UPDATE OF exported_at, signed_at ON versions
        WHEN (OLD.exported_at IS NOT NULL AND NEW.exported_at IS NOT OLD.exported_at)
          OR (OLD.signed_at IS NOT NULL AND NEW.signed_at IS NOT OLD.signed_at)
      BEGIN
        SELECT RAISE(ABORT, 'version-immutable: exported_at and signed_at are set once');
      END;
      CREATE TRIGGER versions_frozen_kept
        BEFORE DELETE ON versions
        WHEN OLD.exported_at IS NOT NULL OR OLD.signed_at IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'version-frozen: an exported or signed version is never deleted');
      END;
    `,
  },
  {
    version: 4,
    name: 'signature history, letter numbers, scans, register columns (issue #6)',
    // signature_events is append-only (triggers) and hash-chained: each row stores the hash of
    // the one before it, so an edit made around the app breaks the chain and is detected.
    sql: `
      ALTER TABLE letters ADD COLUMN parties TEXT NOT NULL DEFAULT '';
      ALTER TABLE letters ADD COLUMN signed_on TEXT;
      CREATE INDEX letters_live_status ON letters (status, updated_at DESC, id DESC) WHERE trashed_at IS NULL;
      CREATE INDEX letters_live_template ON letters (template_id, updated_at DESC) WHERE trashed_at IS NULL;
      CREATE TABLE number_sequences (
        prefix TEXT NOT NULL,
        year   INTEGER NOT NULL,
        last   INTEGER NOT NULL CHECK (last >= 0),
        PRIMARY KEY (prefix, year)
      ) WITHOUT ROWID;
      CREATE TABLE signature_events (
        id          INTEGER PRIMARY KEY,
        letter_id   INTEGER NOT NULL REFERENCES letters(id),
        kind        TEXT NOT NULL CHECK (kind IN ('exported-for-signature','signature-recorded','scan-attached','archived','voided')),
        version_seq INTEGER,
        payload     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL UNIQUE
      );
      CREATE INDEX signature_events_letter ON signature_events (letter_id, id);
      CREATE TRIGGER signature_events_no_update BEFORE UPDATE ON signature_events
        BEGIN SELECT RAISE(ABORT, 'signature events are append-only'); END;
      CREATE TRIGGER signature_events_no_delete BEFORE DELETE ON signature_events
        BEGIN SELECT RAISE(ABORT, 'signature events are append-only'); END;
      CREATE TABLE scans (
        id         INTEGER PRIMARY KEY,
        letter_id  INTEGER NOT NULL REFERENCES letters(id),
        sha256     TEXT NOT NULL,
        file_name  TEXT NOT NULL,
        mime       TEXT NOT NULL,
        size       INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        data       BLOB NOT NULL
      );
      CREATE INDEX scans_letter ON scans (letter_id);
      CREATE TRIGGER scans_no_update BEFORE UPDATE ON scans
        BEGIN SELECT RAISE(ABORT, 'scans are kept as attached'); END;
      CREATE TRIGGER scans_no_delete BEFORE DELETE ON scans
        BEGIN SELECT RAISE(ABORT, 'scans are kept as attached'); END;
    `,
  },
  {
    version: 5,
    name: 'register sort indexes',
    // The register sorts numbered letters first; these match its ORDER BY expressions exactly.
    sql: `
      CREATE INDEX letters_live_number ON letters ((number IS NULL), number, id) WHERE trashed_at IS NULL;
      CREATE INDEX letters_live_signed ON letters ((signed_on IS NULL), signed_on, id) WHERE trashed_at IS NULL;
    `,
  },
  {
    version: 6,
    name: 'hash chain covers versions and hand-set numbers; chain head (issue #9)',
    sql: MIGRATION_6_SQL,
    up: migration6Up,
  },
  {
    version: 7,
    name: 'field roles: own number, party names, signer of each handwritten blank (issue #9)',
    sql: '',
    up: addFieldRoles,
  },
  {
    version: 8,
    name: 'full-text search index over every letter (issue #13)',
    sql: MIGRATION_8_SQL,
    up: migration8Up,
  },
  {
    version: 9,
    name: 'earlier versions searchable: lines of every version per letter, index column hist (issue #13)',
    sql: MIGRATION_9_SQL,
    up: migration9Up,
  },
  {
    version: 10,
    name: 'lines of earlier versions kept one row per line, not one array per letter',
    sql: MIGRATION_10_SQL,
  },
];

export const APP_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

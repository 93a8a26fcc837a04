/**
 * Numbered schema migrations. Each runs with its `user_version` bump in one transaction
 * (see open-db.ts). Append only: never edit a migration that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
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
];

export const APP_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

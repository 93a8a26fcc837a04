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
];

export const APP_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

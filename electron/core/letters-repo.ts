import type { Db } from './db/open-db';
import { LetterdeskError } from '../shared/errors';
import type { Letter, LetterSort, LetterStatus, LetterSummary, ListLettersQuery, Page } from '../shared/domain';
import type { LetterContent, PageStyle } from '../shared/letter-content';
import { partiesOf } from '../shared/field-roles';
import { assertEditable } from './letter-edit-guard';
import type { SearchIndex } from './search/search-index';

interface LetterRow {
  id: number;
  number: string | null;
  title: string;
  status: LetterStatus;
  revision: number;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
}

const COLUMNS = 'id, number, title, status, revision, created_at, updated_at, trashed_at';

const ORDER_BY: Record<LetterSort, string> = {
  'updated-desc': 'updated_at DESC, id DESC',
  'updated-asc': 'updated_at ASC, id ASC',
  'title-asc': 'title COLLATE NOCASE ASC, id ASC',
  'created-desc': 'created_at DESC, id DESC',
};

function toLetter(row: LetterRow): Letter {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    trashedAt: row.trashed_at,
  };
}

function toSummary(row: LetterRow): LetterSummary {
  const { revision: _revision, ...summary } = toLetter(row);
  return summary;
}

export const DEFAULT_PAGE_SIZE = 50;

/**
 * Letters table access. Statements are prepared once per repository. Every write here brings
 * the letter's search index row up to date in the same transaction (issue #13).
 */
export function createLettersRepo(db: Db, search: SearchIndex) {
  const insert = db.prepare<[string, string | null, PageStyle, string, string, string, string, string, string]>(
    `INSERT INTO letters (title, template_id, page_style, doc_json, fields_json, values_json, parties, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setStatusStmt = db.prepare<[LetterStatus, string, number]>(`UPDATE letters SET status = ?, updated_at = ? WHERE id = ?`);
  const byNumber = db.prepare<[string], { id: number }>(`SELECT id FROM letters WHERE number = ?`);
  const setSignedOnStmt = db.prepare<[string | null, number]>(`UPDATE letters SET signed_on = ? WHERE id = ?`);
  const contentById = db.prepare<[number], { template_id: string | null; page_style: PageStyle; doc_json: string; fields_json: string; values_json: string }>(
    `SELECT template_id, page_style, doc_json, fields_json, values_json FROM letters WHERE id = ?`,
  );
  const updateContent = db.prepare<[string, string, string, PageStyle, string, string, number]>(
    `UPDATE letters SET doc_json = ?, fields_json = ?, values_json = ?, page_style = ?, parties = ?, updated_at = ?,
       revision = revision + 1
     WHERE id = ?`,
  );
  const byId = db.prepare<[number], LetterRow>(`SELECT ${COLUMNS} FROM letters WHERE id = ?`);
  const rename = db.prepare<[string, string, number]>(
    `UPDATE letters SET title = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`,
  );
  const setTrashed = db.prepare<[string | null, string, number]>(
    `UPDATE letters SET trashed_at = ?, updated_at = ?, revision = revision + 1 WHERE id = ?`,
  );
  const countLive = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM letters WHERE trashed_at IS NULL`);
  const countTrash = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM letters WHERE trashed_at IS NOT NULL`);
  const pages = new Map<string, ReturnType<typeof db.prepare<[number, number], LetterRow>>>();
  function pageStatement(trashed: boolean, sort: LetterSort) {
    const key = `${trashed}:${sort}`;
    let stmt = pages.get(key);
    if (!stmt) {
      stmt = db.prepare<[number, number], LetterRow>(
        `SELECT ${COLUMNS} FROM letters WHERE trashed_at IS ${trashed ? 'NOT ' : ''}NULL
         ORDER BY ${ORDER_BY[sort]} LIMIT ? OFFSET ?`,
      );
      pages.set(key, stmt);
    }
    return stmt;
  }

  function get(id: number): Letter {
    const row = byId.get(id);
    if (!row) throw new LetterdeskError('not-found', `Letter ${id} does not exist`);
    return toLetter(row);
  }

  /** A write needs a live letter at the revision the writer last saw (when it says one). */
  function checkWritable(id: number, expectedRevision: number | undefined): Letter {
    const current = get(id);
    if (expectedRevision !== undefined && current.revision !== expectedRevision) {
      throw new LetterdeskError('conflict', `Letter ${id} changed elsewhere (revision ${current.revision}, expected ${expectedRevision})`);
    }
    if (current.trashedAt) throw new LetterdeskError('letter-trashed', `Letter ${id} is in the trash`);
    return current;
  }

  return {
    get,
    create(title: string, now: string, content: LetterContent, templateId: string | null = null): Letter {
      return db.transaction(() => {
        const info = insert.run(
          title,
          templateId,
          content.pageStyle,
          JSON.stringify(content.doc),
          JSON.stringify(content.fields),
          JSON.stringify(content.values),
          partiesOf(content),
          now,
          now,
        );
        const id = Number(info.lastInsertRowid);
        search.sync(id, content);
        return get(id);
      })();
    },
    getContent(id: number): { letter: Letter; content: LetterContent; templateId: string | null } {
      const letter = get(id);
      const row = contentById.get(id)!;
      return {
        letter,
        templateId: row.template_id,
        content: {
          doc: JSON.parse(row.doc_json),
          fields: JSON.parse(row.fields_json),
          values: JSON.parse(row.values_json),
          pageStyle: row.page_style,
        },
      };
    },
    /** One durable commit of the whole content; refused with 'conflict' on a stale revision. */
    saveContent(id: number, content: LetterContent, now: string, expectedRevision?: number): Letter {
      return db.transaction(() => {
        checkWritable(id, expectedRevision);
        updateContent.run(
          JSON.stringify(content.doc),
          JSON.stringify(content.fields),
          JSON.stringify(content.values),
          content.pageStyle,
          partiesOf(content),
          now,
          id,
        );
        // Autosave: the index row follows at the next search (same transaction, never stale).
        search.defer(id);
        return get(id);
      })();
    },
    list(query: ListLettersQuery): Page<LetterSummary> {
      const trashed = query.trashed ?? false;
      const offset = query.offset ?? 0;
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const rows = pageStatement(trashed, query.sort ?? 'updated-desc').all(limit, offset);
      const total = (trashed ? countTrash : countLive).get()!.n;
      return { items: rows.map(toSummary), total, offset, limit };
    },
    rename(id: number, title: string, now: string, expectedRevision?: number): Letter {
      return db.transaction(() => {
        assertEditable(checkWritable(id, expectedRevision));
        rename.run(title, now, id);
        search.sync(id);
        return get(id);
      })();
    },
    /** Lifecycle status (signature history); the content revision is not touched. */
    setStatus(id: number, status: LetterStatus, now: string): void {
      db.transaction(() => {
        setStatusStmt.run(status, now, id);
        search.sync(id);
      })();
    },
    idByNumber(number: string): number | null {
      return byNumber.get(number)?.id ?? null;
    },
    setSignedOn(id: number, date: string | null): void {
      setSignedOnStmt.run(date, id);
    },
    trash(id: number, now: string): Letter {
      return db.transaction(() => {
        const current = get(id);
        if (current.trashedAt) throw new LetterdeskError('letter-trashed', `Letter ${id} is already in the trash`);
        setTrashed.run(now, now, id);
        search.sync(id);
        return get(id);
      })();
    },
    restore(id: number, now: string): Letter {
      return db.transaction(() => {
        const current = get(id);
        if (!current.trashedAt) throw new LetterdeskError('letter-not-trashed', `Letter ${id} is not in the trash`);
        setTrashed.run(null, now, id);
        search.sync(id);
        return get(id);
      })();
    },
  };
}

export type LettersRepo = ReturnType<typeof createLettersRepo>;

import type { Db } from './db/open-db';
import { LetterdeskError } from '../shared/errors';
import type { Party, PartyInput } from '../shared/domain';

interface PartyRow {
  id: number;
  full_name: string;
  short_name: string;
  party_type: Party['partyType'];
  address: string;
  legal_representative: string;
  contact: string;
  signer: string;
  created_at: string;
  updated_at: string;
}

const toParty = (r: PartyRow): Party => ({
  id: r.id,
  fullName: r.full_name,
  shortName: r.short_name,
  partyType: r.party_type,
  address: r.address,
  legalRepresentative: r.legal_representative,
  contact: r.contact,
  signer: r.signer,
});

/** The address book of counterparties (接收方). */
export function createPartiesRepo(db: Db) {
  const all = db.prepare<[], PartyRow>(`SELECT * FROM parties ORDER BY full_name COLLATE NOCASE, id`);
  const byId = db.prepare<[number], PartyRow>(`SELECT * FROM parties WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO parties (full_name, short_name, party_type, address, legal_representative, contact, signer, created_at, updated_at)
     VALUES (@fullName, @shortName, @partyType, @address, @legalRepresentative, @contact, @signer, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE parties SET full_name = @fullName, short_name = @shortName, party_type = @partyType, address = @address,
       legal_representative = @legalRepresentative, contact = @contact, signer = @signer, updated_at = @now
     WHERE id = @id`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM parties WHERE id = ?`);

  function get(id: number): Party {
    const row = byId.get(id);
    if (!row) throw new LetterdeskError('not-found', `Party ${id} does not exist`);
    return toParty(row);
  }

  return {
    get,
    list: (): Party[] => all.all().map(toParty),
    save(input: PartyInput, now: string): Party {
      const row = {
        fullName: input.fullName,
        shortName: input.shortName ?? '',
        partyType: input.partyType ?? 'enterprise',
        address: input.address ?? '',
        legalRepresentative: input.legalRepresentative ?? '',
        contact: input.contact ?? '',
        signer: input.signer ?? '',
        now,
      };
      if (input.id === undefined) return get(Number(insert.run(row).lastInsertRowid));
      if (update.run({ ...row, id: input.id }).changes === 0) throw new LetterdeskError('not-found', `Party ${input.id} does not exist`);
      return get(input.id);
    },
    delete(id: number): void {
      if (remove.run(id).changes === 0) throw new LetterdeskError('not-found', `Party ${id} does not exist`);
    },
  };
}

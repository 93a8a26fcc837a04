/**
 * 复制为新函件 (issue #9): archived and void letters cannot change, so a new letter starts from
 * their text. The copy is a fresh draft — same body, field definitions, values, page style and
 * template — without the original's number, its own-number field value, versions or events:
 * it has not been handed over for signature, and its history starts now.
 */
import { TITLE_MAX } from '../shared/domain';
import { LetterdeskError } from '../shared/errors';
import { ownNumberFields } from '../shared/field-roles';
import type { Letter } from '../shared/domain';
import type { LettersRepo } from './letters-repo';

/** The default title of a copy: 原标题（副本）, cut to the title limit. */
export function copyTitle(title: string): string {
  const suffix = '（副本）';
  let kept = '';
  // Whole characters only, within the limit the API checks titles against (UTF-16 length).
  for (const ch of title) {
    if (kept.length + ch.length > TITLE_MAX - suffix.length) break;
    kept += ch;
  }
  return kept + suffix;
}

export function copyLetter(letters: LettersRepo, id: number, title: string | undefined, now: string): Letter {
  const { letter, content, templateId } = letters.getContent(id);
  if (letter.trashedAt) throw new LetterdeskError('letter-trashed', `Letter ${id} is in the trash`);
  const values = { ...content.values };
  for (const f of ownNumberFields(content.fields)) delete values[f.key];
  return letters.create(title ?? copyTitle(letter.title), now, { ...content, values }, templateId);
}

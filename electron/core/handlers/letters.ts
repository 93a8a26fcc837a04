/** Letters: create, open, rename, trash and restore, copy, and save or fill their content. */
import type { LetterdeskApi } from '../../shared/api';
import { LetterdeskError } from '../../shared/errors';
import type { CoreDeps } from '../core-deps';
import { assertEditable } from '../letter-edit-guard';
import { blankContent, checkFill, contentFromTemplate } from '../letter-content-rules';
import { copyLetter } from '../letter-copy';
import { trashLetter } from '../letter-trash';
import { saveDraft } from '../versions/draft-saver';
import { versioningSettings } from './versioning-settings';
import { letterSelectionHandlers, type LetterSelectionMethods } from './letters-selection';

export type LetterMethods =
  | 'lettersList'
  | 'lettersCreate'
  | 'lettersGet'
  | 'lettersRename'
  | 'lettersTrash'
  | 'lettersCopy'
  | 'lettersRestore'
  | 'lettersContentGet'
  | 'lettersContentSave'
  | 'lettersFill'
  | LetterSelectionMethods;

export function letterHandlers(
  deps: Pick<CoreDeps, 'db' | 'search' | 'letters' | 'versions' | 'now' | 'settings' | 'parties' | 'templates' | 'sign' | 'dialogs' | 'pdf'>,
): Pick<LetterdeskApi, LetterMethods> {
  const { db, letters, now, settings, parties, templates } = deps;
  return {
    ...letterSelectionHandlers(deps),
    lettersList: async (query) => letters.list(query),
    lettersCreate: async ({ title, templateId, counterpartyId }) => {
      const counterparty = counterpartyId === undefined ? null : parties.get(counterpartyId);
      if (templateId === undefined) {
        if (title === undefined) throw new LetterdeskError('invalid-input', 'lettersCreate: a blank letter needs a title (title-empty)');
        return letters.create(title, now(), blankContent());
      }
      const template = templates.get(templateId);
      return letters.create(title ?? template.name, now(), contentFromTemplate(template, settings.getProfile(), counterparty), template.id);
    },
    lettersGet: async ({ id }) => letters.get(id),
    lettersRename: async ({ id, title, revision }) => letters.rename(id, title, now(), revision),
    lettersTrash: async ({ id, confirmNumber }) => trashLetter(db, letters, deps.sign.events, id, confirmNumber, now()),
    lettersCopy: async ({ id, title }) => copyLetter(letters, id, title, now()),
    lettersRestore: async ({ id }) => letters.restore(id, now()),
    lettersContentGet: async ({ id }) => letters.getContent(id),
    lettersContentSave: async ({ id, revision, ...content }) => saveDraft(deps, id, content, revision, now(), versioningSettings(settings)).letter,
    lettersFill: async ({ id, values, revision }) =>
      // One transaction: the values are merged into the content the status check read.
      db.transaction(() => {
        const current = letters.getContent(id);
        assertEditable(current.letter);
        checkFill(current.content.fields, values);
        const content = { ...current.content, values: { ...current.content.values, ...values } };
        saveDraft(deps, id, content, revision ?? current.letter.revision, now(), versioningSettings(settings));
        return letters.getContent(id);
      })(),
  };
}

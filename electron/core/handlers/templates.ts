/** The template library: built-in and user templates, and template packs as files. */
import { randomUUID } from 'node:crypto';
import type { LetterdeskApi } from '../../shared/api';
import { LetterdeskError } from '../../shared/errors';
import type { CoreDeps } from '../core-deps';
import { blankContent } from '../letter-content-rules';
import { importTemplatePackFile, writeTemplatePack } from '../template-pack-files';

export type TemplateMethods =
  | 'templatesList'
  | 'templatesGet'
  | 'templatesCreate'
  | 'templatesSave'
  | 'templatesDuplicate'
  | 'templatesDelete'
  | 'templatesExportPack'
  | 'templatesImportPack';

const PACK_FILTER = { name: '函件台模板包 Template pack', extensions: ['json'] };

export function templateHandlers(deps: Pick<CoreDeps, 'templates' | 'letters' | 'dialogs' | 'now'>): Pick<LetterdeskApi, TemplateMethods> {
  const { templates, letters, dialogs, now } = deps;
  const newTemplateId = () => `user-${randomUUID()}`;
  return {
    templatesList: async () => templates.list(),
    templatesGet: async ({ id }) => templates.get(id),
    templatesCreate: async ({ name, category, description, pageStyle, fromLetterId }) => {
      const content = fromLetterId === undefined ? blankContent() : letters.getContent(fromLetterId).content;
      return templates.save(
        {
          id: newTemplateId(),
          name,
          category,
          description: description ?? '',
          pageStyle: pageStyle ?? content.pageStyle,
          doc: content.doc,
          // A template carries definitions and defaults, never one letter's filled-in values.
          fields: content.fields,
        },
        now(),
      );
    },
    templatesSave: async ({ template }) => {
      // save() refuses built-ins; an unknown id is not created here (templatesCreate does that).
      if (!templates.exists(template.id)) throw new LetterdeskError('not-found', `Template ${template.id} does not exist`);
      return templates.save(template, now());
    },
    templatesDuplicate: async ({ id, name }) => {
      const { builtin: _b, createdAt: _c, updatedAt: _u, ...data } = templates.get(id);
      return templates.save({ ...data, id: newTemplateId(), name: name ?? `${data.name}（副本）`.slice(0, 100) }, now());
    },
    templatesDelete: async ({ id }) => templates.delete(id),
    templatesExportPack: async ({ ids }) => {
      ids.forEach((id) => templates.get(id)); // not-found before asking for a file
      const file = await dialogs.saveFile({ defaultName: `模板包_${now().slice(0, 10)}.ldtpl.json`, filters: [PACK_FILTER] });
      if (!file) return { path: null, count: 0 };
      return { path: file, count: writeTemplatePack(templates, ids, file, now()) };
    },
    templatesImportPack: async () => {
      const file = await dialogs.openFile({ filters: [PACK_FILTER] });
      if (!file) return { path: null, imported: 0, replaced: 0 };
      return { path: file, ...importTemplatePackFile(templates, file, now()) };
    },
  };
}

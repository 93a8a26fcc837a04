/** The register: the filtered, sorted list of letters, and the same list as CSV for Excel. */
import type { LetterdeskApi } from '../../shared/api';
import { STATUS_LABELS } from '../../shared/domain';
import { localDate, registerCsv } from '../../shared/register';
import type { CoreDeps } from '../core-deps';
import { writeFileAtomic } from '../export/write-atomic';

export type RegisterMethods = 'registerList' | 'registerExportCsv';

export function registerHandlers(deps: Pick<CoreDeps, 'register' | 'templates' | 'dialogs' | 'now'>): Pick<LetterdeskApi, RegisterMethods> {
  const { register, templates, dialogs, now } = deps;
  return {
    registerList: async (query) => register.query(query),
    registerExportCsv: async (filter) => {
      const file = await dialogs.saveFile({ defaultName: `函件登记簿_${localDate(now())}.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }] });
      if (!file) return { path: null, count: 0 };
      const rows = [...register.iterate(filter)];
      const names = new Map(templates.list().map((t) => [t.id, t.name]));
      // The CSV is for the office's Chinese spreadsheets: status and template in Chinese.
      writeFileAtomic(file, registerCsv(rows, (s) => STATUS_LABELS[s]['zh-CN'], (tid) => (tid ? names.get(tid) ?? tid : '')));
      return { path: file, count: rows.length };
    },
  };
}

import type { Locale } from '../../../electron/shared/domain';
import { errorCode } from '../../../electron/shared/errors';
import { en, zhCN, type MessageKey } from './messages';
import { clearNotices } from './notices.svelte';

const tables: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export const i18n = $state<{ locale: Locale }>({ locale: 'zh-CN' });

export function setLocale(locale: Locale): void {
  // Messages on screen were written in the other language: they would be stale.
  if (i18n.locale !== locale) clearNotices();
  i18n.locale = locale;
  document.documentElement.lang = locale === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Translate `key`, replacing {name} placeholders. Reads the reactive locale. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = tables[i18n.locale][key] ?? zhCN[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The user-facing message for any error, chosen by its code (never by its text). */
export function errorMessage(err: unknown): string {
  return t(`error.${errorCode(err)}` as MessageKey);
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(i18n.locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The message for a field problem code (validateField). */
export function problemMessage(problem: string): string {
  const key = `problem.${problem}` as MessageKey;
  return key in zhCN ? t(key) : problem;
}

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

/**
 * The placeholder names of a message: `{n}`, and `{n|letter|letters}` (a word chosen by the
 * plural rules of the language for the number n); `{{seq}}` is the text {seq} itself. zh-CN is
 * the source of every key's names.
 */
type Placeholders<S extends string> = S extends `${infer Head}{{${string}}}${infer Tail}`
  ? Placeholders<Head> | Placeholders<Tail>
  : S extends `${string}{${infer P}}${infer Rest}`
    ? (P extends `${infer Name}|${string}` ? Name : P) | Placeholders<Rest>
    : never;

/**
 * What `t` takes after the key: nothing for a message without placeholders, else exactly its
 * names. A key only known as a union (`status.${s}`) takes what any of its messages takes.
 */
export type MessageParams<K extends MessageKey> = K extends MessageKey
  ? [Placeholders<(typeof zhCN)[K]>] extends [never]
    ? []
    : [params: Record<Placeholders<(typeof zhCN)[K]>, string | number>]
  : never;

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralOf(locale: Locale, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

/** Fills `{name}`, chooses `{name|one|other}` (issue #10: no "1 letters"), writes `{{x}}` as {x}. */
export function format(locale: Locale, template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{([^{}]*)\}\}|\{(\w+)((?:\|[^{}|]*)*)\}/g, (whole, literal: string | undefined, name: string, forms: string) => {
    if (literal !== undefined) return `{${literal}}`;
    const value = params[name];
    if (value === undefined) return whole;
    if (!forms) return String(value);
    const [one, other = one] = forms.slice(1).split('|') as [string, string?];
    return pluralOf(locale, Number(value)) === 'one' ? one : other;
  });
}

/** Translate `key`, filling its placeholders (checked against the message). Reads the reactive locale. */
export function t<K extends MessageKey>(key: K, ...params: MessageParams<K>): string {
  const template = tables[i18n.locale][key] ?? zhCN[key] ?? key;
  const values: Record<string, string | number> = params[0] ?? {};
  return format(i18n.locale, template, values);
}

/** The user-facing message for any error, chosen by its code (never by its text). */
export function errorMessage(err: unknown): string {
  return t(`error.${errorCode(err)}` as const);
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A date and time in local time as Intl writes it with year, month, day, hour and minute —
 * 2026/05/01 09:00 (zh-CN), 01/05/2026, 09:00 (en-GB) — but written out here: the first Intl
 * date formatter of a start loads locale data for ~60 ms, in the middle of the register's first
 * screen (issue #15; tests/component/i18n.test.ts compares the two).
 */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const year = String(d.getFullYear());
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  return i18n.locale === 'zh-CN' ? `${year}/${two(d.getMonth() + 1)}/${two(d.getDate())} ${time}` : `${two(d.getDate())}/${two(d.getMonth() + 1)}/${year}, ${time}`;
}

/** The message for a field problem code (validateField). */
export function problemMessage(problem: string): string {
  const key = `problem.${problem}` as MessageKey;
  return key in zhCN ? t(key) : problem;
}

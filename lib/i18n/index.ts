// The UI's words: every string a reader sees comes from the catalogues in locales/ through the
// browser's i18n (WXT's typed `t`), and dates, times and durations from Intl in the same
// locale. Pure formatters take a Localizer, so they can be tested with any catalogue.
import { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '#i18n';

export type MessageKey = Exclude<keyof GeneratedI18nStructure, `@@${string}`>;
export type Translate = ReturnType<typeof createI18n<GeneratedI18nStructure>>['t'];

/** What formatters need of the UI language: its words and the Intl locale to spell dates in. */
export interface Localizer {
  t: Translate;
  /** A BCP 47 tag for Intl, e.g. `en-US` or `ko`. */
  locale: string;
}

/**
 * Words a pure module has for the reader (an error, a note), spelled once a language is known:
 * the module stays free of any catalogue, the page that shows it passes its Localizer.
 */
export type Phrase = (l: Localizer) => string;

/** Phrases joined with spaces, the empty ones left out. */
export const joinPhrases =
  (...phrases: (Phrase | undefined)[]): Phrase =>
  (l) =>
    phrases
      .map((p) => p?.(l))
      .filter(Boolean)
      .join(' ');

/**
 * The Intl locale: the browser's UI language when the catalogue in use is in that language
 * (so an en-GB reader gets British dates from the English catalogue), else the catalogue's own
 * (a French browser reads the English catalogue, so it gets English dates, not French ones).
 */
export function intlLocale(catalogueLocale: string, uiLanguage: string): string {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  const candidate = primary(uiLanguage) === primary(catalogueLocale) ? uiLanguage.replace('_', '-') : catalogueLocale;
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? catalogueLocale;
  } catch {
    return catalogueLocale;
  }
}

const i18n = createI18n<GeneratedI18nStructure>();
/** The browser-backed translator (extension pages, the background and the page's card). */
export const t: Translate = i18n.t;

let cached: Localizer | undefined;
/** The Localizer of the running extension, read once per context. */
export function uiLocalizer(): Localizer {
  cached ??= { t, locale: intlLocale(t('intlLocale'), t('@@ui_locale')) };
  return cached;
}

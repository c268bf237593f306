// The unit tests' browser speaks English from locales/en.yml (fakeBrowser has no i18n), so
// components and formatters read the real catalogue, and a key missing from it reads as "".
// `@wxt-dev/browser` (which WXT's i18n reads) is the global `chrome` when there is no
// extension `browser`: the fake is installed there, before anything imports it.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCatalogue } from '../../scripts/i18n/catalogue';

const english = await loadCatalogue('en');
export const englishMessage = ((key: string, subs?: string | string[]) =>
  key === '@@ui_locale' ? 'en_US' : english.getMessage(key, subs)) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getMessage = englishMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';
(globalThis as { chrome?: unknown }).chrome ??= fakeBrowser;

// The unit tests' browser speaks English from locales/en.yml (fakeBrowser has no i18n), so
// components and formatters read the real catalogue, and a key missing from it reads as "".
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCatalogue } from '../../scripts/i18n/catalogue';

const english = await loadCatalogue('en');
fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
  key === '@@ui_locale' ? 'en_US' : english.getMessage(key, subs)) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';

// Unit tests in another of the UI's languages (the setup makes English the default).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, type Localizer } from '../../lib/i18n';
import { loadCatalogue } from '../../scripts/i18n/catalogue';

/** Runs `use` with the browser speaking `locale`'s catalogue (and that Intl locale), then the previous one again. */
export async function inCatalogue(locale: string, use: (l: Localizer) => void | Promise<void>): Promise<void> {
  const catalogue = await loadCatalogue(locale);
  const previous = fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    catalogue.getMessage(key, subs)) as typeof fakeBrowser.i18n.getMessage;
  try {
    await use({ t, locale });
  } finally {
    fakeBrowser.i18n.getMessage = previous;
  }
}

// What each setting is called where a page says it could not be read or imported.
import type { Phrase } from '../i18n';
import type { SettingKey } from './schema';

export const settingName =
  (key: SettingKey): Phrase =>
  (l) => {
    switch (key) {
      case 'enabled':
        return l.t('settings.names.enabled');
      case 'follows':
        return l.t('settings.names.follows');
      case 'muted':
        return l.t('settings.names.muted');
      case 'highlightScope':
        return l.t('settings.names.highlightScope');
      case 'disabledSites':
        return l.t('settings.names.disabledSites', [l.t('extName')]);
      case 'display':
        return l.t('settings.names.display');
      case 'reminders':
        return l.t('settings.names.reminders');
    }
  };

/** "a, b and c" in the reader's language (Intl.ListFormat). */
export const listOfSettings =
  (keys: readonly SettingKey[]): Phrase =>
  (l) =>
    new Intl.ListFormat(l.locale, { type: 'conjunction' }).format(keys.map((key) => settingName(key)(l)));

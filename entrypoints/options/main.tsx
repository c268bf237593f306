import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/base.css';
import './options.css';
import { loadOptionsData } from '../../lib/ui/extension-data';
import { messenger } from '../../lib/messages';
import { RECENT_REMINDERS_KEY } from '../../lib/reminders/plan';
import { App, type OptionsEnvironment } from './App';
import { openSettingsFeed } from '../../components/options/use-live-settings';
import { t, uiLocalizer } from '../../lib/i18n';

const OPEN_CARD_COMMAND = 'open-card';
const root = document.getElementById('app')!;
// The page's title, language and first words in the reader's language (index.html has no words).
document.title = t('options.page.title', [t('extName')]);
document.documentElement.lang = uiLocalizer().locale;
render(<p class="loading">{t('options.page.loading')}</p>, root);

function download(fileName: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The settings are read while the catalog loads, not after.
const settings = openSettingsFeed();

loadOptionsData().then(
  (data) => {
    const env: OptionsEnvironment = {
      data,
      settings,
      isFirefox: import.meta.env.FIREFOX,
      readShortcut: async () =>
        (await browser.commands.getAll()).find((command) => command.name === OPEN_CARD_COMMAND)?.shortcut ?? '',
      openShortcutPage: () =>
        // Firefox (137 on) opens its shortcut manager itself; extensions may not open about: pages.
        void (import.meta.env.FIREFOX
          ? (browser.commands as unknown as { openShortcutSettings(): Promise<void> }).openShortcutSettings()
          : browser.tabs.create({ url: 'chrome://extensions/shortcuts' })),
      download,
      reminders: {
        requestPermission: () => browser.permissions.request({ permissions: ['notifications'] }),
        overview: () => messenger.sendMessage('getReminders', undefined),
        watchShown: (onShown) => {
          const listener = (changes: Record<string, unknown>, area: string) => {
            if (area === 'local' && RECENT_REMINDERS_KEY in changes) onShown();
          };
          browser.storage.onChanged.addListener(listener);
          return () => browser.storage.onChanged.removeListener(listener);
        },
      },
    };
    render(<App env={env} />, root);
  },
  (error: Error) => render(<p role="alert">{t('options.page.loadFailed', [t('extName'), error.message])}</p>, root),
);

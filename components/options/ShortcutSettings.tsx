import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

// Browser addresses, shown as code (not words to translate).
const FIREFOX_SHORTCUTS = 'about:addons';
const CHROME_SHORTCUTS = 'chrome://extensions/shortcuts';
/** Stands for the address in a message, which is then cut around it (a private-use character). */
const SLOT = '\uE000';

/** A message with its $1 shown as code: "(<code>about:addons</code>, the gear menu, …)." */
function withCode(message: (slot: string) => string, code: string) {
  const [before, after = ''] = message(SLOT).split(SLOT);
  return (
    <>
      {before}
      <code>{code}</code>
      {after}
    </>
  );
}

export interface ShortcutSettingsProps {
  /** The shortcut set for the hover card (`Alt+Shift+D`), '' when none, undefined while loading. */
  shortcut: string | undefined;
  isFirefox: boolean;
  /** Opens the browser's shortcut page (pages cannot link to chrome:// or about: addresses). */
  onOpenShortcutPage: () => void;
}

/** The hover card's keyboard shortcut and where to change it. */
export function ShortcutSettings({ shortcut, isFirefox, onOpenShortcutPage }: ShortcutSettingsProps) {
  return (
    <div class="shortcut-settings">
      <p class="shortcut-line" data-testid="shortcut">
        {t('options.shortcut.line')}{' '}
        {shortcut === undefined ? (
          <span class="muted">…</span>
        ) : shortcut === '' ? (
          <strong>{t('options.shortcut.none')}</strong>
        ) : (
          <span class="keys">
            {shortcut.split('+').map((key, i) => (
              <Fragment key={key}>
                {i > 0 && '+'}
                <kbd>{key}</kbd>
              </Fragment>
            ))}
          </span>
        )}
      </p>
      {isFirefox ? (
        <p class="hint">
          <button type="button" class="link-button" onClick={onOpenShortcutPage}>
            {t('options.shortcut.firefoxButton')}
          </button>{' '}
          {withCode((slot) => t('options.shortcut.firefoxWhere', [slot]), FIREFOX_SHORTCUTS)}
        </p>
      ) : (
        <p class="hint">
          <button type="button" class="link-button" onClick={onOpenShortcutPage}>
            {t('options.shortcut.chromeButton')}
          </button>{' '}
          {withCode((slot) => t('options.shortcut.chromeWhere', [slot]), CHROME_SHORTCUTS)}
        </p>
      )}
    </div>
  );
}

/** Reads the shortcut, and again when the reader comes back (perhaps from the shortcuts page). */
export function useShortcut(read: () => Promise<string>): string | undefined {
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);
  useEffect(() => {
    const refresh = () => void read().then(setShortcut, () => setShortcut(''));
    refresh();
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [read]);
  return shortcut;
}

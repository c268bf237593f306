import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';

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
        Open the card for the name at the cursor:{' '}
        {shortcut === undefined ? (
          <span class="muted">…</span>
        ) : shortcut === '' ? (
          <strong>no shortcut set</strong>
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
            Change it in Firefox’s extension shortcuts
          </button>{' '}
          (<code>about:addons</code>, the gear menu, “Manage Extension Shortcuts”).
        </p>
      ) : (
        <p class="hint">
          <button type="button" class="link-button" onClick={onOpenShortcutPage}>
            Change it on the browser’s shortcuts page
          </button>{' '}
          (<code>chrome://extensions/shortcuts</code>).
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

// The options page's view of the settings: read once, kept live from storage changes (another
// tab, the popup, a card, another device), and saved with the change shown at once.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  readSettings,
  saveSettings,
  SettingsQuotaError,
  watchSettings,
  type SettingKey,
  type Settings,
} from '../../lib/settings';
import { t, uiLocalizer } from '../../lib/i18n';

export interface LiveSettings {
  settings: Settings;
  /** Settings that could not be read when the page opened (they use their defaults). */
  unreadable: SettingKey[];
  /** Saves a change; resolves to an error message when it could not be saved. */
  save: (patch: Partial<Settings>) => Promise<string | undefined>;
}

/**
 * The settings as first read, and every change after: started by the page's entry before its
 * data has loaded, so the read runs alongside the catalog's, and no change in between is lost.
 */
export interface SettingsFeed {
  first: Promise<{ settings: Settings; corrupt: SettingKey[] }>;
  /** Calls `listener` with each change (and at once with the latest, if one came already). */
  subscribe(listener: (settings: Settings) => void): () => void;
}

export function openSettingsFeed(): SettingsFeed {
  const listeners = new Set<(settings: Settings) => void>();
  let latest: Settings | undefined;
  watchSettings((next) => {
    latest = next;
    for (const listener of listeners) listener(next);
  });
  const first = readSettings();
  return {
    first: first.then((read) => (latest ? { ...read, settings: latest } : read)),
    subscribe(listener) {
      listeners.add(listener);
      if (latest) listener(latest);
      return () => listeners.delete(listener);
    },
  };
}

export function useLiveSettings(feed: SettingsFeed): LiveSettings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [unreadable, setUnreadable] = useState<SettingKey[]>([]);
  // While this page's own writes are in flight, storage events carry older states: skip them.
  const pendingWrites = useRef(0);

  useEffect(() => {
    let alive = true;
    let unwatch = () => {};
    void feed.first.then(({ settings: first, corrupt }) => {
      if (!alive) return;
      setSettings(first);
      setUnreadable(corrupt);
      unwatch = feed.subscribe((next) => {
        if (alive && pendingWrites.current === 0) setSettings(next);
      });
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, [feed]);

  const save = useCallback(async (patch: Partial<Settings>) => {
    pendingWrites.current++;
    setSettings((current) => current && { ...current, ...patch });
    let error: string | undefined;
    try {
      await saveSettings(patch);
    } catch (e) {
      // What storage refused says why in the reader's words; anything else, the browser's.
      error =
        e instanceof SettingsQuotaError
          ? e.reason(uiLocalizer())
          : t('settings.notSaved.other', [e instanceof Error ? e.message : String(e)]);
    } finally {
      pendingWrites.current--;
    }
    // Settle on what storage holds (also undoes a change that could not be saved).
    if (pendingWrites.current === 0) setSettings((await readSettings()).settings);
    return error;
  }, []);

  return settings && { settings, unreadable, save };
}

// The options page's view of the settings: read once, kept live from storage changes (another
// tab, the popup, a card, another device), and saved with the change shown at once.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { readSettings, saveSettings, watchSettings, type SettingKey, type Settings } from '../../lib/settings';

export interface LiveSettings {
  settings: Settings;
  /** Settings that could not be read when the page opened (they use their defaults). */
  unreadable: SettingKey[];
  /** Saves a change; resolves to an error message when it could not be saved. */
  save: (patch: Partial<Settings>) => Promise<string | undefined>;
}

export function useLiveSettings(): LiveSettings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [unreadable, setUnreadable] = useState<SettingKey[]>([]);
  // While this page's own writes are in flight, storage events carry older states: skip them.
  const pendingWrites = useRef(0);

  useEffect(() => {
    let alive = true;
    void readSettings().then(({ settings: first, corrupt }) => {
      if (!alive) return;
      setSettings(first);
      setUnreadable(corrupt);
    });
    const unwatch = watchSettings((next) => {
      if (alive && pendingWrites.current === 0) setSettings(next);
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, []);

  const save = useCallback(async (patch: Partial<Settings>) => {
    pendingWrites.current++;
    setSettings((current) => current && { ...current, ...patch });
    let error: string | undefined;
    try {
      await saveSettings(patch);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    } finally {
      pendingWrites.current--;
    }
    // Settle on what storage holds (also undoes a change that could not be saved).
    if (pendingWrites.current === 0) setSettings((await readSettings()).settings);
    return error;
  }, []);

  return settings && { settings, unreadable, save };
}

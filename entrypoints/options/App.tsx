import { useCallback, useMemo, useState } from 'preact/hooks';
import { dramaRows } from '../../components/options/drama-rows';
import { DramaTracker } from '../../components/options/DramaTracker';
import { HighlightSettings } from '../../components/options/HighlightSettings';
import { OptionsSection } from '../../components/options/OptionsSection';
import { SettingsBackup } from '../../components/options/SettingsBackup';
import { ShortcutSettings, useShortcut } from '../../components/options/ShortcutSettings';
import { SiteList } from '../../components/options/SiteList';
import { TimeSettings } from '../../components/options/TimeSettings';
import { useLiveSettings } from '../../components/options/use-live-settings';
import { rebalanceTracking, settingLabels, type Settings } from '../../lib/settings';
import {
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  settingsFileName,
  settingsFileText,
} from '../../lib/settings/settings-file';
import type { ExtensionData } from '../../lib/ui/extension-data';

export interface OptionsEnvironment {
  data: ExtensionData;
  isFirefox: boolean;
  readShortcut: () => Promise<string>;
  openShortcutPage: () => void;
  download: (fileName: string, text: string) => void;
}

export function App({ env }: { env: OptionsEnvironment }) {
  const live = useLiveSettings();
  const { data } = env;
  const rows = useMemo(() => dramaRows(data.index.dramas, data.clock.now(), data.timeZone), [data]);
  const shortcut = useShortcut(env.readShortcut);
  const [noticeDismissed, setNoticeDismissed] = useState(false);

  const importFile = useCallback(
    async (file: File) => {
      if (!live) return { ok: false, message: 'Settings are still loading.' };
      if (file.size > MAX_SETTINGS_FILE_BYTES) {
        return { ok: false, message: 'This file is far too large to be Dramalens settings. Nothing was changed.' };
      }
      const parsed = parseSettingsFile(await file.text());
      if (!parsed.ok) return { ok: false, message: parsed.error };
      const patch: Partial<Settings> = { ...parsed.settings };
      if (patch.tracking)
        patch.tracking = rebalanceTracking(
          patch.tracking,
          rows.map((row) => row.id),
        );
      const error = await live.save(patch);
      if (error) return { ok: false, message: `${error} Nothing was changed.` };
      const migrated = parsed.fromVersion < 2 ? ' It came from an older Dramalens and was brought up to date.' : '';
      return { ok: true, message: `Imported settings from ${file.name}.${migrated}` };
    },
    [live, rows],
  );

  if (!live) return <p class="loading muted">Loading settings…</p>;
  const { settings, unreadable, save } = live;

  return (
    <>
      <header class="page-header">
        <div class="page-header-inner">
          <h1>
            <span class="logo" aria-hidden="true">
              ◐
            </span>{' '}
            Dramalens settings
          </h1>
          <nav aria-label="Sections">
            <a href="#dramas">Dramas</a>
            <a href="#highlighting">Highlighting</a>
            <a href="#sites">Sites</a>
            <a href="#time">Time</a>
            <a href="#shortcut">Shortcut</a>
            <a href="#backup">Backup</a>
          </nav>
        </div>
      </header>
      <main>
        {unreadable.length > 0 && !noticeDismissed && (
          <div class="notice" role="alert" data-testid="unreadable-notice">
            <p>
              Some saved settings could not be read, so Dramalens is using their defaults:{' '}
              {unreadable.map((key) => settingLabels[key]).join(', ')}. Changing them here saves them afresh.
            </p>
            <button type="button" class="small" onClick={() => setNoticeDismissed(true)}>
              OK
            </button>
          </div>
        )}
        <p class="intro muted">Changes are saved at once and apply to open tabs right away.</p>

        <OptionsSection
          id="dramas"
          title="Tracked dramas"
          description="Dramalens highlights tracked dramas and their cast."
        >
          <DramaTracker rows={rows} tracking={settings.tracking} onChange={(tracking) => void save({ tracking })} />
        </OptionsSection>

        <OptionsSection id="highlighting" title="Highlighting">
          <HighlightSettings
            enabled={settings.enabled}
            display={settings.display}
            onEnabledChange={(enabled) => void save({ enabled })}
            onDisplayChange={(display) => void save({ display })}
          />
        </OptionsSection>

        <OptionsSection id="sites" title="Sites where Dramalens is off">
          <SiteList sites={settings.disabledSites} onChange={(disabledSites) => save({ disabledSites })} />
        </OptionsSection>

        <OptionsSection id="time" title="Time">
          <TimeSettings
            display={settings.display}
            viewerTimeZone={data.timeZone}
            onChange={(display) => void save({ display })}
          />
        </OptionsSection>

        <OptionsSection id="shortcut" title="Keyboard shortcut">
          <ShortcutSettings shortcut={shortcut} isFirefox={env.isFirefox} onOpenShortcutPage={env.openShortcutPage} />
        </OptionsSection>

        <OptionsSection
          id="backup"
          title="Backup"
          description="Save your settings to a file, or bring them back from one (also from older Dramalens versions)."
        >
          <SettingsBackup
            onExport={() => {
              const now = new Date();
              env.download(settingsFileName(now), settingsFileText(settings, now));
            }}
            onImport={importFile}
          />
        </OptionsSection>
      </main>
    </>
  );
}

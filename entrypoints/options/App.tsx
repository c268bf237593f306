import { listOfSettings } from '../../lib/settings/setting-names';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { dramaRows } from '../../components/options/drama-rows';
import { MyDramas } from '../../components/options/MyDramas';
import { HighlightSettings } from '../../components/options/HighlightSettings';
import { OptionsSection } from '../../components/options/OptionsSection';
import { SettingsBackup } from '../../components/options/SettingsBackup';
import { ShortcutSettings, useShortcut } from '../../components/options/ShortcutSettings';
import { SiteList } from '../../components/options/SiteList';
import { TimeSettings } from '../../components/options/TimeSettings';
import { WatchlistTransfer } from '../../components/options/WatchlistTransfer';
import { CalendarExport } from '../../components/options/CalendarExport';
import { ReminderSettings, type ReminderEnvironment } from '../../components/options/ReminderSettings';
import { useLiveSettings, type SettingsFeed } from '../../components/options/use-live-settings';
import { SETTINGS_VERSION, type Settings } from '../../lib/settings';
import { t, uiLocalizer } from '../../lib/i18n';
import {
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  settingsFileName,
  settingsFileText,
} from '../../lib/settings/settings-file';
import { watchlistCsv } from '../../lib/settings/watchlist-csv';
import type { PersonEntry } from '../../lib/index/types';
import type { OptionsData } from '../../lib/ui/extension-data';

export interface OptionsEnvironment {
  data: OptionsData;
  settings: SettingsFeed;
  isFirefox: boolean;
  readShortcut: () => Promise<string>;
  openShortcutPage: () => void;
  download: (fileName: string, text: string, type?: string) => void;
  reminders: ReminderEnvironment;
}

export function App({ env }: { env: OptionsEnvironment }) {
  const live = useLiveSettings(env.settings);
  const { data } = env;
  const rows = useMemo(() => dramaRows(data.catalog.dramas, data.clock.now(), data.timeZone), [data]);
  const catalog = data.catalog.dramas;
  // Actors' names come with the full index, read once the page is up (muted actors, actor search).
  const [people, setPeople] = useState<PersonEntry[] | null>(null);
  useEffect(() => {
    const later = setTimeout(() => void data.index().then((index) => setPeople(index.people)), 0);
    return () => clearTimeout(later);
  }, [data]);
  const exportCalendar = async (dramaIds: string[]) => {
    const [sources, { dramaCalendar }] = await Promise.all([data.sources(), import('../../lib/schedule/ics-export')]);
    const byId = new Map(catalog.map((d) => [d.id, d]));
    const dramas = dramaIds.flatMap((id) => {
      const drama = byId.get(id);
      return drama ? [{ ...drama, sources: sources[id] ?? [] }] : [];
    });
    const calendar = dramaCalendar(dramas, data.clock.now(), uiLocalizer());
    if (calendar.events > 0) {
      const name = dramas.length === 1 ? dramas[0].id : 'my-dramas';
      env.download(`dramalens-${name}.ics`, calendar.text, 'text/calendar');
    }
    return calendar;
  };
  const titleById = useMemo(() => new Map(catalog.map((d) => [d.id, d.title])), [catalog]);
  const personNames = useMemo(() => new Map((people ?? []).map((p) => [p.id, p.name])), [people]);
  const shortcut = useShortcut(env.readShortcut);
  // The drama list paints first; the sections below it follow in the next frame.
  const [restShown, setRestShown] = useState(false);
  useEffect(() => {
    if (!live || restShown) return;
    const frame = requestAnimationFrame(() => setRestShown(true));
    return () => cancelAnimationFrame(frame);
  }, [live !== null]);
  // A link to a later section (options.html#backup) finds it once it is there.
  useEffect(() => {
    if (restShown && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [restShown]);
  const [noticeDismissed, setNoticeDismissed] = useState(false);
  const brand = t('extName');

  const importFile = useCallback(
    async (file: File) => {
      if (!live) return { ok: false, message: t('options.backup.stillLoading') };
      if (file.size > MAX_SETTINGS_FILE_BYTES) {
        return { ok: false, message: t('options.backup.tooLarge', [t('extName')]) };
      }
      const parsed = parseSettingsFile(await file.text());
      if (!parsed.ok) return { ok: false, message: parsed.error(uiLocalizer()) };
      const patch: Partial<Settings> = { ...parsed.settings };
      const error = await live.save(patch);
      if (error) return { ok: false, message: t('options.common.nothingChanged', [error]) };
      const imported = t('options.backup.imported', [file.name]);
      const migrated = parsed.fromVersion < SETTINGS_VERSION ? t('options.backup.migrated', [t('extName')]) : '';
      return { ok: true, message: migrated ? `${imported} ${migrated}` : imported };
    },
    [live],
  );

  // One object per change of follows or mutes, so the list refilters only when they change.
  const library = useMemo(
    () => live && { follows: live.settings.follows, muted: live.settings.muted },
    [live?.settings.follows, live?.settings.muted],
  );
  if (!live || !library) return <p class="loading muted">{t('options.page.loading')}</p>;
  const { settings, unreadable, save } = live;

  return (
    <>
      <header class="page-header">
        <div class="page-header-inner">
          <h1>
            <span class="logo" aria-hidden="true">
              ◐
            </span>{' '}
            {t('options.page.title', [brand])}
          </h1>
          <nav aria-label={t('options.nav.label')}>
            <a href="#dramas">{t('options.nav.dramas')}</a>
            <a href="#watchlist">{t('options.nav.watchlist')}</a>
            <a href="#reminders">{t('options.nav.reminders')}</a>
            <a href="#highlighting">{t('options.nav.highlighting')}</a>
            <a href="#sites">{t('options.nav.sites')}</a>
            <a href="#time">{t('options.nav.time')}</a>
            <a href="#shortcut">{t('options.nav.shortcut')}</a>
            <a href="#backup">{t('options.nav.backup')}</a>
          </nav>
        </div>
      </header>
      <main>
        {unreadable.length > 0 && !noticeDismissed && (
          <div class="notice" role="alert" data-testid="unreadable-notice">
            <p>{t('options.page.unreadable', [brand, listOfSettings(unreadable)(uiLocalizer())])}</p>
            <button type="button" class="small" onClick={() => setNoticeDismissed(true)}>
              {t('options.page.ok')}
            </button>
          </div>
        )}
        <p class="intro muted">{t('options.page.intro')}</p>

        <OptionsSection id="dramas" title={t('options.section.dramas')} description={t('options.section.dramasText')}>
          <MyDramas
            rows={rows}
            library={library}
            highlightScope={settings.highlightScope}
            onChange={(patch) => void save(patch)}
            onScopeChange={(highlightScope) => void save({ highlightScope })}
            personName={(id) => personNames.get(id)}
            people={people}
            onCalendar={(id) => void exportCalendar([id])}
          />
        </OptionsSection>

        {restShown && (
          <>
            <OptionsSection
              id="watchlist"
              title={t('options.section.watchlist')}
              description={t('options.section.watchlistText')}
            >
              <WatchlistTransfer
                catalog={catalog}
                follows={settings.follows}
                onExport={() => {
                  const now = new Date();
                  env.download(
                    `dramalens-watchlist-${now.toISOString().slice(0, 10)}.csv`,
                    watchlistCsv(settings.follows, catalog),
                    'text/csv',
                  );
                }}
                onSave={(follows) => save({ follows })}
              />
              <CalendarExport
                followed={Object.keys(settings.follows).filter((id) => settings.follows[id].status !== 'dropped')}
                onExport={exportCalendar}
              />
            </OptionsSection>

            <OptionsSection
              id="reminders"
              title={t('options.section.reminders')}
              description={t('options.section.remindersText')}
            >
              <ReminderSettings
                reminders={settings.reminders}
                follows={settings.follows}
                display={settings.display}
                timeZone={data.timeZone}
                now={() => data.clock.now()}
                titleOf={(id) => titleById.get(id)}
                env={env.reminders}
                onChange={save}
              />
            </OptionsSection>

            <OptionsSection id="highlighting" title={t('options.section.highlighting')}>
              <HighlightSettings
                enabled={settings.enabled}
                display={settings.display}
                onEnabledChange={(enabled) => void save({ enabled })}
                onDisplayChange={(display) => void save({ display })}
              />
            </OptionsSection>

            <OptionsSection id="sites" title={t('options.section.sites', [brand])}>
              <SiteList sites={settings.disabledSites} onChange={(disabledSites) => save({ disabledSites })} />
            </OptionsSection>

            <OptionsSection id="time" title={t('options.section.time')}>
              <TimeSettings
                display={settings.display}
                viewerTimeZone={data.timeZone}
                onChange={(display) => void save({ display })}
              />
            </OptionsSection>

            <OptionsSection id="shortcut" title={t('options.section.shortcut')}>
              <ShortcutSettings
                shortcut={shortcut}
                isFirefox={env.isFirefox}
                onOpenShortcutPage={env.openShortcutPage}
              />
            </OptionsSection>

            <OptionsSection
              id="backup"
              title={t('options.section.backup')}
              description={t('options.section.backupText', [brand])}
            >
              <SettingsBackup
                onExport={() => {
                  const now = new Date();
                  env.download(settingsFileName(now), settingsFileText(settings, now));
                }}
                onImport={importFile}
              />
            </OptionsSection>
          </>
        )}
      </main>
    </>
  );
}

// Reader settings, kept in storage.sync as typed, versioned WXT storage items. Every context
// reads them through `readSettings` (which never throws: a corrupt value falls back to its
// default) and re-applies live through `watchSettings`.
export {
  DEFAULT_SETTINGS,
  HOVER_DELAY_LIMITS,
  SETTING_KEYS,
  SETTINGS_VERSION,
  settingLabels,
  type DisplaySettings,
  type SettingKey,
  type Settings,
  type TimeDisplay,
} from './schema';
export { isDramaTracked, rebalanceTracking, withDramasTracked, type Tracking } from './tracking';
export { addDisabledSite, hostnameOf, isSiteDisabled, parseSitePattern } from './sites';
export { SettingsQuotaError } from './quota';
export {
  migrateStoredSettings,
  readSettings,
  saveSettings,
  setDramaTracked,
  setSiteDisabled,
  watchSettings,
} from './store';

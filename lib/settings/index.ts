// Reader settings, kept in storage.sync as typed, versioned WXT storage items. Every context
// reads them through `readSettings` (which never throws: a corrupt value falls back to its
// default) and re-applies live through `watchSettings`.
export {
  DEFAULT_SETTINGS,
  HOVER_DELAY_LIMITS,
  REMINDER_LEAD_MINUTES,
  SETTING_KEYS,
  SETTINGS_VERSION,
  type DisplaySettings,
  type HighlightScope,
  type ReminderLead,
  type ReminderSettings,
  type SettingKey,
  type Settings,
  type TimeDisplay,
} from './schema';
export {
  FOLLOW_STATUS_LABELS,
  FOLLOW_STATUSES,
  hasProgress,
  MAX_EPISODE,
  isMuted,
  withFollow,
  withMuted,
  type Follow,
  type Follows,
  type FollowStatus,
  type Muted,
} from './library';
export { addDisabledSite, hostnameOf, isSiteDisabled, parseSitePattern } from './sites';
export { SettingsQuotaError } from './quota';
export {
  migrateStoredSettings,
  readSettings,
  saveSettings,
  setFollow,
  setMuted,
  setSiteDisabled,
  watchSettings,
} from './store';

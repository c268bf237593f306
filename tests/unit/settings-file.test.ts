import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { parseSettingsFile, settingsFileName, settingsFileText } from '../../lib/settings/settings-file';
import { uiLocalizer } from '../../lib/i18n';

const fixtureText = (version: number) =>
  readFileSync(path.resolve(import.meta.dirname, `../fixtures/settings/v${version}.json`), 'utf8');

const custom: Settings = {
  enabled: false,
  follows: {
    goblin: { status: 'completed' },
    nevertheless: { status: 'watching', episode: 7, remind: true },
    'lovely-runner': { status: 'plan', remind: false },
  },
  muted: { dramas: ['signal'], people: ['iu'] },
  highlightScope: 'followed',
  disabledSites: ['soompi.com', '127.0.0.1'],
  display: { timeDisplay: 'local', hourCycle: 24, hoverDelayMs: 250, dramaColor: 'rose', actorColor: 'mint' },
  reminders: { byDefault: true, leadMinutes: 15 },
};

const rejected = (text: string) => {
  const result = parseSettingsFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error(uiLocalizer());
};

describe('settings files', () => {
  it('round-trips every setting', () => {
    const text = settingsFileText(custom, new Date('2026-03-01T10:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'dramalens-settings',
      version: 4,
      exportedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings: custom, fromVersion: 4 });
    expect(settingsFileName(new Date('2026-03-01T10:00:00Z'))).toBe('dramalens-settings-2026-03-01.json');
  });

  it('round-trips a mute list that needs overflow items', () => {
    const dramas = Array.from({ length: 3000 }, (_, i) => `drama-${i}`).sort();
    const text = settingsFileText({ ...DEFAULT_SETTINGS, muted: { dramas, people: [] } }, new Date());
    const result = parseSettingsFile(text);
    expect(result.ok && result.settings.muted).toEqual({ dramas, people: [] });
  });

  it('migrates a file from settings version 1', () => {
    const result = parseSettingsFile(fixtureText(1));
    expect(result).toEqual({
      ok: true,
      fromVersion: 1,
      settings: {
        enabled: false,
        follows: {},
        muted: { dramas: ['goblin', 'nevertheless'], people: [] },
        highlightScope: 'all',
        disabledSites: ['soompi.com', 'example.org', '127.0.0.1'],
        display: { timeDisplay: 'kst', hourCycle: 24, hoverDelayMs: 2000, dramaColor: 'violet', actorColor: 'sky' },
      },
    });
  });

  it('migrates a file from settings version 2: tracking becomes follows and mutes', () => {
    const result = parseSettingsFile(fixtureText(2));
    expect(result.ok && result.settings.muted).toEqual({ dramas: ['goblin', 'nevertheless'], people: [] });
    const only = JSON.stringify({
      format: 'dramalens-settings',
      version: 2,
      items: { tracking: { mode: 'only', ids: 'goblin', overflow: 0 } },
    });
    expect(parseSettingsFile(only)).toEqual({
      ok: true,
      fromVersion: 2,
      settings: {
        follows: { goblin: { status: 'watching' } },
        muted: { dramas: [], people: [] },
        highlightScope: 'followed',
      },
    });
  });

  it('imports only the settings a file holds', () => {
    const text = JSON.stringify({ format: 'dramalens-settings', version: 2, items: { enabled: false } });
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings: { enabled: false }, fromVersion: 2 });
  });

  it.each([
    ['broken JSON', '{"format": "dramalens-settings", "version": 2,', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['another extension’s file', '{"theme":"dark","version":2}', /not a Dramalens settings file/],
    ['a JSON array', '[1,2,3]', /not a Dramalens settings file/],
    [
      'a file from a newer Dramalens',
      '{"format":"dramalens-settings","version":9,"items":{}}',
      /newer Dramalens.*version 9/,
    ],
    ['no items', '{"format":"dramalens-settings","version":2}', /damaged/],
    ['a version that is not a number', '{"format":"dramalens-settings","version":"2","items":{}}', /damaged/],
    ['no known settings', '{"format":"dramalens-settings","version":2,"items":{"colour":"red"}}', /holds no settings/],
    [
      'an invalid colour',
      JSON.stringify({
        format: 'dramalens-settings',
        version: 2,
        items: { display: { ...custom.display, actorColor: 'plaid' } },
      }),
      /colours, hover delay and time format.*not valid/,
    ],
    [
      'a follow list with a malformed entry',
      JSON.stringify({
        format: 'dramalens-settings',
        version: 3,
        items: { follows: { list: 'goblin:w:0', overflow: 0 } },
      }),
      /the list of followed dramas is not valid/,
    ],
    [
      'a tracking list whose overflow is missing',
      JSON.stringify({
        format: 'dramalens-settings',
        version: 2,
        items: { enabled: true, tracking: { mode: 'only', ids: 'a', overflow: 2, checksum: '00000000' } },
      }),
      /the tracked dramas list is not valid/,
    ],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const error = rejected(text);
    expect(error).toMatch(message);
    expect(error).toMatch(/Nothing was changed\.$/);
  });
});

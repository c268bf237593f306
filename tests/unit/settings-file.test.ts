import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { parseSettingsFile, settingsFileName, settingsFileText } from '../../lib/settings/settings-file';

const fixtureText = (version: number) =>
  readFileSync(path.resolve(import.meta.dirname, `../fixtures/settings/v${version}.json`), 'utf8');

const custom: Settings = {
  enabled: false,
  tracking: { mode: 'only', ids: ['goblin', 'nevertheless'] },
  disabledSites: ['soompi.com', '127.0.0.1'],
  display: { timeDisplay: 'local', hourCycle: 24, hoverDelayMs: 250, dramaColor: 'rose', actorColor: 'mint' },
};

const rejected = (text: string) => {
  const result = parseSettingsFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

describe('settings files', () => {
  it('round-trips every setting', () => {
    const text = settingsFileText(custom, new Date('2026-03-01T10:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'dramalens-settings',
      version: 2,
      exportedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings: custom, fromVersion: 2 });
    expect(settingsFileName(new Date('2026-03-01T10:00:00Z'))).toBe('dramalens-settings-2026-03-01.json');
  });

  it('round-trips a tracking list that needs overflow items', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `drama-${i}`).sort();
    const text = settingsFileText({ ...DEFAULT_SETTINGS, tracking: { mode: 'all-except', ids } }, new Date());
    const result = parseSettingsFile(text);
    expect(result.ok && result.settings.tracking).toEqual({ mode: 'all-except', ids });
  });

  it('migrates a file from settings version 1', () => {
    const result = parseSettingsFile(fixtureText(1));
    expect(result).toEqual({
      ok: true,
      fromVersion: 1,
      settings: {
        enabled: false,
        tracking: { mode: 'all-except', ids: ['goblin', 'nevertheless'] },
        disabledSites: ['soompi.com', 'example.org', '127.0.0.1'],
        display: { timeDisplay: 'kst', hourCycle: 24, hoverDelayMs: 2000, dramaColor: 'violet', actorColor: 'sky' },
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
      'a tracking list whose overflow is missing',
      JSON.stringify({
        format: 'dramalens-settings',
        version: 2,
        items: { enabled: true, tracking: { mode: 'only', ids: 'a', overflow: 2, checksum: '00000000' } },
      }),
      /the tracked dramas is not valid/,
    ],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const error = rejected(text);
    expect(error).toMatch(message);
    expect(error).toMatch(/Nothing was changed\.$/);
  });
});

// The built manifests ask for exactly these permissions (README, "Permissions and privacy"
// says why each): no `tabs` (Chrome's "Read your browsing history"), no host permissions beyond
// the content script's pages, and notifications only as optional (asked for when the reader turns
// episode reminders on). Run after `npm run build`, as `npm test` is.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = path.resolve(import.meta.dirname, '../..', process.env.DRAMALENS_OUT ?? '.output');
const ICON_SIZES = ['16', '32', '48', '96', '128'];

function manifest(build: 'chrome-mv3' | 'firefox-mv2'): Record<string, unknown> {
  const file = path.join(OUT, build, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No ${file}: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe.each(['chrome-mv3', 'firefox-mv2'] as const)('the %s manifest', (build) => {
  it('asks for storage, activeTab and alarms, with notifications optional, nothing else', () => {
    const m = manifest(build);
    expect(m.permissions).toEqual(['storage', 'activeTab', 'alarms']);
    expect(m.optional_permissions).toEqual(['notifications']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toBeUndefined();
  });

  it('names and describes itself in English and Korean, from the locale catalogues', () => {
    const m = manifest(build);
    expect(m.default_locale).toBe('en');
    const used = [
      m.name,
      m.description,
      (m.commands as Record<string, { description: string }>)['open-card'].description,
      ((m.action ?? m.browser_action) as { default_title: string }).default_title,
    ];
    const messages = (lang: string) =>
      JSON.parse(readFileSync(path.join(OUT, build, '_locales', lang, 'messages.json'), 'utf8')) as Record<
        string,
        { message: string }
      >;
    const en = messages('en');
    const ko = messages('ko');
    // Both catalogues hold the same keys, and every manifest string is one of them.
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const value of used) {
      const key = /^__MSG_(\w+)__$/.exec(String(value))?.[1];
      expect(key, `${String(value)} is not a message`).toBeDefined();
      expect(en[key!]?.message).toBeTruthy();
      expect(ko[key!]?.message).toBeTruthy();
    }
    // The Korean description is Korean (and within Chrome's 132 characters).
    expect(ko.extDescription.message).toMatch(/[가-힣]/);
    expect(ko.extDescription.message.length).toBeLessThanOrEqual(132);
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
  });

  it('lists an icon at every size the stores ask for, each a file of the build', () => {
    const icons = manifest(build).icons as Record<string, string>;
    expect(Object.keys(icons)).toEqual(ICON_SIZES);
    for (const file of Object.values(icons)) expect(existsSync(path.join(OUT, build, file))).toBe(true);
  });
});

describe('Firefox specifics', () => {
  it('has a fixed add-on id, the oldest Firefox with the CSS Custom Highlight API, and collects no data', () => {
    expect(manifest('firefox-mv2').browser_specific_settings).toEqual({
      gecko: {
        id: 'dramalens@example.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('leaves the Gecko settings out of the Chrome build', () => {
    expect(manifest('chrome-mv3').browser_specific_settings).toBeUndefined();
  });
});

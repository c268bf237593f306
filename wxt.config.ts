import { readdirSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { CARD_SHARD_DIR } from './lib/index/card-shards';
import preact from '@preact/preset-vite';
import { buildIndexFiles } from './scripts/index-builder';
import { noHtmlSinkVite } from './scripts/no-html-sink';
import { buildPageModules, PAGE_MODULE_DIR } from './scripts/page-modules/build';

const ROOT = import.meta.dirname;
/**
 * `activeTab`: the popup reads the URL of the tab the reader opened it on (no install warning).
 * `alarms`: episode reminders wake the background at the episode's time (no install warning).
 * `notifications` is optional: asked for when the reader turns reminders on.
 */
const EXTENSION_PERMISSIONS = ['storage', 'activeTab', 'alarms'] as const;
const OPTIONAL_PERMISSIONS = ['notifications'] as const;
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';
/** What content scripts load from the extension: the page modules and the highlight styles (for shadow roots). The dictionary stays with the background, which matches every page's text. */
const PAGE_RESOURCES = [`${PAGE_MODULE_DIR}/*`, 'content-highlights.css'];

// Every build regenerates the bundled index from data/ first, so a build can never ship stale data.
export default defineConfig({
  // DRAMALENS_OUT lets parallel checkouts/sessions build side by side; the default is .output.
  outDir: process.env.DRAMALENS_OUT ?? '.output',
  imports: false,
  // The Firefox sources zip AMO review asks for (`wxt zip -b firefox`, run by `npm run build`):
  // what `npm ci && npm run build` needs, none of its outputs, tests or benchmarks. The build
  // reads nothing outside the repository (data/imported/dramadb.json is the committed import).
  zip: {
    excludeSources: ['generated/**', 'artifacts/**', 'scratch/**', '.output*/**', 'tests/**', 'bench/**', 'docs/**'],
  },
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  hooks: {
    'build:before': async () => {
      await buildIndexFiles({ root: ROOT, log: (line) => console.log(line) });
    },
    // The full index ships as a file the background and extension pages read on demand; the
    // dictionary and the page modules as files content scripts load when a frame needs them.
    'build:publicAssets': async (_wxt, files) => {
      files.push({ absoluteSrc: `${ROOT}/generated/index.json`, relativeDest: 'index.json' });
      files.push({ absoluteSrc: `${ROOT}/generated/dictionary.bin`, relativeDest: 'dictionary.bin' });
      files.push({ absoluteSrc: `${ROOT}/generated/catalog.json`, relativeDest: 'catalog.json' });
      files.push({ absoluteSrc: `${ROOT}/generated/drama-sources.json`, relativeDest: 'drama-sources.json' });
      for (const shard of readdirSync(`${ROOT}/generated/${CARD_SHARD_DIR}`)) {
        files.push({
          absoluteSrc: `${ROOT}/generated/${CARD_SHARD_DIR}/${shard}`,
          relativeDest: `${CARD_SHARD_DIR}/${shard}`,
        });
      }
      // The index carries data imported from MaybeS/DramaDatabase (MIT): its notice ships too.
      files.push({ absoluteSrc: `${ROOT}/NOTICE`, relativeDest: 'NOTICE.txt' });
      for (const module of await buildPageModules(ROOT)) {
        files.push({ contents: new TextDecoder().decode(module.contents), relativeDest: module.relative });
      }
    },
    // The bootstrap runs in every frame: it gets the browser's own namespace, not the polyfill
    // (which extension pages and the background keep).
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((e) => e.name === 'page-bootstrap')) return;
      viteConfig.resolve ??= {};
      viteConfig.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: `${ROOT}/lib/page/native-browser.ts` },
        ...normalisedAliases(viteConfig.resolve.alias),
      ];
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // The bootstrap (entrypoints/page-bootstrap.ts, built as a plain script) in every frame. The
      // highlight styles go in as its stylesheet: the browser injects it, so a page's CSP cannot
      // block it, and it only holds ::highlight() rules.
      manifest.content_scripts = [
        {
          matches: ['<all_urls>'],
          all_frames: true,
          match_about_blank: true,
          run_at: 'document_idle',
          js: ['page-bootstrap.js'],
          css: ['content-highlights.css'],
        },
      ];
      // Reachable from pages only through a per-session URL (Chromium), so a page cannot probe
      // for the extension by fetching them.
      manifest.web_accessible_resources =
        wxt.config.manifestVersion === 3
          ? [{ resources: PAGE_RESOURCES, matches: ['<all_urls>'], use_dynamic_url: true } as never]
          : (PAGE_RESOURCES as never);
      // The toolbar button's tooltip (until the badge sets one per tab) from the catalogue, not
      // the popup's <title>.
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_extName__';
    },
  },
  manifest: ({ browser }) => ({
    // locales/<lang>.yml (WXT i18n): the stores and the browser show the reader's language.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Why each is needed: README, "Permissions and privacy"; tests/unit/manifest.test.ts pins the list.
    permissions: [...EXTENSION_PERMISSIONS],
    optional_permissions: [...OPTIONAL_PERMISSIONS],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_openCardCommand__',
      },
    },
    // Firefox only (Chrome lists the key as unrecognised). 140: the CSS Custom Highlight API,
    // the newest API the code needs (then `:has()` 121, storage.session 115, adoptedStyleSheets 101).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dramalens@example.org',
              strict_min_version: FIREFOX_MIN_VERSION,
              // Nothing is collected or sent anywhere (AMO asks every new extension to say so).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads that key from 142 on.
            gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact(), noHtmlSinkVite()],
    json: { stringify: true },
    // DRAMALENS_MINIFY=0 keeps function names, for profiling.
    ...(process.env.DRAMALENS_MINIFY === '0' ? { build: { minify: false } } : {}),
  }),
});

type AliasList = { find: string | RegExp; replacement: string }[];
function normalisedAliases(alias: unknown): AliasList {
  if (!alias) return [];
  if (Array.isArray(alias)) return alias as AliasList;
  return Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
}

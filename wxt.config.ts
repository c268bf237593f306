import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildIndexFiles } from './scripts/index-builder';

// Every build regenerates the bundled index from data/ first, so a build can never ship stale data.
export default defineConfig({
  // DRAMALENS_OUT lets parallel checkouts/sessions build side by side; the default is .output.
  outDir: process.env.DRAMALENS_OUT ?? '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'build:before': async () => {
      await buildIndexFiles({ root: import.meta.dirname, log: (line) => console.log(line) });
    },
    // The full index ships as a file the background and extension pages read on demand.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: `${import.meta.dirname}/generated/index.json`, relativeDest: 'index.json' });
    },
    // Highlight styles go in as a content-script stylesheet: the browser injects it, so a page's
    // CSP cannot block it, and it only holds ::highlight() rules.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        script.css = [...(script.css ?? []), 'content-highlights.css'];
      }
    },
  },
  manifest: {
    name: 'Dramalens',
    description:
      'Highlights K-drama titles and actors on the pages you read, with air times and fan news. No network requests, no tracking.',
    permissions: ['storage', 'tabs'],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: 'Open the Dramalens card for the name at the cursor (press again for the next name)',
      },
    },
    browser_specific_settings: { gecko: { id: 'dramalens@example.org', strict_min_version: '128.0' } },
  },
  vite: () => ({
    plugins: [preact()],
    json: { stringify: true },
  }),
});

// Builds the page side's on-demand modules as ES modules, which WXT does not do for content
// scripts: the engine (every frame with text), the names module (frames with names) and the
// card (the first hover). The bootstrap content script imports the engine by URL, the engine
// the names module, the names module the card, each by its extension URL. Each is
// one self-contained file: what they would share is a few hundred bytes, and a shared chunk
// would cost every frame an extra request and its own compression overhead. Run by every WXT
// build (wxt.config.ts).
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PAGE_MODULE_DIR } from '../../lib/page/module-url';
import { noHtmlSinkEsbuild } from '../no-html-sink';

export { PAGE_MODULE_DIR };
/** Each module's entry file; it is written to `page/<name>.js`. */
export const PAGE_MODULES = {
  engine: 'lib/page/engine/index.ts',
  names: 'lib/page/names/index.ts',
  card: 'lib/page/card/index.tsx',
} as const;

/** `import css from './x.css?raw'` as in Vite: the file's text. */
const rawText: Plugin = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      namespace: 'raw-text',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/**
 * dayjs is a CommonJS bundle without a `sideEffects` field, so esbuild keeps it whenever a module
 * imports it, used or not. Its only side effect is registering plugins, which lib/schedule/calendar.ts
 * does on first use; marked side-effect free it is left out of modules that convert no wall time
 * to an instant (the card formats air times without it).
 */
const dayjsWithoutSideEffects: Plugin = {
  name: 'dayjs-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /^dayjs(?:\/|$)/ }, async (args) => {
      if (args.pluginData === dayjsWithoutSideEffects) return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: dayjsWithoutSideEffects,
      });
      return resolved.errors.length > 0 ? undefined : { ...resolved, sideEffects: false };
    });
  },
};

export interface PageModuleFile {
  /** Path inside the extension, e.g. `page/engine.js`. */
  relative: string;
  contents: Uint8Array;
}

export async function buildPageModules(root: string, options: { minify?: boolean } = {}): Promise<PageModuleFile[]> {
  const outdir = path.join(root, '.page-modules'); // never written: write: false
  const files: PageModuleFile[] = [];
  for (const [name, entry] of Object.entries(PAGE_MODULES)) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: { [name]: path.join(root, entry) },
      bundle: true,
      format: 'esm',
      write: false,
      outdir,
      minify: options.minify ?? process.env.DRAMALENS_MINIFY !== '0',
      target: ['chrome130', 'firefox140'],
      jsx: 'automatic',
      jsxImportSource: 'preact',
      legalComments: 'none',
      plugins: [rawText, dayjsWithoutSideEffects, noHtmlSinkEsbuild],
      // The page side talks to the browser's own namespace (lib/page/extension-api.ts); WXT's UI
      // helpers ask `wxt/browser` for the same, so they get it without the polyfill.
      alias: { 'wxt/browser': path.join(root, 'lib/page/native-browser.ts') },
      define: {
        'import.meta.env.MODE': '"production"',
        'import.meta.env.DEV': 'false',
        'import.meta.env.ENTRYPOINT': '"content"',
      },
    });
    if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.text).join('\n'));
    for (const file of result.outputFiles) {
      files.push({ relative: `${PAGE_MODULE_DIR}/${path.basename(file.path)}`, contents: file.contents });
    }
  }
  return files;
}

// Preact sets `innerHTML` from the `dangerouslySetInnerHTML` prop. Dramalens never uses that prop
// (names, news titles and notes are all rendered as text), so both builds (Vite for the extension
// pages, esbuild for the page modules) take the assignment out of Preact: no string can become
// markup in any Dramalens context, and AMO's linter (`web-ext lint`) has no unsanitised
// `innerHTML` left to report. A Preact update that changes the code fails the build here.
import type { Plugin as EsbuildPlugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import type { Plugin as VitePlugin } from 'vite';

const PREACT_CORE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
const SINK = /\(\w+\.innerHTML=\w+\.__html\)/g;
const REFUSAL = '(()=>{throw new Error("Dramalens renders no HTML strings (dangerouslySetInnerHTML)")})()';

export function withoutHtmlSink(code: string, file: string): string {
  const found = code.match(SINK)?.length ?? 0;
  if (found !== 1) {
    throw new Error(`${file}: expected Preact's one innerHTML assignment, found ${found}; see scripts/no-html-sink.ts`);
  }
  return code.replace(SINK, REFUSAL);
}

export const noHtmlSinkVite = (): VitePlugin => ({
  name: 'dramalens:no-html-sink',
  transform(code, id) {
    const file = id.split('?', 1)[0];
    return PREACT_CORE.test(file) ? { code: withoutHtmlSink(code, file), map: null } : undefined;
  },
});

export const noHtmlSinkEsbuild: EsbuildPlugin = {
  name: 'no-html-sink',
  setup(b) {
    b.onLoad({ filter: PREACT_CORE }, async (args) => ({
      contents: withoutHtmlSink(await readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};

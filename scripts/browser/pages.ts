// Fixture pages that are built at test time rather than stored: the seed page is made from
// ../shared/seeds (outlet text is read, never copied into the repo), the strict-CSP page
// needs a response header, the React page is server-rendered per request.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { ROOT } from './harness';

export const SEEDS_DIR = path.resolve(ROOT, '../shared/seeds');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The three seed articles as one page: a headline and paragraphs each. */
export async function seedPageHtml(options: { inlineScript?: boolean } = {}): Promise<string> {
  const files = (await readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt')).sort();
  const articles: string[] = [];
  for (const file of files) {
    const [headline, ...paragraphs] = (await readFile(path.join(SEEDS_DIR, file), 'utf8'))
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    articles.push(
      `<article data-seed="${file}"><h2>${escapeHtml(headline)}</h2>${paragraphs
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('')}</article>`,
    );
  }
  const snapshot = options.inlineScript
    ? '<script>window.__domBefore = document.documentElement.outerHTML;</script>'
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Seed articles</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:24px auto;padding:0 16px}</style></head>
<body><h1>K-drama news</h1>${articles.join('')}${snapshot}</body></html>`;
}

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const html = (res: ServerResponse, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
  return true;
};

let reactBundle: Promise<string> | undefined;

export const pageRoutes: Record<string, Route> = {
  '/seed.html': async (_req, res) => html(res, await seedPageHtml({ inlineScript: true })),
  // No script, no inline style allowed: the extension must still highlight.
  '/strict-csp.html': async (_req, res) =>
    html(res, (await seedPageHtml()).replace(/<style>[^<]*<\/style>/, ''), {
      'content-security-policy': "default-src 'none'",
    }),
  '/react.html': async (_req, res) => {
    const { App } = await import('../../tests/fixtures/react-app/app.mjs');
    const markup = renderToString(createElement(App));
    return html(
      res,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React fan wiki</title></head>` +
        `<body><div id="root">${markup}</div><script src="/react-client.js"></script></body></html>`,
    );
  },
  '/react-client.js': async (_req, res) => {
    reactBundle ??= build({
      entryPoints: [path.join(ROOT, 'tests/fixtures/react-app/client.mjs')],
      bundle: true,
      write: false,
      format: 'iife',
      define: { 'process.env.NODE_ENV': '"development"' },
    }).then((result) => result.outputFiles[0].text);
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(await reactBundle);
    return true;
  },
};

// `npm run counts`: the curated catalog in numbers, as the README's tables print them (dramas
// per premiere year and network, people, articles per outlet and year).
import path from 'node:path';
import { loadData } from './index-builder/load';

export async function catalogCounts(root: string) {
  const data = await loadData(root);
  const yearOf = (d: (typeof data.dramas)[number]['value']) =>
    d.schedule?.premiere?.slice(0, 4) ?? (d.year !== undefined ? String(d.year) : 'unknown');
  const byYear = new Map<string, Map<string, number>>();
  for (const { value: d } of data.dramas) {
    const year = yearOf(d);
    const row = byYear.get(year) ?? new Map<string, number>();
    const network = d.network ?? 'unknown';
    row.set(network, (row.get(network) ?? 0) + 1);
    byYear.set(year, row);
  }
  const outlets = new Map<string, number>();
  const articleYears = new Map<string, number>();
  for (const { value: a } of data.articles) {
    outlets.set(a.outlet, (outlets.get(a.outlet) ?? 0) + 1);
    const y = a.published?.slice(0, 4) ?? 'undated';
    articleYears.set(y, (articleYears.get(y) ?? 0) + 1);
  }
  return {
    dramas: data.dramas.length,
    people: data.people.length,
    articles: data.articles.length,
    byYear,
    outlets,
    articleYears,
  };
}

if (process.argv[1] === import.meta.filename) {
  const c = await catalogCounts(path.resolve(import.meta.dirname, '..'));
  const networks = [...new Set([...c.byYear.values()].flatMap((m) => [...m.keys()]))].sort(
    (a, b) =>
      [...c.byYear.values()].reduce((s, m) => s + (m.get(b) ?? 0), 0) -
        [...c.byYear.values()].reduce((s, m) => s + (m.get(a) ?? 0), 0) || a.localeCompare(b),
  );
  const years = [...c.byYear.keys()].sort();
  const main = networks.slice(0, 14);
  const other = (m: Map<string, number>) => [...m].filter(([n]) => !main.includes(n)).reduce((s, [, v]) => s + v, 0);
  console.log(`${c.dramas} dramas, ${c.people} people, ${c.articles} articles from ${c.outlets.size} outlets.\n`);
  console.log(`| premiere | ${main.join(' | ')} | other | total |`);
  console.log(`|---|${main.map(() => '---|').join('')}---|---|`);
  for (const y of years) {
    const m = c.byYear.get(y)!;
    const total = [...m.values()].reduce((s, v) => s + v, 0);
    console.log(`| ${y} | ${main.map((n) => m.get(n) ?? 0).join(' | ')} | ${other(m)} | ${total} |`);
  }
  console.log(
    `\nArticles by year: ${[...c.articleYears]
      .sort()
      .map(([y, n]) => `${y} ${n}`)
      .join(', ')}.`,
  );
  console.log(
    `Outlets (articles): ${[...c.outlets]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([o, n]) => `${o} ${n}`)
      .join(', ')}.`,
  );
}

// Every fact of the curated catalog carries the source it was read in: each drama and person
// lists sources, and each kind of fact a file states is among what one of its sources supports.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadData } from '../../scripts/index-builder/load';

const ROOT = path.resolve(import.meta.dirname, '../..');
const data = await loadData(ROOT);

/** Whether some source of the file says it supports `fact` (or a part of it, e.g. `schedule.premiere`). */
const supported = (sources: { supports?: string[] }[], fact: string) =>
  sources.some((s) => (s.supports ?? []).some((x) => x === fact || x.startsWith(`${fact}.`)));

describe('the curated catalog', () => {
  it('loads without problems', () => {
    expect(data.problems).toEqual([]);
  });

  it('gives every drama and person a source at a web address', () => {
    for (const { file, value } of [...data.dramas, ...data.people]) {
      expect(value.sources.length, file).toBeGreaterThan(0);
      for (const s of value.sources) expect(s.url, file).toMatch(/^https?:\/\//);
    }
  });

  it('has a source for each kind of fact a drama states', () => {
    const unsupported: string[] = [];
    for (const { file, value: d } of data.dramas) {
      const facts: [string, boolean][] = [
        ['hangul', d.hangul !== undefined],
        ['network', d.network !== undefined],
        ['schedule', d.schedule !== undefined],
        ['cast', d.cast.length > 0],
      ];
      for (const [fact, stated] of facts)
        if (stated && !supported(d.sources, fact)) unsupported.push(`${file}: ${fact}`);
    }
    expect(unsupported).toEqual([]);
  });

  it('has a source for every Hangul name of a person', () => {
    const unsupported = data.people
      .filter(({ value: p }) => p.hangul !== undefined && !supported(p.sources, 'hangul'))
      .map(({ file }) => file);
    expect(unsupported).toEqual([]);
  });

  it('covers 2021 on: at least 300 dramas with at least four cast members each on average, 200 articles from 20 outlets', () => {
    const recent = data.dramas.filter(
      ({ value: d }) => (d.schedule?.premiere?.slice(0, 4) ?? String(d.year ?? '')) >= '2021',
    );
    expect(recent.length).toBeGreaterThanOrEqual(300);
    const cast = recent.reduce((n, { value: d }) => n + d.cast.length, 0);
    expect(cast / recent.length).toBeGreaterThanOrEqual(4);
    console.info(`curated catalog: ${recent.length} dramas from 2021 on, ${data.people.length} people`);
    expect(data.articles.length).toBeGreaterThanOrEqual(200);
    expect(new Set(data.articles.map((a) => a.value.outlet)).size).toBeGreaterThanOrEqual(20);
  });
});

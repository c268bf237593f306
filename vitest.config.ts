import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Vitest 5's reporter calls Map.groupBy, which Node 20 (this project's CI) lacks.
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => {
    const groups = new Map<K, T[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
    return groups;
  };
}

// Three projects: fast unit tests of pure code (and components in happy-dom), then the same e2e
// suites against the built extension in real Chromium and in real Firefox ESR (one browser at a
// time: each project runs its files serially, and the projects one after the other).
const e2e = (browser: 'chromium' | 'firefox', groupOrder: number, include: string[]) => ({
  test: {
    name: browser,
    include,
    environment: 'node',
    env: { DRAMALENS_BROWSER: browser },
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    sequence: { groupOrder },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI machines are slower than this one: an extension page that shows its list in one
    // second here may take several there. Polls wait up to 5 s unless a test says otherwise.
    expect: { poll: { timeout: 5000 } },
  },
});

export default defineConfig({
  test: {
    reporters: [
      'default',
      ['json', { outputFile: 'artifacts/vitest-report.json' }],
      './scripts/project-totals-reporter.ts',
    ],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/setup-i18n.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      e2e('chromium', 1, ['tests/e2e/**/*.test.ts']),
      // The suites whose browser plumbing is parametrised so far (issue 14 converts the rest).
      e2e('firefox', 2, ['tests/e2e/**/*.test.ts']),
    ],
  },
});

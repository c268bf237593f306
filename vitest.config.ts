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

// Two projects: fast unit tests of pure code (and components in happy-dom), and e2e tests that
// drive the built extension in real Chromium (one browser at a time, so they run serially).
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'artifacts/vitest-report.json' }]],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // CI machines are slower than this one: an extension page that shows its list in one
          // second here may take several there. Polls wait up to 5 s unless a test says otherwise.
          expect: { poll: { timeout: 5000 } },
        },
      },
    ],
  },
});

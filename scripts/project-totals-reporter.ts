// A Vitest reporter that ends `npm test` with one line of totals per project (unit, chromium,
// firefox), and writes them to artifacts/project-totals.json for CI's summary
// (scripts/test-totals.mjs). A file that failed to load counts as one failed test of its project.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export interface ProjectTotals {
  passed: number;
  failed: number;
  skipped: number;
}

export default class ProjectTotalsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const totals = new Map<string, ProjectTotals>();
    for (const module of testModules) {
      const name = module.project.name || 'default';
      const entry = totals.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      totals.set(name, entry);
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === 'passed') entry.passed++;
        else if (state === 'failed') entry.failed++;
        else entry.skipped++;
      }
      if (tests === 0 || module.state() === 'failed') {
        if (module.errors().length > 0) entry.failed++;
      }
    }
    const rows = [...totals].sort(([a], [b]) => a.localeCompare(b));
    console.log('');
    for (const [name, t] of rows) {
      console.log(`${name}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
    }
    const out = path.resolve('artifacts/project-totals.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
  }
}

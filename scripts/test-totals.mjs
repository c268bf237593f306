// Prints the totals CI reports: one line per project (unit, chromium, firefox) from
// scripts/project-totals-reporter.ts, then the one-line total from Vitest's JSON report.
import { readFileSync } from 'node:fs';
import path from 'node:path';

try {
  const perProject = JSON.parse(
    readFileSync(path.join(path.dirname(process.argv[2] ?? 'artifacts/x'), 'project-totals.json'), 'utf8'),
  );
  for (const [name, t] of Object.entries(perProject)) {
    console.log(`  ${name}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
  }
} catch {
  // No per-project totals (the run stopped early): the line below still says so.
}

const file = process.argv[2] ?? 'artifacts/vitest-report.json';
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  console.log(`tests: ${report.numPassedTests} passed, ${failed} failed`);
} catch (error) {
  console.log(`tests: 0 passed, 1 failed (no report at ${file}: ${error.message})`);
}

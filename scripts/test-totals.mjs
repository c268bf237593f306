// Prints the one-line totals CI reports, from Vitest's JSON report.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'artifacts/vitest-report.json';
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  console.log(`tests: ${report.numPassedTests} passed, ${failed} failed`);
} catch (error) {
  console.log(`tests: 0 passed, 1 failed (no report at ${file}: ${error.message})`);
}

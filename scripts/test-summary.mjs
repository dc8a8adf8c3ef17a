// Adds up the JSON reports of vitest and Playwright into one closing line: "N passed, N failed, N skipped".
import fs from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) { console.log(`${file}: missing (that step did not run)`); failed++; continue; }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (r.stats && 'expected' in r.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky = passed on retry.
    passed += r.stats.expected + (r.stats.flaky ?? 0); failed += r.stats.unexpected; skipped += r.stats.skipped;
    console.log(`${file}: ${r.stats.expected + (r.stats.flaky ?? 0)} passed, ${r.stats.unexpected} failed${r.stats.flaky ? ` (${r.stats.flaky} flaky)` : ''}`);
  } else {
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    console.log(`${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

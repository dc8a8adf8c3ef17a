// Adds up every step of scripts/test.sh into ONE closing line that CI parses:
//   total: N passed, N failed, N skipped      (or "partial:" when TEST_STEPS ran only some steps)
// Everything else (per-step breakdown, each failure, each skip with its reason, flaky tests) is printed before it.
//
// Input: .test-results/<step>.exit (the step's exit code, written by test.sh) and, for test runners,
// .test-results/<step>.json — scripts/vitest-result-reporter.mjs output for Vitest, Playwright's JSON report.
// What counts as failed, so the line cannot read green on a red run:
//   - a check step (typecheck, lint, build) that exited non-zero — each check is one passed or one failed;
//   - a failed test, a file that did not load, a failed beforeAll/afterAll and every test it left unrun;
//   - a test skipped without naming its reason (Vitest: ctx.skip(reason); Playwright: test.skip(cond, reason));
//   - a Playwright run-level error (webServer never up, globalSetup threw, worker crash, no tests found);
//   - a runner that exited non-zero although nothing above was counted, or that wrote no report, or ran no test;
//   - with CI=true, a test that passed only on a retry (flaky). Locally flaky tests are listed and count as passed.
// Usage: node scripts/test-summary.mjs <results dir> <step>... [--not-run <step>...]
import fs from 'node:fs';
import path from 'node:path';

const CHECKS = new Set(['typecheck', 'lint', 'build']);
const args = process.argv.slice(2);
const dir = args.shift();
const cut = args.indexOf('--not-run');
const steps = cut < 0 ? args : args.slice(0, cut);
const notRun = cut < 0 ? [] : args.slice(cut + 1);
const ci = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

const firstLine = (s) => String(s ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? '';

/** Playwright's JSON report → the same shape as the Vitest reporter's. */
function fromPlaywright(r) {
  const out = { passed: [], failed: [], skipped: [], flaky: [], errors: (r.errors ?? []).map((e) => firstLine(e.message ?? e.value ?? e)) };
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const name = `${spec.file ?? suite.file} > ${[...trail, spec.title].join(' > ')}${t.projectName ? ` [${t.projectName}]` : ''}`;
        const last = t.results?.[t.results.length - 1];
        const anns = [...(t.annotations ?? []), ...(last?.annotations ?? [])];
        if (t.status === 'expected') out.passed.push(name);
        else if (t.status === 'flaky') out.flaky.push(name);
        else if (t.status === 'skipped') {
          const why = anns.find((a) => (a.type === 'skip' || a.type === 'fixme') && a.description);
          if (why && t.results?.every((x) => x.status === 'skipped')) out.skipped.push({ name, reason: `${why.type === 'fixme' ? 'fixme: ' : ''}${why.description}` });
          else out.failed.push({ name, why: anns.some((a) => a.type === 'skip') ? 'skipped without a reason' : 'did not run (interrupted, or a run-level error)' });
        } else out.failed.push({ name, why: firstLine(last?.errors?.[0]?.message ?? last?.error?.message ?? last?.status) });
      }
    }
    for (const s of suite.suites ?? []) walk(s, [...trail, s.title]);
  };
  for (const s of r.suites ?? []) walk(s, []);
  return out;
}

let passed = 0, failed = 0, skipped = 0;
const lines = [], skips = [], flakies = [], failures = [];
for (const step of steps) {
  const exitFile = path.join(dir, `${step}.exit`);
  const code = fs.existsSync(exitFile) ? Number(fs.readFileSync(exitFile, 'utf8').trim()) : NaN;
  let p = 0, f = 0, s = 0, fl = 0;
  const fail = (name, why) => { f++; failures.push(`${step}: ${name}${why ? ` — ${why}` : ''}`); };
  if (CHECKS.has(step)) {
    if (code === 0) p++; else fail(step, Number.isNaN(code) ? 'did not run' : `exited ${code}`);
  } else {
    const file = path.join(dir, `${step}.json`);
    let r;
    try { r = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { r = undefined; }
    if (!r) fail('(no report)', `${file} missing or unreadable${Number.isNaN(code) ? '' : `; exited ${code}`}`);
    else {
      const res = r.runner === 'vitest' ? r : fromPlaywright(r);
      p += res.passed.length;
      res.failed.forEach((t) => fail(t.name, t.why));
      res.errors.forEach((e) => fail('(error outside a test)', e));
      res.skipped.forEach((t) => { s++; skips.push(`${step}: ${t.name} — ${t.reason}`); });
      res.flaky.forEach((name) => { fl++; flakies.push(`${step}: ${name}${ci ? ' (fails the run in CI)' : ''}`); });
      if (ci) f += fl; else p += fl;
      if (!p && !f && !fl) fail('(no tests)', 'the step ran no test');
      if (code !== 0 && !f) fail('(runner)', `exited ${Number.isNaN(code) ? 'without an exit code' : code} although no failure was reported`);
    }
  }
  passed += p; failed += f; skipped += s;
  lines.push(`  ${step.padEnd(10)} ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}${fl ? ` (${fl} flaky)` : ''}`);
}

if (failures.length) console.log(`\nFailed (${failures.length}):\n${failures.map((l) => `  ${l}`).join('\n')}`);
if (skips.length) console.log(`\nSkipped, with their reasons:\n${skips.map((l) => `  ${l}`).join('\n')}`);
if (flakies.length) console.log(`\nFlaky (passed only on a retry${ci ? '; counted as failed because CI=true' : ''}):\n${flakies.map((l) => `  ${l}`).join('\n')}`);
console.log('\nSteps:');
console.log(lines.join('\n'));
if (notRun.length) console.log(`  not run (TEST_STEPS): ${notRun.join(', ')}`);
console.log(`${notRun.length ? 'partial' : 'total'}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

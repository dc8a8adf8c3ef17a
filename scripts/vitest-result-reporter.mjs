// A Vitest reporter that writes what scripts/test-summary.mjs needs and Vitest's own JSON report leaves out: the
// error of a failed beforeAll/afterAll (Vitest marks the suite's tests "skipped"), a file that failed to load, the
// note of `ctx.skip(note)`, tests that passed only on a retry, and errors outside any test.
// Output file: $VITEST_RESULT_FILE (test.sh sets it per step).
import fs from 'node:fs';
import path from 'node:path';

const firstLine = (e) => String(e?.message ?? e ?? 'unknown error').split('\n')[0].slice(0, 300);

export default class ResultReporter {
  onTestRunEnd(testModules, unhandledErrors, reason) {
    const out = { runner: 'vitest', passed: [], failed: [], skipped: [], flaky: [], errors: [] };
    for (const mod of testModules) {
      const file = path.relative(process.cwd(), mod.moduleId);
      for (const e of mod.errors()) out.errors.push(`${file}: ${firstLine(e)}`);
      if (mod.state() === 'failed' && !mod.children.size && !mod.errors().length) out.errors.push(`${file}: failed to load`);
      for (const suite of mod.children.allSuites()) {
        for (const e of suite.errors()) out.errors.push(`${file} > ${suite.fullName}: ${firstLine(e)}`);
      }
      for (const test of mod.children.allTests()) {
        const name = `${file} > ${test.fullName}`;
        const r = test.result();
        if (r.state === 'passed') (test.diagnostic()?.flaky ? out.flaky : out.passed).push(name);
        else if (r.state === 'failed') out.failed.push({ name, why: firstLine(r.errors?.[0]) });
        else if (r.state === 'skipped' && r.note) out.skipped.push({ name, reason: r.note });
        else out.failed.push({ name, why: r.state !== 'skipped' ? `never finished (${r.state})` : test.options.mode === 'run' ? 'not run: a hook of its suite failed' : `skipped without a reason (${test.options.mode}; use ctx.skip(reason))` });
      }
    }
    for (const e of unhandledErrors) out.errors.push(`unhandled: ${firstLine(e)}`);
    if (reason === 'interrupted') out.errors.push('the run was interrupted');
    const target = process.env.VITEST_RESULT_FILE;
    if (target) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, JSON.stringify(out, null, 1));
    }
  }
}

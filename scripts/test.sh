#!/usr/bin/env bash
# The whole test suite, as CI runs it: typecheck, unit tests, the local control plane (started once, or reused),
# the cluster tests, then the console's e2e tests in Debian's Chromium against a production build.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser || exit 1
mkdir -p .test-results
rm -f .test-results/*.json

started_cluster=0
if ! npx tsx cluster/cli.ts status >/dev/null 2>&1; then started_cluster=1; fi
cleanup() { if [ "$started_cluster" = 1 ] && [ -z "${KEEP_CLUSTER:-}" ]; then npx tsx cluster/cli.ts down || true; fi; }
trap cleanup EXIT

fail=0
step() { echo; echo "=== $1"; }

step "typecheck"
npx tsc --noEmit -p . || fail=1

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.test-results/unit.json || fail=1

step "local control plane"
npx tsx cluster/cli.ts up || { echo "the local cluster did not start" >&2; exit 1; }

step "cluster tests"
npx vitest run --project cluster --reporter=default --reporter=json --outputFile.json=.test-results/cluster.json || fail=1

step "build the console"
npx next build >.test-results/next-build.log 2>&1 || { tail -60 .test-results/next-build.log; exit 1; }

step "e2e tests (Playwright, Debian Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-results/e2e.json npx playwright test --reporter=list,json || fail=1

step "the shipped console: standalone bundle over HTTPS, bad-input corpus, deploy/ (Playwright)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-results/e2e-tls.json npx playwright test -c playwright.tls.config.ts --reporter=list,json || fail=1

step "summary"
node scripts/test-summary.mjs .test-results/unit.json .test-results/cluster.json .test-results/e2e.json .test-results/e2e-tls.json || fail=1
exit $fail

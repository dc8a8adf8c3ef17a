#!/usr/bin/env bash
# The whole test suite, as CI runs it: typecheck, lint, unit tests, the local control plane (started once, or
# reused), the cluster tests, a production build, then the console's e2e tests in Debian's Chromium. Every step is
# counted in ONE closing line (scripts/test-summary.mjs): "total: N passed, N failed[, N skipped]".
#
# TEST_STEPS="unit cluster"  runs only the named steps (typecheck lint unit cluster build e2e e2e-tls); the closing
#                            line then starts with "partial:" and names the steps that did not run. For local use.
#                            Without `build`, the e2e steps test the last build in .next.
# TEST_PLAYWRIGHT_ARGS="..."  extra arguments for the e2e steps (a spec file, --grep); the line then says "partial:".
# TEST_BUILD_LOCK=<file>     serialises `next build` with flock (machines shared by several checkouts).
# KEEP_CLUSTER=1             leaves a control plane this script started running.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser || exit 1

ALL_STEPS=(typecheck lint unit cluster build e2e e2e-tls)
read -r -a STEPS <<<"${TEST_STEPS:-${ALL_STEPS[*]}}"
for s in "${STEPS[@]}"; do
  [[ " ${ALL_STEPS[*]} " == *" $s "* ]] || { echo "TEST_STEPS: unknown step '$s' (steps: ${ALL_STEPS[*]})" >&2; exit 2; }
done
wants() { [[ " ${STEPS[*]} " == *" $1 "* ]]; }

OUT=.test-results
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.exit

started_cluster=0
cleanup() { if [ "$started_cluster" = 1 ] && [ -z "${KEEP_CLUSTER:-}" ]; then npx tsx cluster/cli.ts down || true; fi; }
trap cleanup EXIT

# Runs one step and records its exit code for the summary (which also reads the step's JSON report, if any).
step() {
  local name=$1; shift
  echo; echo "=== $name"
  "$@"
  echo $? >"$OUT/$name.exit"
}
vitest_step() { VITEST_RESULT_FILE="$OUT/$1.json" npx vitest run --project "$1" --reporter=default --reporter=./scripts/vitest-result-reporter.mjs; }
# shellcheck disable=SC2086 # TEST_PLAYWRIGHT_ARGS is a list of words on purpose
playwright_step() { PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/$1.json" npx playwright test "${@:2}" ${TEST_PLAYWRIGHT_ARGS:-} --reporter=list,json; }
build() {
  if [ -n "${TEST_BUILD_LOCK:-}" ]; then flock "$TEST_BUILD_LOCK" npx next build >"$OUT/next-build.log" 2>&1
  else npx next build >"$OUT/next-build.log" 2>&1; fi
  local rc=$?; [ $rc = 0 ] || tail -60 "$OUT/next-build.log"; return $rc
}

wants typecheck && step typecheck npx tsc --noEmit -p .
wants lint && step lint npx eslint --max-warnings=0 .
wants unit && step unit vitest_step unit

if wants cluster || wants e2e || wants e2e-tls; then
  echo; echo "=== local control plane"
  if ! npx tsx cluster/cli.ts status >/dev/null 2>&1; then started_cluster=1; fi
  # Without a control plane the steps below write no report: the summary counts each of them as failed.
  npx tsx cluster/cli.ts up || echo "the local cluster did not start" >&2
fi
wants cluster && step cluster vitest_step cluster
wants build && step build build
# A failed build leaves the previous one in .next: do not test stale code (the e2e steps then count as failed).
if ! wants build || [ "$(cat "$OUT/build.exit")" = 0 ]; then
  wants e2e && step e2e playwright_step e2e
  wants e2e-tls && step e2e-tls playwright_step e2e-tls -c playwright.tls.config.ts
fi

echo; echo "=== summary"
not_run=()
for s in "${ALL_STEPS[@]}"; do wants "$s" || not_run+=("$s"); done
[ -n "${TEST_PLAYWRIGHT_ARGS:-}" ] && not_run+=("(e2e narrowed to: $TEST_PLAYWRIGHT_ARGS)")
node scripts/test-summary.mjs "$OUT" "${STEPS[@]}" ${not_run[@]:+--not-run "${not_run[@]}"}

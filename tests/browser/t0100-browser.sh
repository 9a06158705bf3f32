#!/bin/sh
# t0100-browser.sh: the pages in a real browser (headless Chromium driven by
# playwright-core): sign in, see the tree, check in, see the tree and the
# chart change.  Screenshots go to build/test-artifacts/ (or $ARTIFACTS).
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ARTIFACTS=${ARTIFACTS:-$root/build/test-artifacts}
. "$root/tests/http/lib.sh"

if [ ! -d "$here/node_modules/playwright-core" ]; then
	(cd "$here" && npm ci --no-audit --no-fund --silent) >/dev/null 2>&1 ||
	    { echo "Bail out! npm ci failed in tests/browser"; exit 1; }
fi
mkdir -p "$ARTIFACTS"
PW=correct-horse-battery
{
	okrdesk init --timezone UTC &&
	okrdesk team add "Tier 1" &&
	okrdesk person add "Ana Pop" --team "Tier 1" &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 \
	    --state active &&
	okrdesk objective add fast --title "Fast replies" --cycle 2026-Q4 \
	    --team "Tier 1" &&
	okrdesk kr add fast/frt --title "First reply from 10 h to 4 h" \
	    --unit h --baseline 10 --target 4 --owner "Ana Pop" &&
	echo $PW | okrdesk user add root --role admin --password-stdin &&
	echo $PW | okrdesk user add ana --role member --team "Tier 1" \
	    --person "Ana Pop" --password-stdin
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }
start_server --quiet || { echo "Bail out! no server"; exit 1; }
node "$here/checkin.mjs" "$BASE" "$ARTIFACTS" >"$T/browser.out" 2>&1
rc=$?
grep -E '^(not )?ok |^#   ' "$T/browser.out"
p=$(sed -n 's/^# tally: \([0-9]*\) \([0-9]*\)$/\1/p' "$T/browser.out")
f=$(sed -n 's/^# tally: \([0-9]*\) \([0-9]*\)$/\2/p' "$T/browser.out")
[ -n "$p" ] || { cat "$T/browser.out"; p=0; f=1; }
[ "$rc" -eq 0 ] || [ "$f" -gt 0 ] || f=1
PASSED=$((PASSED + p))
FAILED=$((FAILED + f))
same "the check-in is in the store" \
    "$(okrdesk checkin list fast/frt --json | jq -r '.[0] | "\(.value) \(.note)"')" \
    "7 macros live"
done_testing

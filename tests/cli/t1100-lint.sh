#!/bin/sh
# t1100-lint.sh: okrdesk lint: text, --json, exit codes, --help, an
# unknown cycle, the workspace's limits, and the weaknesses planted in the
# demo (docs/coaching.md), found on two days of a quarter and nothing else.
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$out" | jq -r "$1"; }
pairs() { printf '%s' "$out" | jq -r '[.findings[] | "\(.code) \(.ref)"] | sort | join(",")'; }

ok "lint --help" okrdesk lint --help
for code in no-key-results kr-no-target too-many-objectives too-many-krs \
    kr-no-baseline kr-no-unit kr-is-a-task kpi-not-okr \
    no-quality-guardrail implausible-target sample-too-small too-many-kpis \
    unaligned; do
	contains "... explains $code" "$out" "  $code "
done
fails 1 "lint without a workspace fails" okrdesk lint

{
	okrdesk init &&
	okrdesk team add Support &&
	okrdesk team add "Tier 1" --parent Support &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 &&
	okrdesk objective add love --title "Customers love us" \
	    --cycle 2026-Q4 --team Support &&
	okrdesk kr add love/nps --title "NPS 52 to 70" --unit NPS \
	    --baseline 52 --target 70
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

fails 2 "lint with an unknown option is a usage error" okrdesk lint --x
fails 2 "... and so is an argument" okrdesk lint 2026-Q4
ok "a sound cycle lints clean" okrdesk lint
same "... and says so" "$(printf '%s' "$out" | tail -1)" "no findings"
ok "... in JSON too" okrdesk lint --json
same "... an empty list and zero counts" \
    "$(j '[.cycle, (.findings | length), .counts.total, .counts.error] | join(" ")')" \
    "2026-Q4 0 0 0"
fails 1 "lint of an unknown cycle fails" okrdesk lint --cycle 2027-Q1
contains "... naming it" "$err" "2027-Q1"

{
	okrdesk objective add fast --title "Answer faster" --cycle 2026-Q4 \
	    --team "Tier 1" &&
	okrdesk kr add fast/aht --title "Average handle time 420 s to 300 s" \
	    --unit s --baseline 420 --target 300 &&
	okrdesk kr add fast/calib --title "Run calibration sessions" \
	    --kind boolean
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

ok "warnings and info exit 0" okrdesk lint
contains "... grouped: warnings" "$out" "warnings (2)"
contains "... then info" "$out" "info (1)"
contains "... one line a finding" "$out" \
    "kr-is-a-task          kr fast/calib: \"Run calibration sessions\" describes an activity, with no number to measure"
contains "... its suggestion under it" "$out" \
    "                        → state the result the activity should change"
contains "... the guardrail names the efficiency key result" "$out" \
    "efficiency key result fast/aht with no quality key result"
same "... and a tally" "$(printf '%s' "$out" | tail -1)" \
    "3 findings: 2 warnings, 1 info"

okrdesk objective add empty --title "Something" --cycle 2026-Q4 \
    --team Support >/dev/null
fails 1 "an error-severity finding exits 1" okrdesk lint
contains "... errors come first" "$(printf '%s' "$out" | sed -n 3p)" "error (1)"
same "... the tally" "$(printf '%s' "$out" | tail -1)" \
    "4 findings: 1 error, 2 warnings, 1 info"
fails 1 "... and with --json" okrdesk lint --json
same "... every field of a finding" \
    "$(j '.findings[0] | [.code, .severity, .entity, .ref, .title] | join("|")')" \
    "no-key-results|error|objective|empty|Something"
same "... message, suggestion and data" \
    "$(j '.findings[0] | [(.message | length > 0), (.suggestion | length > 0), (.data | type)] | join(" ")')" \
    "true true object"
same "... counts by severity" \
    "$(j '.counts | [.error, .warning, .info, .total] | join(" ")')" "1 2 1 4"

# the limits are the workspace's
for k in a b c d; do
	okrdesk kr add "love/$k" --title "NPS $k 1 to 2" --unit NPS \
	    --baseline 1 --target 2 >/dev/null
done
_run okrdesk lint --json
same "five key results are within the default limit" \
    "$(j '[.findings[] | select(.code == "too-many-krs")] | length')" 0
okrdesk kr add love/e --title "NPS e 1 to 2" --unit NPS --baseline 1 \
    --target 2 >/dev/null
_run okrdesk lint --json
same "six are one too many" \
    "$(j '.findings[] | select(.code == "too-many-krs") | "\(.ref) \(.data.key_results) \(.data.limit)"')" \
    "love 6 5"
ok "the limit is a workspace setting" okrdesk workspace edit --max_krs 6
_run okrdesk lint --json
same "... and lint follows it" \
    "$(j '[.findings[] | select(.code == "too-many-krs")] | length')" 0

# --- the demo ---------------------------------------------------------------

planted="implausible-target survey-70/response,kpi-not-okr fcr-85,kr-is-a-task training-20h/curriculum,kr-no-baseline live-chat/csat,kr-no-unit escalations-15/escalations,no-key-results qa-calibration,no-quality-guardrail email-6h,sample-too-small nps-70/nps,unaligned kb-95"

# day 20 and day 80 of 2026-Q2, and a day in the first two weeks of
# 2026-Q4 (the cycle then starts six weeks before the quarter)
for now in 2026-04-20T11:00:00+03:00 2026-06-19T16:00:00+03:00 \
    2026-10-09T09:00:00+03:00; do
	export OKRDESK_NOW=$now
	okrdesk --db "$(ws demo)" demo --force >/dev/null ||
	    { echo "Bail out! demo failed"; exit 1; }
	fails 1 "the demo of $now lints with its planted error" \
	    okrdesk --db "$(ws demo)" lint --json
	same "... exactly the planted weaknesses" "$(pairs)" "$planted"
	lint_need=$(j '.findings[] | select(.code == "implausible-target") | [.data.weeks_left, .data.needed_per_week] | join(" ")')
	_run okrdesk --db "$(ws demo)" pace --json
	same "... weeks left and the weekly need are the pace's" "$lint_need" \
	    "$(j '.key_results[] | select(.ref == "survey-70/response") | .pace | [.weeks_left, .needed_per_week] | join(" ")')"
done
fails 1 "the demo's text report" okrdesk --db "$(ws demo)" lint
same "... its tally" "$(printf '%s' "$out" | tail -1)" \
    "9 findings: 1 error, 7 warnings, 1 info"
contains "... the implausible target shows its numbers" "$out" \
    "kr survey-70/response: needs +"
contains "... σ and the best 4 weeks" "$out" "best 4 weeks: "

done_testing

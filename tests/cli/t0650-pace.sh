#!/bin/sh
# t0650-pace.sh: okrdesk pace (text and JSON) and the forecast in status:
# the projected end value and grade, the weekly improvement still needed,
# the trend, the confidence trend and the verdict (docs/progress.md,
# "Pace and forecast").
. "$(dirname "$0")/lib.sh"

# The cycle is 13 weeks exactly (2026-10-01 .. 2026-12-30, 91 days, UTC)
# and now is 2026-10-15T00:00:00Z: 2 weeks in, 11 weeks left.
export OKRDESK_NOW=2026-10-15T00:00:00Z

j() { printf '%s' "$out" | jq -r "$1"; }

okrdesk init >/dev/null
{
	okrdesk team add Support &&
	okrdesk team add "Tier 1" --parent Support &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-30 &&
	okrdesk objective add aht --title "Answer faster" --cycle 2026-Q4 \
	    --team Support &&
	okrdesk kr add aht/aht --title "Handle time 420 s to 300 s" \
	    --unit s --baseline 420 --target 300 &&
	okrdesk kr add aht/sla --title "SLA kept in 90-100%" --unit % \
	    --low 90 --high 100 &&
	okrdesk objective add fcr --title "Fix it first time" \
	    --cycle 2026-Q4 --team "Tier 1" --align aht &&
	okrdesk kr add fcr/fcr --title "FCR 60% to 80%" --unit % \
	    --baseline 60 --target 80 &&
	okrdesk checkin aht/aht 420 --confidence 0.8 \
	    --at 2026-10-01T00:00:00Z &&
	okrdesk checkin aht/aht 415 --confidence 0.7 \
	    --at 2026-10-08T00:00:00Z &&
	okrdesk checkin aht/aht 410 --confidence 0.6 \
	    --at 2026-10-15T00:00:00Z &&
	okrdesk checkin aht/sla 95 --at 2026-10-01T12:00:00Z &&
	okrdesk checkin aht/sla 88 --at 2026-10-08T12:00:00Z &&
	okrdesk checkin fcr/fcr 62 --at 2026-10-08T00:00:00Z &&
	okrdesk checkin fcr/fcr 61 --at 2026-10-14T00:00:00Z
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

ok "pace --json prints the key results" okrdesk pace --json
same "... in the order status shows them" \
    "$(j '[.key_results[].ref] | join(",")')" "aht/aht,aht/sla,fcr/fcr"
# handle time 420, 415, 410 a week apart: a line falling 5 a week
same "... weeks left: 11" "$(j '.key_results[0].pace.weeks_left')" 11
same "... the trend: -5 s a week" \
    "$(j '.key_results[0].pace.trend_per_week | . * 1000 | round / 1000')" -5
# (300 - 410) / 11 = -10 a week still needed
same "... needed: -10 s a week" \
    "$(j '.key_results[0].pace.needed_per_week | . * 1000 | round / 1000')" -10
# 420 - 5 * 13 = 355 at the end; (355 - 420) / (300 - 420) = 0.5417
same "... projected value 355" \
    "$(j '.key_results[0].pace.projected_value | . * 1000 | round / 1000')" 355
same "... projected grade 0.5" "$(j '.key_results[0].pace.projected_grade')" 0.5
same "... the right way, half as fast: too slow" \
    "$(j '.key_results[0].pace.verdict')" too_slow
# confidences 0.8, 0.7, 0.6: falling
same "... the confidences, oldest first" \
    "$(j '.key_results[0].pace.confidences | join(",")')" "0.8,0.7,0.6"
same "... and their trend" "$(j '.key_results[0].pace.confidence_trend')" \
    falling
# the band: week 1 inside (95), week 2 outside (88), week 3 has begun
# (now is its first instant) and carries 88: 1 of 3 weeks inside so far and
# outside now, so 1 of 13 weeks: 0.077, grade 0.1
same "... a band outside now projects grade 0.1" \
    "$(j '.key_results[1].pace.projected_grade')" 0.1
same "... and says outside" "$(j '.key_results[1].pace.verdict')" outside
same "... a band needs no weekly step" \
    "$(j '.key_results[1].pace.needed_per_week')" null
# FCR: two values only, so no projection; (80 - 61) / 11 = 1.727 needed
same "... two values project nothing" \
    "$(j '.key_results[2].pace.projected_value')" null
same "... but say what is needed" \
    "$(j '.key_results[2].pace.needed_per_week | . * 1000 | round / 1000')" \
    1.727
same "... with no verdict yet" "$(j '.key_results[2].pace.verdict')" null

ok "pace prints a table" okrdesk pace
contains "... the header says the weeks left" "$out" "11.0 weeks left"
contains "... a row per key result with need, trend, forecast and grade" \
    "$out" "aht/aht"
same "... handle time: needed -10, trend -5, forecast 355, grade 0.5" \
    "$(printf '%s\n' "$out" | grep '^aht/aht' | tr -s ' ' | \
    sed 's/.*300 s //')" "-10 -5 355 0.5 0.6 falling too slow"
ok "pace --team keeps the team's objectives" okrdesk pace --team "Tier 1"
contains "... FCR is there" "$out" "fcr/fcr"
if printf '%s' "$out" | grep -q "aht/aht"; then
	_fail "... and Support's handle time is not" "got: $out"
else
	_pass "... and Support's handle time is not"
fi
fails 1 "pace --team with an unknown team fails" okrdesk pace --team Nope
contains "... naming it" "$err" '"Nope"'
fails 1 "pace --cycle with an unknown cycle fails" okrdesk pace --cycle 2030-Q1
fails 2 "pace with a stray argument is a usage error" okrdesk pace extra
ok "pace --help explains the verdicts" okrdesk pace --help
contains "... too slow" "$out" "too slow"

ok "status shows the forecast and its grade" okrdesk status
contains "... after the value" "$out" "410 → 300 s  (forecast 355, grade 0.5)"
ok "status --json carries the pace" okrdesk status --json
same "... of each key result" \
    "$(j '.objectives[0].key_results[0].pace.verdict')" too_slow

# after the end nothing is needed a week any more, and the header says so
export OKRDESK_NOW=2027-01-05T00:00:00Z
ok "pace after the cycle" okrdesk pace --json
same "... no weeks left" "$(j '.key_results[0].pace.weeks_left')" 0
same "... no weekly need" "$(j '.key_results[0].pace.needed_per_week')" null
ok "... text" okrdesk pace
contains "... says the cycle is over" "$out" "the cycle is over"

done_testing

#!/bin/sh
# t0600-status.sh: okrdesk status (text and JSON), history's text lines,
# and the demo workspace.
. "$(dirname "$0")/lib.sh"

# OKRDESK_NOW is 2026-10-29T10:00:00Z: day 28 of 2026-Q4 (92 days), so the
# expected pace is 28 / 92 + 10 h = 0.3089...

j() { printf '%s' "$out" | jq -r "$1"; }

fails 1 "status without a workspace fails" okrdesk status
okrdesk init >/dev/null
fails 1 "status without a cycle fails" okrdesk status
contains "... and says how to add one" "$err" "okrdesk cycle add"

{
	okrdesk team add Company &&
	okrdesk team add Support --parent Company &&
	okrdesk team add "Tier 1" --parent Support &&
	okrdesk person add "Ana Pop" --team "Tier 1" &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 &&
	okrdesk objective add love --title "Customers love us" \
	    --cycle 2026-Q4 --team Company &&
	okrdesk kr add love/nps --title "NPS 52 to 70" --unit NPS \
	    --baseline 52 --target 70 &&
	okrdesk objective add aht --title "Answer faster" --cycle 2026-Q4 \
	    --team Support --align love/nps &&
	okrdesk kr add aht/aht --title "Handle time 420 s to 300 s" \
	    --unit s --baseline 420 --target 300 --owner "Ana Pop" &&
	okrdesk kr add aht/kb --title "KB relaunched" --milestone Draft:2 \
	    --milestone Review &&
	okrdesk objective add ana --title "Coach the new hires" \
	    --cycle 2026-Q4 --person "Ana Pop" --align aht &&
	okrdesk checkin aht/aht 400 --confidence 0.5 --at 2026-10-12 &&
	okrdesk checkin aht/aht 360 --confidence 0.7 --at 2026-10-26 &&
	okrdesk checkin aht/kb --done Draft --at 2026-10-27
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

ok "status shows the cycle" okrdesk status
contains "... header names the cycle and its week" "$out" \
    "2026-Q4 (2026-10-01 → 2026-12-31)  ·  2026-10-29, week 5 of 14"
contains "... a decrease KR half way is 50%" "$out" " 50%  on track"
contains "... with its value and unit" "$out" "360 → 300 s"
contains "... and its confidence, up since the check-in before" "$out" \
    "conf 0.7↑"
contains "... milestones as a count" "$out" "1 of 2 milestones"
contains "... a KR never checked in is outdated after 10 days" "$out" \
    "outdated"
contains "... the tally" "$out" "3 key results: 2 on track, 1 outdated"
case "$out" in *"$(printf '\033')"*) _fail "... no colour with NO_COLOR" ;;
*) _pass "... no colour with NO_COLOR" ;; esac
# the tree: love, then aht (under love/nps), then ana (under aht)
same "... objectives in tree order, indented" \
    "$(printf '%s\n' "$out" |
    grep -oE '^ *(Customers love us|Answer faster|Coach the new hires)')" \
    "$(printf 'Customers love us\n  Answer faster\n    Coach the new hires')"

ok "status --json" okrdesk status --json
same "... cycle" "$(j '.cycle | [.name, .start, .end, .state] | join(" ")')" \
    "2026-Q4 2026-10-01 2026-12-31 active"
same "... expected is a fraction" "$(j '.expected > 0.30 and .expected < 0.32')" \
    true
same "... objectives by owner depth" "$(j '[.objectives[].key] | join(",")')" \
    "love,aht,ana"
same "... children by key" "$(j '.objectives[0].children | join(",")')" aht
same "... owner as team or person" \
    "$(j '[.objectives[].owner | keys[0]] | join(",")')" "team,team,person"
same "... KR progress as a fraction" \
    "$(j '.objectives[1].key_results[0].progress')" 0.5
same "... KR raw, current, status" \
    "$(j '.objectives[1].key_results[0] | [.raw, .current, .status] | join(" ")')" \
    "0.5 360 on_track"
same "... confidence and the one before" \
    "$(j '.objectives[1].key_results[0] | [.confidence, .previous_confidence] | join(" ")')" \
    "0.7 0.5"
same "... check-ins counted, last one dated" \
    "$(j '.objectives[1].key_results[0] | [.checkins, .last_checkin] | join(" ")')" \
    "2 2026-10-26T00:00:00Z"
# (360 - 420) / (300 - 420) = 0.5 and Draft 2 of 3: (0.5 + 2/3) / 2
same "... objective progress is the mean of its KRs" \
    "$(j '.objectives[1].progress * 1e6 | round')" 583333
same "... a KR without check-ins has null, never 0" \
    "$(j '.objectives[0].key_results[0] | [.current, .progress, .confidence, .last_checkin, .forecast.value] | map(. == null) | all')" \
    true
same "... an objective without KRs has null progress" \
    "$(j '.objectives[2] | [.progress, .status] | join(" ")')" " no_data"
same "... milestones say which are done" \
    "$(j '[.objectives[1].key_results[1].milestones[].done] | join(",")')" \
    "true,false"

ok "status --team Support" okrdesk status --team Support --json
same "... only Support, below it, and their people" \
    "$(j '[.objectives[].key] | join(",")')" "aht,ana"
ok "status --team in text" okrdesk status --team "Tier 1"
contains "... Ana's objective is a root of that view" "$out" \
    "$(printf '\nCoach the new hires')"
fails 1 "status --team of an unknown team fails" okrdesk status --team Nope
contains "... naming it" "$err" '"Nope"'
fails 1 "status --cycle of an unknown cycle fails" okrdesk status --cycle X
fails 2 "status with an unknown option is a usage error" okrdesk status --x

ok "history prints one line per change" okrdesk history --limit 1
same "... when, who, what, field, old -> new" "$out" \
    "2026-10-29T10:00:00Z  tester  checkin aht/kb  milestone:Draft  open -> done"
ok "history of a key result" okrdesk history aht/aht --entity checkin
same "... its check-ins, newest first, — for none" "$out" \
    "$(printf '%s\n%s' \
    '2026-10-29T10:00:00Z  tester  checkin aht/aht  value  400 -> 360' \
    '2026-10-29T10:00:00Z  tester  checkin aht/aht  value  — -> 400')"
fails 2 "history --entity of an unknown entity" okrdesk history --entity x
fails 2 "history --limit must be a number" okrdesk history --limit many

# --- the demo --------------------------------------------------------------

fails 1 "demo refuses an existing file" okrdesk demo
contains "... and says how to replace it" "$err" "--force"
ok "demo --force replaces it" okrdesk demo --force
contains "... and says how to look" "$out" "status"
ok "the demo's status" okrdesk status --json
same "... shows every status at once" \
    "$(j '[.objectives[].key_results[].status] | unique | join(",")')" \
    "at_risk,done,no_data,off_track,on_track,outdated"
same "... under two company objectives" \
    "$(j '[.objectives[] | select(.owner.team == "Northwind") | .key] | join(",")')" \
    "love,scale"
same "... with every KR kind" \
    "$(j '[.objectives[].key_results[].kind] | unique | join(",")')" \
    "band,boolean,decrease,increase,milestones"
ok "demo into a new file" okrdesk --db "$(ws other)" demo
ok "... its history has check-ins by their owners" \
    okrdesk --db "$(ws other)" history --entity checkin --limit 0 --json
same "... all of them at or before now" \
    "$(j '[.[].at | sub("\\+.*"; "") | . <= "2026-10-29T12:00:00"] | all')" \
    true

done_testing

#!/bin/sh
# t0900-kpi.sh: KPIs from imported data (kpi list/show/health/corridor/
# schedule) and key results that update themselves from a KPI: a key
# result linked to abandon_rate moves after an import, with its lineage.
DATA=$(cd "$(dirname "$0")/../../../shared/data" && pwd) || {
	echo "Bail out! no ../shared/data"; exit 1; }
# the pwc calls are January to March 2021: evaluate on the last day of Q1
OKRDESK_NOW=2021-03-31T12:00:00Z
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$out" | jq -r "$1"; }

{
	okrdesk init --timezone UTC &&
	okrdesk team add "Call Center" &&
	okrdesk cycle add 2021-Q1 --start 2021-01-01 --end 2021-03-31 \
	    --state active &&
	okrdesk objective add calls --title "Callers reach a person" \
	    --cycle 2021-Q1 --team "Call Center"
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

# --- linking a key result to a KPI --------------------------------------
fails 2 "an unknown KPI is refused" okrdesk kr add calls/x --title X \
    --baseline 1 --target 2 --kpi nope
contains "the error points to kpi list" "$err" "okrdesk kpi list"
fails 2 "a boolean key result cannot follow a KPI" okrdesk kr add calls/x \
    --title X --kind boolean --kpi abandon_rate
fails 2 "a filter on an unknown segment is refused" okrdesk kr add calls/x \
    --title X --baseline 1 --target 2 --kpi abandon_rate \
    --kpi_filter region=EU
contains "the error lists the segments" "$err" "team, channel, agent"
fails 2 "a window must be cycle or Nd" okrdesk kr add calls/x --title X \
    --baseline 1 --target 2 --kpi abandon_rate --kpi_window weekly
fails 2 "kpi_window needs a kpi" okrdesk kr add calls/x --title X \
    --baseline 1 --target 2 --kpi_window 28d

ok "a key result follows abandon_rate in %" okrdesk kr add calls/abandon \
    --title "Abandon rate from 25% to 10%" --unit % --baseline 25 \
    --target 10 --kpi abandon_rate
ok "a key result follows one agent's ASA over 28 days, in minutes" \
    okrdesk kr add calls/diane-asa --title "Diane answers within 1 min" \
    --unit min --baseline 2 --target 1 --kpi asa --kpi_filter agent=Diane \
    --kpi_window 28d
_run okrdesk status --json
same "before any data the key result has no value" \
    "$(j '.objectives[0].key_results[0].current')" "null"
same "its status is no data" \
    "$(j '.objectives[0].key_results[0].status')" "no_data"
same "the link shows in status --json" \
    "$(j '.objectives[0].key_results[0].kpi | "\(.key) \(.window) \(.lineage)"')" \
    "abandon_rate cycle null"
ok "status prints the link before data" okrdesk status
contains "the text says there is no data yet" "$out" "↳ abandon_rate: no data yet"

# --- an import moves it -------------------------------------------------
ok "importing the calls" okrdesk import interactions \
    "$DATA/pwc_call_center.csv" --profile pwc-calls
contains "the import updates the linked key results" "$out" \
    "updated 2 key results linked to KPIs"
_run okrdesk status --json
# cycle to date on 2021-03-31T12:00Z: the calls of 2021-01-01 to 03-31
# 12:00; the whole file is 946 / 5000, so check the parts are consistent
# and the value is their ratio in percent
same "the value is the KPI's ratio in %" \
    "$(j '.objectives[0].key_results[0] | (.current - 100 * .kpi.lineage.numerator / .kpi.lineage.denominator) | fabs < 1e-9')" \
    "true"
same "the lineage window starts at the cycle" \
    "$(j '.objectives[0].key_results[0].kpi.lineage.from')" \
    "2021-01-01T00:00:00Z"
same "the lineage names the definition" \
    "$(j '.objectives[0].key_results[0].kpi.lineage.definition | test("abandoned")')" \
    "true"
ok "the key result now has a value between its baseline and target" \
    test "$(j '.objectives[0].key_results[0].progress > 0')" = true
_run okrdesk checkin list calls/abandon --json
same "one KPI point a week of the cycle (13) plus the last partial week" \
    "$(j '[.[] | select(.source == "kpi")] | length')" "13"
_run okrdesk status --json
same "Diane's ASA is in minutes over the trailing 28 days" \
    "$(j '.objectives[0].key_results[1].kpi.lineage | "\(.filter) \(.from)"')" \
    "agent=Diane 2021-03-03T12:00:00Z"
ok "status prints the lineage" okrdesk status
contains "the lineage line gives the window and n" "$out" \
    "↳ abandon_rate, 2021-01-01..2021-03-31: n "

# a re-sync replaces the points, it does not add to them
ok "kpi sync recomputes" okrdesk kpi sync
_run okrdesk checkin list calls/abandon --json
same "still 13 points after a re-sync" \
    "$(j '[.[] | select(.source == "kpi")] | length')" "13"

# a baseline from the previous period: a March cycle takes it from the 31
# days before March (2021-01-29 to 2021-02-28)
ok "a March cycle" okrdesk cycle add 2021-03 --start 2021-03-01 \
    --end 2021-03-31 --state active
ok "an objective in it" okrdesk objective add march --title March \
    --cycle 2021-03 --team "Call Center"
ok "a key result with kpi_baseline previous" okrdesk kr add march/abandon \
    --title "Abandon rate down to 15%" --unit % --target 15 \
    --kpi abandon_rate --kpi_baseline previous
_run okrdesk kpi show abandon_rate --from 2021-01-29 --to 2021-02-28 --json
prev=$(j '.cells[0].value * 100')
_run okrdesk kr show march/abandon --json
same "the baseline is the KPI over the previous 31 days, in %" \
    "$(j ".baseline - $prev | fabs < 1e-9")" "true"

# --- kpi list / show -----------------------------------------------------
ok "kpi list" okrdesk kpi list --json
same "every KPI of KPIS.md is listed (28)" "$(j length)" "28"
same "each has a definition" "$(j '[.[] | select(.definition == "")] | length')" "0"
ok "kpi show by month" okrdesk kpi show volume --by month --json
# the file mixes mm-dd-yy (days 1-12) and m/d/yyyy (days 13-31): the month
# comes first in both, which the 01..03 range of the first part shows
same "three months of calls" "$(j '[.cells[].value] | join(" ")')" \
    "$(awk -F, 'NR>1 { split($3, d, /[-\/]/); c[d[1]+0]++ } END { print c[1] " " c[2] " " c[3] }' "$DATA/pwc_call_center.csv")"
ok "kpi show by agent" okrdesk kpi show volume --by agent --json
same "eight agents" "$(j '.cells | length')" "8"
ok "kpi show with a window" okrdesk kpi show volume --from 2021-01-01 \
    --to 2021-01-31 --json
same "January's calls" "$(j '.cells[0].value')" \
    "$(awk -F, 'NR>1 && ($3 ~ /^01-[0-9][0-9]-21$/ || $3 ~ /^1\/[0-9]+\/2021$/)' "$DATA/pwc_call_center.csv" | wc -l | tr -d ' ')"
ok "a window without data" okrdesk kpi show abandon_rate --from 2020-01-01 \
    --to 2020-01-31 --json
same "no data is null, not 0" "$(j '.cells[0].value')" "null"
ok "the text shows no data as a dash" okrdesk kpi show abandon_rate \
    --from 2020-01-01 --to 2020-01-31
contains "a dash" "$out" "—"
fails 1 "an unknown KPI fails" okrdesk kpi show nope
fails 2 "a bad --by is a usage error" okrdesk kpi show volume --by fortnight
fails 2 "a window ending before it starts" okrdesk kpi show volume \
    --from 2021-02-01 --to 2021-01-01
fails 2 "a bad date" okrdesk kpi show volume --from 2021-02-30
fails 2 "kpi without a subcommand" okrdesk kpi
fails 2 "an unknown subcommand" okrdesk kpi frob

# --- corridors and health ------------------------------------------------
ok "a corridor for abandon_rate" okrdesk kpi corridor set abandon_rate \
    --high 0.15
ok "a corridor for one agent's ASA" okrdesk kpi corridor set asa \
    --team "Call Center" --low 0 --high 600
fails 2 "low above high is refused" okrdesk kpi corridor set asa --low 5 \
    --high 1
fails 1 "a corridor on an unknown KPI fails" okrdesk kpi corridor set nope \
    --low 1
ok "kpi health" okrdesk kpi health --json
same "abandon_rate is above its corridor" \
    "$(j '.[] | select(.kpi == "abandon_rate") | .state')" "above"
same "a team with no calls has no data, not healthy" \
    "$(j '.[] | select(.kpi == "asa") | .state')" "no data"
ok "kpi corridor rm" okrdesk kpi corridor rm asa --team "Call Center"
ok "kpi corridor list" okrdesk kpi corridor list --json
same "one corridor left" "$(j length)" "1"

# --- schedule -------------------------------------------------------------
ok "a business-hours schedule" okrdesk kpi schedule set \
    "mon-fri 09:00-17:00" --holidays 2021-01-01
ok "kpi schedule show" okrdesk kpi schedule show
contains "the schedule is shown" "$out" "mon-fri 09:00-17:00"
fails 2 "a bad schedule is refused" okrdesk kpi schedule set "mon-fri 9-5"
ok "business hours on a KPI" okrdesk kpi show asa --business-hours --json
ok "kpi schedule clear" okrdesk kpi schedule clear
fails 2 "business hours need a schedule" okrdesk kpi show asa \
    --business-hours

done_testing

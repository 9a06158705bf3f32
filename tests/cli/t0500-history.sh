#!/bin/sh
# t0500-history.sh: every change leaves history rows (who, when, entity,
# field, old -> new) for exactly the fields that changed; a no-op edit and
# a failed command leave none.
. "$(dirname "$0")/lib.sh"

# OKRDESK_NOW is lib.sh's fixed 2026-10-29T10:00:00Z; the actor is tester.

# jq over the stdout of the last command
j() { printf '%s' "$out" | jq -r "$1"; }

# The number of history rows (all of them: --limit 0).
nhist() { okrdesk history --limit 0 --json | jq length; }

# The rows added since there were $1 rows (newest first), as compact JSON
# with only what a change says: entity, label, field, old, new.
since() {
	okrdesk history --limit 0 --json |
	    jq -c --argjson n "$1" \
	    '.[0:(length - $n)] | map({entity, label: .label, field, old, new})'
}

{
	okrdesk init &&
	okrdesk team add Support &&
	okrdesk person add "Ana Pop" --team Support &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 &&
	okrdesk objective add aht-down --title "Answer faster" \
	    --cycle 2026-Q4 --team Support &&
	okrdesk kr add aht-down/aht --title "Handle time down" --unit s \
	    --baseline 420 --target 300
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

# --- creation --------------------------------------------------------------

ok "history --json prints the changes" okrdesk history --limit 0 --json
# init sets the 8 required workspace fields: name, timezone, cadence_days,
# grace_days, checkin_day and the three lint limits
same "... init recorded the eight workspace settings" \
    "$(j '[.[] | select(.entity == "workspace") | .field] | sort | join(",")')" \
    "cadence_days,checkin_day,grace_days,max_kpis,max_krs,max_objectives,name,timezone"
# team add Support sets only name (parent, description unset)
same "... team add recorded its one set field, from nothing" \
    "$(printf '%s' "$out" |
    jq -c '[.[] | select(.entity == "team") | {field, old, new}]')" \
    '[{"field":"name","old":null,"new":"Support"}]'
same "... each row says who (OKRDESK_USER)" \
    "$(j '[.[].who] | unique | join(",")')" tester
same "... and when (OKRDESK_NOW)" "$(j '[.[].at] | unique | join(",")')" \
    2026-10-29T10:00:00Z
same "... newest first (ids descending)" \
    "$(j '[.[].id] == ([.[].id] | sort | reverse)')" true
same "... each row names the entity's id" \
    "$(j '[.[] | select(.entity == "team")][0].entity_id == 1')" true

# --- edits -----------------------------------------------------------------

n=$(nhist)
ok "team edit sets a description" okrdesk team edit Support \
    --description "all of customer service"
same "... one row, description from nothing to the text" "$(since "$n")" \
    '[{"entity":"team","label":"Support","field":"description","old":null,"new":"all of customer service"}]'

n=$(nhist)
ok "team edit changes the description" okrdesk team edit Support \
    --description "front line"
same "... one row, old -> new for that field only" "$(since "$n")" \
    '[{"entity":"team","label":"Support","field":"description","old":"all of customer service","new":"front line"}]'

n=$(nhist)
ok "team edit to the same value succeeds" okrdesk team edit Support \
    --description "front line"
same "... and adds no history" "$(nhist)" "$n"
ok "team edit with no option succeeds" okrdesk team edit Support
same "... and adds no history" "$(nhist)" "$n"

n=$(nhist)
ok "person edit of two fields at once" okrdesk person edit "Ana Pop" \
    --role lead --email ana@example.com
# in field-table order: role (agent -> lead), then email (none -> address)
same "... one row per changed field" \
    "$(since "$n" | jq -c 'map({field, old, new}) | sort_by(.field)')" \
    '[{"field":"email","old":null,"new":"ana@example.com"},{"field":"role","old":"agent","new":"lead"}]'

n=$(nhist)
ok "kr edit changes the target" okrdesk kr edit aht-down/aht --target 320
same "... one row, numbers written as typed (300 -> 320)" "$(since "$n")" \
    '[{"entity":"kr","label":"aht-down/aht","field":"target","old":"300","new":"320"}]'
n=$(nhist)
ok "kr edit to the same number written differently (320.0)" \
    okrdesk kr edit aht-down/aht --target 320.0
same "... adds no history" "$(nhist)" "$n"

n=$(nhist)
ok "objective edit changes the kind" okrdesk objective edit aht-down \
    --kind aspirational
same "... one row, committed -> aspirational" "$(since "$n")" \
    '[{"entity":"objective","label":"aht-down","field":"kind","old":"committed","new":"aspirational"}]'

n=$(nhist)
ok "team edit --unset clears the description" okrdesk team edit Support \
    --unset description
same "... one row, old -> nothing (null)" "$(since "$n")" \
    '[{"entity":"team","label":"Support","field":"description","old":"front line","new":null}]'

n=$(nhist)
ok "team edit --name renames" okrdesk team edit Support --name "Customer Care"
same "... one row for the name, under the new name" "$(since "$n")" \
    '[{"entity":"team","label":"Customer Care","field":"name","old":"Support","new":"Customer Care"}]'

n=$(nhist)
ok "a check-in is recorded" okrdesk checkin aht-down/aht 360
same "... as a value row from nothing" "$(since "$n")" \
    '[{"entity":"checkin","label":"aht-down/aht","field":"value","old":null,"new":"360"}]'
n=$(nhist)
ok "a second check-in is recorded" okrdesk checkin aht-down/aht 350
same "... as old -> new value" "$(since "$n")" \
    '[{"entity":"checkin","label":"aht-down/aht","field":"value","old":"360","new":"350"}]'

# --- failed commands write no history ---------------------------------------

n=$(nhist)
fails 2 "kr edit with a non-numeric baseline fails" \
    okrdesk kr edit aht-down/aht --baseline abc
same "... and adds no history" "$(nhist)" "$n"
fails 2 "kr edit that breaks a rule (increase below baseline) fails" \
    okrdesk kr edit aht-down/aht --kind increase
same "... and adds no history" "$(nhist)" "$n"
fails 1 "team add of an existing name fails" okrdesk team add "Customer Care"
same "... and adds no history" "$(nhist)" "$n"
fails 1 "team rm of a team with people fails" okrdesk team rm "Customer Care"
same "... and adds no history" "$(nhist)" "$n"
fails 2 "cycle add ending before it starts fails" \
    okrdesk cycle add 2027-Q1 --start 2027-03-31 --end 2027-01-01
same "... and adds no history" "$(nhist)" "$n"
fails 2 "objective add with two owners fails" okrdesk objective add two \
    --title Two --cycle 2026-Q4 --team "Customer Care" --person "Ana Pop"
same "... and adds no history" "$(nhist)" "$n"
fails 2 "a check-in that is not a number fails" \
    okrdesk checkin aht-down/aht abc
same "... and adds no history" "$(nhist)" "$n"
fails 1 "a check-in on an unknown key result fails" \
    okrdesk checkin aht-down/nps 3
same "... and adds no history" "$(nhist)" "$n"
# the person rename is valid; the unknown team fails the same command
fails 1 "person edit with a valid and an invalid change fails" \
    okrdesk person edit "Ana Pop" --name "Ana Pop-Ionescu" --team Nowhere
same "... and adds no history, not even for the valid field" "$(nhist)" "$n"
ok "... and the person keeps the old name" okrdesk person show "Ana Pop" --json

# --- removal ------------------------------------------------------------------

n=$(nhist)
ok "kr rm removes a key result" okrdesk kr rm aht-down/aht
same "... and records the removal" \
    "$(since "$n" | jq -c 'map({entity, label: .label, field})')" \
    '[{"entity":"kr","label":"aht-down/aht","field":"removed"}]'

# --- reading the history -------------------------------------------------------

ok "history NAME keeps one entity's changes" okrdesk history "Ana Pop" --json
same "... (only Ana Pop's rows)" "$(j '[.[].label] | unique | join(",")')" \
    "Ana Pop"
# person add: name, team, role (3 set fields) + edit: role, email (2)
same "... all five of them" "$(j length)" 5
ok "history OBJECTIVE keeps its key results and their check-ins too" \
    okrdesk history aht-down --json
same "... (objective, kr and checkin rows)" \
    "$(j '[.[].entity] | unique | join(",")')" "checkin,kr,objective"
ok "history --entity keeps one kind of entity" \
    okrdesk history --entity checkin --json
same "... (the two check-ins)" "$(j length)" 2
ok "history --limit keeps the newest N" okrdesk history --limit 1 --json
same "... (one row)" "$(j length)" 1
same "... the newest: the kr removal" "$(j '.[0].field')" removed
ok "history prints text" okrdesk history "Ana Pop"
contains "... with old -> new" "$out" "agent -> lead"
contains "... and who" "$out" "tester"
fails 2 "history --entity refuses an unknown entity" \
    okrdesk history --entity planet
contains "... naming it" "$err" "planet"
fails 2 "history --limit refuses a non-number" okrdesk history --limit many
contains "... naming --limit" "$err" "limit"
fails 2 "history refuses an unknown option" okrdesk history --colour red

done_testing

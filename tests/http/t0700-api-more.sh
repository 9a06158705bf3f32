#!/bin/sh
# t0700-api-more.sh: the rest of the CLI over HTTP: the workspace file
# (export, apply with a dry run), KPI corridors and health, the
# business-hours schedule, KPI sync and survey links, each by role.
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$body" | jq -r "$1"; }
PW=correct-horse-battery
{
	okrdesk init --timezone UTC &&
	okrdesk team add Support &&
	printf '%s\n' 'id,channel,team,created_at,answered,abandoned,queued_s' \
	    'c1,phone,Support,2026-10-20T10:00:00Z,true,false,10' \
	    'c2,phone,Support,2026-10-21T10:00:00Z,false,true,40' \
	    'c3,phone,Support,2026-10-22T10:00:00Z,true,false,30' >calls.csv &&
	okrdesk import interactions calls.csv &&
	echo $PW | okrdesk user add root --role admin --password-stdin &&
	echo $PW | okrdesk user add lead --role lead --team Support \
	    --password-stdin &&
	echo $PW | okrdesk user add view --role viewer --password-stdin
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }
start_server --quiet || { echo "Bail out! no server"; exit 1; }
tok() { okrdesk token add "t-$1" --user "$1" | grep -o 'okd_[A-Za-z0-9_-]*'; }
ROOT=$(tok root)
LEAD=$(tok lead)
VIEW=$(tok view)
as() {	# as TOKEN METHOD PATH [curl...]
	_t=$1; _m=$2; _p=$3; shift 3
	req "$_m" "$_p" -H "Authorization: Bearer $_t" "$@"
}

# --- the workspace file ------------------------------------------------------
as "$VIEW" GET /api/v1/export
same "a viewer exports the workspace file" "$status" 200
contains "... as YAML" "$(header Content-Type)" yaml
same "... the same bytes as okrdesk export" "$body" "$(okrdesk export)"
printf 'teams:\n  - name: Billing\n' >add.yaml
as "$LEAD" POST /api/v1/apply --data-binary @add.yaml
same "a lead may not apply a workspace file (403)" "$status" 403
as "$ROOT" POST '/api/v1/apply?dry_run=1' --data-binary @add.yaml
same "an admin's dry run is 200" "$status" 200
same "... it would create one team" "$(j '"\(.team.created) \(.dry_run)"')" "1 true"
same "... and created none" "$(okrdesk team list --json | jq length)" 1
as "$ROOT" POST /api/v1/apply --data-binary @add.yaml
same "the apply creates it" "$(okrdesk team list --json | jq -r '.[1].name')" Billing
printf 'teams:\n  - name: [broken\n' >bad.yaml
as "$ROOT" POST /api/v1/apply --data-binary @bad.yaml
same "a broken file is 422" "$status" 422
contains "... naming line and column" "$(j .error.message)" "body:3:1:"

# --- corridors and health ----------------------------------------------------
as "$VIEW" PUT /api/v1/corridors/abandon_rate -d '{"high": 0.2}'
same "a viewer may not set a corridor (403)" "$status" 403
as "$LEAD" PUT /api/v1/corridors/abandon_rate -d '{"high": 0.2}'
same "a lead sets one" "$status" 200
as "$LEAD" PUT /api/v1/corridors/abandon_rate \
    -d '{"team": "Support", "low": 0.5, "high": 0.1}'
same "low above high is 422" "$status" 422
as "$LEAD" PUT /api/v1/corridors/abandon_rate -d '{"team": "Nope", "low": 0}'
same "an unknown team is 404" "$status" 404
as "$LEAD" PUT /api/v1/corridors/nope -d '{"low": 0}'
same "an unknown KPI is 404" "$status" 404
as "$LEAD" PUT /api/v1/corridors/asa -d '{"low": "zero"}'
same "a wrong type is 422" "$status" 422
as "$VIEW" GET /api/v1/corridors
same "the corridor is listed" "$(j '.[0] | "\(.kpi) \(.high)"')" "abandon_rate 0.2"
as "$VIEW" GET '/api/v1/health?days=30'
# 1 abandoned of 3 that queued (all >= 5 s): 0.333 > 0.2
same "health: abandon_rate is above its corridor" "$(j '.[0].state')" above
same "... its value is 1/3" "$(j '.[0].value * 3 | round')" 1
as "$LEAD" DELETE /api/v1/corridors/abandon_rate
same "a lead removes it" "$status" 200
as "$VIEW" GET /api/v1/corridors
same "none left" "$(j length)" 0

# --- the schedule --------------------------------------------------------------
as "$LEAD" PUT /api/v1/schedule -d '{"schedule": "mon-fri 09:00-17:00"}'
same "a lead may not set the schedule (403)" "$status" 403
as "$ROOT" PUT /api/v1/schedule -d '{"schedule": "mon-fri 9-5"}'
same "a bad schedule is 422" "$status" 422
as "$ROOT" PUT /api/v1/schedule \
    -d '{"schedule": "mon-fri 09:00-17:00", "holidays": "2026-12-25"}'
same "an admin sets it" "$status" 200
as "$VIEW" GET /api/v1/schedule
same "it reads back" "$(j '"\(.schedule) \(.holidays)"')" "mon-fri 09:00-17:00 2026-12-25"
same "the CLI sees it" "$(okrdesk kpi schedule show | head -1)" \
    "schedule: mon-fri 09:00-17:00"
as "$ROOT" DELETE /api/v1/schedule
as "$VIEW" GET /api/v1/schedule
same "cleared" "$(j .schedule)" null

# --- KPI sync and survey links ------------------------------------------------------
as "$VIEW" POST /api/v1/kpis/sync
same "a viewer may not sync (403)" "$status" 403
as "$LEAD" POST /api/v1/kpis/sync
same "a lead syncs" "$status" 200
same "... no KPI-fed key results here" "$(j .key_results)" 0
as "$LEAD" POST /api/v1/surveys -d '{"interaction": "c1", "kind": "nps"}'
same "a lead makes a survey link" "$status" 201
path=$(j .path)
req GET "$path"
same "... which opens without signing in" "$status" 200
contains "... asking NPS" "$body" recommend
as "$LEAD" POST /api/v1/surveys -d '{"interaction": "nope"}'
same "an unknown interaction is 404" "$status" 404
as "$LEAD" POST /api/v1/surveys -d '{"interaction": "c2", "kind": "ces"}'
same "an unknown kind is 422" "$status" 422
as "$VIEW" POST /api/v1/surveys -d '{"interaction": "c2"}'
same "a viewer may not make links (403)" "$status" 403
req GET /api/v1/export
same "anonymous export is 401" "$status" 401

done_testing

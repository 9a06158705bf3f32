#!/bin/sh
# t0200-api.sh: the JSON API against the real server: sign-in, roles (every
# reading route for anonymous and viewer; check-ins by owner, lead and
# stranger), CSRF, API tokens, the error shape, pagination, KPIs and
# per-agent privacy, an upload with a dry run, hostile input.
DATA=$(cd "$(dirname "$0")/../../../shared/data" && pwd) || {
	echo "Bail out! no ../shared/data"; exit 1; }
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$body" | jq -r "$1"; }
PW=correct-horse-battery

{
	okrdesk init --timezone UTC &&
	okrdesk team add Support &&
	okrdesk team add "Tier 1" --parent Support &&
	okrdesk team add Billing &&
	okrdesk person add "Ana Pop" --team "Tier 1" &&
	okrdesk person add "Bo Li" --team Billing &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 \
	    --state active &&
	okrdesk objective add fast --title "Fast replies" --cycle 2026-Q4 \
	    --team "Tier 1" &&
	okrdesk kr add fast/frt --title "FRT 10 to 5" --baseline 10 \
	    --target 5 --owner "Ana Pop" &&
	okrdesk objective add bill --title "Billing right" --cycle 2026-Q4 \
	    --team Billing &&
	okrdesk kr add bill/err --title "Errors 20 to 5" --baseline 20 \
	    --target 5 --owner "Bo Li" &&
	echo $PW | okrdesk user add root --role admin --password-stdin &&
	echo $PW | okrdesk user add lead1 --role lead --team Support \
	    --password-stdin &&
	echo $PW | okrdesk user add ana --role member --team "Tier 1" \
	    --person "Ana Pop" --password-stdin &&
	echo $PW | okrdesk user add view --role viewer --password-stdin
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }
start_server --quiet || { echo "Bail out! no server"; exit 1; }

# sign in with JSON: the cookie and the CSRF token
login() {	# $1 login; cookie jar $T/$1.jar, token in $T/$1.csrf
	req POST /api/v1/session -c "$T/$1.jar" \
	    -H 'Content-Type: application/json' \
	    -d "{\"login\": \"$1\", \"password\": \"$PW\"}"
	printf '%s' "$(j .csrf)" >"$T/$1.csrf"
}
as() {		# $1 login, then req's arguments
	_u=$1
	_m=$2
	_p=$3
	shift 3
	req "$_m" "$_p" -b "$T/$_u.jar" -H "X-CSRF-Token: $(cat "$T/$_u.csrf")" \
	    "$@"
}

# --- anonymous ------------------------------------------------------------
for p in /api/v1/workspace /api/v1/teams /api/v1/people /api/v1/cycles \
    /api/v1/objectives /api/v1/objectives/fast /api/v1/krs \
    /api/v1/krs/fast/frt /api/v1/status /api/v1/history /api/v1/kpis \
    /api/v1/kpis/volume /api/v1/me /api/v1/tokens; do
	req GET "$p"
	same "anonymous GET $p is 401" "$status" 401
done
same "the 401 has the error shape" "$(j '.error | has("code") and has("message") and has("field")')" true
contains "the 401 asks for a Bearer token" "$(header WWW-Authenticate)" Bearer

# --- sign-in ---------------------------------------------------------------
req POST /api/v1/session -H 'Content-Type: application/json' \
    -d "{\"login\": \"ana\", \"password\": \"wrong-password\"}"
same "a wrong password is 401" "$status" 401
msg_wrong=$(j .error.message)
req POST /api/v1/session -H 'Content-Type: application/json' \
    -d "{\"login\": \"nobody\", \"password\": \"wrong-password\"}"
same "an unknown login gives the same message" "$(j .error.message)" \
    "$msg_wrong"
req POST /api/v1/session -H 'Content-Type: application/json' -d '{"login":'
same "broken JSON is 400" "$status" 400
# five failures for one login from one address, then a pause
for n in 1 2 3 4 5; do
	req POST /api/v1/session -H 'Content-Type: application/json' \
	    -d '{"login": "mallory", "password": "guess-number-'$n'"}'
done
same "the fifth wrong password is still a 401" "$status" 401
req POST /api/v1/session -H 'Content-Type: application/json' \
    -d '{"login": "mallory", "password": "guess-number-6"}'
same "the sixth try is throttled (429)" "$status" 429
ok "... with Retry-After" test -n "$(header Retry-After)"
for u in root lead1 ana view; do
	login $u
	same "$u signs in (201)" "$status" 201
done
contains "the cookie is HttpOnly" "$(header Set-Cookie)" HttpOnly
contains "the cookie is SameSite=Lax" "$(header Set-Cookie)" SameSite=Lax
as view GET /api/v1/me
same "me says who" "$(j '"\(.login) \(.role)"')" "view viewer"

# --- every reading route for a viewer -------------------------------------
for p in /api/v1/workspace /api/v1/teams /api/v1/people /api/v1/cycles \
    /api/v1/objectives /api/v1/objectives/fast /api/v1/krs \
    /api/v1/krs/fast/frt /api/v1/status /api/v1/history /api/v1/kpis \
    /api/v1/kpis/volume; do
	as view GET "$p"
	same "viewer GET $p is 200" "$status" 200
done
as view GET /api/v1/tokens
same "a viewer may not list tokens (403)" "$status" 403
as view GET /api/v1/objectives/nope
same "an unknown objective is 404" "$status" 404
same "... with the error shape" "$(j .error.code)" not_found
as view GET '/api/v1/teams?limit=2'
same "lists page: 2 of 3 teams" "$(j '"\(.items | length) \(.total) \(.limit) \(.offset)"')" "2 3 2 0"
as view GET '/api/v1/teams?limit=2&offset=2'
same "the second page" "$(j '.items | length')" 1
as view GET '/api/v1/teams?limit=0'
same "limit 0 is 400" "$status" 400
as view GET /api/v1/status
same "status is the CLI's document" "$(j '[.objectives[].key] | join(",")')" \
    "$(okrdesk status --json | jq -r '[.objectives[].key] | join(",")')"

# --- check-ins: owner, lead of the team above, stranger --------------------
as ana POST /api/v1/krs/fast/frt/checkins \
    -H 'Content-Type: application/json' -d '{"value": 8, "confidence": 0.7}'
same "the owner checks in (201)" "$status" 201
same "... the check-in comes back" "$(j '"\(.value) \(.source)"')" "8 api"
as ana POST /api/v1/krs/bill/err/checkins \
    -H 'Content-Type: application/json' -d '{"value": 15}'
same "a member may not check in on another team's KR (403)" "$status" 403
as lead1 POST /api/v1/krs/fast/frt/checkins \
    -H 'Content-Type: application/json' -d '{"value": 7}'
same "the lead of the team above checks in" "$status" 201
as lead1 POST /api/v1/krs/bill/err/checkins \
    -H 'Content-Type: application/json' -d '{"value": 15}'
same "a lead may not check in outside their teams (403)" "$status" 403
as view POST /api/v1/krs/fast/frt/checkins \
    -H 'Content-Type: application/json' -d '{"value": 6}'
same "a viewer may not check in (403)" "$status" 403
req POST /api/v1/krs/fast/frt/checkins -b "$T/ana.jar" \
    -H 'Content-Type: application/json' -d '{"value": 6}'
same "without the CSRF token: 403" "$status" 403
same "... named csrf" "$(j .error.code)" csrf
as ana POST /api/v1/krs/fast/frt/checkins \
    -H 'Content-Type: application/json' -d '{"value": "six"}'
same "a wrong type is 422" "$status" 422
same "... naming the field" "$(j .error.field)" value
as ana POST /api/v1/krs/fast/frt/checkins \
    -H 'Content-Type: application/json' -d '{"value": 6, "confidence": 3}'
same "a confidence outside 0..1 is 422" "$status" 422
as ana POST /api/v1/krs/fast/frt/checkins \
    -H 'Content-Type: application/json' -d '[1, 2]'
same "a body that is not an object is 400" "$status" 400
same "only the two accepted check-ins were written" \
    "$(okrdesk checkin list fast/frt --json | jq length)" 2

# --- hostile input ----------------------------------------------------------
as ana POST /api/v1/krs/fast/frt/checkins \
    -H 'Content-Type: application/json' \
    -d '{"value": 6, "note": "<script>alert(1)</script>"}'
same "a note with markup is stored as text" "$status" 201
as view GET /api/v1/krs/fast/frt
same "... and comes back as the same text in JSON" \
    "$(j '.checkins[-1].note')" "<script>alert(1)</script>"
head -c 11000000 /dev/zero | tr '\0' 'x' >"$T/big"
as ana POST /api/v1/krs/fast/frt/checkins \
    -H 'Content-Type: application/json' --data-binary "@$T/big"
same "an 11 MB body is 413" "$status" 413
as view GET /api/v1/workspace
same "the server still answers" "$status" 200

# --- KPIs and per-agent privacy --------------------------------------------
as root POST '/api/v1/imports/interactions?profile=pwc-calls&dry_run=1' \
    --data-binary "@$DATA/pwc_call_center.csv"
same "an admin's dry-run import is 200" "$status" 200
same "... it read 5,000 rows" "$(j '"\(.rows) \(.dry_run)"')" "5000 true"
as view GET /api/v1/kpis/volume
same "... and wrote nothing" "$(j '.cells[0].value')" null
as view POST '/api/v1/imports/interactions?profile=pwc-calls' \
    --data-binary "@$DATA/pwc_call_center.csv"
same "a viewer may not import (403)" "$status" 403
as lead1 POST '/api/v1/imports/interactions?profile=pwc-calls' \
    --data-binary "@$DATA/pwc_call_center.csv"
same "a lead imports" "$status" 200
as view GET /api/v1/kpis/abandon_rate
same "the KPI sees the import: 946 / 5000" \
    "$(j '.cells[0] | "\(.numerator) \(.denominator)"')" "946 5000"
as view GET '/api/v1/kpis/volume?by=agent'
same "per-agent figures are refused to a viewer (403)" "$status" 403
as view GET '/api/v1/kpis/volume?agent=Diane'
same "... also as a filter" "$status" 403
as lead1 GET '/api/v1/kpis/volume?by=agent'
same "a lead sees them: 8 agents" "$(j '.cells | length')" 8
as view GET '/api/v1/kpis/volume?by=fortnight'
same "a bad by is 400" "$status" 400
as view GET /api/v1/kpis/nope
same "an unknown KPI is 404" "$status" 404
printf 'id,created_at\nx1,not-a-date\n' >"$T/bad.csv"
as root POST /api/v1/imports/interactions --data-binary "@$T/bad.csv"
same "an upload with a bad row is 422" "$status" 422
contains "... listing the row" "$(j '.bad_rows[0]')" ":2: created_at"

# --- API tokens ---------------------------------------------------------------
as root POST /api/v1/tokens -H 'Content-Type: application/json' \
    -d '{"name": "webhook", "user": "view"}'
same "an admin creates a token (201)" "$status" 201
tok=$(j .token)
contains "it starts okd_" "$tok" okd_
req GET /api/v1/status -H "Authorization: Bearer $tok"
same "the token reads" "$status" 200
req GET /api/v1/tokens -H "Authorization: Bearer $tok"
same "a viewer's token may not list tokens" "$status" 403
req GET /api/v1/status -H "Authorization: Bearer okd_forged"
same "a forged token is 401" "$status" 401
as root GET /api/v1/tokens
id=$(j '.[0].id')
same "the list does not show the secret" "$(j '.[0] | has("token")')" false
as root DELETE "/api/v1/tokens/$id"
same "an admin revokes it" "$status" 200
req GET /api/v1/status -H "Authorization: Bearer $tok"
same "a revoked token is 401" "$status" 401

# --- /metrics ------------------------------------------------------------------
req GET /metrics
same "anonymous /metrics is 401" "$status" 401
as view GET /metrics
same "a viewer scrapes /metrics" "$status" 200
contains "in the Prometheus text format" "$(header Content-Type)" "text/plain; version=0.0.4"
contains "key-result progress is a gauge" "$body" "# TYPE okrdesk_kr_progress gauge"
contains "the check-ins above moved fast/frt: (10 - 6) / (10 - 5) = 0.8" \
    "$body" 'okrdesk_kr_progress{objective="fast",kr="frt"} 0.8'
contains "requests are counted per route" "$body" \
    'okrdesk_http_requests_total{route="checkin_add",method="POST",class="2xx"}'
contains "latency is a histogram" "$body" \
    'okrdesk_http_request_duration_seconds_bucket{route="kr_get",le="+Inf"}'

# --- sign-out ------------------------------------------------------------------
as ana DELETE /api/v1/session
same "sign-out" "$status" 200
as ana GET /api/v1/me
same "the old cookie no longer works" "$status" 401

done_testing

#!/bin/sh
# t0500-api-write.sh: the API's writing routes for teams, people, cycles,
# objectives, key results, users and the workspace, against the real
# server: every route for every role (admin, a lead of a parent team, a
# lead of another team, a member, a viewer, anonymous, a Bearer token),
# allowed or 401/403, and after every refusal the store unchanged as the
# CLI's --json sees it; the draft flow (a member proposes, a lead
# approves, history shows both); hostile input.
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$body" | jq -r "$1"; }
jc() { printf '%s' "$body" | jq -S -c "$1"; }
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
	echo $PW | okrdesk user add lead2 --role lead --team Billing \
	    --password-stdin &&
	echo $PW | okrdesk user add ana --role member --team "Tier 1" \
	    --person "Ana Pop" --password-stdin &&
	echo $PW | okrdesk user add view --role viewer --password-stdin &&
	okrdesk token add script --user lead1 --json >"$T/tok.json"
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }
TOK=$(jq -r .token "$T/tok.json")
start_server --quiet || { echo "Bail out! no server"; exit 1; }

login() {	# $1 login; cookie jar $T/$1.jar, CSRF token in $T/$1.csrf
	req POST /api/v1/session -c "$T/$1.jar" \
	    -H 'Content-Type: application/json' \
	    -d "{\"login\": \"$1\", \"password\": \"$PW\"}"
	printf '%s' "$(j .csrf)" >"$T/$1.csrf"
}
for u in root lead1 lead2 ana view; do
	login $u
	[ "$status" = 201 ] || { echo "Bail out! $u cannot sign in"; exit 1; }
done

# as WHO METHOD PATH [BODY]: WHO is a login (cookie and CSRF token), anon
# (nothing) or tok (lead1's Bearer token, no CSRF token).
as() {
	_who=$1
	_m=$2
	_p=$3
	shift 3
	case $_who in
	anon)	set -- -H 'Content-Type: application/json' ${1+-d "$1"} ;;
	tok)	set -- -H "Authorization: Bearer $TOK" \
		    -H 'Content-Type: application/json' ${1+-d "$1"} ;;
	*)	set -- -b "$T/$_who.jar" \
		    -H "X-CSRF-Token: $(cat "$T/$_who.csrf")" \
		    -H 'Content-Type: application/json' ${1+-d "$1"} ;;
	esac
	req "$_m" "$_p" "$@"
}

# The store as the CLI sees it: every entity, the workspace, the history.
snap() {
	for e in team person cycle objective kr user; do
		okrdesk $e list --json
	done
	okrdesk workspace show --json
	okrdesk history --limit 0 --json
}

# refused METHOD PATH BODY WHO:STATUS...: each is refused with its status
# (and the error shape), and the store is unchanged after them all.
refused() {
	_rm=$1
	_rp=$2
	_rb=$3
	shift 3
	_before=$(snap)
	for _ws in "$@"; do
		if [ -n "$_rb" ]; then
			as "${_ws%:*}" "$_rm" "$_rp" "$_rb"
		else
			as "${_ws%:*}" "$_rm" "$_rp"
		fi
		same "${_ws%:*} $_rm $_rp is ${_ws#*:}" "$status $(j \
		    '.error | has("code") and has("message") and has("field")')" \
		    "${_ws#*:} true"
	done
	same "... and the store is unchanged" "$(snap)" "$_before"
}

# --- teams -----------------------------------------------------------------
T2='{"name": "Tier 2", "parent": "Support", "description": "second line"}'
refused POST /api/v1/teams "$T2" anon:401 view:403 ana:403 lead2:403
as lead1 POST /api/v1/teams "$T2"
same "the lead of the parent team adds a team below it (201)" "$status" 201
same "... answered as the CLI shows it (and its version, 1)" \
    "$(jc .)" "$(okrdesk team show "Tier 2" --json | jq -S -c '. + {version: 1}')"
refused POST /api/v1/teams '{"name": "Top"}' lead1:403 tok:403
refused POST /api/v1/teams '{"name": "Sub", "parent": "Billing"}' lead1:403
as root POST /api/v1/teams '{"name": "Sales"}'
same "an admin adds a top team" "$status" 201
as tok POST /api/v1/teams '{"name": "Tier 3", "parent": "Tier 2"}'
same "a lead's Bearer token adds a team, without a CSRF token" "$status" 201
same "... recorded as done by the token's user" \
    "$(okrdesk history "Tier 3" --json | jq -r '.[0].who')" lead1

refused PATCH /api/v1/teams/Tier%202 '{"description": "changed"}' \
    anon:401 view:403 ana:403 lead2:403
as lead1 PATCH /api/v1/teams/Tier%202 '{"description": "the second line"}'
same "the lead edits a team below theirs (200)" \
    "$status $(j .description) $(j .parent)" "200 the second line Support"
refused PATCH /api/v1/teams/Tier%202 '{"parent": "Billing"}' lead1:403
refused PATCH /api/v1/teams/Tier%202 '{"parent": null}' lead1:403
refused PATCH /api/v1/teams/Support '{"description": "x"}' lead2:403
as lead1 PATCH /api/v1/teams/Tier%202 '{"description": null}'
same "null unsets an optional field" "$status $(j .description)" "200 null"
as root PATCH /api/v1/teams/Sales '{"name": "Sales EU", "parent": "Support"}'
same "an admin renames and moves a team" "$status $(j .name) $(j .parent)" \
    "200 Sales EU Support"
refused PATCH /api/v1/teams/nope '{"description": "x"}' root:404 lead1:404

refused DELETE /api/v1/teams/Tier%203 "" anon:401 view:403 ana:403 lead2:403
as tok DELETE /api/v1/teams/Tier%203
same "the token removes a team below its lead's" "$status $(j .deleted)" \
    "200 Tier 3"
refused DELETE /api/v1/teams/Tier%201 "" root:409
contains "... the conflict says why" "$(j .error.message)" "team \"Tier 1\" is the team of 1 sign-in users"
as root DELETE /api/v1/teams/Sales%20EU
same "an admin removes a team" "$status" 200
same "the teams left" "$(okrdesk team list --json | jq -r 'map(.name) | join(",")')" \
    "Support,Tier 1,Billing,Tier 2"

# --- people ----------------------------------------------------------------
CY='{"name": "Cy Dan", "team": "Tier 2", "role": "agent"}'
refused POST /api/v1/people "$CY" anon:401 view:403 ana:403 lead2:403
as lead1 POST /api/v1/people "$CY"
same "a lead adds a person to a team below theirs" "$status" 201
same "... answered as the CLI shows it (and its version, 1)" \
    "$(jc .)" "$(okrdesk person show "Cy Dan" --json | jq -S -c '. + {version: 1}')"
refused POST /api/v1/people '{"name": "Di Eve", "team": "Billing"}' lead1:403
refused POST /api/v1/people '{"name": "Di Eve"}' lead1:403
as lead2 POST /api/v1/people '{"name": "Di Eve", "team": "Billing"}'
same "the other lead adds to their own team" "$status $(j .role)" "201 agent"
refused PATCH /api/v1/people/Cy%20Dan '{"email": "cy@example.com"}' \
    anon:401 view:403 ana:403 lead2:403
as lead1 PATCH /api/v1/people/Cy%20Dan '{"email": "cy@example.com"}'
same "the lead edits their person" "$status $(j .email)" "200 cy@example.com"
refused PATCH /api/v1/people/Cy%20Dan '{"team": "Billing"}' lead1:403
refused PATCH /api/v1/people/Cy%20Dan '{"team": null}' lead1:403
as root PATCH /api/v1/people/Di%20Eve '{"team": null}'
same "an admin takes a person out of every team" "$status $(j .team)" \
    "200 null"
refused DELETE /api/v1/people/Cy%20Dan "" anon:401 view:403 ana:403 lead2:403
as lead1 DELETE /api/v1/people/Cy%20Dan
same "the lead removes their person" "$status $(j .deleted)" "200 Cy Dan"
refused DELETE /api/v1/people/Ana%20Pop "" root:409
refused DELETE /api/v1/people/Di%20Eve "" lead2:403
as root DELETE /api/v1/people/Di%20Eve
same "an admin removes anyone" "$status" 200

# --- cycles ----------------------------------------------------------------
Q1='{"name": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31"}'
refused POST /api/v1/cycles "$Q1" anon:401 view:403 ana:403 lead1:403 \
    lead2:403 tok:403
as root POST /api/v1/cycles "$Q1"
same "an admin adds a cycle, active by default" "$status $(j .state)" \
    "201 active"
refused PATCH /api/v1/cycles/2027-Q1 '{"state": "planning"}' anon:401 \
    view:403 ana:403 lead1:403 tok:403
as root PATCH /api/v1/cycles/2027-Q1 '{"state": "planning"}'
same "an admin edits it" "$status $(j .state)" "200 planning"
refused PATCH /api/v1/cycles/2027-Q1 '{"start": "2027-13-01"}' root:422
same "a bad date names the field" "$(j .error.field)" start
refused PATCH /api/v1/cycles/2027-Q1 '{"state": "sleeping"}' root:422
same "... with the CLI's message" "$(j .error.message)" \
    "$(okrdesk cycle edit 2027-Q1 --state sleeping 2>&1 | sed 's/^okrdesk[^:]*: //')"
refused DELETE /api/v1/cycles/2026-Q4 "" root:409
refused DELETE /api/v1/cycles/2027-Q1 "" anon:401 view:403 lead1:403 tok:403
as root DELETE /api/v1/cycles/2027-Q1
same "an admin removes an unused cycle" "$status" 200

# --- the workspace ---------------------------------------------------------
refused PATCH /api/v1/workspace '{"name": "Acme"}' anon:401 view:403 \
    ana:403 lead1:403 tok:403
as root PATCH /api/v1/workspace '{"name": "Acme Support", "grace_days": 2}'
same "an admin renames the workspace (200)" "$status $(j .name)" \
    "200 Acme Support"
same "... the CLI sees it" \
    "$(okrdesk workspace show --json | jq -r '"\(.name) \(.grace_days)"')" \
    "Acme Support 2"
refused PATCH /api/v1/workspace '{"cadence_days": "7"}' root:422
same "a number as a string is a wrong type, named" \
    "$(j .error.field): $(j .error.message)" \
    "cadence_days: cadence_days: expected a whole number, got a string"
refused PATCH /api/v1/workspace '{"cadence_days": 400}' root:422
refused PATCH /api/v1/workspace '{"timezone": "Mars/Olympus"}' root:422
refused PATCH /api/v1/workspace '{"name": null}' root:422

# --- objectives: top-down ----------------------------------------------------
CS='{"key": "t1-csat", "title": "Happy customers", "cycle": "2026-Q4", "team": "Tier 1"}'
refused POST /api/v1/objectives "$CS" anon:401 view:403 lead2:403
as lead1 POST /api/v1/objectives "$CS"
same "a lead adds an objective for a team below theirs" \
    "$status $(j .state) $(j '.key_results | length')" "201 active 0"
created=$(jc .)
as view GET /api/v1/objectives/t1-csat
same "... answered as the reading route gives it" "$created" \
    "$(jc .)"
refused POST /api/v1/objectives '{"key": "x", "title": "X", "cycle":
    "2026-Q4", "person": "Bo Li"}' lead1:403
as lead1 POST /api/v1/objectives '{"key": "ana-own", "title":
    "Ana learns chat", "cycle": "2026-Q4", "person": "Ana Pop"}'
same "... but may for a person of a team below theirs" "$status" 201
refused POST /api/v1/objectives '{"key": "x", "title": "X", "cycle":
    "2026-Q4"}' lead1:422 ana:422
same "no owner is the CLI's 422, not a 403" "$(j .error.field)" team
refused POST /api/v1/objectives '{"key": "x", "title": "X", "cycle":
    "2026-Q4", "team": "Nowhere"}' lead1:404
refused PATCH /api/v1/objectives/t1-csat '{"title": "Glad customers"}' \
    anon:401 view:403 ana:403 lead2:403
as tok PATCH /api/v1/objectives/t1-csat \
    '{"title": "Glad customers", "kind": "aspirational", "aligns": ["fast"]}'
same "the lead's token edits it (200)" \
    "$status $(j .title) $(j .kind) $(jc .aligns)" \
    '200 Glad customers aspirational ["fast"]'
refused PATCH /api/v1/objectives/t1-csat '{"team": "Billing"}' lead1:403
refused PATCH /api/v1/objectives/t1-csat '{"aligns": "fast"}' lead1:422
refused PATCH /api/v1/objectives/t1-csat '{"grade": 0.5}' lead1:422
as root PATCH /api/v1/objectives/t1-csat '{"aligns": null}'
same "aligns null aligns to nothing" "$status $(jc .aligns)" "200 []"
refused DELETE /api/v1/objectives/bill "" anon:401 view:403 ana:403 \
    lead1:403 tok:403
as lead2 DELETE /api/v1/objectives/bill
same "the lead of its team removes an objective" "$status $(j .deleted)" \
    "200 bill"
same "... with its key results" "$(okrdesk kr list --json | jq -r 'map(.objective + "/" + .key) | join(",")')" \
    "fast/frt"

# --- objectives: bottom-up (a member's draft, a lead's approval) -------------
IDEA='{"key": "short-queue", "title": "Shorter queues", "cycle": "2026-Q4", "team": "Tier 1"}'
refused POST /api/v1/objectives '{"key": "short-queue", "title":
    "Shorter queues", "cycle": "2026-Q4", "team": "Tier 1", "state":
    "active"}' \
    ana:403
contains "... the refusal says a member proposes drafts" \
    "$(j .error.message)" draft
refused POST /api/v1/objectives '{"key": "bq", "title": "B", "cycle":
    "2026-Q4", "team": "Billing"}' ana:403
as ana POST /api/v1/objectives "$IDEA"
same "a member proposes an objective for their team: a draft (201)" \
    "$status $(j .state)" "201 draft"
refused POST /api/v1/objectives/fast/krs '{"key": "k", "title": "K",
    "kind": "boolean"}' ana:403 view:403 lead2:403
as ana POST /api/v1/objectives/short-queue/krs \
    '{"key": "wait", "title": "Queue wait 10 to 5 min", "baseline": 10, "target": 5, "unit": "min"}'
same "... and adds a key result to the draft (201, kind inferred)" \
    "$status $(j .kind) $(j .objective)" "201 decrease short-queue"
refused PATCH /api/v1/objectives/short-queue '{"state": "active"}' \
    ana:403 lead2:403 view:403
as lead1 PATCH /api/v1/objectives/short-queue '{"state": "active"}'
same "the lead of the team above approves it (200)" "$status $(j .state)" \
    "200 active"
refused POST /api/v1/objectives/short-queue/krs '{"key": "k2", "title":
    "K", "kind": "boolean"}' ana:403
same "history: the member proposed it" \
    "$(okrdesk history short-queue --entity objective --json | jq -r '[.[] | select(.field == "key")][0].who')" \
    ana
same "history: the lead approved it" \
    "$(okrdesk history short-queue --entity objective --json | jq -r '[.[] | select(.field == "state")][0] | "\(.who) \(.old) \(.new)"')" \
    "lead1 draft active"
as view GET '/api/v1/history?label=short-queue'
contains "... and the API's history shows the approval" \
    "$(jc '.[] | select(.field == "state") | [.who, .new]')" \
    '["lead1","active"]'

# --- key results ---------------------------------------------------------------
refused PATCH /api/v1/krs/fast/frt '{"target": 4}' anon:401 view:403 \
    ana:403 lead2:403
as lead1 PATCH /api/v1/krs/fast/frt '{"target": 4}'
same "the lead edits a key result (200), with its check-ins" \
    "$status $(j .target) $(j '.checkins | length')" "200 4 0"
refused PATCH /api/v1/krs/fast/frt '{"target": "four"}' lead1:422
same "... a wrong type names the field" "$(j .error.field)" target
refused PATCH /api/v1/krs/fast/frt '{"target": 12}' lead1:422
same "... a decrease with a target above its baseline: the CLI's message" \
    "$(j .error.message)" \
    "$(okrdesk kr edit fast/frt --target 12 2>&1 | sed 's/^okrdesk[^:]*: //')"
refused PATCH /api/v1/krs/fast/nope '{"target": 4}' lead1:404
as root POST /api/v1/objectives/fast/krs \
    '{"key": "chat", "title": "Launch chat", "milestones": ["Pilot:2", {"title": "Rollout"}]}'
same "milestones as strings or objects" \
    "$status $(j .kind) $(jc '[.milestones[] | [.title, .weight]]')" \
    '201 milestones [["Pilot",2],["Rollout",1]]'
refused POST /api/v1/objectives/fast/krs '{"key": "m2", "title": "M",
    "milestones": [3]}' root:422
refused POST /api/v1/objectives/nope/krs '{"key": "m", "title": "M"}' \
    root:404
as lead1 POST /api/v1/objectives/fast/krs '{"key": "vol", "title":
    "Contacts handled", "kpi": "volume", "baseline": 0, "target": 100}'
same "a KPI-linked key result is added (and synced: no data, no points)" \
    "$status $(j .kpi) $(j '.checkins | length')" "201 volume 0"
refused POST /api/v1/objectives/fast/krs '{"key": "v2", "title": "V",
    "kpi": "no_such_kpi"}' lead1:422
refused DELETE /api/v1/krs/fast/chat "" anon:401 view:403 ana:403 lead2:403
as lead1 DELETE /api/v1/krs/fast/chat
same "the lead removes a key result" "$status $(j .deleted)" "200 fast/chat"

# --- users ---------------------------------------------------------------------
refused GET /api/v1/users "" anon:401 view:403 ana:403 lead1:403 tok:403
as root GET /api/v1/users
same "an admin lists the users (a page)" "$status $(j .total)" "200 5"
same "... and no user carries a password or a hash" \
    "$(j '[.items[] | keys[]] | unique | join(",")')" \
    "created_at,disabled,id,lang,login,name,person,role,team"
refused POST /api/v1/users '{"login": "eve", "team": "Tier 1"}' anon:401 \
    view:403 ana:403 lead1:403 tok:403
as root POST /api/v1/users '{"login": "eve", "role": "member", "team": "Tier 1"}'
same "an admin adds a user: a password is made and shown once" \
    "$status $(j '.password | length')" "201 22"
eve_pw=$(j .password)
req POST /api/v1/session -H 'Content-Type: application/json' \
    -d "{\"login\": \"eve\", \"password\": \"$eve_pw\"}"
same "... and it signs in" "$status" 201
refused POST /api/v1/users '{"login": "fay", "password": "short"}' root:422
same "a short password is refused, named" "$(j .error.field)" password
refused POST /api/v1/users '{"login": "fay", "password": 1234567890123}' \
    root:422
as root POST /api/v1/users '{"login": "fay", "role": "viewer", "password": "long-enough-pw"}'
same "a given password is not echoed" "$status $(j 'has("password")')" \
    "201 false"
refused POST /api/v1/users '{"login": "eve"}' root:409
same "... a taken login is 409 exists" "$(j .error.code)" exists
refused PATCH /api/v1/users/eve '{"role": "viewer"}' anon:401 view:403 \
    ana:403 lead1:403 tok:403
as root PATCH /api/v1/users/eve '{"role": "viewer", "disabled": true}'
same "an admin edits a user" "$status $(j .role) $(j .disabled)" \
    "200 viewer yes"
as root PATCH /api/v1/users/eve '{"password": null}'
same "password null makes a new one, shown once" \
    "$status $(j '.password | length')" "200 22"
as root PATCH /api/v1/users/fay '{"password": "another-long-pw"}'
same "an admin sets a password" "$status" 200
req POST /api/v1/session -H 'Content-Type: application/json' \
    -d '{"login": "fay", "password": "another-long-pw"}'
same "... which signs in" "$status" 201
refused PATCH /api/v1/users/root '{"role": "member"}' root:409
refused DELETE /api/v1/users/fay "" anon:401 view:403 ana:403 lead1:403 \
    tok:403
as root DELETE /api/v1/users/fay
same "an admin removes a user" "$status $(j .deleted)" "200 fay"
refused DELETE /api/v1/users/nobody "" root:404

# --- hostile input ---------------------------------------------------------------
as lead1 POST /api/v1/objectives '{"key": "xss", "title":
    "<script>alert(1)</script>", "cycle": "2026-Q4", "team": "Tier 1"}'
same "markup in a title is stored" "$status" 201
as view GET /api/v1/objectives/xss
same "... and comes back as the same text in JSON" "$(j .title)" \
    "<script>alert(1)</script>"
{
	printf '{"key": "big", "cycle": "2026-Q4", "team": "Tier 1", "title": "'
	head -c 10000000 /dev/zero | tr '\0' x
	printf '"}'
} >"$T/big.json"
before=$(snap)
as lead1 POST /api/v1/objectives "@$T/big.json"
case $status in 413|422) st=ok ;; *) st=$status ;; esac
same "a 10 MB title is 413 or 422" "$st" ok
same "... and nothing is written" "$(snap)" "$before"
refused POST /api/v1/teams '{"name": 5}' root:422
same "a number for a name is a wrong type, named" \
    "$(j .error.field): $(j .error.message)" \
    "name: name: expected a string, got a number"
refused POST /api/v1/teams '{"name": ["a"]}' root:422
refused POST /api/v1/teams '{"name": "A", "colour": "red"}' root:422
same "an unknown member is 422, named" "$(j .error.field)" colour
contains "... listing the known ones" "$(j .error.message)" \
    "expected one of: name, parent, description"
refused POST /api/v1/teams '{"name":' root:400
same "broken JSON is 400" "$(j .error.code)" bad_request
refused POST /api/v1/teams '["Support"]' root:400
refused POST /api/v1/teams '{"name": "A", "name": "B"}' root:400
refused POST /api/v1/teams '' root:400
refused POST /api/v1/objectives '{"key": "fast", "title": "Again", "cycle":
    "2026-Q4", "team": "Tier 1"}' lead1:409
same "a duplicate key is 409 exists" "$(j .error.code)" exists
before=$(snap)
req POST /api/v1/teams -b "$T/root.jar" -H 'Content-Type: application/json' \
    -d '{"name": "NoCsrf"}'
same "a cookie write without the CSRF token is 403 csrf" \
    "$status $(j .error.code)" "403 csrf"
same "... and writes nothing" "$(snap)" "$before"
as root GET /api/v1/teams/Support
same "a team has no reading route of its own: 405" "$status" 405

done_testing

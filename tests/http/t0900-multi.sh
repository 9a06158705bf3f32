#!/bin/sh
# t0900-multi.sh: two servers on one database (issue 6, item 3).  Server A
# and server B serve the same $OKRDESK_DB on two ports: what one writes
# the other shows within a second (a check-in, a renamed workspace, an
# import's KPI); two writes of the same version end in exactly one 200
# and one 409 that carries the current object; twenty concurrent clients
# incrementing one field through both servers, each retrying on 409 with
# the version it is given, lose no update; and failed sign-ins on A count
# toward the lock on B.
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$body" | jq -r "$1"; }
PW=correct-horse-battery

{
	okrdesk init --timezone UTC --name "One Desk" &&
	okrdesk team add Support &&
	okrdesk person add "Ana Pop" --team Support &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 \
	    --state active &&
	okrdesk objective add fast --title "Fast replies" --cycle 2026-Q4 \
	    --team Support &&
	okrdesk kr add fast/frt --title "FRT 10 to 5" --baseline 10 \
	    --target 5 --owner "Ana Pop" &&
	echo $PW | okrdesk user add root --role admin --password-stdin &&
	okrdesk token add script --user root --json >"$T/tok.json"
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }
TOK=$(jq -r .token "$T/tok.json")
AUTH="Authorization: Bearer $TOK"
JSON='Content-Type: application/json'


start_server --quiet || { echo "Bail out! no server A"; exit 1; }
BASE1=$BASE
start_server2 --quiet || { echo "Bail out! no server B"; exit 1; }
same "the two servers listen on two ports" \
    "$([ "$PORT" != "$PORT2" ] && echo yes)" yes

# on A|B METHOD PATH [CURL...]: req against one server, as the admin's
# Bearer token (scripts use no CSRF token).
on() {
	case $1 in
	A) BASE=$BASE1 ;;
	B) BASE=$BASE2 ;;
	esac
	shift
	_m=$1
	_p=$2
	shift 2
	req "$_m" "$_p" -H "$AUTH" -H "$JSON" "$@"
}

ms() { date +%s%3N; }

# until_on SERVER PATH JQ EXPECTED: GET PATH on SERVER until JQ of the body
# gives EXPECTED, for at most a second after the call; prints the
# milliseconds it took, or "never".  No sleep: each GET is a round trip.
until_on() {
	_t0=$(ms)
	while :; do
		on "$1" GET "$2"
		if [ "$(j "$3")" = "$4" ]; then
			echo $(($(ms) - _t0))
			return 0
		fi
		[ $(($(ms) - _t0)) -gt 1000 ] && { echo never; return 1; }
	done
}

# --- what one server writes, the other shows --------------------------------

on A POST /api/v1/krs/fast/frt/checkins -d '{"value": 8, "note": "on A"}'
same "a check-in posted to A is stored (201)" "$status" 201
took=$(until_on B /api/v1/krs/fast/frt '.checkins[-1].note' "on A")
same "... and B shows it within a second (took ${took} ms)" \
    "$([ "$took" != never ] && echo yes)" yes
on B GET /api/v1/status
same "... in B's status too (current value 8)" \
    "$(j '.objectives[0].key_results[0].current')" 8

on B GET /api/v1/workspace
same "B serves the workspace name it opened with" "$(j .name)" "One Desk"
v=$(j .version)
on A PATCH /api/v1/workspace -d '{"name": "Renamed on A"}'
same "A renames the workspace (200)" "$status" 200
same "... its version moves on by one" "$(j .version)" $((v + 1))
took=$(until_on B /api/v1/workspace .name "Renamed on A")
same "... and B shows the new name within a second (took ${took} ms)" \
    "$([ "$took" != never ] && echo yes)" yes
on B GET /api/v1/workspace
same "... with the new version" "$(j .version)" $((v + 1))
req GET /login
contains "... and B's sign-in page carries it" "$body" "Renamed on A"

# An import on A: B's KPI snapshot (a cache) is rebuilt within a second.
on B GET "/api/v1/kpis/volume?from=2026-10-01&to=2026-10-31"
before=$(j '[.cells[].n] | add // 0')
printf '%s\n' "id,channel,team,created_at" \
    "t1,email,Support,2026-10-05T09:00:00Z" \
    "t2,email,Support,2026-10-06T09:00:00Z" \
    "t3,chat,Support,2026-10-07T09:00:00Z" >"$T/i.csv"
on A POST /api/v1/imports/interactions \
    -H 'Content-Type: text/csv' --data-binary "@$T/i.csv"
same "an import on A stores 3 rows" "$(j .stored)" 3
took=$(until_on B "/api/v1/kpis/volume?from=2026-10-01&to=2026-10-31" \
    '[.cells[].n] | add // 0' $((before + 3)))
same "... and B's KPIs count them within a second (took ${took} ms)" \
    "$([ "$took" != never ] && echo yes)" yes

# --- the same version twice: one wins, one gets 409 and the current ---------

on A GET /api/v1/objectives/fast
v=$(j .version)
same "an objective read shows its version" \
    "$([ "$v" -ge 1 ] 2>/dev/null && echo yes)" yes
on A PATCH /api/v1/objectives/fast -d "{\"version\": $v, \"title\": \"A\"}"
same "A writes over version $v (200)" "$status" 200
same "... which is now $((v + 1))" "$(j .version)" $((v + 1))
on B PATCH /api/v1/objectives/fast -d "{\"version\": $v, \"title\": \"B\"}"
same "B writes over the same version $v: 409" "$status" 409
same "... error conflict, on the field version" \
    "$(j '.error.code + " " + .error.field')" "conflict version"
same "... naming the objective and both versions" "$(j .error.message)" \
    "objective \"fast\" was changed by someone else (version $((v + 1)), you had $v)"
same "... with the current object: A's title" "$(j .current.title)" A
same "... and its version" "$(j .current.version)" $((v + 1))
on B GET /api/v1/objectives/fast
same "... and B's write left nothing" "$(j .title)" A

on B PATCH /api/v1/objectives/fast -H "If-Match: \"$v\"" \
    -d '{"title": "B"}'
same "a stale If-Match is a 409 too" "$status" 409
on B PATCH /api/v1/objectives/fast -H "If-Match: \"$((v + 1))\"" \
    -d '{"title": "B"}'
same "the current one in If-Match writes (200)" "$status" 200
same "... and the answer carries the next as its ETag" "$(header ETag)" \
    "\"$((v + 2))\""
on A PATCH /api/v1/objectives/fast -H 'If-Match: "7"' \
    -d "{\"version\": 8, \"title\": \"x\"}"
same "If-Match and a body version that disagree: 400" "$status" 400
on A PATCH /api/v1/objectives/fast -d '{"version": "new"}'
same "a version that is not a whole number: 422" "$status" 422

on A GET /api/v1/krs/fast/frt
kv=$(j .version)
on A PATCH /api/v1/krs/fast/frt -d "{\"version\": $kv, \"target\": 6}"
same "a key result writes over its version (200)" "$status" 200
on B PATCH /api/v1/krs/fast/frt -d "{\"version\": $kv, \"target\": 4}"
same "... the same version again is a 409" "$status" 409
same "... with the current target, 6" "$(j .current.target)" 6

on A GET /api/v1/teams
tv=$(j '.items[0].version')
on A PATCH /api/v1/teams/Support -d "{\"version\": $tv, \"description\": \"a\"}"
on B PATCH /api/v1/teams/Support -d "{\"version\": $tv, \"description\": \"b\"}"
same "teams: the second write of one version is a 409" "$status" 409
same "... with the first one's description" "$(j .current.description)" a

# The same race, truly at once: both PATCHes in flight together.
on A GET /api/v1/objectives/fast
v=$(j .version)
pids=
for s in A B; do
	case $s in A) b=$BASE1 ;; B) b=$BASE2 ;; esac
	curl -s -o "$T/race.$s" -w '%{http_code}' -X PATCH -H "$AUTH" \
	    -H "$JSON" -d "{\"version\": $v, \"title\": \"race $s\"}" \
	    "$b/api/v1/objectives/fast" >"$T/race.$s.status" &
	pids="$pids $!"
done
wait $pids	# not the servers
codes=$({ cat "$T/race.A.status"; echo; cat "$T/race.B.status"; echo; } |
    sort | tr '\n' ' ')
same "two PATCHes of one version at once: exactly one 200, one 409" \
    "$codes" "200 409 "
loser=$(grep -l 409 "$T/race.A.status" "$T/race.B.status")
winner=$(grep -l 200 "$T/race.A.status" "$T/race.B.status")
same "... the loser's body has the winner's title" \
    "$(jq -r .current.title "${loser%.status}")" \
    "$(jq -r .title "${winner%.status}")"

# --- no lost update under concurrency ---------------------------------------

# client N BASE: add 1 to the objective's weight through BASE, reading the
# version first and, on 409, trying again from the object it returns.
# Writes its status codes, one a line, to $T/client.N.
client() {
	_f="$T/client.$1"
	_b=$2
	: >"$_f"
	_o=$(curl -s -H "$AUTH" "$_b/api/v1/objectives/fast")
	_n=0
	while [ $_n -lt 200 ]; do
		_w=$(printf '%s' "$_o" | jq -r .weight)
		_v=$(printf '%s' "$_o" | jq -r .version)
		_c=$(curl -s -o "$_f.body" -w '%{http_code}' -X PATCH \
		    -H "$AUTH" -H "$JSON" -d "{\"version\": $_v, \"weight\": $(
		    echo "$_w + 1" | bc)}" "$_b/api/v1/objectives/fast")
		echo "$_c" >>"$_f"
		[ "$_c" = 200 ] && return 0
		[ "$_c" = 409 ] || return 1
		_o=$(jq -c .current "$_f.body")
		_n=$((_n + 1))
	done
}

on A PATCH /api/v1/objectives/fast -d '{"weight": 1}'
i=1
pids=
while [ $i -le 10 ]; do
	client "a$i" "$BASE1" &
	pids="$pids $!"
	client "b$i" "$BASE2" &
	pids="$pids $!"
	i=$((i + 1))
done
wait $pids
ok200=$(cat "$T"/client.?? "$T"/client.??? 2>/dev/null | grep -c '^200$')
n409=$(cat "$T"/client.?? "$T"/client.??? 2>/dev/null | grep -c '^409$')
other=$(cat "$T"/client.?? "$T"/client.??? 2>/dev/null |
    grep -vc '^\(200\|409\)$')
same "20 clients on 2 servers: each wrote once (20 × 200)" "$ok200" 20
same "... and nothing but 200 and 409 was answered" "$other" 0
on B GET /api/v1/objectives/fast
same "... the weight is 1 + 20 successful writes ($n409 conflicts retried)" \
    "$(j .weight)" 21
okrdesk history --json --limit 0 >"$T/h.json"
same "... and history has its weight at creation and the 20 changes" \
    "$(jq '[.[] | select(.field == "weight" and .label == "fast")] |
    length' "$T/h.json")" 21

# --- the edit page: its form carries the version it showed ----------------

BASE=$BASE1
req POST /login -c "$T/root.jar" -d login=root --data-urlencode "password=$PW"
same "root signs in to A's pages" "$status" 303
req GET /objectives/fast/edit -b "$T/root.jar"
csrf=$(printf '%s' "$body" | grep -o 'name="csrf" value="[^"]*"' |
    head -n 1 | sed 's/.*value="//; s/"$//')
pv=$(printf '%s' "$body" | grep -o 'name="version" value="[0-9]*"' |
    sed 's/.*value="//; s/"$//')
on A GET /api/v1/objectives/fast
same "the edit form carries the objective's version as a hidden field" \
    "$pv" "$(j .version)"
on B PATCH /api/v1/objectives/fast -d '{"title": "Changed on B"}'
same "meanwhile B retitles it" "$status" 200
# editpost VERSION TITLE: the form as the browser sends it, on A
editpost() {
	BASE=$BASE1
	req POST /objectives/fast/edit -b "$T/root.jar" \
	    --data-urlencode "csrf=$csrf" -d "version=$1" \
	    --data-urlencode "title=$2" -d "description=" -d "cycle=2026-Q4" \
	    -d "team=Support" -d "person=" -d "kind=committed" \
	    -d "weight=21" -d "aligns="
}
editpost "$pv" "Typed on A"
same "saving the form of the older version is a 409 page" "$status" 409
contains "... that says it changed meanwhile" "$body" "Changed meanwhile"
contains "... shows what is stored now" "$body" "<dd>Changed on B</dd>"
contains "... keeps what was typed" "$body" 'value="Typed on A"'
contains "... and carries the current version for the next save" "$body" \
    "name=\"version\" value=\"$((pv + 1))\""
on B GET /api/v1/objectives/fast
same "... and wrote nothing" "$(j .title)" "Changed on B"
editpost $((pv + 1)) "Typed on A"
same "saved again from that page, it goes through (303)" "$status" 303
on B GET /api/v1/objectives/fast
same "... and B shows the title typed on A" "$(j .title)" "Typed on A"

# --- sign-in throttling is shared --------------------------------------------

signin() {	# signin A|B PASSWORD
	case $1 in A) BASE=$BASE1 ;; B) BASE=$BASE2 ;; esac
	req POST /api/v1/session -H "$JSON" \
	    -d "{\"login\": \"root\", \"password\": \"$2\"}"
}
signin A "$PW"
same "root signs in on A" "$status" 201
signin B "$PW"
same "... and on B" "$status" 201
for i in 1 2 3; do signin A wrong; done
same "three wrong passwords on A are 401" "$status" 401
signin B wrong
same "a fourth on B is 401" "$status" 401
signin B "$PW"
same "the right one on B still signs in (4 failures < 5)" "$status" 201
for i in 1 2 3 4; do signin A wrong; done
signin B wrong
same "the fifth failure, on B after four on A, is 401" "$status" 401
signin B "$PW"
same "... and then B refuses even the right password (429)" "$status" 429
same "... saying when to try again" "$(header Retry-After)" 900
signin A "$PW"
same "... and so does A" "$status" 429

stop_server
same "server A exits 0 on SIGTERM" "$server_rc" 0
kill -TERM "$SERVER2_PID"
wait "$SERVER2_PID"
same "server B exits 0 on SIGTERM" "$?" 0
SERVER2_PID=
done_testing

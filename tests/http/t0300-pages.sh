#!/bin/sh
# t0300-pages.sh: the web pages against the real server on the demo
# workspace: every page answers 200 with the security headers, shows the
# objectives with the percentages the JSON API gives, escapes a hostile
# title, speaks Romanian (messages and decimal commas), draws well-formed
# SVG, and the check-in form changes the tree only with the CSRF token.
. "$(dirname "$0")/lib.sh"

ok "the demo workspace" okrdesk demo
ok "an objective with a hostile title" okrdesk objective add xss \
    --title '<script>alert(1)</script> & co' --cycle 2026-Q4 --team Support
ok "... with a key result from 0 to 10" okrdesk kr add xss/k \
    --title 'Ten things' --baseline 0 --target 10
ok "an admin to sign in with" sh -c \
    'printf "a long secret\n" | "$OKRDESK" user add root --role admin \
    --password-stdin'
start_server --threads 2 || { echo "# tally: 0 1"; exit 1; }

J="$T/jar"
# The pages need sign-in (web/auth.c): until the server routes it, there
# is nothing to test here.
req GET /login
if [ "$status" = 404 ]; then
	echo "# sign-in is not wired into the server yet: pages not tested"
	done_testing
	exit $?
fi
req GET /
same "anonymous on / is sent to sign in" "$status" 303
contains "... at /login" "$(header Location)" "/login?next="
req POST /login -c "$J" -d login=root --data-urlencode 'password=a long secret'
same "sign in" "$status" 303

# --- every page: 200, security headers, no inline style or script --------

for p in / "/?team=Tier%201" /objectives/love /objectives/xss /kpis \
    /kpis/csat "/kpis/frt_median?team=Tier%201" "/teams/Tier%201" \
    "/wallboard?team=Support" /krs/xss/k/checkin /import /coaching; do
	req GET "$p" -b "$J"
	same "GET $p answers 200" "$status" 200
	contains "... as HTML" "$(header Content-Type)" "text/html"
	contains "... with a CSP without inline script" \
	    "$(header Content-Security-Policy)" "script-src 'self'"
	contains "... that forbids framing" \
	    "$(header Content-Security-Policy)" "frame-ancestors 'none'"
	same "... and nosniff" "$(header X-Content-Type-Options)" nosniff
	same "... and no inline style attribute" \
	    "$(printf '%s' "$body" | grep -c 'style=')" 0
	same "... and no inline script" \
	    "$(printf '%s' "$body" | grep -c '<script>')" 0
done

req GET /static/okrdesk.css
same "the stylesheet is served without signing in" "$status" 200
contains "... as CSS" "$(header Content-Type)" "text/css"
contains "... with a print stylesheet" "$body" "@media print"
req GET /static/okrdesk.js
contains "the script is served as JavaScript" "$(header Content-Type)" \
    "text/javascript"

# --- the home page shows what /api/v1/status says --------------------------

req GET /api/v1/status -b "$J"
same "the status document" "$status" 200
printf '%s' "$body" >"$T/status.json"
expected=$(jq -r '.objectives[] | "\(.key) \(if .progress == null then "—"
    else "\((.progress * 100) | round)%" end)"' "$T/status.json" | sort -u)
req GET / -b "$J"
home=$body
# One card per objective: its id, then the first percentage in it.
shown=$(printf '%s' "$home" | awk 'BEGIN { RS = "<section class=\"obj " }
    NR > 1 { match($0, /id="obj-[^"]*"/); id = substr($0, RSTART + 8,
    RLENGTH - 9); match($0, /class="pct">[^<]*</); p = substr($0,
    RSTART + 12, RLENGTH - 13); print id, p }' | sort -u)
same "the home page shows every objective with the API's percentage" \
    "$shown" "$expected"
n=$(jq '.objectives | length' "$T/status.json")
same "... $n objectives in all" "$(printf '%s\n' "$shown" | wc -l)" "$n"
title=$(jq -r '.objectives[0].title' "$T/status.json")
contains "... with their titles" "$home" "$title"
contains "... the counts by status" "$home" 'class="counts"'
contains "... and the navigation with sign-out as a form" "$home" \
    '<form method="post" action="/logout"'

contains "a hostile title is escaped" "$home" \
    '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'
same "... and never raw" "$(printf '%s' "$home" | grep -c '<script>alert')" 0

req GET "/?team=Tier%201" -b "$J"
same "the team filter keeps only that team's tree" \
    "$(printf '%s' "$body" | grep -c 'id="obj-xss"')" 0
req GET "/?team=Nobody" -b "$J"
same "an unknown team is 404" "$status" 404

# --- the objective page ------------------------------------------------------

req GET /objectives/love -b "$J"
obj=$body
contains "the objective page has a chart per key result" "$obj" \
    '<svg class="chart"'
contains "... with the target line" "$obj" 'class="target"'
contains "... the expected pace" "$obj" 'class="pace"'
contains "... the lineage of a KPI-fed value" "$obj" 'class="lineage"'
# the pace of each key result, as the API's status document gives it
v=$(jq -r '.objectives[] | select(.key == "love") | .key_results[0].pace.verdict' \
    "$T/status.json")
g=$(jq -r '.objectives[] | select(.key == "love") |
    .key_results[0].pace.projected_grade | . * 10 | round / 10' "$T/status.json")
contains "... the pace of each key result" "$obj" 'class="krpace"'
contains "... its verdict as the API says ($v)" "$obj" "class=\"verdict v-$v\""
case $g in *.*) ;; *) g="$g.0" ;; esac
contains "... and its projected grade ($g)" "$obj" "grade <b>$g</b>"
contains "... and the history" "$obj" 'class="history"'
printf '%s' "$obj" | sed 's/<svg class="chart"/\n&/g; s/<\/svg>/&\n/g' |
    grep '^<svg class="chart"' >"$T/charts"
same "... two charts for its two key results" "$(wc -l <"$T/charts")" 2
if command -v xmllint >/dev/null 2>&1; then
	{ echo '<charts>'; cat "$T/charts"; echo '</charts>'; } >"$T/c.xml"
	ok "... which are well-formed XML" xmllint --noout "$T/c.xml"
	req GET / -b "$J"
	printf '%s' "$body" | sed 's/<svg class="bar"/\n&/g; s/<\/svg>/&\n/g' |
	    grep '^<svg class="bar"' >"$T/bars"
	{ echo '<bars>'; cat "$T/bars"; echo '</bars>'; } >"$T/b.xml"
	ok "the home page's bars are well-formed XML" xmllint --noout "$T/b.xml"
fi
req GET /objectives/nope -b "$J"
same "an unknown objective is 404" "$status" 404

req GET /kpis/csat -b "$J"
contains "the KPI page has the weekly trend" "$body" '<svg class="chart"'
contains "... numerator, denominator and n" "$body" '<th>numerator</th>'
contains "... a team picker" "$body" '<select name="team">'
contains "... and, for an admin, an agent picker" "$body" \
    '<select name="agent">'

req GET "/wallboard?team=Support" -b "$J"
contains "the wallboard refreshes itself" "$body" \
    '<meta http-equiv="refresh" content="60">'
same "... and has no navigation" "$(printf '%s' "$body" | grep -c '<nav')" 0

# --- Romanian -----------------------------------------------------------------

req GET / -b "$J" -H 'Accept-Language: ro-RO,ro;q=0.9,en;q=0.5'
contains "in Romanian the page says so" "$body" '<html lang="ro">'
contains "... and speaks it" "$body" 'Ieșire'
contains "... status words too" "$body" 'în grafic'
contains "... with Romanian dates" "$body" '01.10.2026'
contains "... and decimal commas" "$body" 'încredere 0,8'
req GET /kpis/csat -b "$J" -H 'Accept-Language: ro'
same "a Romanian KPI table has decimal commas" \
    "$(printf '%s' "$body" | grep -c '<td class="num">[0-9]*,[0-9]%</td>')" 1

# --- the check-in form ---------------------------------------------------------

req GET /krs/xss/k/checkin -b "$J"
csrf=$(printf '%s' "$body" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 |
    sed 's/.*value="//; s/"$//')
contains "the check-in form carries the CSRF token" "$body" "$csrf"
req POST /krs/xss/k/checkin -b "$J" -d value=9
same "a check-in without the CSRF token is 403" "$status" 403
req POST /krs/xss/k/checkin -b "$J" -d csrf=forged -d value=9
same "... and with a wrong one" "$status" 403
req POST /krs/xss/k/checkin -b "$J" --data-urlencode "csrf=$csrf" \
    -d value=abc
same "a value that is no number shows the form again with 422" "$status" 422
contains "... saying why" "$body" 'expected a number'
req POST /krs/xss/k/checkin -b "$J" --data-urlencode "csrf=$csrf" \
    -d value=7 -d confidence=0.6 --data-urlencode 'note=<b>seven</b>'
same "a check-in with the token is 303" "$status" 303
same "... back to the objective" "$(header Location)" /objectives/xss
req GET / -b "$J"
card=$(printf '%s' "$body" | awk 'BEGIN { RS = "<section class=\"obj " }
    /id="obj-xss"/ { print }')
contains "the home page shows the new value: 7 of 0 → 10 is 70%" "$card" \
    'class="pct">70%</span>'
contains "... the value" "$card" '7 → 10'
contains "... and the confidence" "$card" 'confidence 0.6'
req GET /objectives/xss -b "$J"
contains "the note is escaped on the objective page" "$body" \
    '&lt;b&gt;seven&lt;/b&gt;'
req GET /api/v1/krs/xss/k -b "$J"
same "the forged check-ins wrote nothing: one check-in" \
    "$(printf '%s' "$body" | jq '.checkins | length')" 1

# --- the import page -------------------------------------------------------------

printf 'id,channel,created_at,status\nweb-1,email,2026-10-20T10:00:00Z,open\n' \
    >"$T/ix.csv"
req POST /import -b "$J" --data-urlencode "csrf=$csrf" -d dataset=interactions \
    -d dry_run=1 --data-urlencode "data@$T/ix.csv"
same "an import dry run answers 200" "$status" 200
contains "... with its report" "$body" 'class="report"'
req POST /import -b "$J" -d dataset=interactions --data-urlencode "data@$T/ix.csv"
same "an import without the CSRF token is 403" "$status" 403
# a real file upload (multipart/form-data), as the page's file field sends
req POST /import -b "$J" -F "csrf=$csrf" -F dataset=interactions \
    -F dry_run=1 -F "file=@$T/ix.csv;type=text/csv"
same "an uploaded file is checked (200)" "$status" 200
contains "... its one row is read" "$body" 'class="report"'
contains "... and the next step carries its text" "$body" "web-1,email"
req POST /import -b "$J" -F dataset=interactions -F "file=@$T/ix.csv"
same "an upload without the CSRF token is 403" "$status" 403
n0=$(okrdesk kpi show volume --json | jq -r '.cells[0].value // 0')
req POST /import -b "$J" -F "csrf=$csrf" -F dataset=interactions \
    -F "file=@$T/ix.csv;type=text/csv"
same "the upload imports" "$status" 200
same "... one more interaction is stored" \
    "$(okrdesk kpi show volume --json | jq -r '.cells[0].value // 0')" \
    "$((n0 + 1))"

# --- performance, for the record -------------------------------------------------

ms=$(grep -E '^GET (/|/objectives/love) 200' "$T/serve.err" |
    sed 's/.* \([0-9.]*\)ms$/\1/' | sort -n | tail -n 1)
echo "# slowest home or objective page: ${ms}ms"

done_testing

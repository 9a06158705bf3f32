#!/bin/sh
# t0800-coach.sh: coaching and review over HTTP: the cycle review as a
# printable page (its one inline style allowed by hash, nothing else) and
# as JSON, the same document the CLI prints; by role.
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$body" | jq -r "$1"; }
PW=correct-horse-battery
{
	okrdesk demo &&
	echo $PW | okrdesk user add view --role viewer --password-stdin
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }
start_server --quiet || { echo "Bail out! no server"; exit 1; }
VIEW=$(okrdesk token add t-view --user view | grep -o 'okd_[A-Za-z0-9_-]*')
cyc=$(okrdesk status --json | jq -r .cycle.name)

# --- the JSON document ------------------------------------------------------

req GET "/api/v1/cycles/$cyc/review" -H "Authorization: Bearer $VIEW"
same "GET /api/v1/cycles/$cyc/review answers 200" "$status" 200
api=$body
# the CLI evaluates at its own now; the server at the request's: both run
# within the same minute, so compare what does not move within it
cli=$(okrdesk review "$cyc" --json)
same "... the same objectives as 'okrdesk review --json'" \
    "$(printf '%s' "$api" | jq -c '[.objectives[] | [.key, .grade]]')" \
    "$(printf '%s' "$cli" | jq -c '[.objectives[] | [.key, .grade]]')"
same "... the same grade distribution" \
    "$(printf '%s' "$api" | jq -c .distribution)" \
    "$(printf '%s' "$cli" | jq -c .distribution)"
same "... an open cycle's review is provisional" \
    "$(printf '%s' "$api" | jq -r .provisional)" true
req GET "/api/v1/cycles/1999-Q1/review" -H "Authorization: Bearer $VIEW"
same "an unknown cycle is 404" "$status" 404
same "... with the JSON error shape" "$(j .error.code)" not_found
req GET "/api/v1/cycles/$cyc/review"
same "anonymous is 401" "$status" 401

# --- the printable page -------------------------------------------------------

req GET "/cycles/$cyc/review" -H "Authorization: Bearer $VIEW"
same "GET /cycles/$cyc/review answers 200" "$status" 200
contains "... as HTML" "$(header Content-Type)" "text/html"
contains "... with the cycle's name" "$body" "$cyc"
contains "... a print style sheet" "$body" "@media print"
same "... and no script" "$(printf '%s' "$body" | grep -ci '<script')" 0
# the CSP below allows the <style> block only: a style="" attribute would
# be dropped by the browser (bars without width, teams not indented)
same "... and no style attribute" "$(printf '%s' "$body" | grep -c 'style="')" 0
contains "... bar widths as classes" "$body" 'class="bar w'
if command -v xmllint >/dev/null 2>&1; then
	printf '%s' "$body" >"$T/review.html"
	same "... which xmllint reads without a complaint" \
	    "$(xmllint --html --noout "$T/review.html" 2>&1 | head -n 3)" ""
fi
# The CSP allows exactly this page's style block: its SHA-256 in base64,
# computed here by python3 from the bytes between <style> and </style>.
want=$(python3 -c '
import base64, hashlib, sys
s = open(sys.argv[1], "rb").read()
a = s.index(b"<style>") + len(b"<style>")
b = s.index(b"</style>", a)
print(base64.b64encode(hashlib.sha256(s[a:b]).digest()).decode())
' "$T/.body")
csp=$(header Content-Security-Policy)
contains "... its CSP allows its style by hash" "$csp" "style-src 'sha256-$want'"
contains "... and nothing else by default" "$csp" "default-src 'none'"
same "... one CSP header, not the site's as well" \
    "$(printf '%s\n' "$headers" | grep -ci '^content-security-policy:')" 1
contains "... the other security headers stay" "$(header X-Frame-Options)" DENY
req GET "/" -H "Authorization: Bearer $VIEW"
contains "the home page links to the cycle review" "$body" \
    "href=\"/cycles/$cyc/review\""
req GET "/cycles/1999-Q1/review" -H "Authorization: Bearer $VIEW"
same "an unknown cycle's page is 404" "$status" 404
req GET "/cycles/$cyc/review"
same "anonymous is sent to sign in" "$status" 303

# --- coaching: the lint findings ---------------------------------------------

req GET "/api/v1/lint" -H "Authorization: Bearer $VIEW"
same "GET /api/v1/lint answers 200" "$status" 200
same "... the findings of 'okrdesk lint --json'" \
    "$(printf '%s' "$body" | jq -c '[.findings[] | [.code, .ref]]')" \
    "$(okrdesk lint --json | jq -c '[.findings[] | [.code, .ref]]')"
nfind=$(j '.counts.total')
req GET "/api/v1/lint?cycle=1999-Q1" -H "Authorization: Bearer $VIEW"
same "... an unknown cycle is 404" "$status" 404
req GET "/coaching" -H "Authorization: Bearer $VIEW"
same "GET /coaching answers 200" "$status" 200
same "... one item per finding ($nfind)" \
    "$(printf '%s' "$body" | grep -o '<li class="sev-' | wc -l)" "$nfind"
contains "... the error first, linked to its objective" "$body" \
    '<li class="sev-error"><code>no-key-results</code> <a href="/objectives/qa-calibration">'
contains "... a key result's finding links to its card" "$body" \
    'href="/objectives/survey-70#kr-response"'
contains "... with the suggestion" "$body" 'class="sugg"'
req GET "/" -H "Authorization: Bearer $VIEW"
contains "the home page links to coaching" "$body" "href=\"/coaching?cycle=$cyc\""
req GET "/coaching?cycle=1999-Q1" -H "Authorization: Bearer $VIEW"
same "coaching for an unknown cycle is 404" "$status" 404

# --- a closed cycle: the frozen grades ---------------------------------------

stop_server
end=$(okrdesk status --json | jq -r .cycle.end)
{
	for k in $(okrdesk review "$cyc" --json | jq -r '.objectives[] |
	    select(.kind == "committed") | .key'); do
		okrdesk objective edit "$k" --postmortem "We learned."
	done
	OKRDESK_NOW="$(date -u -d "$end + 2 days" +%F)T10:00:00Z" \
	    okrdesk cycle close "$cyc"
} >/dev/null || { echo "Bail out! close failed"; exit 1; }
start_server --quiet || { echo "Bail out! no server"; exit 1; }
req GET "/api/v1/cycles/$cyc/review" -H "Authorization: Bearer $VIEW"
same "after close the review is final" "$(j .provisional)" false
same "... with the grades frozen at close" \
    "$(j '[.objectives[].grade] | join(",")')" \
    "$(okrdesk review "$cyc" --json | jq -r '[.objectives[].grade] | join(",")')"

done_testing

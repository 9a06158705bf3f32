#!/bin/sh
# t0400-survey.sh: customer survey links: a signed link per interaction,
# answered once without signing in, feeding csat and the response rate;
# expired, reused and forged links refused with a plain page.
. "$(dirname "$0")/lib.sh"

{
	okrdesk init --timezone UTC &&
	printf '%s\n' 'id,channel,team,created_at' \
	    'I1,email,Tier 1,2026-10-20T10:00:00Z' \
	    'I2,chat,Tier 1,2026-10-21T10:00:00Z' \
	    'I3,chat,Tier 1,2026-10-21T11:00:00Z' >calls.csv &&
	okrdesk import interactions calls.csv
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

fails 2 "survey without a subcommand is a usage error" okrdesk survey
fails 1 "a link for an unknown interaction fails" okrdesk survey link I9
contains "... saying to import it" "$err" 'no interaction "I9"'
fails 2 "a bad kind is a usage error" okrdesk survey link I1 --kind ces
ok "a CSAT link for I1" okrdesk survey link I1 --base-url http://x.test
url1=$out
contains "the link is under /s/" "$url1" "http://x.test/s/"
tok1=${url1#http://x.test/s/}
ok "an NPS link for I2, as JSON" okrdesk survey link I2 --kind nps --json
tok2=$(printf '%s' "$out" | jq -r .token)
# made 27 days before the server's now, valid one day: expired
ok "a link made long ago" env OKRDESK_NOW=2026-10-02T10:00:00Z \
    "$OKRDESK" survey link I3 --days 1
tok3=${out##*/s/}
ok "two links count as two surveys sent" okrdesk kpi show \
    survey_response_rate --json
same "... none answered yet: 0 of 3" \
    "$(printf '%s' "$out" | jq -r '.cells[0] | "\(.numerator) \(.denominator)"')" \
    "0 3"

start_server --quiet || { echo "Bail out! no server"; exit 1; }
req GET "/s/$tok1"
same "the survey page opens without signing in" "$status" 200
contains "it asks the CSAT question" "$body" "How satisfied are you"
same "five choices" "$(printf '%s' "$body" | grep -o 'name="score"' | wc -l | tr -d ' ')" 5
contains "it carries the security headers" "$(header Content-Security-Policy)" "default-src 'self'"
req POST "/s/$tok1" --data-urlencode "score=4" \
    --data-urlencode "comment=<b>quick</b> & kind"
same "the answer is recorded" "$status" 200
contains "... with thanks" "$body" "Thank you"
req POST "/s/$tok1" --data-urlencode "score=1"
same "a second answer is refused (409)" "$status" 409
contains "... with a plain page" "$body" "already been answered"
req GET "/s/$tok2"
contains "the NPS link asks NPS, 0 to 10" "$body" "recommend"
req POST "/s/$tok2" --data-urlencode "score=11"
same "a score outside the scale is refused (422)" "$status" 422
req POST "/s/$tok2" --data-urlencode "score=9"
same "the NPS answer is recorded" "$status" 200
req GET "/s/$tok3"
same "an expired link is refused (410)" "$status" 410
contains "... saying so" "$body" "expired"
req GET "/s/${tok1%?}x"
same "a forged link is refused (404)" "$status" 404
req GET "/s/garbage"
same "garbage is refused (404)" "$status" 404
stop_server

ok "csat after the answers" okrdesk kpi show csat --json
same "one CSAT answer, a 4: satisfied" \
    "$(printf '%s' "$out" | jq -r '.cells[0] | "\(.numerator) \(.denominator)"')" \
    "1 1"
ok "nps after the answers" okrdesk kpi show nps --json
same "one NPS answer, a 9: a promoter" "$(printf '%s' "$out" | jq -r '.cells[0].value')" 100
ok "the response rate" okrdesk kpi show survey_response_rate --json
same "2 of 3 sent were answered" \
    "$(printf '%s' "$out" | jq -r '.cells[0] | "\(.numerator) \(.denominator)"')" \
    "2 3"
same "the comment is kept as the customer wrote it" \
    "$(sql "SELECT comment FROM survey_comment")" \
    "<b>quick</b> & kind"
fails 1 "a new link for an answered survey is refused" okrdesk survey link I1
done_testing

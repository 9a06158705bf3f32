#!/bin/sh
# t0600-edit.sh: editing in the browser against the real server: the
# objective and key-result forms for each role (allowed or 403), values
# refused by the field tables shown again with the message and the input
# kept, the CSRF token required, hostile text escaped, a member's draft
# approved or sent back by a lead (with the comment in history), comments,
# and the workspace language turning the pages Romanian.
. "$(dirname "$0")/lib.sh"

pw() { printf 'a long secret\n'; }
{
	okrdesk init --name Acme --timezone UTC
	okrdesk team add Support
	okrdesk team add "Tier 1" --parent Support
	okrdesk team add "Tier 2" --parent Support
	okrdesk person add Ana --team "Tier 1"
	okrdesk person add Ion --team "Tier 2"
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31
	okrdesk objective add fcr --title "First contact" --cycle 2026-Q4 \
	    --team "Tier 1"
	okrdesk kr add fcr/rate --title "FCR rate" --baseline 60 --target 80
	okrdesk objective add t2 --title "Tier 2 goal" --cycle 2026-Q4 \
	    --team "Tier 2"
	pw | okrdesk user add root --role admin --password-stdin
	pw | okrdesk user add lead1 --role lead --team "Tier 1" --password-stdin
	pw | okrdesk user add mem --role member --team "Tier 1" --person Ana \
	    --password-stdin
	pw | okrdesk user add mem2 --role member --team "Tier 2" --person Ion \
	    --password-stdin
	pw | okrdesk user add view --role viewer --password-stdin
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }
start_server --threads 2 || { echo "# tally: 0 1"; exit 1; }

for u in root lead1 mem mem2 view; do
	req POST /login -c "$T/$u" -d "login=$u" \
	    --data-urlencode 'password=a long secret'
	same "$u signs in" "$status" 303
done

# The CSRF token of a user's session, from a page with a form.
csrf_of() {
	req GET /objectives/fcr/review -b "$T/$1"
	printf '%s' "$body" | grep -o 'name="csrf" value="[^"]*"' |
	    head -n 1 | sed 's/.*value="//; s/"$//'
}
C_root=$(csrf_of root)
C_lead1=$(csrf_of lead1)
C_mem=$(csrf_of mem)
C_mem2=$(csrf_of mem2)
C_view=$(csrf_of view)
[ -n "$C_lead1" ] && [ -n "$C_view" ] || echo "# no CSRF token found"

# post USER PATH CURL-ARGS...: a form POST with the user's session and token
post() {
	_u=$1
	_p=$2
	shift 2
	eval "_c=\$C_$_u"
	req POST "$_p" -b "$T/$_u" --data-urlencode "csrf=$_c" "$@"
}

# --- who may open the forms ------------------------------------------------

for p in /objectives/new /objectives/fcr/edit /objectives/fcr/krs/new \
    /krs/fcr/rate/edit; do
	req GET "$p" -b "$T/root"
	same "an admin opens $p" "$status" 200
	req GET "$p" -b "$T/lead1"
	same "the lead of Tier 1 opens $p" "$status" 200
	req GET "$p" -b "$T/view"
	same "a viewer may not open $p (403)" "$status" 403
done
req GET /objectives/new
same "anonymous is sent to sign in" "$status" 303
for p in /objectives/fcr/edit /objectives/fcr/krs/new /krs/fcr/rate/edit; do
	req GET "$p" -b "$T/mem"
	same "a member may not edit an active objective: $p 403" "$status" 403
done
req GET /objectives/t2/edit -b "$T/lead1"
same "the lead of Tier 1 may not edit Tier 2's objective (403)" "$status" 403
req GET /objectives/new -b "$T/mem"
same "a member opens the form to propose an objective" "$status" 200
contains "... told it will be a draft" "$body" "draft"
req GET /objectives/new -b "$T/lead1"
contains "the new objective form carries the CSRF token" "$body" \
    "value=\"$C_lead1\""
contains "... and preselects the lead's team" "$body" \
    '<option value="Tier 1" selected>'

# --- creating and editing ----------------------------------------------------

req POST /objectives/new -b "$T/lead1" -d key=csat-up -d title=CSAT \
    -d cycle=2026-Q4 -d team=Tier%201
same "a POST without the CSRF token is 403" "$status" 403
post lead1 /objectives/new -d key=csat-up -d title= -d cycle=2026-Q4 \
    --data-urlencode 'team=Tier 1' -d kind=committed -d weight=2
same "a missing title shows the form again with 422" "$status" 422
contains "... saying why" "$body" 'title'
contains "... keeping the key typed" "$body" 'value="csat-up"'
contains "... and the weight" "$body" 'value="2"'
post lead1 /objectives/new -d key=csat-up -d title=CSAT -d cycle=2026-Q4 \
    --data-urlencode 'team=Tier 1' -d kind=committed -d weight=abc
same "a weight that is no number is 422" "$status" 422
contains "... with the field table's message" "$body" 'weight: '
contains "... keeping the title" "$body" 'value="CSAT"'
post lead1 /objectives/new -d key=fcr -d title=Again -d cycle=2026-Q4 \
    --data-urlencode 'team=Tier 1' -d kind=committed
same "a taken key is 409, the form again" "$status" 409
contains "... saying so" "$body" 'already exists'
post lead1 /objectives/new -d key=t2-more -d title=More -d cycle=2026-Q4 \
    --data-urlencode 'team=Tier 2' -d kind=committed
same "the lead of Tier 1 may not create for Tier 2 (403)" "$status" 403
post lead1 /objectives/new -d key=csat-up -d cycle=2026-Q4 \
    --data-urlencode 'title=<script>alert(1)</script> CSAT' \
    --data-urlencode 'description=line one
line two' --data-urlencode 'team=Tier 1' -d kind=aspirational -d weight=2 \
    -d aligns=fcr
same "a lead creates an objective: 303" "$status" 303
same "... to its page" "$(header Location)" /objectives/csat-up
req GET /api/v1/objectives/csat-up -b "$T/root"
same "... stored active, aspirational, weight 2, aligned to fcr" \
    "$(printf '%s' "$body" | jq -c '[.state, .kind, .weight, .aligns]')" \
    '["active","aspirational",2,["fcr"]]'
req GET /objectives/csat-up/edit -b "$T/lead1"
contains "the edit form escapes a hostile title" "$body" \
    'value="&lt;script&gt;alert(1)&lt;/script&gt; CSAT"'
same "... and never writes it raw" \
    "$(printf '%s' "$body" | grep -c '<script>alert')" 0
contains "... shows the alignment" "$body" 'value="fcr"'
post lead1 /objectives/csat-up/edit -d title=CSAT -d cycle=2026-Q4 \
    --data-urlencode 'team=Tier 1' -d kind=committed -d weight=1
same "an edit is 303" "$status" 303
req GET /api/v1/objectives/csat-up -b "$T/root"
same "... the title changed, the alignment cleared" \
    "$(printf '%s' "$body" | jq -c '[.title, .kind, (.aligns // [])]')" \
    '["CSAT","committed",[]]'
post lead1 /objectives/csat-up/edit -d title=CSAT -d cycle=2026-Q4 \
    --data-urlencode 'team=Tier 2' -d kind=committed
same "a lead may not hand an objective to a team they do not lead" \
    "$status" 403

post lead1 /objectives/csat-up/krs/new -d key=score -d title=Score \
    -d baseline=4.1 -d target=abc
same "a target that is no number shows the KR form with 422" "$status" 422
contains "... naming the field" "$body" 'target: expected a number'
contains "... keeping the baseline" "$body" 'value="4.1"'
post lead1 /objectives/csat-up/krs/new -d key=score -d title=Score \
    -d baseline=4.1 -d target=4.5 -d unit=pts -d owner=Ana
same "a lead adds a key result: 303" "$status" 303
req GET /api/v1/krs/csat-up/score -b "$T/root"
same "... stored with its numbers and owner" \
    "$(printf '%s' "$body" | jq -c '[.kind, .baseline, .target, .owner]')" \
    '["increase",4.1,4.5,"Ana"]'
post lead1 /krs/csat-up/score/edit -d title=Score -d kind=milestones \
    -d baseline= -d target= --data-urlencode 'milestones=Survey:2
Report'
same "a key result becomes milestones: 303" "$status" 303
req GET /api/v1/krs/csat-up/score -b "$T/root"
same "... with its two milestones" \
    "$(printf '%s' "$body" | jq -c '[.kind, [.milestones[].title]]')" \
    '["milestones",["Survey","Report"]]'
post mem /krs/csat-up/score/edit -d title=Mine
same "a member may not edit a key result of an active objective" \
    "$status" 403

# --- a member's draft, approved ------------------------------------------------

post mem /objectives/new -d key=idea -d cycle=2026-Q4 \
    --data-urlencode 'title=Callbacks within 1h' \
    --data-urlencode 'team=Tier 1' -d kind=committed
same "a member proposes an objective for their team: 303" "$status" 303
req GET /api/v1/objectives/idea -b "$T/root"
same "... stored as a draft" "$(printf '%s' "$body" | jq -r .state)" draft
post mem /objectives/new -d key=idea2 -d title=Other -d cycle=2026-Q4 \
    --data-urlencode 'team=Tier 2' -d kind=committed
same "... but not for another team (403)" "$status" 403
post mem /objectives/idea/krs/new -d key=cb -d title=Callbacks \
    -d baseline=0 -d target=90
same "a member adds a key result to their draft: 303" "$status" 303
req GET /objectives/idea/edit -b "$T/mem"
same "... and may edit the draft" "$status" 200
req GET /objectives/idea/edit -b "$T/mem2"
same "a member of another team may not (403)" "$status" 403
req GET / -b "$T/lead1"
contains "the home page marks the draft with a review link" "$body" \
    'href="/objectives/idea/review"'
req GET /objectives/idea/review -b "$T/lead1"
contains "the lead sees Approve on the draft" "$body" '/objectives/idea/approve'
contains "... and Send back" "$body" '/objectives/idea/sendback'
req GET /objectives/idea/review -b "$T/mem"
same "the member who proposed it does not" \
    "$(printf '%s' "$body" | grep -c '/approve')" 0
post mem /objectives/idea/approve
same "a member may not approve (403)" "$status" 403
post mem2 /objectives/idea/approve
same "... nor a member of another team" "$status" 403
req POST /objectives/idea/approve -b "$T/lead1"
same "an approval without the CSRF token is 403" "$status" 403
post lead1 /objectives/idea/approve
same "the lead approves: 303" "$status" 303
same "... to the objective" "$(header Location)" /objectives/idea
req GET /api/v1/objectives/idea -b "$T/root"
same "... now active" "$(printf '%s' "$body" | jq -r .state)" active
req GET "/api/v1/history?label=idea" -b "$T/root"
same "history says lead1 changed its state from draft to active" \
    "$(printf '%s' "$body" | jq -c '[.[] |
    select(.field == "state" and .old == "draft") | [.who, .new]]')" \
    '[["lead1","active"]]'
post lead1 /objectives/idea/approve
same "approving what is no longer a draft is 409" "$status" 409
req GET /objectives/idea/edit -b "$T/mem"
same "once active, the member may no longer edit it (403)" "$status" 403

# --- a draft sent back ---------------------------------------------------------

post mem /objectives/new -d key=idea3 -d title=Chatbot -d cycle=2026-Q4 \
    --data-urlencode 'team=Tier 1' -d kind=committed
same "another draft" "$status" 303
post lead1 /objectives/idea3/sendback -d text=
same "sending back without a comment is 422" "$status" 422
contains "... asking for one" "$body" 'comment'
post lead1 /objectives/idea3/sendback \
    --data-urlencode 'text=Measure <it> first'
same "the lead sends it back with a comment: 303" "$status" 303
req GET /api/v1/objectives/idea3 -b "$T/root"
same "... it stays a draft" "$(printf '%s' "$body" | jq -r .state)" draft
req GET "/api/v1/history?label=idea3" -b "$T/root"
same "history has the send-back by lead1" \
    "$(printf '%s' "$body" | jq -c '[.[] |
    select(.field == "review") | [.who, .new]]')" '[["lead1","sent back"]]'
same "... and the comment" \
    "$(printf '%s' "$body" | jq -c '[.[] |
    select(.entity == "comment") | [.who, .new]]')" \
    '[["lead1","Measure <it> first"]]'
req GET /objectives/idea3/review -b "$T/mem"
contains "the member reads the comment, escaped" "$body" \
    'Measure &lt;it&gt; first'
contains "... with its author" "$body" '<b class="author">lead1</b>'
contains "... and time" "$body" '2026-10-29 10:00'

# --- comments ----------------------------------------------------------------

post view /objectives/fcr/comments --data-urlencode \
    'text=<script>alert(2)</script>'
same "a viewer comments on an objective: 303" "$status" 303
req POST /objectives/fcr/comments -b "$T/view" -d text=hello
same "a comment without the CSRF token is 403" "$status" 403
post view /objectives/fcr/comments -d kr=rate --data-urlencode \
    'text=about the rate'
same "a comment on a key result: 303" "$status" 303
post view /objectives/fcr/comments -d text=%20%20
same "a blank comment is 422" "$status" 422
big=$(head -c 4001 /dev/zero | tr '\0' x)
post view /objectives/fcr/comments -d "text=$big"
same "a comment of 4001 bytes is 422" "$status" 422
contains "... saying how long it may be" "$body" 'at most 4000 bytes'
req POST /objectives/fcr/comments -d text=anon
same "anonymous may not comment" "$status" 303
req GET /objectives/fcr/review -b "$T/root"
contains "the comment is escaped" "$body" \
    '&lt;script&gt;alert(2)&lt;/script&gt;'
same "... never raw" "$(printf '%s' "$body" | grep -c '<script>alert')" 0
contains "the KR comment names its key result" "$body" 'rate</span>'
same "two comments listed" \
    "$(printf '%s' "$body" | grep -o '<li class="comment"' | wc -l)" 2

# --- the workspace language --------------------------------------------------

req GET /objectives/fcr/review -b "$T/root"
contains "in English by default" "$body" '<html lang="en">'
ok "the workspace language set to Romanian" okrdesk workspace edit \
    --language ro
same "... shown by okrdesk workspace" \
    "$(okrdesk workspace --json | jq -r .language)" ro
stop_server
start_server --threads 2 || { echo "# tally: $PASSED $((FAILED + 1))"; exit 1; }
for u in root; do
	req POST /login -c "$T/$u" -d "login=$u" \
	    --data-urlencode 'password=a long secret'
done
req GET /objectives/fcr/review -b "$T/root" -H 'Accept-Language: en'
contains "the pages follow the workspace's language over the browser's" \
    "$body" '<html lang="ro">'
contains "... and speak it" "$body" 'Comentarii'
req GET /objectives/new -b "$T/root"
contains "... the editor too" "$body" 'Obiectiv nou'
ok "a user's own language" okrdesk user edit root --lang en
req GET /objectives/fcr/review -b "$T/root"
contains "... wins over the workspace's" "$body" '<html lang="en">'

done_testing

#!/bin/sh
# t1300-remind.sh: okrdesk remind on the demo workspace: the digest (text
# and JSON), a missed check-in that escalates a week later, e-mail through
# a fake SMTP server, the webhook through a fake receiver, once a day
# (a second run sends nothing, --force resends, the next day sends again),
# failures that record nothing, and --dry-run; URLs checked and never shown
# or stored with their secret path; people sharing an address, a bad
# address, a key result with no owner; a cycle that is not running.
#
# The fake servers (tests/tools/*.py) listen on a loopback port this script
# picks (a random base, the next one when taken, as tests/http/lib.sh
# does); each says "ready PORT" on a FIFO once it is bound, so nothing
# sleeps.  They are stopped by the end of the script, whatever happens.
TOOLS=$(cd "$(dirname "$0")/../tools" && pwd)
. "$(dirname "$0")/lib.sh"

FAKE_PIDS=
trap 'for p in $FAKE_PIDS; do kill -TERM "$p" 2>/dev/null; done; _cleanup' EXIT
# a signal (a reader gone: SIGPIPE) exits through the EXIT trap too
trap 'exit 1' HUP INT PIPE TERM

j() { printf '%s' "$out" | jq -r "$1"; }

_port_base() {
	echo $((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
}

# start_fake SCRIPT OUTDIR [ARGS]: sets FAKE_PID and FAKE_PORT.
start_fake() {
	_script=$1
	_dir=$2
	shift 2
	mkdir -p "$_dir"
	_p=$(_port_base)
	_tries=0
	while [ $_tries -lt 20 ]; do
		rm -f "$T/ready"
		mkfifo "$T/ready"
		python3 "$TOOLS/$_script" --port "$_p" --ready "$T/ready" \
		    --out "$_dir" "$@" 2>>"$T/fake.err" &
		FAKE_PID=$!
		# blocks until the server has bound its port (or failed to)
		_line=$(timeout 30 sh -c 'read -r l <"$1" && echo "$l"' _ \
		    "$T/ready")
		case $_line in
		"ready $_p")
			FAKE_PORT=$_p
			FAKE_PIDS="$FAKE_PIDS $FAKE_PID"
			return 0 ;;
		"busy $_p")
			wait "$FAKE_PID" ;;
		*)
			kill "$FAKE_PID" 2>/dev/null
			wait "$FAKE_PID"
			echo "# $_script did not start:" >&2
			cat "$T/fake.err" >&2
			return 1 ;;
		esac
		_p=$((_p + 1))
		_tries=$((_tries + 1))
	done
	echo "# no free port for $_script" >&2
	return 1
}

stop_fake() {
	kill -TERM "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	_left=
	for _q in $FAKE_PIDS; do [ "$_q" = "$1" ] || _left="$_left $_q"; done
	FAKE_PIDS=$_left
}

count() { ls "$1" 2>/dev/null | grep -c "$2"; }
# the stored mail whose envelope recipient is $2, in directory $1
mail_to() { grep -l "^RCPT TO:<$2>" "$1"/mail-*.txt | head -n 1; }

# ---- the demo, on Thursday 29 Oct 2026 ------------------------------------
okrdesk demo >/dev/null || { echo "Bail out! demo failed"; exit 1; }
{
	okrdesk person edit "Dan Petrescu" --email dan@northwind.example &&
	okrdesk person edit "Sofia Constantin" --email sofia@northwind.example &&
	okrdesk person edit "Mara Ionescu" --email mara@northwind.example
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

ok "remind --help" okrdesk remind --help
contains "... says when it is overdue" "$out" "floor((silence - grace) /"
contains "... gives a cron line" "$out" "0 9 * * 1-5"
fails 2 "an unknown argument is a usage error" okrdesk remind --bogus
fails 2 "--email with no SMTP server is a usage error" \
    env -u OKRDESK_SMTP_URL "$OKRDESK" remind --email --from a@b.org
contains "... and says what is missing" "$err" "OKRDESK_SMTP_URL"
fails 2 "--webhook with no URL anywhere is a usage error" \
    env -u OKRDESK_WEBHOOK_URL "$OKRDESK" remind --webhook
fails 2 "a --webhook URL that is not http(s) is a usage error" \
    okrdesk remind --webhook "ftp://hooks.example.org/T0K3N"
contains "... quoting it without its secret path" "$err" \
    'webhook URL "ftp://hooks.example.org/…" is not an http://'
fails 2 "an empty --webhook is a usage error" okrdesk remind --webhook ""
contains "... quoting it" "$err" 'webhook URL "" is not an http://'
fails 2 "an OKRDESK_WEBHOOK_URL with no scheme is a usage error" \
    env OKRDESK_WEBHOOK_URL=hooks.example.org/T0K3N "$OKRDESK" remind --webhook
contains "... quoted up to its path" "$err" \
    'webhook URL "hooks.example.org/…"'
case $err in *T0K3N*) _fail "... never with the path" "$err" ;;
*) _pass "... never with the path" ;; esac
fails 2 "an --smtp URL that is not smtp(s) is a usage error" \
    okrdesk remind --email --smtp "https://mail.example.org" --from a@b.org
contains "... quoting it" "$err" \
    'SMTP server "https://mail.example.org" is not an smtp:// or smtps:// URL'
fails 2 "an empty --smtp is a usage error" \
    okrdesk remind --email --smtp "" --from a@b.org
contains "... quoting it" "$err" 'SMTP server "" is not an smtp://'

# The training hours KR is the demo's silent one.  Its last check-in, from
# the status (not from remind): silence = now - last, in whole days, and
# missed = floor((silence - 3) / 7) with the default 7 + 3 days.
ok "status --json" okrdesk status --json
last=$(j '.. | objects | select(.ref? == "training-20h/hours") |
    .last_checkin')
outdated=$(j '[.. | objects | select(.ref? != null and
    .status? == "outdated")] | length')
now_s=$(date -u -d "$OKRDESK_NOW" +%s)
last_s=$(date -u -d "$last" +%s)
silence=$(( (now_s - last_s) / 86400 ))
missed=$(( (now_s - last_s - 3 * 86400) / (7 * 86400) ))
same "... the training KR has been silent over 10 days" \
    "$([ "$silence" -gt 10 ] && echo yes)" yes
same "... one cadence missed so far" "$missed" 1

ok "remind prints the digest" okrdesk remind
contains "... a heading with the cycle and the day" "$out" \
    "Check-in reminders · Northwind Support · 2026-Q4 · Thursday 29 Oct 2026"
contains "... by owner: Dan Petrescu" "$out" "
Dan Petrescu
  · Training hours per agent: 0 to 20 (training-20h/hours)
    overdue: silent $silence days (last check-in ${last%%T*}), 1 missed check-in
"
case "$out" in *"escalated to"*) _fail "... nothing escalated yet" ;;
*) _pass "... nothing escalated yet" ;; esac
contains "... due items name their due day" "$out" "due Monday 2 Nov"
contains "... a one-line summary" "$out" "1 overdue, 0 escalated, for"

ok "remind --json" okrdesk remind --json
same "... as many overdue as status shows outdated" \
    "$(j .summary.overdue)" "$outdated"
same "... the training KR: overdue, days, missed, not escalated" \
    "$(j '.owners[] | select(.owner == "Dan Petrescu") | .items[] |
    select(.kr == "training-20h/hours") |
    [.state, .silence_days, .missed, .escalated] | join(" ")')" \
    "overdue $silence 1 false"
same "... the day is the workspace's" "$(j .day)" "2026-10-29"
same "... a read delivers nothing" "$(j '.deliveries | length')" 0

# ---- a week later, the second missed cadence escalates ---------------------
export OKRDESK_NOW=2026-11-05T10:00:00Z
ok "a week later" okrdesk remind --json
same "... the training KR misses its second cadence and escalates" \
    "$(j '.owners[] | .items[] | select(.kr == "training-20h/hours") |
    [.missed, .escalated, .escalated_to] | join(" ")')" \
    "$((missed + 1)) true Sofia Constantin"
same "... the lead of Quality sees it escalated to her" \
    "$(j '.owners[] | select(.owner == "Sofia Constantin") |
    .escalated_to_them | join(" ")')" "training-20h/hours"
ok "... and in text" okrdesk remind
contains "... names the lead" "$out" \
    "2 missed check-ins, escalated to Sofia Constantin"

# ---- e-mail -----------------------------------------------------------------
start_fake fake_smtp.py "$T/mail" || { echo "Bail out! no fake SMTP"; exit 1; }
SMTP_PID=$FAKE_PID
export OKRDESK_SMTP_URL="smtp://127.0.0.1:$FAKE_PORT"
export OKRDESK_SMTP_FROM=okr@northwind.example

ok "--dry-run shows what would be sent" okrdesk remind --email --dry-run
contains "... to whom" "$out" \
    "email: would send to Dan Petrescu <dan@northwind.example>"
same "... and sends nothing" "$(count "$T/mail" mail-)" 0

ok "--email sends one message per person" okrdesk remind --email
same "... three people have an address" "$(count "$T/mail" mail-)" 3
contains "... a person without one is reported" "$out" \
    "email: Andrei Pop has no e-mail address: not sent"
dan=$(mail_to "$T/mail" dan@northwind.example)
sofia=$(mail_to "$T/mail" sofia@northwind.example)
same "... Dan's envelope" "$(sed -n '1,2p' "$dan")" \
    "$(printf 'MAIL FROM:<okr@northwind.example>\nRCPT TO:<dan@northwind.example>')"
dh=$(tr -d '\r' <"$dan")
contains "... From" "$dh" 'From: "okrdesk" <okr@northwind.example>'
contains "... To" "$dh" 'To: "Dan Petrescu" <dan@northwind.example>'
contains "... Subject" "$dh" \
    "Subject: [Northwind Support] check-ins: 1 overdue"
contains "... Date" "$dh" "Date: Thu, 5 Nov 2026 10:00:00 +0000"
contains "... Message-ID" "$dh" "Message-ID: <okrdesk."
contains "... MIME-Version" "$dh" "MIME-Version: 1.0"
contains "... Content-Type" "$dh" "Content-Type: text/plain; charset=utf-8"
contains "... CRLF line ends" "$(od -c "$dan" | tr -s ' ')" '\r \n'
contains "... the body lists the overdue KR" "$dh" \
    "- Training hours per agent: 0 to 20 (training-20h/hours)"
contains "... and its escalation" "$dh" "escalated to Sofia Constantin"
sh_=$(tr -d '\r' <"$sofia")
contains "... the lead's message says it was escalated to her" "$sh_" \
    "Escalated to you as their lead"
contains "... with the owner" "$sh_" "owner Dan Petrescu, overdue: silent"

ok "a second run the same day" okrdesk remind --email
same "... sends nothing" "$(count "$T/mail" mail-)" 3
contains "... and says so" "$out" "already sent today: 3"

ok "--force resends" okrdesk remind --email --force
same "... all three" "$(count "$T/mail" mail-)" 6

export OKRDESK_NOW=2026-11-06T10:00:00Z
ok "--dry-run the next day" okrdesk remind --email --dry-run
same "... sends nothing" "$(count "$T/mail" mail-)" 6
ok "the next day" okrdesk remind --email
same "... sends again (the dry run recorded nothing)" \
    "$(count "$T/mail" mail-)" 9
stop_fake "$SMTP_PID"

export OKRDESK_NOW=2026-11-07T10:00:00Z
start_fake fake_smtp.py "$T/bad" --fail rcpt ||
    { echo "Bail out! no fake SMTP"; exit 1; }
BAD_PID=$FAKE_PID
fails 1 "a server refusing the recipients fails" okrdesk remind --email \
    --smtp "smtp://127.0.0.1:$FAKE_PORT"
contains "... naming the recipient" "$err" "e-mail to "
contains "... and libcurl's reason" "$err" "550"
contains "... the digest is printed all the same" "$out" \
    "Training hours per agent"
stop_fake "$BAD_PID"
fails 1 "a server that is gone fails" okrdesk remind --email
contains "... naming the server" "$err" "via $OKRDESK_SMTP_URL"
start_fake fake_smtp.py "$T/mail2" || { echo "Bail out! no fake SMTP"; exit 1; }
ok "after the failures, the same day" okrdesk remind --email \
    --smtp "smtp://127.0.0.1:$FAKE_PORT"
same "... everything goes out: nothing failed was recorded" \
    "$(count "$T/mail2" mail-)" 3
stop_fake "$FAKE_PID"

# ---- webhook ----------------------------------------------------------------
export OKRDESK_NOW=2026-11-05T10:00:00Z
start_fake fake_webhook.py "$T/hook" || { echo "Bail out! no receiver"; exit 1; }
HOOK="http://127.0.0.1:$FAKE_PORT/hooks/T0K3N"
ok "--webhook posts the digest" okrdesk remind --webhook "$HOOK"
same "... one POST" "$(count "$T/hook" 'json$')" 1
contains "... says where, without the secret path" "$out" \
    "webhook: sent to http://127.0.0.1:$FAKE_PORT/… (10 key results)"
case $out in *T0K3N*) _fail "... the path is never shown" "$out" ;;
*) _pass "... the path is never shown" ;; esac
# BLAKE2b-256 of the URL, computed independently
digest=$(python3 -c 'import hashlib, sys
print(hashlib.blake2b(sys.argv[1].encode(), digest_size=32).hexdigest())' \
    "$HOOK")
same "... the log keeps a digest of the URL" "$(sql \
    "SELECT recipient FROM reminder_log WHERE channel = 'webhook'")" \
    "$digest"
same "... and never the URL" "$(sql_dump | grep -c T0K3N)" 0
contains "... to the URL" "$(cat "$T/hook/hook-1.txt")" "POST /hooks/T0K3N"
contains "... as JSON" "$(cat "$T/hook/hook-1.txt")" \
    "Content-Type: application/json"
same "... in the incoming-webhook shape" \
    "$(jq -r 'keys | join(",")' "$T/hook/hook-1.json")" "text"
hook=$(jq -r .text "$T/hook/hook-1.json")
contains "... by owner" "$hook" "*Dan Petrescu*"
contains "... with the escalation" "$hook" \
    "\`training-20h/hours\` Training hours per agent: 0 to 20: overdue"
contains "... and the summary" "$hook" "1 escalated, for"
ok "a second webhook run the same day" okrdesk remind --webhook "$HOOK"
same "... posts nothing" "$(count "$T/hook" 'json$')" 1
contains "... and says so" "$out" "already sent today: 1"
ok "--webhook alone takes OKRDESK_WEBHOOK_URL" env \
    OKRDESK_WEBHOOK_URL="$HOOK" "$OKRDESK" remind --webhook --force --json
same "... posted again" "$(count "$T/hook" 'json$')" 2
same "... reported as sent" "$(j '.deliveries[0].state')" sent
same "... to the URL without its path" "$(j '.deliveries[0].recipient')" \
    "http://127.0.0.1:$FAKE_PORT/…"
case $out in *T0K3N*) _fail "... the JSON never has the path" "$out" ;;
*) _pass "... the JSON never has the path" ;; esac
stop_fake "$FAKE_PID"

start_fake fake_webhook.py "$T/hook500" --status 500 ||
    { echo "Bail out! no receiver"; exit 1; }
HOOK500="http://127.0.0.1:$FAKE_PORT/hooks/down"
export OKRDESK_NOW=2026-11-09T10:00:00Z
fails 1 "a webhook answering 500 fails" okrdesk remind --webhook "$HOOK500"
contains "... naming the server and the status" "$err" \
    "webhook http://127.0.0.1:$FAKE_PORT/… answered HTTP status 500"
case $err in *hooks/down*) _fail "... not the secret path" "$err" ;;
*) _pass "... not the secret path" ;; esac
stop_fake "$FAKE_PID"
start_fake fake_webhook.py "$T/hook500" ||
    { echo "Bail out! no receiver"; exit 1; }
ok "the retry the same day" okrdesk remind --webhook \
    "http://127.0.0.1:$FAKE_PORT/hooks/down"
contains "... is sent: the failure was not recorded" "$out" "webhook: sent to"
stop_fake "$FAKE_PID"

# ---- people sharing an address, a bad address, no owner --------------------
export OKRDESK_NOW=2026-11-10T10:00:00Z
{
	okrdesk person edit "Mara Ionescu" --email dan@northwind.example &&
	okrdesk person edit "Andrei Pop" --email "andrei at northwind" &&
	okrdesk objective add uptime --title "Always on" --cycle 2026-Q4 \
	    --team Northwind &&
	okrdesk kr add uptime/web --title "Uptime & <!channel>" \
	    --baseline 99 --target 99.9
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }
start_fake fake_smtp.py "$T/mail3" || { echo "Bail out! no fake SMTP"; exit 1; }
SMTP_PID=$FAKE_PID
export OKRDESK_SMTP_URL="smtp://127.0.0.1:$FAKE_PORT"
ok "--email to people sharing an address" okrdesk remind --email --json
same "... Dan and Mara (one address) get a message each" \
    "$(grep -l '^RCPT TO:<dan@northwind.example>' "$T"/mail3/mail-*.txt |
    wc -l | tr -d ' ')" 2
same "... each under their own name" "$(j '[.deliveries[] |
    select(.recipient == "dan@northwind.example") | .name + ":" + .state] |
    join(",")')" "Dan Petrescu:sent,Mara Ionescu:sent"
same "... a bad address is reported, not sent" \
    "$(j '.deliveries[] | select(.name == "Andrei Pop") | .state')" bad_email
same "... the key result with no owner goes to nobody" \
    "$(j '.deliveries[] | select(.name == null) | [.state, .items] |
    join(" ")')" "no_owner 1"
sent=$(count "$T/mail3" mail-)
ok "the same run again, in text" okrdesk remind --email
same "... sends nothing" "$(count "$T/mail3" mail-)" "$sent"
contains "... both sharers are already sent" "$out" \
    "email: already sent today to Mara Ionescu <dan@northwind.example>"
contains "... the bad address is quoted" "$out" \
    "email: Andrei Pop's e-mail \"andrei at northwind\" is not an address"
contains "... the key result with no owner is reported" "$out" \
    "email: 1 key result with no owner: not sent to anyone"
stop_fake "$SMTP_PID"

start_fake fake_webhook.py "$T/hook3" ||
    { echo "Bail out! no receiver"; exit 1; }
HOOK_PID=$FAKE_PID
HOOK="http://127.0.0.1:$FAKE_PORT/hooks/T0K3N"
ok "--webhook with markup in a title" okrdesk remind --webhook "$HOOK"
hook=$(jq -r .text "$T/hook3/hook-1.json")
contains "... the unowned are listed in the chat" "$hook" "*No owner"
contains "... & < > are escaped as Slack asks" "$hook" \
    "\`uptime/web\` Uptime &amp; &lt;!channel&gt;: overdue"
case $hook in *"<!channel>"*) _fail "... so nobody is pinged" "$hook" ;;
*) _pass "... so nobody is pinged" ;; esac

# ---- a cycle that is not running ---------------------------------------------
{
	okrdesk cycle add 2026-Q3 --start 2026-07-01 --end 2026-09-30 &&
	okrdesk objective add old --title "Old goal" --cycle 2026-Q3 \
	    --team "Tier 1" --kind aspirational &&
	okrdesk kr add old/calls --title "Calls" --baseline 0 --target 10 \
	    --owner "Victor Stan"
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }
ok "--cycle on a past cycle" okrdesk remind --cycle 2026-Q3 --email \
    --webhook "$HOOK" --json
same "... is not running" "$(j '[.in_cycle, .summary.text] | join(": ")')" \
    "false: nothing to remind: the cycle is not running"
same "... its silent key result is not listed" "$(j '.owners | length')" 0
same "... the webhook has nothing to send" "$(j '[.deliveries[] |
    .channel + " " + .state] | join(",")')" "webhook nothing_to_send"
same "... and is not called" "$(count "$T/hook3" 'json$')" 1
ok "closing it" okrdesk cycle close 2026-Q3
ok "--cycle on a closed cycle" okrdesk remind --cycle 2026-Q3 --webhook "$HOOK"
contains "... reminds nobody" "$out" \
    "nothing to remind: the cycle is not running"
contains "... and says so for the webhook" "$out" "webhook: nothing to send"
same "... which is not called" "$(count "$T/hook3" 'json$')" 1
stop_fake "$HOOK_PID"

done_testing

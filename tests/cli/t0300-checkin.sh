#!/bin/sh
# t0300-checkin.sh: recording check-ins (value, confidence, note, time) on
# numeric, boolean and milestones key results, and what is refused.
. "$(dirname "$0")/lib.sh"

# OKRDESK_NOW is lib.sh's fixed 2026-10-29T10:00:00Z; the workspace is UTC.

# jq over the stdout of the last command
j() { printf '%s' "$out" | jq -r "$1"; }

# How many check-ins a key result has (reads the store, not $out).
count() { okrdesk checkin list "$1" --json | jq length; }

# The command is refused, as a failure (1) or a bad value (2).
refused() {
	_what=$1
	shift
	_run "$@"
	case $_rc in
	1|2) _pass "$_what" ;;
	*) _fail "$_what" "command: $*" "exit: $_rc (expected 1 or 2)" \
	    "stdout: $out" "stderr: $err" ;;
	esac
}

{
	okrdesk init &&
	okrdesk team add Support &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 &&
	okrdesk objective add fcr-85 --title "Solve it the first time" \
	    --cycle 2026-Q4 --team Support &&
	okrdesk kr add fcr-85/fcr --title "FCR 65% to 85%" --unit % \
	    --baseline 65 --target 85 &&
	okrdesk kr add fcr-85/macros --title "Macro library live" \
	    --kind boolean &&
	okrdesk kr add fcr-85/kb --title "Knowledge base rebuilt" \
	    --milestone "Audit:2" --milestone "Rewrite:1"
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

# --- numeric check-ins -------------------------------------------------

ok "checkin records a value" okrdesk checkin fcr-85/fcr 68
contains "... and says so" "$out" "fcr-85/fcr"
ok "checkin list --json lists it" okrdesk checkin list fcr-85/fcr --json
same "... as one check-in" "$(j length)" 1
same "... with the value given" "$(j '.[0].value == 68')" true
same "... no confidence (null, not 0)" "$(j '.[0].confidence')" null
same "... no note" "$(j '.[0].note')" null
same "... at now (OKRDESK_NOW) by default" "$(j '.[0].at')" \
    2026-10-29T10:00:00Z
same "... by the acting user (OKRDESK_USER)" "$(j '.[0].author')" tester
same "... from source manual" "$(j '.[0].source')" manual

ok "checkin takes --confidence as a fraction" okrdesk checkin fcr-85/fcr 69 \
    --confidence 0.7 --at 2026-10-20
ok "checkin takes --confidence as a percentage" okrdesk checkin fcr-85/fcr \
    70 --confidence 70% --at 2026-10-21T09:30
ok "checkin takes --note" okrdesk checkin fcr-85/fcr 71.5 \
    --note "new macros" --at 2026-10-22
ok "checkin --json prints the check-in it recorded" \
    okrdesk checkin fcr-85/fcr 72 --at 2026-10-23 --json
same "... with its value" "$(j '.value == 72')" true
same "... and time" "$(j .at)" 2026-10-23T00:00:00Z
ok "checkin list --json lists every check-in" \
    okrdesk checkin list fcr-85/fcr --json
same "... (five so far)" "$(j length)" 5
# sorted by time: 10-20 (69), 10-21 (70), 10-22 (71.5), 10-23 (72), 10-29 (68)
same "... sorted by time" "$(j '[.[].value] | map(tostring) | join(",")')" \
    "69,70,71.5,72,68"
same "... 0.7 stored as 0.7" "$(j '.[0].confidence == 0.7')" true
# 70% = 70 / 100 = 0.7
same "... 70% stored as 0.7" "$(j '.[1].confidence == 0.7')" true
same "... --at with a time of day, in the workspace zone (UTC)" \
    "$(j '.[1].at')" 2026-10-21T09:30:00Z
same "... the note" "$(j '.[2].note')" "new macros"
ok "checkin list prints the check-ins as text" okrdesk checkin list fcr-85/fcr
contains "... with a value" "$out" "71.5"
contains "... and its note" "$out" "new macros"
ok "a negative value is a value, not an option" okrdesk checkin fcr-85/fcr -5 \
    --at 2026-10-24
same "... and is recorded" "$(count fcr-85/fcr)" 6

n=$(count fcr-85/fcr)
fails 2 "checkin refuses a value that is not a number" \
    okrdesk checkin fcr-85/fcr abc
contains "... quoting it" "$err" '"abc"'
same "... and writes nothing" "$(count fcr-85/fcr)" "$n"
fails 2 "checkin refuses a number with trailing text" \
    okrdesk checkin fcr-85/fcr 71.5%x
same "... and writes nothing" "$(count fcr-85/fcr)" "$n"
fails 2 "checkin on a numeric key result refuses yes (not a number)" \
    okrdesk checkin fcr-85/fcr yes
same "... and writes nothing" "$(count fcr-85/fcr)" "$n"
n=$(count fcr-85/fcr)	# so the checks below do not inherit a failure here
fails 2 "checkin refuses confidence 1.5 (above 1)" \
    okrdesk checkin fcr-85/fcr 72 --confidence 1.5
contains "... naming the confidence" "$err" "confidence"
same "... and writes nothing" "$(count fcr-85/fcr)" "$n"
fails 2 "checkin refuses confidence 150%" \
    okrdesk checkin fcr-85/fcr 72 --confidence 150%
same "... and writes nothing" "$(count fcr-85/fcr)" "$n"
fails 2 "checkin refuses a time that does not parse" \
    okrdesk checkin fcr-85/fcr 72 --at yesterday
contains "... naming --at" "$err" "at"
same "... and writes nothing" "$(count fcr-85/fcr)" "$n"
# OKRDESK_NOW 2026-10-29T10:00Z + 2 days = 2026-10-31T10:00Z
refused "checkin refuses a time in the future (2 days after now)" \
    okrdesk checkin fcr-85/fcr 72 --at 2026-10-31T10:00
same "... and writes nothing" "$(count fcr-85/fcr)" "$n"
fails 2 "checkin without a value is a usage error" okrdesk checkin fcr-85/fcr
fails 2 "checkin without a key result is a usage error" okrdesk checkin
fails 2 "checkin refuses an unknown option" okrdesk checkin fcr-85/fcr 72 \
    --colour red
fails 1 "checkin on an unknown key result fails" okrdesk checkin fcr-85/nps 72
contains "... naming it" "$err" "fcr-85/nps"
fails 1 "checkin on an unknown objective fails" okrdesk checkin nosuch/fcr 72
fails 1 "checkin list of an unknown key result fails" \
    okrdesk checkin list fcr-85/nps
same "... and nothing was written by any of these" "$(count fcr-85/fcr)" "$n"

# --- boolean -------------------------------------------------------------

ok "a boolean key result accepts yes" okrdesk checkin fcr-85/macros yes \
    --at 2026-10-20
ok "... recorded as 1" okrdesk checkin list fcr-85/macros --json
same "... (value 1)" "$(j '.[-1].value == 1')" true
ok "a boolean key result accepts no" okrdesk checkin fcr-85/macros no \
    --at 2026-10-21
ok "... recorded as 0" okrdesk checkin list fcr-85/macros --json
same "... (value 0)" "$(j '.[-1].value == 0')" true
ok "a boolean key result accepts 1" okrdesk checkin fcr-85/macros 1 \
    --at 2026-10-22
ok "... recorded as 1" okrdesk checkin list fcr-85/macros --json
same "... (value 1)" "$(j '.[-1].value == 1')" true
n=$(count fcr-85/macros)
refused "a boolean key result refuses 0.5" okrdesk checkin fcr-85/macros 0.5
same "... and writes nothing" "$(count fcr-85/macros)" "$n"
refused "a boolean key result refuses 2" okrdesk checkin fcr-85/macros 2
same "... and writes nothing" "$(count fcr-85/macros)" "$n"

# --- milestones ----------------------------------------------------------

ok "kr show --json of a milestones key result lists them" \
    okrdesk kr show fcr-85/kb --json
same "... inferring kind milestones" "$(j .kind)" milestones
same "... with both titles in order" \
    "$(j '[.milestones[].title] | join(",")')" "Audit,Rewrite"
same "... none done yet" "$(j '[.milestones[].done] | any')" false
ok "checkin --done marks a milestone done" okrdesk checkin fcr-85/kb \
    --done Audit
ok "... and records a check-in" okrdesk checkin list fcr-85/kb --json
same "... (one)" "$(j length)" 1
# weights Audit 2, Rewrite 1: done 2 of 3 -> 2/3 = 0.666666666666667
same "... whose value is the done share 2/(2+1)" \
    "$(j '(.[-1].value - 2/3) | fabs < 1e-12')" true
same "... printed with 15 significant digits" "$(j '.[-1].value')" \
    0.666666666666667
ok "... and kr show --json shows it done" okrdesk kr show fcr-85/kb --json
same "... (Audit done, Rewrite not)" \
    "$(j '[.milestones[].done] | map(tostring) | join(",")')" "true,false"
ok "checkin --undone marks it not done again" okrdesk checkin fcr-85/kb \
    --undone Audit
ok "... and records the new share" okrdesk checkin list fcr-85/kb --json
# nothing done: 0 / 3 = 0
same "... 0" "$(j '.[-1].value == 0')" true
n=$(count fcr-85/kb)
fails 1 "checkin --done refuses an unknown milestone" \
    okrdesk checkin fcr-85/kb --done Launch
contains "... naming it" "$err" "Launch"
same "... and writes nothing" "$(count fcr-85/kb)" "$n"
refused "a milestones key result refuses a plain value" \
    okrdesk checkin fcr-85/kb 0.5
same "... and writes nothing" "$(count fcr-85/kb)" "$n"
refused "checkin --done on a key result without milestones is refused" \
    okrdesk checkin fcr-85/fcr --done Audit
fails 2 "checkin refuses both a value and --done" \
    okrdesk checkin fcr-85/kb 1 --done Audit
same "... and writes nothing" "$(count fcr-85/kb)" "$n"

done_testing

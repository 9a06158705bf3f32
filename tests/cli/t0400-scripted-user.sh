#!/bin/sh
# t0400-scripted-user.sh: the issue's "done when": a scripted user goes
# init -> apply (a workspace file) -> checkin -> status --json and reads
# numbers that match the progress math of DESIGN.md worked out by hand.
. "$(dirname "$0")/lib.sh"

export OKRDESK_NOW=2026-11-15T00:00:00Z

# The arithmetic, once (UTC workspace, cycle 2026-10-01 .. 2026-12-31):
#   cycle  = [Oct 1 00:00, Jan 1 00:00) = 31 + 30 + 31 = 92 days
#   now    = Nov 15 00:00 = 31 (October) + 14 = 45 days after the start
#   expected = 45 / 92 = 0.48913043478260...
#   on_track if progress >= 0.7 * 45/92 = 31.5/92 = 0.34239...
#   at_risk  if progress >= 0.4 * 45/92 = 18/92   = 0.19565...
#   outdated when the last check-in is more than 7 + 3 = 10 days old

# jq over the stdout of the last command
j() { printf '%s' "$out" | jq -r "$1"; }

# close WHAT JQ-EXPR EXPECTED-JQ-EXPR: the number the first expression
# reads from $out is within 1e-12 of the second (hand-computed) one.
close() {
	same "$1" "$(printf '%s' "$out" |
	    jq "(($2) - ($3)) | fabs < 1e-12")" true
}

O='.objectives[] | select(.key == "%s")'
obj() { printf "$O" "$1"; }
kr() { printf "$O"' | .key_results[] | select(.key == "%s")' "$1" "$2"; }

cat >okr.yaml <<'EOF'
# Acme's Q4 2026 OKRs (docs/workspace-file.md)
workspace:
  name: Acme Support
  timezone: UTC
  cadence_days: 7
  grace_days: 3
teams:
  - name: Support
    description: all of customer service
  - name: Tier 1
    parent: Support
people:
  - name: Ana Pop
    team: Tier 1
    role: lead
cycles:
  - name: 2026-Q4
    start: 2026-10-01
    end: 2026-12-31
objectives:
  - key: faster
    title: Answer faster without losing quality
    cycle: 2026-Q4
    team: Tier 1
    key_results:
      - key: aht
        title: Handle time from 420 s down to 300 s
        unit: s
        baseline: 420
        target: 300
        weight: 2
      - key: fcr
        title: First contact resolution from 65% to 85%
        unit: "%"
        baseline: 65
        target: 85
        owner: Ana Pop
  - key: quality
    title: Customers get it right the first time
    cycle: 2026-Q4
    team: Support
    aligns: [faster]
    key_results:
      - key: qa
        title: QA score from 0 to 10
        baseline: 0
        target: 10
      - key: fcr-max
        title: Tier 1 FCR from 65% to 85%
        unit: "%"
        baseline: 65
        target: 85
  - key: empty
    title: Something we have not measured yet
    cycle: 2026-Q4
    team: Support
  - key: stale
    title: Ana's customers are happier
    cycle: 2026-Q4
    person: Ana Pop
    key_results:
      - key: csat
        title: CSAT from 80 to 90
        baseline: 80
        target: 90
  - key: laggard
    title: Customers recommend us
    cycle: 2026-Q4
    team: Tier 1
    key_results:
      - key: nps
        title: NPS from 0 to 10
        baseline: 0
        target: 10
  - key: launch
    title: Macros live
    cycle: 2026-Q4
    team: Support
    key_results:
      - key: live
        title: Macro library live
        kind: boolean
EOF

# The same workspace through add commands, for a binary without apply.
build_with_commands() {
	okrdesk workspace edit --name "Acme Support" &&
	okrdesk team add Support --description "all of customer service" &&
	okrdesk team add "Tier 1" --parent Support &&
	okrdesk person add "Ana Pop" --team "Tier 1" --role lead &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 &&
	okrdesk objective add faster --cycle 2026-Q4 --team "Tier 1" \
	    --title "Answer faster without losing quality" &&
	okrdesk kr add faster/aht --unit s --baseline 420 --target 300 \
	    --weight 2 --title "Handle time from 420 s down to 300 s" &&
	okrdesk kr add faster/fcr --unit % --baseline 65 --target 85 \
	    --owner "Ana Pop" --title "First contact resolution from 65% to 85%" &&
	okrdesk objective add quality --cycle 2026-Q4 --team Support \
	    --align faster --title "Customers get it right the first time" &&
	okrdesk kr add quality/qa --baseline 0 --target 10 \
	    --title "QA score from 0 to 10" &&
	okrdesk kr add quality/fcr-max --unit % --baseline 65 --target 85 \
	    --title "Tier 1 FCR from 65% to 85%" &&
	okrdesk objective add empty --cycle 2026-Q4 --team Support \
	    --title "Something we have not measured yet" &&
	okrdesk objective add stale --cycle 2026-Q4 --person "Ana Pop" \
	    --title "Ana's customers are happier" &&
	okrdesk kr add stale/csat --baseline 80 --target 90 \
	    --title "CSAT from 80 to 90" &&
	okrdesk objective add laggard --cycle 2026-Q4 --team "Tier 1" \
	    --title "Customers recommend us" &&
	okrdesk kr add laggard/nps --baseline 0 --target 10 \
	    --title "NPS from 0 to 10" &&
	okrdesk objective add launch --cycle 2026-Q4 --team Support \
	    --title "Macros live" &&
	okrdesk kr add launch/live --kind boolean --title "Macro library live"
}

ok "init creates the workspace" okrdesk init

# apply is there when its usage names the FILE it reads
if okrdesk apply --help 2>/dev/null | grep -q FILE; then
	ok "apply reads the workspace file" okrdesk apply okr.yaml
	ok "... which created every objective" okrdesk objective list --json
	same "... (six, in file order)" "$(j '[.[].key] | join(",")')" \
	    "faster,quality,empty,stale,laggard,launch"
	ok "... and every key result" okrdesk kr list --json
	same "... (seven: 2 + 2 + 0 + 1 + 1 + 1)" "$(j length)" 7
	ok "... with their numbers" okrdesk kr show faster/aht --json
	same "... (aht: kind decrease inferred from 300 < 420)" \
	    "$(j .kind)" decrease
	same "... (aht: weight 2)" "$(j '.weight == 2')" true
	ok "... and the workspace settings" okrdesk workspace show --json
	same "... (its name)" "$(j .name)" "Acme Support"
	n=$(okrdesk history --limit 0 --json | jq length)
	ok "apply of the same file again succeeds" okrdesk apply okr.yaml
	same "... and changes nothing (no new history)" \
	    "$(okrdesk history --limit 0 --json | jq length)" "$n"
else
	echo "# apply is not ready: building the workspace with add commands"
	ok "the workspace is built with add commands" build_with_commands
fi

# --- check-ins -------------------------------------------------------------

ok "checkin handle time 360 s" okrdesk checkin faster/aht 360 \
    --confidence 0.8
ok "checkin FCR 71.5%" okrdesk checkin faster/fcr 71.5 --confidence 60% \
    --note "new macros"
ok "checkin QA 5.9" okrdesk checkin quality/qa 5.9
ok "checkin FCR past its target, 90%" okrdesk checkin quality/fcr-max 90
# 11 days before now: Nov 15 - 11 = Nov 4, 00:00 UTC
ok "checkin CSAT 85, eleven days ago" okrdesk checkin stale/csat 85 \
    --at 2026-11-04
ok "checkin NPS 1" okrdesk checkin laggard/nps 1
ok "checkin the boolean as yes" okrdesk checkin launch/live yes

# --- status --json ---------------------------------------------------------

ok "status --json succeeds" okrdesk status --json
same "... on the current cycle" "$(j .cycle.name)" 2026-Q4
same "... now is OKRDESK_NOW" "$(j .now)" 2026-11-15T00:00:00Z
close "... expected progress = 45/92 days" .expected 45/92
same "... lists the six objectives" "$(j '.objectives | length')" 6

# faster/aht, decrease: (360 - 420) / (300 - 420) = -60 / -120 = 0.5
close "aht (decrease 420 -> 300 at 360): progress 0.5" \
    "$(kr faster aht) | .progress" 0.5
close "... raw 0.5" "$(kr faster aht) | .raw" 0.5
close "... current value 360" "$(kr faster aht) | .current" 360
close "... its expected progress is the cycle's 45/92" \
    "$(kr faster aht) | .expected" 45/92
# 0.5 >= 31.5/92 = 0.342
same "... on_track (0.5 >= 0.7 * 45/92)" \
    "$(j "$(kr faster aht) | .status")" on_track
close "... the confidence checked in (0.8)" \
    "$(kr faster aht) | .confidence" 0.8
same "... the time of its check-in" \
    "$(j "$(kr faster aht) | .last_checkin")" 2026-11-15T00:00:00Z

# faster/fcr, increase: (71.5 - 65) / (85 - 65) = 6.5 / 20 = 0.325
close "fcr (increase 65 -> 85 at 71.5): progress 0.325" \
    "$(kr faster fcr) | .progress" 0.325
# 18/92 = 0.196 <= 0.325 < 31.5/92 = 0.342
same "... at_risk (0.4 * 45/92 <= 0.325 < 0.7 * 45/92)" \
    "$(j "$(kr faster fcr) | .status")" at_risk
close "... confidence 60% read as 0.6" "$(kr faster fcr) | .confidence" 0.6

# objective faster: weights 2 and 1 -> (2 * 0.5 + 1 * 0.325) / 3 = 1.325 / 3
close "objective progress is the weighted mean (2*0.5 + 1*0.325) / 3" \
    "$(obj faster) | .progress" "(2 * 0.5 + 1 * 0.325) / 3"
# 0.4417 >= 0.342
same "... on_track (0.4417 >= 0.7 * 45/92)" "$(j "$(obj faster) | .status")" \
    on_track

# quality/qa: (5.9 - 0) / (10 - 0) = 0.59
close "qa (increase 0 -> 10 at 5.9): progress 0.59" \
    "$(kr quality qa) | .progress" 0.59
same "... printed as 0.59, not 0.58999..." \
    "$(j "$(kr quality qa) | .progress")" 0.59
# quality/fcr-max: (90 - 65) / (85 - 65) = 25 / 20 = 1.25, clamped to 1
close "fcr-max past its target (65 -> 85 at 90): raw 1.25" \
    "$(kr quality fcr-max) | .raw" 1.25
close "... progress clamped to 1" "$(kr quality fcr-max) | .progress" 1
same "... on_track (an increase is never 'done')" \
    "$(j "$(kr quality fcr-max) | .status")" on_track
# quality: (1 * 0.59 + 1 * 1) / 2 = 0.795 (clamped values, not raw)
close "objective quality: (0.59 + 1) / 2, from the clamped progress" \
    "$(obj quality) | .progress" "(0.59 + 1) / 2"
same "... aligned to faster" "$(j "$(obj quality) | .aligns | join(\",\")")" \
    faster

# empty: no key result
same "an objective with no key result has progress null (not 0)" \
    "$(j "$(obj empty) | .progress")" null
same "... and status no_data" "$(j "$(obj empty) | .status")" no_data

# stale/csat: (85 - 80) / (90 - 80) = 0.5, but 11 days > 7 + 3 silent
close "csat checked in eleven days ago: progress 0.5" \
    "$(kr stale csat) | .progress" 0.5
same "... yet outdated (11 days > 7 + 3 days)" \
    "$(j "$(kr stale csat) | .status")" outdated
same "... its last check-in Nov 4" \
    "$(j "$(kr stale csat) | .last_checkin")" 2026-11-04T00:00:00Z
same "... and its objective is outdated too" \
    "$(j "$(obj stale) | .status")" outdated
same "... owned by the person" "$(j "$(obj stale) | .owner.person")" "Ana Pop"

# laggard/nps: (1 - 0) / (10 - 0) = 0.1 < 18/92 = 0.196
close "nps (0 -> 10 at 1): progress 0.1" "$(kr laggard nps) | .progress" 0.1
same "... off_track (0.1 < 0.4 * 45/92)" \
    "$(j "$(kr laggard nps) | .status")" off_track
same "... and its objective is off_track" \
    "$(j "$(obj laggard) | .status")" off_track

# launch/live: boolean yes = 1
close "a boolean checked in yes: progress 1" "$(kr launch live) | .progress" 1
same "... status done" "$(j "$(kr launch live) | .status")" done
same "... and its objective (every key result done) is done" \
    "$(j "$(obj launch) | .status")" done

# --- status (text) and --team ----------------------------------------------

ok "status prints the tree as text" okrdesk status
contains "... with an objective" "$out" "Answer faster without losing quality"
contains "... a key result" "$out" "Handle time from 420 s down to 300 s"
contains "... and the words of the statuses" "$out" "at risk"
ok "status --team keeps one team's objectives" \
    okrdesk status --team "Tier 1" --json
# Tier 1 owns faster and laggard; Ana Pop (in Tier 1) owns stale
same "... (its own, and its people's)" \
    "$(j '[.objectives[].key] | sort | join(",")')" "faster,laggard,stale"
fails 1 "status --team refuses an unknown team" okrdesk status --team Nowhere
contains "... naming it" "$err" "Nowhere"
fails 1 "status --cycle refuses an unknown cycle" okrdesk status --cycle 2031-Q1
fails 2 "status refuses an unknown option" okrdesk status --colour red

done_testing

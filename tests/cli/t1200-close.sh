#!/bin/sh
# t1200-close.sh: okrdesk cycle close, the review in four formats, the
# lock on a closed cycle, and cycle carry.
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$out" | jq -r "$1"; }
q() { sql "$1"; }
# A whole number as PostgreSQL writes it: SQLite writes a REAL 61 as 61.0.
whole() { sed -E 's/([0-9])\.0([^0-9]|$)/\1\2/g'; }
AFTER=2027-01-02T09:00:00Z

okrdesk init >/dev/null
{
	okrdesk team add Company &&
	okrdesk team add Support --parent Company &&
	okrdesk cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 &&
	okrdesk objective add love --title "Customers love us" \
	    --cycle 2026-Q4 --team Company --kind aspirational &&
	okrdesk kr add love/nps --title "NPS 52 to 70" --unit NPS \
	    --baseline 52 --target 70 &&
	okrdesk objective add aht --title "Answer faster" --cycle 2026-Q4 \
	    --team Support --align love &&
	okrdesk kr add aht/aht --title "Handle time 420 s to 300 s" \
	    --unit s --baseline 420 --target 300 &&
	okrdesk checkin love/nps 61 --at 2026-10-20 &&
	okrdesk checkin aht/aht 400 --at 2026-10-12 &&
	okrdesk checkin aht/aht 360 --at 2026-10-26
} >/dev/null || { echo "Bail out! setup failed"; exit 1; }

# love: (61 - 52) / (70 - 52) = 0.5; aht: (360 - 420) / (300 - 420) = 0.5
ok "review of an open cycle works" okrdesk review 2026-Q4
contains "... and says it is provisional" "$out" "PROVISIONAL, as of 2026-10-29"

fails 1 "close before the end is refused" okrdesk cycle close 2026-Q4
contains "... saying the end date" "$err" "ends on 2026-12-31 (today is 2026-10-29)"

export OKRDESK_NOW=$AFTER
fails 1 "close without a post-mortem is refused" okrdesk cycle close 2026-Q4
contains "... listing the objective and its grade" "$err" \
    "1 committed objective graded below 1.0 needs a post-mortem note (objective edit KEY --postmortem TEXT, or --notes FILE): aht (0.5)"
same "... and writes nothing: the cycle is open" \
    "$(q "SELECT state || '|' || coalesce(CAST(closed_at AS TEXT), '-') FROM cycle")" "active|-"
same "... no grade" "$(q "SELECT count(*) FROM objective WHERE grade IS NOT NULL")" 0
same "... no history of it" \
    "$(q "SELECT count(*) FROM history WHERE field IN ('grade', 'closed_at')")" 0

cat >notes.yaml <<'YAML'
aht:
  postmortem: Staffing lagged the volume.
  grade: 1
YAML
fails 2 "a notes file with an unknown field is refused" \
    okrdesk cycle close 2026-Q4 --notes notes.yaml
contains "... naming file, line and key" "$err" \
    "notes.yaml:3:3: aht: unknown key \"grade\""

cat >notes.yaml <<'YAML'
aht:
  postmortem: Staffing lagged the volume.
ghost:
  retrospective: Nobody owns this.
YAML
fails 2 "a note for no objective of the cycle is refused" \
    okrdesk cycle close 2026-Q4 --notes notes.yaml
contains "... naming file, line and key" "$err" \
    "notes.yaml:3: ghost: no objective with this key in cycle 2026-Q4"

cat >notes.yaml <<'YAML'
aht:
  retrospective: The macro helped.
  postmortem: Staffing lagged the volume.
love: {retrospective: "Callbacks moved NPS <most>."}
YAML
ok "close with notes works" okrdesk --as mara cycle close 2026-Q4 --notes notes.yaml
contains "... and says what it froze" "$out" \
    "closed 2026-Q4, graded as of 2026-12-31: 2 objectives (mean grade 0.50), 2 key results frozen"
same "the grades are frozen" \
    "$(q "SELECT key || '=' || grade FROM objective ORDER BY key" | tr '\n' ' ')" \
    "aht=0.5 love=0.5 "
same "the key results' final values and statuses are frozen" \
    "$(q "SELECT key || '=' || final_value || '/' || final_status FROM key_result ORDER BY key" | whole | tr '\n' ' ')" \
    "aht=360/outdated nps=61/outdated "
same "the cycle is closed by mara" \
    "$(q "SELECT state || '|' || closed_by FROM cycle")" "closed|mara"
ok "history shows the freeze" okrdesk history aht
contains "... the grade" "$out" "grade"

fails 1 "a second close is refused" okrdesk cycle close 2026-Q4
contains "... saying when and by whom" "$err" \
    "cycle 2026-Q4 was closed on 2027-01-02 by mara"
fails 1 "a check-in on a closed cycle is refused" \
    okrdesk checkin aht/aht 330 --at 2026-12-30
contains "... as closed" "$err" "cycle \"2026-Q4\" is closed"
fails 1 "a key result edit is refused" okrdesk kr edit aht/aht --target 280
fails 1 "moving a closed cycle's end is refused" \
    okrdesk cycle edit 2026-Q4 --end 2027-01-15
contains "... as closed" "$err" "cycle \"2026-Q4\" is closed"
fails 1 "reopening it by hand is refused" \
    okrdesk cycle edit 2026-Q4 --state active
fails 1 "removing it is refused" okrdesk cycle rm 2026-Q4
same "... it is still closed, its end unchanged" \
    "$(q "SELECT state || '|' || end_date FROM cycle")" "closed|2026-12-31"
ok "a retrospective may still be written" \
    okrdesk objective edit love --retrospective "Callbacks moved NPS."

ok "review --json" okrdesk review 2026-Q4 --json
same "... mean grade" "$(j .mean_grade)" "0.5"
same "... closed" "$(j '.closed, .provisional' | tr '\n' ' ')" "true false "
same "... committed success rate (0.5 is not 1.0)" \
    "$(j .kinds.committed.success_rate)" "0"
same "... the lessons" "$(j '.lessons | length')" "2"
ok "review --format md" okrdesk review 2026-Q4 --format md
contains "... a Markdown table" "$out" "| 0.5 | yellow | committed | \`aht\` Answer faster |"
ok "review --format html" okrdesk review 2026-Q4 --format html
printf '%s\n' "$out" >review.html
contains "... printable" "$out" "@media print"
ok "... is well-formed HTML" xmllint --html --noout review.html
same "... with nothing xmllint complains of" "$err" ""
ok "review text" okrdesk review 2026-Q4
contains "... the post-mortem" "$out" "Staffing lagged the volume."
fails 2 "an unknown format is a usage error" okrdesk review 2026-Q4 --format pdf

okrdesk cycle add 2027-Q1 --start 2027-01-01 --end 2027-03-31 >/dev/null
fails 1 "carry from an open cycle is refused" \
    okrdesk cycle carry 2027-Q1 --to 2026-Q4
ok "carry works" okrdesk cycle carry 2026-Q4 --to 2027-Q1
contains "... the aspirational objective below 1.0" "$out" "love -> love-2027-q1"
same "... as a draft that remembers its source" \
    "$(q "SELECT state || '|' || carried_from FROM objective WHERE key = 'love-2027-q1'")" \
    "draft|love"
same "... its baseline reset to the final value" \
    "$(q "SELECT baseline || '|' || target FROM key_result k JOIN objective o ON o.id = k.objective_id WHERE o.key = 'love-2027-q1'" | whole)" \
    "61|70"
same "... without check-ins" \
    "$(q "SELECT count(*) FROM checkin c JOIN key_result k ON k.id = c.kr_id JOIN objective o ON o.id = k.objective_id WHERE o.key = 'love-2027-q1'")" 0
ok "a second carry works" okrdesk cycle carry 2026-Q4 --to 2027-Q1
contains "... and copies nothing" "$out" "nothing to carry"
same "... one objective in 2027-Q1" \
    "$(q "SELECT count(*) FROM objective o JOIN cycle c ON c.id = o.cycle_id WHERE c.name = '2027-Q1'")" 1

# an ended cycle left open, with an objective that has no data and a key
# longer than its column
{
	okrdesk cycle add 2026-Q3 --start 2026-07-01 --end 2026-09-30 &&
	okrdesk objective add a-very-long-objective-key \
	    --title "Nobody measured this" --cycle 2026-Q3 --team Company \
	    --kind aspirational
} >/dev/null || { echo "Bail out! 2026-Q3 setup failed"; exit 1; }
ok "review of an ended cycle not yet closed" okrdesk review 2026-Q3
contains "... provisional as of its last day, not the day after" "$out" \
    "PROVISIONAL, as of 2026-09-30:"
ok "close of a cycle with an ungraded objective" okrdesk cycle close 2026-Q3
# "—" is one column padded to 3; the key is cut to 16 columns with "…"
contains "... lines its table up by columns" "$out" \
    "  —    aspirational  a-very-long-obj…  Nobody measured this"

done_testing

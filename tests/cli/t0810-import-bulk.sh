#!/bin/sh
# t0810-import-bulk.sh: the importer's bulk load (store_load_*: per-row
# upserts on SQLite, COPY on PostgreSQL) keeps every import rule: a file
# that repeats an id keeps its last row and counts it once, whether the
# table starts empty or not; a failing or dry-run import writes nothing,
# into an empty table as into a full one; text with the characters that
# CSV and COPY quote comes back byte for byte; a missing value stays
# missing, not 0; and a file bigger than any buffer arrives whole.
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$out" | jq -r "$1"; }
# The one cell of a KPI over all the data, as "value numerator denominator".
kpi() {
	_run okrdesk kpi show "$@" --json
	j '.cells[0] | "\(.value) \(.numerator) \(.denominator)"'
}

okrdesk init >/dev/null || { echo "Bail out! init failed"; exit 1; }

# --- an id repeated in one file, into an empty table ---------------------
cat >rep.csv <<'EOF'
id,created_at,channel
x1,2026-10-01T10:00:00Z,chat
x2,2026-10-01T11:00:00Z,chat
x1,2026-10-01T12:00:00Z,email
EOF
ok "a file that repeats an id imports into an empty table" okrdesk import \
    interactions rep.csv
# 3 rows, ids x1, x2: 2 new; the second x1 updates the first
contains "the repeat is counted once as new" "$out" \
    "3 rows read, 3 stored (2 new, 1 updated)"
same "two interactions are stored" "$(kpi volume)" "2 null null"
# x1's last row says email: chat keeps only x2
same "the later row of x1 wins: one chat" "$(kpi volume --channel chat)" \
    "1 null null"
same "and one email" "$(kpi volume --channel email)" "1 null null"

# --- into a table that already has rows ------------------------------------
cat >more.csv <<'EOF'
id,created_at,channel
x2,2026-10-01T11:00:00Z,phone
x3,2026-10-02T09:00:00Z,phone
x3,2026-10-02T09:00:00Z,chat
EOF
ok "a second file updates and adds" okrdesk import interactions more.csv
# x2 exists (updated), x3 is new and repeated: 1 new, 2 updated
contains "one new, two updated" "$out" \
    "3 rows read, 3 stored (1 new, 2 updated)"
same "three interactions in all" "$(kpi volume)" "3 null null"
# x1 email, x2 phone, x3 chat (its last row)
same "one chat: x3's last row" "$(kpi volume --channel chat)" "1 null null"
same "one phone: x2 updated" "$(kpi volume --channel phone)" "1 null null"

# --- failures and dry runs write nothing -----------------------------------
cat >badtail.csv <<'EOF'
id,created_at,channel,talk_s
x4,2026-10-03T09:00:00Z,chat,10
x1,2026-10-03T09:00:00Z,chat,10
x5,2026-10-03T09:00:00Z,chat,-1
EOF
fails 1 "a bad last row fails the import into a full table" okrdesk \
    import interactions badtail.csv
contains "it names the row" "$err" "badtail.csv:4: talk_s"
same "nothing was written: still three" "$(kpi volume)" "3 null null"
same "x1 was not updated: still one email" \
    "$(kpi volume --channel email)" "1 null null"

cat >surv.csv <<'EOF'
id,kind,scale_min,scale_max,score,sent_at,responded_at
s1,csat,1,5,5,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z
s2,csat,1,5,9,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z
EOF
fails 1 "a bad row fails the import into an empty table" okrdesk import \
    surveys surv.csv
ok "a dry run into an empty table" okrdesk import surveys surv.csv \
    --skip-bad --dry-run
contains "the dry run checked one good row" "$out" "1 stored"
cat >surv2.csv <<'EOF'
id,kind,scale_min,scale_max,score,sent_at,responded_at
s1,csat,1,5,5,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z
s3,csat,1,5,2,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z
EOF
ok "then a good file imports" okrdesk import surveys surv2.csv
# had the failed run or the dry run written s1, it would be 1 new
contains "both rows are new: the failure and the dry run wrote nothing" \
    "$out" "2 stored (2 new, 0 updated)"
# s1 scores 5 (satisfied), s3 scores 2: 1 / 2
same "CSAT is 1 of 2" "$(kpi csat)" "0.5 1 2"

# --- text that CSV and COPY quote, and missing values -----------------------
tab=$(printf '\t')
cat >text.csv <<EOF
id,created_at,team,escalated
t1,2026-10-05T10:00:00Z,"comma, ""quote"" \\N back\\slash${tab}tab é",1
t2,2026-10-05T10:00:00Z,"two
lines",0
t3,2026-10-05T10:00:00Z,\\N,
EOF
ok "text with quotes, backslashes, tabs and newlines imports" okrdesk \
    import interactions text.csv
_run okrdesk kpi show volume --from 2026-10-05 --to 2026-10-05 --by team \
    --json
same "the teams come back byte for byte" \
    "$(j '[.cells[].group] | sort | join("|")')" \
    "$(printf '\\N|comma, "quote" \\N back\\slash\ttab é|two\nlines')"
# escalated: t1 1, t2 0, t3 missing (left out, not a 0): 1 / 2
same "a missing flag is left out, not stored as 0" \
    "$(kpi escalation_rate --from 2026-10-05 --to 2026-10-05)" "0.5 1 2"

# --- more rows than any buffer ------------------------------------------------
ok "okrdesk gen writes 30,000 interactions" okrdesk gen --rows 30000 \
    --from 2026-11-01 --to 2026-11-30 --out big --datasets interactions
ok "they import" okrdesk import interactions big/interactions.csv
# new = the table's count after minus before: every row arrived
contains "all 30,000 are new" "$out" \
    "30000 rows read, 30000 stored (30000 new, 0 updated)"
ok "the same file again" okrdesk import interactions big/interactions.csv
contains "updates all 30,000" "$out" "(0 new, 30000 updated)"

done_testing

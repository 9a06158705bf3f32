#!/bin/sh
# t0700-gen.sh: okrdesk gen writes synthetic exports into a directory:
# usage, bad options (exit 2, naming the option and the value), the files
# and their row counts, determinism, and no workspace needed.
. "$(dirname "$0")/lib.sh"

lines() {	# data rows of a CSV without embedded newlines
	echo $(($(wc -l <"$1") - 1))
}

# --- usage ---------------------------------------------------------------

ok "okrdesk gen --help succeeds" okrdesk gen --help
contains "... and prints the usage" "$out" "usage: okrdesk gen"
contains "... naming --rows" "$out" "--rows N"
contains "... and --datasets" "$out" "--datasets LIST"
ok "okrdesk help gen prints the same" okrdesk help gen
contains "... usage" "$out" "usage: okrdesk gen"
ok "gen is listed by okrdesk --help" okrdesk --help
contains "... with its summary" "$out" "gen "

# --- bad options -----------------------------------------------------------

fails 2 "--rows abc is a usage error" okrdesk gen --rows abc --out "$T/x"
contains "... naming the option" "$err" "--rows"
contains "... and quoting the value" "$err" '"abc"'
fails 2 "--rows 0 is a usage error" okrdesk gen --rows 0 --out "$T/x"
contains "... saying what is allowed" "$err" "from 1"
fails 2 "--from 2026-02-30 (no such day) is a usage error" \
    okrdesk gen --from 2026-02-30 --out "$T/x"
contains "... quoting the date" "$err" "2026-02-30"
fails 2 "--to before --from is a usage error" \
    okrdesk gen --from 2026-10-01 --to 2026-09-30 --out "$T/x"
contains "... naming both" "$err" "comes before"
fails 2 "--teams 65 is a usage error" okrdesk gen --teams 65 --out "$T/x"
contains "... naming the option" "$err" "--teams"
fails 2 "--agents fewer than --teams is a usage error" \
    okrdesk gen --teams 5 --agents 3 --out "$T/x"
contains "... saying why" "$err" "one a team"
fails 2 "--datasets with an unknown name is a usage error" \
    okrdesk gen --datasets interactions,tickets --out "$T/x"
contains "... quoting the name" "$err" '"tickets"'
fails 2 "--seed -1 is a usage error" okrdesk gen --seed -1 --out "$T/x"
fails 2 "an unknown option is a usage error" okrdesk gen --colour blue
contains "... naming it" "$err" "--colour"
fails 2 "--rows without a value is a usage error" okrdesk gen --rows
same "... and nothing was written" \
    "$(test -e "$T/x" && echo exists || echo absent)" absent
: >"$T/file"
fails 1 "--out naming a file, not a directory, fails" \
    okrdesk gen --rows 10 --out "$T/file"
contains "... and says so" "$err" "not a directory"

# --- the files -------------------------------------------------------------

ok "gen writes the seven files into a new directory, without a workspace" \
    okrdesk gen --rows 2000 --teams 3 --agents 12 --out "$T/d" \
    --from 2026-10-01 --to 2026-12-31
same "... and no database was created" \
    "$(ws_exists "$OKRDESK_DB" && echo exists || echo absent)" absent
for f in interactions surveys qa_reviews training kb_audits customers \
    agents; do
	same "... $f.csv exists" \
	    "$(test -s "$T/d/$f.csv" && echo yes || echo no)" yes
done
same "... and no temporary file is left" "$(ls -A "$T/d" | grep -c tmp)" 0
same "interactions.csv has --rows rows" "$(lines "$T/d/interactions.csv")" \
    2000
same "agents.csv has --agents rows" "$(lines "$T/d/agents.csv")" 12
# 2,000 contacts over 92 days: ceil(2000 * 60 / 92) = 1,305 customers
same "customers.csv has a customer per 0.67 monthly contacts" \
    "$(lines "$T/d/customers.csv")" 1305
same "the reported count is the file's for surveys" \
    "$(printf '%s\n' "$out" | grep surveys.csv | cut -f2)" \
    "$(lines "$T/d/surveys.csv") rows"
same "the interactions header is the dataset's fields" \
    "$(head -n 1 "$T/d/interactions.csv" | cut -d, -f1-9)" \
    "id,channel,team,agent,customer,category,priority,status,created_at"
same "the teams are the three first tiers" \
    "$(cut -d, -f3 "$T/d/agents.csv" | sed 1d | sort -u | tr '\n' /)" \
    "Billing/Tier 1/Tier 2/"
same "times are ISO 8601 UTC inside the window" \
    "$(sed -n 2p "$T/d/interactions.csv" | cut -d, -f9 | \
        grep -c '^2026-10-01T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$')" 1

ok "the same options again" okrdesk gen --rows 2000 --teams 3 --agents 12 \
    --out "$T/e" --from 2026-10-01 --to 2026-12-31
same "... give the same bytes" \
    "$(cat "$T/d"/*.csv | cksum)" "$(cat "$T/e"/*.csv | cksum)"
ok "another seed" okrdesk gen --rows 2000 --teams 3 --agents 12 \
    --out "$T/e" --from 2026-10-01 --to 2026-12-31 --seed 99
same "... gives other interactions" \
    "$(cmp -s "$T/d/interactions.csv" "$T/e/interactions.csv" && echo same \
        || echo different)" different

ok "--datasets writes only the datasets named" \
    okrdesk gen --rows 500 --out "$T/f" --datasets agents,kb_audits
same "... two files" "$(ls "$T/f" | tr '\n' ' ')" "agents.csv kb_audits.csv "
ok "--out defaults to the current directory" okrdesk gen --rows 100 \
    --datasets agents
same "... agents.csv is here" \
    "$(test -s "$T/agents.csv" && echo yes || echo no)" yes

done_testing

#!/bin/sh
# t0100-init.sh: creating a workspace, choosing the database, and the
# top-level usage (--version, --help, unknown commands, COMMAND --help).
. "$(dirname "$0")/lib.sh"

# --- init --------------------------------------------------------------

fails 1 "a command on a database that does not exist yet fails" \
    okrdesk team list
contains "... and says to run okrdesk init" "$err" "okrdesk init"
same "... and creates no database file on the way" \
    "$(ws_exists "$OKRDESK_DB" && echo exists || echo absent)" absent

ok "init creates a workspace in \$OKRDESK_DB" okrdesk init
same "... and the database file now exists" \
    "$(ws_exists "$OKRDESK_DB" && echo exists || echo absent)" exists
ok "a command works on the new workspace" okrdesk team list

fails 1 "init refuses a file that already holds a workspace" okrdesk init
contains "... and names the file" "$err" "$OKRDESK_DB"
ok "... and the workspace it refused to overwrite is still readable" \
    okrdesk workspace show --json
same "... with its original name" "$(printf '%s' "$out" | jq -r .name)" \
    "My Support"

# --- --db and OKRDESK_DB ---------------------------------------------------

ok "--db PATH creates a workspace in another file" \
    okrdesk --db "$(ws other)" init --name "Other Desk"
same "... which is that file" \
    "$(ws_exists "$(ws other)" && echo exists || echo absent)" exists
ok "--db PATH reads the workspace in that file" \
    okrdesk --db "$(ws other)" workspace show --json
same "... its name is the one given to init" \
    "$(printf '%s' "$out" | jq -r .name)" "Other Desk"
ok "--db=PATH works as well as --db PATH" \
    okrdesk --db="$(ws other)" team add Billing
ok "OKRDESK_DB names the workspace when --db is not given" \
    env OKRDESK_DB="$(ws other)" "$OKRDESK" team list --json
same "... and sees the team added through --db" \
    "$(printf '%s' "$out" | jq -r '.[].name')" Billing
ok "--db wins over OKRDESK_DB" env OKRDESK_DB="$(ws other)" "$OKRDESK" \
    --db "$(ws okrdesk)" team list --json
same "... so the first workspace has no team" \
    "$(printf '%s' "$out" | jq length)" 0
fails 1 "--db naming a missing file fails" \
    okrdesk --db "$(ws missing)" team list
contains "... and says to run okrdesk init" "$err" "okrdesk init"
contains "... and names the file" "$err" "$(ws missing)"

# --- bad settings at init --------------------------------------------------

fails 2 "init refuses an unknown time zone as a usage error" \
    okrdesk --db "$(ws tz)" init --timezone Mars/Olympus_Mons
contains "... and the message names the timezone field" "$err" "timezone"
contains "... and quotes the value" "$err" "Mars/Olympus_Mons"
same "... and creates no database" \
    "$(ws_exists "$(ws tz)" && echo exists || echo absent)" absent
ok "init accepts a real IANA time zone" \
    okrdesk --db "$(ws tz)" init --timezone Europe/Bucharest
ok "... and the workspace keeps it" \
    okrdesk --db "$(ws tz)" workspace show --json
same "... as timezone in workspace show --json" \
    "$(printf '%s' "$out" | jq -r .timezone)" Europe/Bucharest
# An OKRDESK_NOW without an offset is a time in the workspace's zone, for
# init as for every later command: 12:00 in Bucharest (UTC+2 in
# November), not 12:00Z (which would show as 14:00+02:00).
OKRDESK_NOW=2026-11-20T12:00 okrdesk --db "$(ws now)" init \
    --timezone Europe/Bucharest >/dev/null
ok "history of an init at a local OKRDESK_NOW" \
    okrdesk --db "$(ws now)" history --json
same "... is recorded at that local time" \
    "$(printf '%s' "$out" | jq -r '.[-1].at')" "2026-11-20T12:00:00+02:00"
fails 2 "init refuses an unknown option" \
    okrdesk --db "$(ws opt)" init --colour blue
contains "... and names it" "$err" "--colour"

# --- top-level usage -------------------------------------------------------

ok "okrdesk --version succeeds" okrdesk --version
contains "... and prints the program name" "$out" "okrdesk "
ok "okrdesk --help succeeds" okrdesk --help
contains "... and prints the usage" "$out" "usage: okrdesk"
contains "... listing the commands (checkin among them)" "$out" "checkin"
fails 2 "an unknown command is a usage error" okrdesk nosuch
contains "... and the message names it" "$err" "nosuch"
fails 2 "no command at all is a usage error" okrdesk
fails 2 "an unknown global option is a usage error" okrdesk --frobnicate
contains "... and the message names it" "$err" "--frobnicate"

for c in init demo workspace apply export team person cycle objective kr \
    checkin status history; do
	ok "okrdesk $c --help succeeds" okrdesk "$c" --help
	contains "... and prints the usage of $c" "$out" "usage: okrdesk"
	contains "... which names $c" "$out" " $c"
	ok "okrdesk help $c succeeds like $c --help" okrdesk help "$c"
	contains "... and prints the same usage" "$out" "usage: okrdesk"
done

done_testing

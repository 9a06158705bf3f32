# tests/cli/lib.sh: a small harness for CLI tests (after git's t/).
#
# Each test script sources this file, runs okrdesk in a fresh temporary
# directory with a fixed clock, and checks behaviour with:
#   ok "what it specifies" COMMAND...          the command succeeds
#   fails CODE "what it specifies" COMMAND...  exits with CODE (1 or 2)
#   same "what" ACTUAL EXPECTED                two strings are equal
#   contains "what" FILE TEXT                  FILE contains TEXT
# and ends with `done_testing`, which prints "# tally: PASSED FAILED".
# $out and $err hold the stdout and stderr of the last command.
#
# Every script runs on both backends: with OKRDESK_TEST_PG set (tests/run
# sets it to a throwaway cluster's postgresql://... for the second pass)
# each workspace is a database of that server, else an SQLite file in $T.
#   ws NAME          the --db of this script's workspace NAME
#   ws_exists URI    whether that workspace's file or database exists
#   sql QUERY        SQL on $OKRDESK_DB (sqlite3 or psql), rows as a|b
#   sql_dump         every row of $OKRDESK_DB as text (.dump or pg_dump)
#   on_pg            true on the PostgreSQL pass
#   schema2_sql B    SQL taking a new workspace back to schema 2 (B: sqlite, pg)

set -u
: "${OKRDESK:?set OKRDESK to the okrdesk binary}"
T=$(mktemp -d)
_ws_id=$(basename "$T" | tr 'A-Z.' 'a-z_')

on_pg() {
	[ -n "${OKRDESK_TEST_PG:-}" ]
}

ws() {
	if on_pg; then
		echo "$OKRDESK_TEST_PG/${_ws_id}_$1"
	else
		echo "$T/$1.db"
	fi
}

_pg_admin() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$OKRDESK_TEST_PG/postgres" "$@"
}

ws_exists() {
	if on_pg; then
		[ "$(_pg_admin -c "SELECT count(*) FROM pg_database
		    WHERE datname = '${1##*/}'")" = 1 ]
	else
		[ -e "$1" ]
	fi
}

sql() {
	if on_pg; then
		psql -X -q -At -v ON_ERROR_STOP=1 -d "$OKRDESK_DB" -c "$1"
	else
		sqlite3 "$OKRDESK_DB" "$1"
	fi
}

sql_dump() {
	if on_pg; then
		pg_dump --data-only --inserts -d "$OKRDESK_DB"
	else
		sqlite3 "$OKRDESK_DB" .dump
	fi
}

# schema2_sql sqlite|pg: the SQL that takes a new workspace back to schema
# 2 (before sign-in): every later table and column dropped, the version set
# to 2, for the migration tests (t1000, t1400).  A migration that adds a
# table or column adds its drop here.  SQLite drops a column that is a
# foreign key only by copying the table.
schema2_sql() {
	if [ "$1" = pg ]; then
		_team_v2="ALTER TABLE team DROP COLUMN lead_id;
		    ALTER TABLE team DROP COLUMN cadence_days;
		    ALTER TABLE team DROP COLUMN grace_days;
		    ALTER TABLE team DROP COLUMN checkin_day;
		    ALTER TABLE team DROP COLUMN version;"
	else
		_team_v2="CREATE TABLE team1 (id INTEGER PRIMARY KEY,
		      name TEXT NOT NULL UNIQUE,
		      parent_id INTEGER REFERENCES team(id), description TEXT);
		    INSERT INTO team1 SELECT id, name, parent_id, description FROM team;
		    DROP TABLE team; ALTER TABLE team1 RENAME TO team;"
	fi
	echo "DROP TABLE session; DROP TABLE api_token; DROP TABLE users;
	    DROP TABLE secret; DROP TABLE survey_comment; DROP TABLE comment;
	    ALTER TABLE workspace DROP COLUMN language;
	    DROP TABLE cycle_kpi; DROP TABLE reminder_log;
	    ALTER TABLE workspace DROP COLUMN checkin_day;
	    ALTER TABLE workspace DROP COLUMN max_objectives;
	    ALTER TABLE workspace DROP COLUMN max_krs;
	    ALTER TABLE workspace DROP COLUMN max_kpis;
	    $_team_v2
	    ALTER TABLE objective DROP COLUMN postmortem;
	    ALTER TABLE objective DROP COLUMN carried_from;
	    ALTER TABLE key_result DROP COLUMN grade;
	    ALTER TABLE key_result DROP COLUMN final_value;
	    ALTER TABLE key_result DROP COLUMN final_status;
	    ALTER TABLE cycle DROP COLUMN closed_at;
	    ALTER TABLE cycle DROP COLUMN closed_by;
	    ALTER TABLE workspace DROP COLUMN version;
	    ALTER TABLE person DROP COLUMN version;
	    ALTER TABLE cycle DROP COLUMN version;
	    ALTER TABLE objective DROP COLUMN version;
	    ALTER TABLE key_result DROP COLUMN version;
	    DROP TABLE signin_attempt;
	    UPDATE schema_version SET version = 2;"
}

# The script's databases go with it (a test cluster holds hundreds).
_cleanup() {
	if on_pg; then
		_pg_admin -c "SELECT datname FROM pg_database
		    WHERE datname LIKE '${_ws_id}\_%'" 2>/dev/null |
		while read -r _d; do
			_pg_admin -c "DROP DATABASE IF EXISTS \"$_d\"
			    WITH (FORCE)" >/dev/null 2>&1
		done
	fi
	rm -rf "$T"
}
trap _cleanup EXIT
cd "$T" || exit 1
export OKRDESK_DB="$(ws okrdesk)"
export OKRDESK_NOW="${OKRDESK_NOW:-2026-10-29T10:00:00Z}"
export OKRDESK_USER=tester
export NO_COLOR=1
unset TZ
PASSED=0
FAILED=0

okrdesk() {
	"$OKRDESK" "$@"
}

_run() {
	"$@" >"$T/.out" 2>"$T/.err"
	_rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
	return $_rc
}

_pass() {
	PASSED=$((PASSED + 1))
	echo "ok $((PASSED + FAILED)) - $1"
}

_fail() {
	FAILED=$((FAILED + 1))
	echo "not ok $((PASSED + FAILED)) - $1"
	shift
	for l in "$@"; do echo "#   $l"; done
}

ok() {
	_what=$1
	shift
	if _run "$@"; then
		_pass "$_what"
	else
		_fail "$_what" "command: $*" "exit: $_rc" "stderr: $err"
	fi
}

fails() {
	_code=$1
	_what=$2
	shift 2
	_run "$@"
	if [ "$_rc" -eq "$_code" ]; then
		_pass "$_what"
	else
		_fail "$_what" "command: $*" "exit: $_rc (expected $_code)" \
		    "stdout: $out" "stderr: $err"
	fi
}

same() {
	if [ "$2" = "$3" ]; then
		_pass "$1"
	else
		_fail "$1" "got:      $2" "expected: $3"
	fi
}

contains() {
	if printf '%s' "$2" | grep -qF -- "$3"; then
		_pass "$1"
	else
		_fail "$1" "text:     $2" "expected to contain: $3"
	fi
}

done_testing() {
	echo "# tally: $PASSED $FAILED"
	[ "$FAILED" -eq 0 ]
}

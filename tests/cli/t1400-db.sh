#!/bin/sh
# t1400-db.sh: okrdesk db migrate | check | copy.  A copy of the demo
# workspace holds every table's rows unchanged, read back with sqlite3
# (not okrdesk); a copy refuses a TO holding a workspace, a FROM it cannot
# read or from a newer okrdesk, and a failed copy writes nothing; check
# finds a dangling foreign key; migrate brings a schema 2 workspace up;
# a PostgreSQL password never shows; and, when OKRDESK_TEST_PG names a
# server, SQLite -> PostgreSQL -> SQLite gives back every row.
. "$(dirname "$0")/lib.sh"

j() { printf '%s' "$out" | jq -r "$1"; }
q() { sqlite3 "$1" "$2"; }

# Every table of an SQLite file, each sorted by all its columns, values
# quoted by type (text '..', reals with 20 digits, integers bare, NULL).
dump() {
	for t in $(q "$1" "SELECT name FROM sqlite_master WHERE type = 'table'
	    AND name NOT LIKE 'sqlite%' ORDER BY name"); do
		n=$(q "$1" "SELECT count(*) FROM pragma_table_info('$t')")
		echo "== $t"
		sqlite3 -header -quote "$1" \
		    "SELECT * FROM \"$t\" ORDER BY $(seq -s, 1 "$n")"
	done
}

# The rows of every table but schema_version, summed by sqlite3.
rows() {
	total=0
	for t in $(q "$1" "SELECT name FROM sqlite_master WHERE type = 'table'
	    AND name NOT LIKE 'sqlite%' AND name <> 'schema_version'"); do
		total=$((total + $(q "$1" "SELECT count(*) FROM \"$t\"")))
	done
	echo "$total"
}

okrdesk --db a.db demo >/dev/null || { echo "Bail out! demo failed"; exit 1; }
A=$(dump a.db)
NTABLES=$(q a.db "SELECT count(*) FROM sqlite_master WHERE type = 'table'
    AND name NOT LIKE 'sqlite%'")
NROWS=$(rows a.db)
# the demo fills the support data: 30000 interactions among its rows
same "the demo holds 30000 interactions" \
    "$(q a.db 'SELECT count(*) FROM interactions')" 30000

# --- help and usage ---------------------------------------------------------

ok "db --help" okrdesk db --help
contains "... shows the three subcommands" "$out" "db copy FROM TO"
fails 2 "db with no subcommand is a usage error" okrdesk db
fails 2 "an unknown subcommand is a usage error" okrdesk db frobnicate
contains "... naming it" "$err" '"frobnicate"'
fails 2 "copy needs FROM and TO" okrdesk db copy a.db
fails 2 "copy into the same database is a usage error" \
    okrdesk db copy a.db a.db

# --- copy SQLite -> SQLite ---------------------------------------------------

ok "copy the demo into a new file" okrdesk db copy a.db b.db
same "every table of the copy equals the original's" "$(dump b.db)" "$A"
same "... the same tables" \
    "$(q b.db "SELECT count(*) FROM sqlite_master WHERE type = 'table'
    AND name NOT LIKE 'sqlite%'")" "$NTABLES"
contains "the summary counts every row (summed by sqlite3)" "$out" \
    "copied $NROWS rows from a.db (sqlite) to b.db (sqlite), schema version"
same "each value keeps its type (typeof, counted by sqlite3)" \
    "$(q b.db "SELECT typeof(target), count(*) FROM key_result
    GROUP BY 1 ORDER BY 1")" \
    "$(q a.db "SELECT typeof(target), count(*) FROM key_result
    GROUP BY 1 ORDER BY 1")"

# a new row in the copy follows the copied ids: max(id) + 1
next=$(($(q b.db 'SELECT max(id) FROM team') + 1))
ok "a team added to the copy" okrdesk --db b.db team add "New team"
same "... gets the id after the largest copied (max + 1 = $next)" \
    "$(q b.db "SELECT id FROM team WHERE name = 'New team'")" "$next"

ok "copy --json" okrdesk db copy a.db j.db --json
same "... rows: every row but the schema version's" "$(j .rows)" "$NROWS"
same "... one entry a table, schema_version aside" \
    "$(j '.tables | length')" "$((NTABLES - 1))"
same "... interactions: 30000 rows" \
    "$(j '.tables[] | select(.name == "interactions") | .rows')" 30000
same "... from and to" "$(j '.from + " " + .to + " " + .to_backend')" \
    "a.db j.db sqlite"
same "... replaced nothing" "$(j .replaced)" false
same "--json leaves nothing on stderr without --verbose" "$err" ""

ok "copy --verbose" okrdesk db copy a.db v.db --verbose
contains "... prints each table's rows on stderr" "$err" \
    "copied interactions: 30000 rows"

# --- refusals: nothing written ----------------------------------------------

B=$(dump b.db)
fails 1 "copy into a file that holds a workspace is refused" \
    okrdesk db copy a.db b.db
contains "... naming it and --force" "$err" \
    "b.db already holds a workspace"
contains "... and how to go on" "$err" "--force"
same "... which is left as it was" "$(dump b.db)" "$B"

okrdesk --db i.db init >/dev/null
I=$(dump i.db)
fails 1 "a freshly initialised workspace counts as a workspace" \
    okrdesk db copy a.db i.db
same "... and is left as it was" "$(dump i.db)" "$I"

fails 1 "a FROM that does not exist is refused" \
    okrdesk db copy nothing.db n1.db
contains "... naming it" "$err" "no workspace at nothing.db"
same "... and TO is not created" "$(ls n1.db 2>/dev/null)" ""

q other.db "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);
    INSERT INTO notes(text) VALUES ('keep me')"
fails 1 "copy into an SQLite file that is not a workspace is refused" \
    okrdesk db copy a.db other.db
contains "... naming it" "$err" "other.db is an SQLite database but not"
same "... which is left as it was" "$(dump other.db)" "== notes
'id','text'
1,'keep me'"

cp a.db newer.db
q newer.db "UPDATE schema_version SET version = 99"
fails 1 "a FROM written by a newer okrdesk is refused" \
    okrdesk db copy newer.db n2.db
contains "... saying so" "$err" "newer okrdesk (schema version 99"
contains "... naming it" "$err" "newer.db"
same "... and TO is not created" "$(ls n2.db 2>/dev/null)" ""

# --- a broken FROM: check finds it, copy writes nothing --------------------

cp a.db bad.db
pid=$(q bad.db "SELECT min(id) FROM person WHERE team_id IS NOT NULL")
# the sqlite3 shell leaves foreign keys off: the write goes through
q bad.db "UPDATE person SET team_id = 999 WHERE id = $pid"
fails 1 "db check fails on a dangling foreign key" \
    okrdesk --db bad.db db check
contains "... naming the row, the column and the table it misses" "$out" \
    "foreign key: person row $pid: team_id refers to a missing team"
contains "... and the count" "$err" "bad.db: 1 problem found"
fails 1 "db check --json on it" okrdesk --db bad.db db check --json
same "... ok false, one problem" "$(j '.ok, (.problems | length)')" \
    "false
1"

fails 1 "copying it fails when the foreign keys are checked, at commit" \
    okrdesk db copy bad.db d.db
contains "... naming TO, and check" "$err" "okrdesk db check"
same "... and writes no row into TO" "$(rows d.db)" 0
ok "... which a later good copy may fill" okrdesk db copy a.db d.db
same "... in full" "$(dump d.db)" "$A"

# --- --force: replacing, all or nothing --------------------------------------

fails 1 "copy --force of a broken FROM onto a workspace fails" \
    okrdesk db copy bad.db i.db --force
same "... and leaves TO's own workspace as it was" "$(dump i.db)" "$I"
ok "copy --force replaces a workspace" okrdesk db copy a.db i.db --force \
    --json
same "... with the copy, every table" "$(dump i.db)" "$A"
same "... and says so" "$(j .replaced)" true

# --- check -------------------------------------------------------------------

ok "db check on the copy" okrdesk --db b.db db check
contains "... names the backend" "$out" "backend         sqlite"
contains "... finds nothing wrong" "$out" "integrity: ok"
contains "... counts interactions as sqlite3 does" "$out" \
    "interactions              $(q b.db 'SELECT count(*) FROM interactions')"
ok "db check --json" okrdesk --db b.db db check --json
same "... ok, checked, every table" \
    "$(j '.ok, .integrity_checked, (.tables | length), .schema_found')" \
    "true
true
$NTABLES
$(q b.db 'SELECT version FROM schema_version')"
fails 1 "db check of a missing workspace" okrdesk --db none.db db check
contains "... names it" "$err" "none.db"

# --- migrate -----------------------------------------------------------------

# A workspace of an okrdesk before sign-in (as in t1000-user.sh): the
# later tables and columns dropped and the version set back to 2.
okrdesk --db old.db init >/dev/null && okrdesk --db old.db team add Old \
    >/dev/null
q old.db "$(schema2_sql sqlite)"
cp old.db old2.db
ok "db migrate on a schema 2 workspace" okrdesk --db old.db db migrate
contains "... says from which version to which" "$out" \
    "migrated old.db from schema version 2 to 7"
same "... records the new version" \
    "$(q old.db 'SELECT version FROM schema_version')" 7
same "... keeps its rows" "$(q old.db 'SELECT id, name FROM team')" "1|Old"
ok "db migrate again" okrdesk --db old.db db migrate --json
same "... is already at 7" "$(j '.from, .to, .migrated')" "7
7
false"
ok "copy from a schema 2 workspace" okrdesk db copy old2.db o.db
contains "... says it migrated FROM first" "$out" \
    "migrated old2.db from schema version 2 to 7"
same "... and copies its team" "$(q o.db 'SELECT id, name FROM team')" \
    "1|Old"
fails 1 "db migrate of a newer workspace" okrdesk --db newer.db db migrate
contains "... says so" "$err" "newer okrdesk"
same "... and leaves it at its version" \
    "$(q newer.db 'SELECT version FROM schema_version')" 99

# --- no password shown ------------------------------------------------------

fails 1 "a PostgreSQL TO that cannot be reached" okrdesk db copy a.db \
    "postgresql://okr:s3cret@127.0.0.1:1/x?sslmode=disable"
contains "... is named, its password hidden" "$err" \
    "postgresql://okr:***@127.0.0.1:1/x?sslmode=disable"
same "... without its password" "$(printf '%s' "$err" | grep -c s3cret)" 0
fails 1 "a password given as a parameter" okrdesk \
    --db "postgresql://okr@127.0.0.1:1/x?password=s3cret" db check
contains "... is hidden too" "$err" \
    "postgresql://okr@127.0.0.1:1/x?password=***"
same "... and not shown" "$(printf '%s' "$err" | grep -c s3cret)" 0

# --- PostgreSQL round trip --------------------------------------------------

if [ -z "${OKRDESK_TEST_PG:-}" ]; then
	echo "# SKIP postgresql round trip: OKRDESK_TEST_PG unset"
else
	PG="$OKRDESK_TEST_PG/okrdesk_t1400_$$"
	ok "copy the demo into a new PostgreSQL database" \
	    okrdesk db copy a.db "$PG"
	contains "... every row" "$out" "copied $NROWS rows"
	ok "db check on PostgreSQL" okrdesk --db "$PG" db check --json
	same "... sees the backend and every table" \
	    "$(j '.backend, .ok, (.tables | length)')" "postgresql
true
$NTABLES"
	fails 1 "a second copy into it is refused" okrdesk db copy a.db "$PG"
	ok "copy it back into SQLite" okrdesk db copy "$PG" rt.db
	same "SQLite -> PostgreSQL -> SQLite: every table unchanged" \
	    "$(dump rt.db)" "$A"
	next=$(($(q a.db 'SELECT max(id) FROM team') + 1))
	ok "a team added on PostgreSQL" okrdesk --db "$PG" team add "PG team"
	ok "... and copied back with --force" \
	    okrdesk db copy "$PG" rt.db --force
	same "... got the id after the largest copied ($next)" \
	    "$(q rt.db "SELECT id FROM team WHERE name = 'PG team'")" "$next"
	psql -q "$OKRDESK_TEST_PG/postgres" \
	    -c "DROP DATABASE okrdesk_t1400_$$" >/dev/null 2>&1
fi

done_testing

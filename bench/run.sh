#!/bin/sh
# bench/run.sh: make bench.  Generates interactions with okrdesk gen and
# measures okrdesk side by side with its peers, in one run:
#   (a) import rows/s: okrdesk import vs sqlite3 .import of the same CSV
#       (same pragmas), with the peak RSS of each, on the whole file and
#       on a tenth of it (memory should not grow with the file);
#   (b) the KPI suite for the window by ISO week and team: okrdesk kpi
#       bench vs the same KPIs in SQL run by DuckDB (one thread) and by
#       SQLite (kpi-duckdb.sql and kpi-sqlite.sql, side by side);
#   (c) grouped exact p50/p90 of first response time vs DuckDB's
#       quantile_cont;
#   (d) okrdesk's snapshot bytes per interaction and the import's RSS;
#   (g) when the PostgreSQL server binaries are installed
#       (/usr/lib/postgresql/*/bin/initdb), on a throwaway cluster (a temp
#       directory, a loopback port, fsync on, stopped and removed at the
#       end): okrdesk import into a fresh PostgreSQL workspace vs psql
#       \copy of the same rows into the same table, rows/s and the ratio;
#   (h) the KPI snapshot's load time and peak RSS from PostgreSQL beside
#       SQLite's, for the same rows;
#   (i) bytes per interaction stored: the SQLite file vs
#       pg_total_relation_size of the PostgreSQL table.
# It checks that DuckDB and SQLite agree row for row, prints a table and
# the ratios, and rewrites the results in docs/benchmarks.md.
#
# Environment: BENCH_ROWS (10000000), BENCH_FROM / BENCH_TO (the window,
# 2026-10-01 / 2026-12-31, one quarter), BENCH_DIR (a fresh temporary
# directory under /tmp, removed at the end unless BENCH_KEEP=1), OKRDESK
# (./okrdesk), BENCH_DOC (docs/benchmarks.md; "-" to leave it alone),
# BENCH_PG (1; 0 skips the PostgreSQL part).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
OKRDESK=${OKRDESK:-$root/okrdesk}
ROWS=${BENCH_ROWS:-10000000}
FROM=${BENCH_FROM:-2026-10-01}
TO=${BENCH_TO:-2026-12-31}
DOC=${BENCH_DOC:-$root/docs/benchmarks.md}
KEEP=${BENCH_KEEP:-0}
PG=${BENCH_PG:-1}
if [ -n "${BENCH_DIR:-}" ]; then
	DIR=$BENCH_DIR
	mkdir -p "$DIR"
	made=0
else
	DIR=$(mktemp -d /tmp/okrdesk-bench.XXXXXX)
	made=1
fi
PGDIR=
cleanup() {
	pg_stop
	if [ "$made" = 1 ] && [ "$KEEP" != 1 ]; then rm -rf "$DIR"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 1; }
now() { date +%s.%N; }
# elapsed START END, and arithmetic on decimals
sub() { awk -v a="$2" -v b="$1" 'BEGIN { printf "%.3f", a - b }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f", a / b; else printf "n/a" }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else printf "n/a" }'; }
json() { sed -n 's/.*"'"$1"'":\([-0-9.eE+]*\).*/\1/p' "$2" | tail -n 1; }
# a number of seconds to 3 decimals ("" stays "")
fmt3() { [ -n "$1" ] && awk -v x="$1" 'BEGIN { printf "%.3f", x }' || true; }
fsize() { [ -f "$1" ] && stat -c %s "$1" || echo 0; }

# ---- a throwaway PostgreSQL cluster -------------------------------------------
# PostgreSQL refuses to run as root: as root, the server runs as the
# postgres user the package made, in a directory of its own (DIR is 0700).
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_as() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# pg_start: sets PGDIR and PGURI (postgresql://postgres@127.0.0.1:PORT)
pg_start() {
	PGDIR=$(mktemp -d /tmp/okrdesk-bench-pg.XXXXXX)
	[ "$(id -u)" -ne 0 ] || chown postgres "$PGDIR" || return 1
	pg_as "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres \
	    --no-locale -E UTF8 >"$PGDIR/initdb.log" 2>&1 || return 1
	tries=0
	while [ $tries -lt 20 ]; do
		port=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
		if pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" \
		    -w -t 60 -o "-k $PGDIR -c listen_addresses=127.0.0.1 \
		    -p $port" start >/dev/null 2>&1; then
			PGURI=postgresql://postgres@127.0.0.1:$port
			return 0
		fi
		tries=$((tries + 1))
	done
	return 1
}
pg_stop() {
	[ -n "$PGDIR" ] || return 0
	if [ -d "$PGDIR/data" ]; then
		pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop \
		    >/dev/null 2>&1 || true
	fi
	rm -rf "$PGDIR"
	PGDIR=
}

# ---- tools ----------------------------------------------------------------

[ -x "$OKRDESK" ] || die "no okrdesk binary at $OKRDESK (run make)"
command -v sqlite3 >/dev/null || die "sqlite3 is missing (apt-get install sqlite3)"
command -v node >/dev/null || die "node is missing (apt-get install nodejs)"
if [ ! -x /usr/bin/time ]; then
	say "bench: installing GNU time for peak RSS"
	if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
	$SUDO apt-get install -y -qq time >/dev/null 2>&1 || true
fi
if [ -x /usr/bin/time ]; then
	rss() { /usr/bin/time -f %M -o "$DIR/rss" "$@"; }
else
	say "bench: no /usr/bin/time: peak RSS from okrdesk --stats only"
	rss() { echo "" >"$DIR/rss"; "$@"; }
fi
if [ ! -d "$bench/node_modules/@duckdb/node-api" ]; then
	say "bench: installing @duckdb/node-api into bench/node_modules"
	(cd "$bench" && npm install --no-audit --no-fund --silent) ||
	    die "npm install failed"
fi
has_import=0
"$OKRDESK" import --help >/dev/null 2>&1 && has_import=1
has_kpi=0
"$OKRDESK" kpi --help >/dev/null 2>&1 && has_kpi=1

from_s=$(date -u -d "$FROM" +%s)
to_s=$(date -u -d "$TO + 1 day" +%s)
tenth=$((ROWS / 10))
[ "$tenth" -ge 1 ] || die "BENCH_ROWS must be at least 10"
say "bench: $ROWS interactions, $FROM..$TO, in $DIR"

# ---- data -------------------------------------------------------------------

t0=$(now)
"$OKRDESK" gen --rows "$ROWS" --from "$FROM" --to "$TO" --out "$DIR/full" \
    --datasets interactions >/dev/null
gen_s=$(sub "$t0" "$(now)")
"$OKRDESK" gen --rows "$tenth" --from "$FROM" --to "$TO" --out "$DIR/tenth" \
    --datasets interactions >/dev/null
CSV=$DIR/full/interactions.csv
csv_mb=$(awk -v b="$(wc -c <"$CSV")" 'BEGIN { printf "%.0f", b / 1048576 }')
say "bench: gen $ROWS rows in $gen_s s ($(rate "$ROWS" "$gen_s") rows/s, $csv_mb MiB)"

# ---- (a) import ---------------------------------------------------------------

# okrdesk import of FILE into DB: sets imp_s, imp_rss (KiB)
okrdesk_import() {
	case $2 in
	postgresql://*) ;;
	*) rm -f "$2" "$2-wal" "$2-shm" ;;
	esac
	"$OKRDESK" --db "$2" init --timezone UTC >/dev/null
	t0=$(now)
	rss "$OKRDESK" --db "$2" import interactions "$1" --stats \
	    2>"$DIR/stats" >/dev/null || die "okrdesk import failed: $(tail -n 3 "$DIR/stats")"
	imp_s=$(sub "$t0" "$(now)")
	imp_rss=$(cat "$DIR/rss")
	[ -n "$imp_rss" ] || imp_rss=$(json max_rss_kb "$DIR/stats")
}

# sqlite3 .import of FILE into a fresh DB: sets sq_s, sq_rss (KiB)
sqlite_import() {
	rm -f "$2" "$2-wal" "$2-shm"
	printf 'PRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\n.import --csv %s interactions\n' \
	    "$1" >"$DIR/import.sql"
	t0=$(now)
	rss sqlite3 -bail "$2" <"$DIR/import.sql" >/dev/null
	sq_s=$(sub "$t0" "$(now)")
	sq_rss=$(cat "$DIR/rss")
	n=$(sqlite3 "$2" 'SELECT count(*) FROM interactions')
	[ "$n" = "$3" ] || die ".import of $1 holds $n rows, not $3"
}

DB=$DIR/okrdesk.db
if [ "$has_import" = 1 ]; then
	okrdesk_import "$DIR/tenth/interactions.csv" "$DIR/tenth.db"
	imp10_s=$imp_s imp10_rss=$imp_rss
	okrdesk_import "$CSV" "$DB"
else
	say "bench: okrdesk has no import command yet: building its table" \
	    "with bench/load-sqlite.sql instead (not timed)"
	rm -f "$DB"
	sed "s|__CSV__|$CSV|" "$bench/load-sqlite.sql" | sqlite3 -bail "$DB" >/dev/null
	imp_s="" imp_rss="" imp10_s="" imp10_rss=""
fi
sqlite_import "$DIR/tenth/interactions.csv" "$DIR/sq10.db" "$tenth"
sq10_s=$sq_s sq10_rss=$sq_rss
rm -f "$DIR/sq10.db"*
sqlite_import "$CSV" "$DIR/sq.db" "$ROWS"
rm -f "$DIR/sq.db"*
say "bench: import okrdesk ${imp_s:-n/a} s, sqlite3 .import $sq_s s"

# ---- (b), (c), (d) the KPI suite ------------------------------------------------

if [ "$has_kpi" = 1 ]; then
	rss "$OKRDESK" --db "$DB" kpi bench --from "$FROM" --to "$TO" --json \
	    >"$DIR/kpi.json" || die "okrdesk kpi bench failed"
	ok_snap_rss=$(cat "$DIR/rss")
	tr -d ' \n' <"$DIR/kpi.json" >"$DIR/kpi.line"
	ok_suite=$(fmt3 "$(json suite_s "$DIR/kpi.line")")
	ok_kpis=$(json suite_kpis "$DIR/kpi.line")
	ok_quant=$(fmt3 "$(json quantiles_s "$DIR/kpi.line")")
	ok_build=$(fmt3 "$(json snapshot_build_s "$DIR/kpi.line")")
	ok_bpi=$(json snapshot_bytes_per_interaction "$DIR/kpi.line")
else
	say "bench: okrdesk has no kpi command yet: its columns stay n/a"
	ok_suite="" ok_kpis="" ok_quant="" ok_build="" ok_bpi="" ok_snap_rss=""
fi

node "$bench/duckdb.mjs" --csv "$CSV" --from "$from_s" --to "$to_s" \
    --out "$DIR/duckdb.csv" >"$DIR/duckdb.json" || die "the DuckDB run failed"
dk_suite=$(fmt3 "$(json suite_s "$DIR/duckdb.json")")
dk_kpis=$(json suite_kpis "$DIR/duckdb.json")
dk_quant=$(fmt3 "$(json quantiles_s "$DIR/duckdb.json")")
say "bench: DuckDB suite $dk_suite s, quantiles $dk_quant s"

{
	printf '.mode list\n.separator ,\n.headers off\n.output %s\n' \
	    "$DIR/sqlite.csv"
	sed "s/__FROM__/$from_s/g; s/__TO__/$to_s/g" "$bench/kpi-sqlite.sql"
} >"$DIR/suite.sql"
t0=$(now)
sqlite3 -bail "$DB" <"$DIR/suite.sql" || die "the SQLite suite failed"
sq_suite=$(sub "$t0" "$(now)")
say "bench: SQLite suite $sq_suite s"
agree=$(awk -F, -f "$bench/compare.awk" "$DIR/duckdb.csv" "$DIR/sqlite.csv") ||
    say "bench: DuckDB and SQLite disagree:"
say "$agree"

# ---- (g), (h), (i) PostgreSQL ---------------------------------------------------

pg_note="" pgver="" peer_mb=""
pg_imp_s="" pg_imp_rss="" cp_s="" cp_rss="" pg_build="" pg_snap_rss=""
pg_bpi="" cp_bpi=""
sq_bpi=$(awk -v b="$(( $(fsize "$DB") + $(fsize "$DB-wal") ))" -v n="$ROWS" \
    'BEGIN { printf "%.1f", b / n }')
# psql on database $1 of the cluster, one command, unaligned
pgq() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$PGURI/$1" -c "$2"; }
if [ "$PG" != 1 ]; then
	pg_note="skipped (BENCH_PG=0)"
elif [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
	pg_note="skipped: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb; apt-get install postgresql)"
elif ! command -v psql >/dev/null; then
	pg_note="skipped: no psql (apt-get install postgresql-client)"
elif [ "$has_import" = 0 ] || [ "$has_kpi" = 0 ]; then
	pg_note="skipped: this okrdesk has no import or kpi command"
else
	pg_start || die "could not start a PostgreSQL cluster:" \
	    "$(cat "$PGDIR/initdb.log" "$PGDIR/server.log" 2>/dev/null | tail -n 5)"
	pgver=$("$PGBIN/postgres" --version | sed 's/^postgres (PostgreSQL) /PostgreSQL /')
	say "bench: $pgver on $PGURI (fsync on)"
	if ! "$OKRDESK" --db "$PGURI/pgpeer" init --timezone UTC \
	    >"$DIR/pginit" 2>&1; then
		pg_note="skipped: okrdesk could not make a PostgreSQL workspace ($(tail -n 1 "$DIR/pginit"))"
	fi
fi
if [ -n "$PGDIR" ] && [ -z "$pg_note" ]; then
	# The peer loads the very rows okrdesk stored, as the table's own
	# values (times in epoch seconds, flags 0/1, NULL as an empty field):
	# the generated file's ISO times and true/false would not go into
	# the table's BIGINT columns, and the conversion is work okrdesk does
	# and the peer is spared.
	sqlite3 -bail -csv -header "$DB" 'SELECT * FROM interactions' \
	    >"$DIR/peer.csv" || die "cannot export the peer's file"
	peer_mb=$(awk -v b="$(fsize "$DIR/peer.csv")" 'BEGIN { printf "%.0f", b / 1048576 }')
	pgq pgpeer 'CHECKPOINT' >/dev/null
	t0=$(now)
	rss psql -X -q -v ON_ERROR_STOP=1 -d "$PGURI/pgpeer" \
	    -c "\\copy interactions FROM '$DIR/peer.csv' CSV HEADER" \
	    >/dev/null || die "psql \\copy failed"
	cp_s=$(sub "$t0" "$(now)")
	cp_rss=$(cat "$DIR/rss")
	rm -f "$DIR/peer.csv"
	n=$(pgq pgpeer 'SELECT count(*) FROM interactions')
	[ "$n" = "$ROWS" ] || die "psql \\copy stored $n rows, not $ROWS"
	cp_bpi=$(awk -v b="$(pgq pgpeer "SELECT pg_total_relation_size('interactions')")" \
	    -v n="$ROWS" 'BEGIN { printf "%.1f", b / n }')
	say "bench: psql \\copy $cp_s s"

	pgq pgpeer 'CHECKPOINT' >/dev/null
	sq_imp_s=$imp_s sq_imp_rss=$imp_rss	# (a)'s, kept for the report
	okrdesk_import "$CSV" "$PGURI/okrdesk"
	pg_imp_s=$imp_s pg_imp_rss=$imp_rss
	imp_s=$sq_imp_s imp_rss=$sq_imp_rss
	# the same rows as the SQLite workspace: count and a checksum
	want=$(sqlite3 "$DB" 'SELECT count(*), sum(created_at), sum(talk_s) FROM interactions' | tr '|' ' ')
	got=$(pgq okrdesk 'SELECT count(*), sum(created_at), sum(talk_s) FROM interactions' | tr '|' ' ')
	[ "$(echo "$got" | awk '{ printf "%d %d %.0f", $1, $2, $3 }')" = \
	    "$(echo "$want" | awk '{ printf "%d %d %.0f", $1, $2, $3 }')" ] ||
	    die "PostgreSQL holds \"$got\", SQLite \"$want\" (count, sums)"
	pg_bpi=$(awk -v b="$(pgq okrdesk "SELECT pg_total_relation_size('interactions')")" \
	    -v n="$ROWS" 'BEGIN { printf "%.1f", b / n }')
	say "bench: okrdesk import into PostgreSQL $pg_imp_s s"

	rss "$OKRDESK" --db "$PGURI/okrdesk" kpi bench --from "$FROM" \
	    --to "$TO" --json >"$DIR/pgkpi.json" ||
	    die "okrdesk kpi bench on PostgreSQL failed"
	pg_snap_rss=$(cat "$DIR/rss")
	tr -d ' \n' <"$DIR/pgkpi.json" >"$DIR/pgkpi.line"
	pg_build=$(fmt3 "$(json snapshot_build_s "$DIR/pgkpi.line")")
	say "bench: snapshot from PostgreSQL $pg_build s, from SQLite $ok_build s"
fi
pg_stop
[ -z "$pg_note" ] || say "bench: PostgreSQL $pg_note"

# ---- report -------------------------------------------------------------------

imp_rate=$( [ -n "$imp_s" ] && rate "$ROWS" "$imp_s" || echo n/a)
sq_rate=$(rate "$ROWS" "$sq_s")
r_import=$( [ -n "$imp_s" ] && div "$sq_s" "$imp_s" || echo n/a)
r_suite=$(div "$ok_suite" "$dk_suite")
r_sqlite=$( [ -n "$ok_suite" ] && div "$sq_suite" "$ok_suite" || echo n/a)
r_quant=$(div "$ok_quant" "$dk_quant")
r_sq_dk=$(div "$sq_suite" "$dk_suite")
pg_imp_rate=$( [ -n "$pg_imp_s" ] && rate "$ROWS" "$pg_imp_s" || echo n/a)
cp_rate=$( [ -n "$cp_s" ] && rate "$ROWS" "$cp_s" || echo n/a)
r_pg=$( [ -n "$pg_imp_s" ] && div "$cp_s" "$pg_imp_s" || echo n/a)
r_snap=$( [ -n "$pg_build" ] && div "$pg_build" "$ok_build" || echo n/a)
na() { [ -n "$1" ] && printf '%s' "$1" || printf 'n/a'; }
# a ratio with its sign, or n/a
x() { [ "$1" = n/a ] && printf 'n/a' || printf '%s×' "$1"; }
mb() { [ -n "$1" ] && awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }' || printf 'n/a'; }
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
machine="$(uname -sr), ${cpu:-unknown CPU}, $(nproc) cores, $mem"
date=$(date -u +%Y-%m-%dT%H:%MZ)
rev=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)

table=$DIR/table.md
cat >"$table" <<EOF
Run of $date on $machine; okrdesk $rev;
$ROWS interactions over $FROM..$TO ($csv_mb MiB of CSV, generated at
$(rate "$ROWS" "$gen_s") rows/s).

| measure | okrdesk | peer | ratio | target |
|---|---|---|---|---|
| (a) import, rows/s | $imp_rate | sqlite3 .import $sq_rate | $(x "$r_import") | ≥ 1.25× |
| (a) import, seconds | $(na "$imp_s") | $sq_s | | |
| (a) import peak RSS, all rows | $(mb "$imp_rss") | $(mb "$sq_rss") | | flat |
| (a) import peak RSS, a tenth | $(mb "${imp10_rss:-}") | $(mb "$sq10_rss") | | flat |
| (b) KPI suite by week and team, s | $(na "$ok_suite") ($(na "$ok_kpis") KPIs) | DuckDB 1 thread $dk_suite ($dk_kpis KPIs) | $(x "$r_suite") | ≤ 0.5× |
| (b) KPI suite, s | $(na "$ok_suite") | SQLite $sq_suite | $(x "$r_sqlite") | ≥ 30× faster |
| (c) p50/p90 FRT by week and team, s | $(na "$ok_quant") | DuckDB quantile_cont $dk_quant | $(x "$r_quant") | ≤ 0.5× |
| (d) snapshot bytes per interaction | $(na "$ok_bpi") | | | ≤ 48 |
| (d) snapshot build, s | $(na "$ok_build") | | | |
| (g) PostgreSQL import, rows/s | $pg_imp_rate | psql \\copy $cp_rate | $(x "$r_pg") | ≥ 0.9× |
| (g) PostgreSQL import, seconds | $(na "$pg_imp_s") | $(na "$cp_s") | | |
| (g) PostgreSQL import peak RSS (client) | $(mb "$pg_imp_rss") | $(mb "$cp_rss") | | flat |
| (h) KPI snapshot load, s | PostgreSQL $(na "$pg_build") | SQLite $(na "$ok_build") | $(x "$r_snap") | |
| (h) KPI snapshot load peak RSS | PostgreSQL $(mb "$pg_snap_rss") | SQLite $(mb "$ok_snap_rss") | | the same (streamed) |
| (i) bytes stored per interaction | PostgreSQL $(na "$pg_bpi") (psql \\copy: $(na "$cp_bpi")) | SQLite file $sq_bpi | | |

SQLite / DuckDB on the suite: $(x "$r_sq_dk").  DuckDB vs SQLite results:
$agree.
EOF
if [ -n "$pg_note" ]; then
	printf 'PostgreSQL rows: %s.\n' "$pg_note" >>"$table"
else
	cat >>"$table" <<EOF
PostgreSQL: $pgver, a throwaway cluster with the server's defaults
(fsync on, synchronous_commit on, shared_buffers 128 MB) on 127.0.0.1;
both loads into an empty table made by \`okrdesk init\`, after a CHECKPOINT.
okrdesk reads the generated CSV ($csv_mb MiB: ISO times, true/false) and
parses and checks every field; psql \\copy loads the rows okrdesk stored,
exported by \`sqlite3 -csv\` as the table's own values ($peer_mb MiB:
epoch seconds, 0/1, NULL as an empty field). Bytes stored are
pg_total_relation_size (heap, primary key index, TOAST) and the SQLite
file (with its WAL) over the rows.
EOF
fi
if [ "$has_import" = 0 ] || [ "$has_kpi" = 0 ]; then
	cat >>"$table" <<EOF
n/a: this okrdesk binary had no$( [ "$has_import" = 0 ] && printf ' import')$( [ "$has_import$has_kpi" = 00 ] && printf ' or')$( [ "$has_kpi" = 0 ] && printf ' kpi') command;
the SQLite suite ran on a table built by bench/load-sqlite.sql.
EOF
fi
cat "$table"

if [ "$DOC" != "-" ] && [ -f "$DOC" ]; then
	awk -v t="$table" '
	/<!-- bench:results:begin -->/ { print; while ((getline l < t) > 0) print l; skip = 1; next }
	/<!-- bench:results:end -->/ { skip = 0 }
	!skip { print }' "$DOC" >"$DOC.tmp"
	line="| $date | $ROWS | $imp_rate | $sq_rate | $r_import | $(na "$ok_suite") | $dk_suite | $sq_suite | $r_suite | $r_sqlite | $r_quant | $(na "$ok_bpi") | $pg_imp_rate | $cp_rate | $r_pg | $(na "$pg_build") | $(na "$ok_build") | $rev |"
	awk -v l="$line" '/<!-- bench:history -->/ { print l } { print }' \
	    "$DOC.tmp" >"$DOC.tmp2"
	mv "$DOC.tmp2" "$DOC"
	rm -f "$DOC.tmp"
	say "bench: results written to $DOC"
fi

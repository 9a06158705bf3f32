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
#   (d) okrdesk's snapshot bytes per interaction and the import's RSS.
# It checks that DuckDB and SQLite agree row for row, prints a table and
# the ratios, and rewrites the results in docs/benchmarks.md.
#
# Environment: BENCH_ROWS (10000000), BENCH_FROM / BENCH_TO (the window,
# 2026-10-01 / 2026-12-31, one quarter), BENCH_DIR (a fresh temporary
# directory under /tmp, removed at the end unless BENCH_KEEP=1), OKRDESK
# (./okrdesk), BENCH_DOC (docs/benchmarks.md; "-" to leave it alone).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
OKRDESK=${OKRDESK:-$root/okrdesk}
ROWS=${BENCH_ROWS:-10000000}
FROM=${BENCH_FROM:-2026-10-01}
TO=${BENCH_TO:-2026-12-31}
DOC=${BENCH_DOC:-$root/docs/benchmarks.md}
KEEP=${BENCH_KEEP:-0}
if [ -n "${BENCH_DIR:-}" ]; then
	DIR=$BENCH_DIR
	mkdir -p "$DIR"
	made=0
else
	DIR=$(mktemp -d /tmp/okrdesk-bench.XXXXXX)
	made=1
fi
cleanup() {
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
	rm -f "$2" "$2-wal" "$2-shm"
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
	"$OKRDESK" --db "$DB" kpi bench --from "$FROM" --to "$TO" --json \
	    >"$DIR/kpi.json" || die "okrdesk kpi bench failed"
	tr -d ' \n' <"$DIR/kpi.json" >"$DIR/kpi.line"
	ok_suite=$(fmt3 "$(json suite_s "$DIR/kpi.line")")
	ok_kpis=$(json suite_kpis "$DIR/kpi.line")
	ok_quant=$(fmt3 "$(json quantiles_s "$DIR/kpi.line")")
	ok_build=$(fmt3 "$(json snapshot_build_s "$DIR/kpi.line")")
	ok_bpi=$(json snapshot_bytes_per_interaction "$DIR/kpi.line")
else
	say "bench: okrdesk has no kpi command yet: its columns stay n/a"
	ok_suite="" ok_kpis="" ok_quant="" ok_build="" ok_bpi=""
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

# ---- report -------------------------------------------------------------------

imp_rate=$( [ -n "$imp_s" ] && rate "$ROWS" "$imp_s" || echo n/a)
sq_rate=$(rate "$ROWS" "$sq_s")
r_import=$( [ -n "$imp_s" ] && div "$sq_s" "$imp_s" || echo n/a)
r_suite=$(div "$ok_suite" "$dk_suite")
r_sqlite=$( [ -n "$ok_suite" ] && div "$sq_suite" "$ok_suite" || echo n/a)
r_quant=$(div "$ok_quant" "$dk_quant")
r_sq_dk=$(div "$sq_suite" "$dk_suite")
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

SQLite / DuckDB on the suite: $(x "$r_sq_dk").  DuckDB vs SQLite results:
$agree.
EOF
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
	line="| $date | $ROWS | $imp_rate | $sq_rate | $r_import | $(na "$ok_suite") | $dk_suite | $sq_suite | $r_suite | $r_sqlite | $r_quant | $(na "$ok_bpi") | $rev |"
	awk -v l="$line" '/<!-- bench:history -->/ { print l } { print }' \
	    "$DOC.tmp" >"$DOC.tmp2"
	mv "$DOC.tmp2" "$DOC"
	rm -f "$DOC.tmp"
	say "bench: results written to $DOC"
fi

#!/bin/sh
# bench/web.sh: make bench-web.  The server side of DESIGN.md's targets:
#   (e) wrk, 100 connections, 30 s, on a JSON route (GET /api/v1/workspace
#       with a viewer's API token) beside nginx serving the same bytes as a
#       static file: requests/s, errors, the ratio (target >= 0.8);
#   (f) the home and objective pages with 500 objectives, 2,000 key
#       results and BENCH_ROWS interactions (10 M): server time p95 from
#       the server's request log (target < 50 ms).
# Environment: BENCH_ROWS (10000000), WRK_SECONDS (30), BENCH_DIR,
# OKRDESK, BENCH_DOC (docs/benchmarks.md; "-" to leave it alone).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
OKRDESK=${OKRDESK:-$root/okrdesk}
ROWS=${BENCH_ROWS:-10000000}
SECS=${WRK_SECONDS:-30}
DOC=${BENCH_DOC:-$root/docs/benchmarks.md}
DIR=${BENCH_DIR:-$(mktemp -d /tmp/okrdesk-web.XXXXXX)}
mkdir -p "$DIR"
chmod 755 "$DIR"	# nginx workers read the static file as another user
SRV=
NGX=
cleanup() {
	[ -n "$SRV" ] && kill "$SRV" 2>/dev/null
	[ -n "$NGX" ] && nginx -c "$DIR/nginx.conf" -s stop 2>/dev/null
	[ -n "${BENCH_DIR:-}" ] || rm -rf "$DIR"
}
trap cleanup EXIT
say() { printf '%s\n' "$*" >&2; }
for t in wrk nginx sqlite3; do
	command -v $t >/dev/null || {
		say "bench-web: installing $t"
		if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
		case $t in nginx) p=nginx-light ;; *) p=$t ;; esac
		$SUDO apt-get install -y -qq $p >/dev/null
	}
done
export OKRDESK_DB="$DIR/web.db"
now=$(date -u +%Y-%m-%d)

# ---- the workspace: 500 objectives, 2,000 key results, ROWS interactions --
say "bench-web: a workspace with 500 objectives and 2,000 key results"
"$OKRDESK" init --name "Bench Support" --timezone UTC >/dev/null
q=$(date -u +%Y)-Q$(( ($(date -u +%-m) + 2) / 3 ))
{
	echo "cycles:"
	echo "  - name: $q"
	m0=$(( ($(date -u +%-m) - 1) / 3 * 3 + 1 ))
	printf '    start: %s-%02d-01\n' "$(date -u +%Y)" $m0
	printf '    end: %s\n' "$(date -u -d "$(date -u +%Y)-$(printf %02d $m0)-01 +3 months -1 day" +%Y-%m-%d)"
	echo "    state: active"
	echo "teams:"
	for t in $(seq 1 20); do echo "  - name: Team $t"; done
	echo "objectives:"
	for o in $(seq 1 500); do
		echo "  - key: obj-$o"
		echo "    title: Objective number $o for the support floor"
		echo "    cycle: $q"
		echo "    team: Team $(( (o - 1) % 20 + 1 ))"
		[ $o -gt 20 ] && echo "    aligns: [obj-$(( (o - 1) % 20 + 1 ))]"
		echo "    key_results:"
		for k in 1 2 3 4; do
			echo "      - key: kr$k"
			echo "        title: Key result $k of objective $o"
			echo "        baseline: 100"
			echo "        target: $((100 + k * 10))"
		done
	done
} >"$DIR/ws.yaml"
"$OKRDESK" apply "$DIR/ws.yaml" >/dev/null
# four weekly check-ins a key result, straight into the table: a bench
# fixture, not a user's path
sqlite3 "$OKRDESK_DB" "INSERT INTO checkin(kr_id, at, value, confidence,
    author, source) SELECT k.id, strftime('%s', 'now') - w.n * 604800,
    100 + (k.id % 10) * (5 - w.n), 0.7, 'bench', 'manual' FROM key_result k,
    (SELECT 1 AS n UNION SELECT 2 UNION SELECT 3 UNION SELECT 4) w;"
say "bench-web: $ROWS interactions"
"$OKRDESK" gen --rows "$ROWS" --out "$DIR/data" --datasets interactions \
    --to "$now" --from "$(date -u -d "$now -90 days" +%Y-%m-%d)" >/dev/null
"$OKRDESK" import interactions "$DIR/data/interactions.csv" --no-progress \
    >/dev/null
rm -rf "$DIR/data"
echo admin-password-1 | "$OKRDESK" user add admin --role admin \
    --password-stdin >/dev/null
echo viewer-password-1 | "$OKRDESK" user add viewer --role viewer \
    --password-stdin >/dev/null
tok=$("$OKRDESK" token add bench --user viewer | grep -o 'okd_[A-Za-z0-9_-]*')

# ---- the server -----------------------------------------------------------
port=$((20000 + $$ % 20000))
"$OKRDESK" serve --listen "127.0.0.1:$port" >"$DIR/serve.out" \
    2>"$DIR/serve.log" &
SRV=$!
i=0
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
	i=$((i + 1)); [ $i -lt 200 ] || { say "no server"; exit 1; }
	sleep 0.1
done

# (f) pages: 200 requests each, one at a time, p95 of the logged ms
curl -s -o /dev/null -c "$DIR/jar" -X POST -H 'Content-Type: application/json' \
    -d '{"login":"viewer","password":"viewer-password-1"}' \
    "http://127.0.0.1:$port/api/v1/session"
p95() {	# $1 path: p95 of the server's ms for it, "n/a" if not a page
	code=$(curl -s -o /dev/null -w '%{http_code}' -b "$DIR/jar" \
	    "http://127.0.0.1:$port$1")
	[ "$code" = 200 ] || { echo "n/a ($code)"; return; }
	: >"$DIR/serve.log"
	for n in $(seq 1 200); do
		curl -s -o /dev/null -b "$DIR/jar" "http://127.0.0.1:$port$1"
	done
	sleep 0.2
	awk -v p="$1" '$1 == "GET" && $2 == p { sub(/ms$/, "", $4); print $4 }' \
	    "$DIR/serve.log" | sort -n | awk '{ v[NR] = $1 } END {
	    if (NR == 0) { print "n/a"; exit }
	    i = int(0.95 * NR + 0.999); if (i < 1) i = 1; printf "%.1f", v[i] }'
}
home=$(p95 /)
obj=$(p95 /objectives/obj-7)
api=$(p95 /api/v1/status)
say "bench-web: p95 home $home ms, objective $obj ms, /api/v1/status $api ms"

# (e) wrk on a JSON route beside nginx with the same bytes
kill "$SRV"; wait "$SRV" 2>/dev/null || true
"$OKRDESK" serve --listen "127.0.0.1:$port" --quiet >/dev/null 2>&1 &
SRV=$!
i=0
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
	i=$((i + 1)); [ $i -lt 200 ] || exit 1
	sleep 0.1
done
mkdir -p "$DIR/html"
curl -s -H "Authorization: Bearer $tok" \
    "http://127.0.0.1:$port/api/v1/workspace" >"$DIR/html/workspace.json"
cat >"$DIR/nginx.conf" <<EOF
worker_processes 2;
pid $DIR/nginx.pid;
error_log $DIR/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/json json; }
  server { listen 127.0.0.1:$((port + 1)); root $DIR/html; }
}
EOF
nginx -c "$DIR/nginx.conf"
NGX=1
wrk_run() {	# $1 url, then headers: "rps errors"
	u=$1
	shift
	wrk -t2 -c100 -d"${SECS}s" "$@" "$u" >"$DIR/wrk.out" 2>&1
	rps=$(awk '/^Requests\/sec:/ { print $2 }' "$DIR/wrk.out")
	errs=$(awk '/Socket errors|Non-2xx/ { for (i = 1; i <= NF; i++)
	    if ($i ~ /^[0-9]+,?$/) s += $i } END { print s + 0 }' "$DIR/wrk.out")
	echo "$rps $errs"
}
set -- $(wrk_run "http://127.0.0.1:$port/api/v1/workspace" \
    -H "Authorization: Bearer $tok")
ok_rps=$1 ok_err=$2
set -- $(wrk_run "http://127.0.0.1:$((port + 1))/workspace.json")
ng_rps=$1 ng_err=$2
ratio=$(awk -v a="$ok_rps" -v b="$ng_rps" 'BEGIN { printf "%.2f", a / b }')
say "bench-web: wrk okrdesk $ok_rps req/s ($ok_err errors), nginx $ng_rps ($ng_err), ratio $ratio"

table=$(cat <<EOF
Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -sr), $(nproc) cores; okrdesk $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo "?");
500 objectives, 2,000 key results (8,000 check-ins), $ROWS interactions.

| measure | okrdesk | peer | ratio | target |
|---|---|---|---|---|
| (e) JSON route under wrk, 100 connections, ${SECS} s, req/s | $ok_rps ($ok_err errors) | nginx static, same bytes: $ng_rps ($ng_err errors) | ${ratio}× | ≥ 0.8×, no errors |
| (f) home page, server p95 | $home ms | | | < 50 ms |
| (f) objective page, server p95 | $obj ms | | | < 50 ms |
| (f) GET /api/v1/status, server p95 | $api ms | | | |
EOF
)
printf '%s\n' "$table"
if [ "$DOC" != - ] && grep -q 'bench-web:results:begin' "$DOC"; then
	awk -v t="$table" '/bench-web:results:begin/ { print; print t; skip = 1; next }
	    /bench-web:results:end/ { skip = 0 } !skip' "$DOC" >"$DOC.tmp" &&
	    mv "$DOC.tmp" "$DOC"
fi

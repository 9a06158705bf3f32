#!/bin/sh
# tests/tools/pgcluster.sh start DIR | stop DIR: a throwaway PostgreSQL
# cluster for the tests.  start makes DIR (initdb: trust, no locale,
# UTF-8), runs the server on a free loopback port with its socket in DIR
# and durability off (fsync, synchronous_commit: a test cluster is thrown
# away), and prints the base URI postgresql://postgres@127.0.0.1:PORT;
# stop stops it and removes DIR.  Exit 3 when the server binaries are not
# installed (the caller says so and skips).  PostgreSQL refuses to run as
# root: as root, the server runs as the postgres user the package made.
set -u
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}
case ${1:-} in
start)
	d=$2
	[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || exit 3
	mkdir -p "$d" || exit 1
	[ "$(id -u)" -ne 0 ] || chown postgres "$d" || exit 1
	as "$bindir/initdb" -D "$d/data" -A trust -U postgres --no-locale \
	    -E UTF8 >"$d/initdb.log" 2>&1 || { cat "$d/initdb.log" >&2; exit 1; }
	tries=0
	while [ $tries -lt 20 ]; do
		port=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
		if as "$bindir/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 30 \
		    -o "-k $d -c listen_addresses=127.0.0.1 -p $port \
		    -c fsync=off -c synchronous_commit=off \
		    -c full_page_writes=off -c max_connections=200" \
		    start >/dev/null 2>&1; then
			echo "postgresql://postgres@127.0.0.1:$port"
			exit 0
		fi
		tries=$((tries + 1))
	done
	cat "$d/server.log" >&2
	exit 1
	;;
stop)
	d=$2
	[ -n "$bindir" ] && [ -d "$d/data" ] &&
	    as "$bindir/pg_ctl" -D "$d/data" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$d"
	;;
*)
	echo "usage: pgcluster.sh start DIR | stop DIR" >&2
	exit 2
	;;
esac

# tests/http/lib.sh: a harness for HTTP tests against the real server.
#
# Sourcing it makes a workspace in a fresh temporary directory (fixed
# clock, like tests/cli/lib.sh) and gives:
#   start_server [ARGS]        okrdesk serve on a free loopback port (tries
#                              ports from a random base until one binds;
#                              waits until /healthz answers); sets $PORT,
#                              $BASE (http://127.0.0.1:PORT), $SERVER_PID
#   start_server2 [ARGS]       a second server on the same workspace: $PORT2,
#                              $BASE2, $SERVER2_PID
#   stop_server                SIGTERM, wait; $server_rc is its exit status
#   req METHOD PATH [CURL...]  one request; sets $status, $body, $headers
#   header NAME                the value of a header of the last response
#   ok / fails / same / contains   as in tests/cli/lib.sh
#   done_testing               stops a server still running (checking that
#                              it exits 0) and prints "# tally: P F"
# The server's stdout and stderr are in $T/serve.out and $T/serve.err.

# The workspace, the clock and ok / fails / same / contains are the CLI
# harness's; this file adds the server and overrides done_testing.
# (every caller lives in tests/<dir>/, beside tests/cli/).
. "$(dirname "$0")/../cli/lib.sh"
SERVER_PID=
SERVER2_PID=
trap '[ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null
    [ -n "$SERVER2_PID" ] && kill -TERM "$SERVER2_PID" 2>/dev/null
    _cleanup' EXIT

# A random port base in 20000..59999 (POSIX sh has no $RANDOM).
_port_base() {
	echo $((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
}

# _serve NAME VAR [ARGS]: okrdesk serve on a free port, its output in
# $T/NAME.out and $T/NAME.err, its pid in the variable VAR (so the EXIT
# trap can stop it while it starts); sets _port.
_serve() {
	_n=$1
	_v=$2
	shift 2
	_p=$(_port_base)
	_tries=0
	while [ $_tries -lt 20 ]; do
		"$OKRDESK" serve --listen "127.0.0.1:$_p" "$@" \
		    >"$T/$_n.out" 2>"$T/$_n.err" &
		eval "$_v=\$!"
		_pid=$!
		# Up when it says so; a busy port makes it exit 1 at once.
		_w=0
		while [ $_w -lt 100 ]; do
			grep -q serving "$T/$_n.out" 2>/dev/null && break
			kill -0 "$_pid" 2>/dev/null || break
			sleep 0.05
			_w=$((_w + 1))
		done
		if grep -q serving "$T/$_n.out" 2>/dev/null; then
			_port=$_p
			_w=0
			while [ $_w -lt 100 ]; do
				curl -sf -o /dev/null \
				    "http://127.0.0.1:$_port/healthz" && return 0
				sleep 0.05
				_w=$((_w + 1))
			done
			echo "# the server never answered /healthz" >&2
			return 1
		fi
		wait "$_pid" 2>/dev/null
		eval "$_v="
		grep -q "already in use" "$T/$_n.err" || {
			echo "# okrdesk serve failed:" >&2
			cat "$T/$_n.err" >&2
			return 1
		}
		_p=$((_p + 1))
		_tries=$((_tries + 1))
	done
	echo "# no free port found" >&2
	return 1
}

start_server() {
	_serve serve SERVER_PID "$@" || return 1
	PORT=$_port
	BASE="http://127.0.0.1:$PORT"
}

# A second server on the same database (several servers, one database):
# sets PORT2, BASE2, SERVER2_PID; output in $T/serve2.out and .err.
start_server2() {
	_serve serve2 SERVER2_PID "$@" || return 1
	PORT2=$_port
	BASE2="http://127.0.0.1:$PORT2"
}

stop_server() {
	server_rc=
	[ -n "$SERVER_PID" ] || return 0
	kill -TERM "$SERVER_PID"
	wait "$SERVER_PID"
	server_rc=$?
	SERVER_PID=
}

req() {
	_m=$1
	_path=$2
	shift 2
	if [ "$_m" = HEAD ]; then
		set -- --head "$@"
	else
		set -- -X "$_m" "$@"
	fi
	status=$(curl -s -o "$T/.body" -D "$T/.headers" -w '%{http_code}' \
	    "$@" "$BASE$_path")
	if [ "$_m" = HEAD ]; then	# curl --head writes the headers there
		body=$(sed '1,/^\r*$/d' "$T/.body")
	else
		body=$(cat "$T/.body")
	fi
	headers=$(tr -d '\r' <"$T/.headers")
}

header() {
	printf '%s\n' "$headers" | sed -n "s/^$1: //Ip" | tail -n 1
}

done_testing() {
	if [ -n "$SERVER_PID" ]; then
		stop_server
		same "the server exits 0 on SIGTERM" "$server_rc" 0
	fi
	echo "# tally: $PASSED $FAILED"
	[ "$FAILED" -eq 0 ]
}

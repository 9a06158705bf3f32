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

set -u
: "${OKRDESK:?set OKRDESK to the okrdesk binary}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
export OKRDESK_DB="$T/okrdesk.db"
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

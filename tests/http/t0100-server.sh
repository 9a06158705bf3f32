#!/bin/sh
# t0100-server.sh: okrdesk serve itself: /healthz, the error shape for an
# unknown path, a wrong method and a broken escape, the body limit, the
# security headers, HEAD, a busy port, and a graceful SIGTERM.
. "$(dirname "$0")/lib.sh"

ok "a workspace to serve" okrdesk init
start_server --threads 2 || { echo "# tally: 0 1"; exit 1; }
contains "serve says what it serves and where" "$(cat "$T/serve.out")" \
    "okrdesk: serving $OKRDESK_DB on http://127.0.0.1:$PORT/"

# --- /healthz --------------------------------------------------------------

req GET /healthz
same "/healthz answers 200" "$status" 200
same "... with {\"status\":\"ok\"}" "$(printf '%s' "$body" | jq -c .)" \
    '{"status":"ok"}'
same "... as JSON" "$(header Content-Type)" "application/json"

req HEAD /healthz
same "HEAD /healthz answers 200" "$status" 200
same "... with no body" "$body" ""
same "... and the length GET's body would have" \
    "$(header Content-Length)" 16

# --- errors have one shape ---------------------------------------------------

req GET /no/such/thing
same "an unknown path is 404" "$status" 404
same "... with the error shape" \
    "$(printf '%s' "$body" | jq -c '.error | [.code, .field]')" \
    '["not_found",null]'
contains "... naming the path" "$(printf '%s' "$body" | jq -r .error.message)" \
    "/no/such/thing"

req POST /healthz -d x=1
same "POST on a GET route is 405" "$status" 405
same "... with Allow" "$(header Allow)" "GET, HEAD"
same "... and the error shape" "$(printf '%s' "$body" | jq -r .error.code)" \
    method_not_allowed

req GET '/healthz?x=%zz'
same "a broken percent escape in the query is 400" "$status" 400
same "... with the error shape" "$(printf '%s' "$body" | jq -r .error.code)" \
    bad_request
req GET '/heal%7'
same "a broken percent escape in the path is 400" "$status" 400
req GET '/healthz?x=%00'
same "an encoded NUL is 400" "$status" 400
req POST /healthz -d 'note=100%'
same "a broken percent escape in a form body is 400" "$status" 400
req POST /healthz -d 'note=100%25'
same "... and a good one goes on to the route (405 here)" "$status" 405

# --- the body limit ------------------------------------------------------------

head -c 10485761 /dev/zero >"$T/big"	# the 10 MiB limit plus one byte
req POST /healthz --data-binary "@$T/big"
same "a body past 10 MiB is 413" "$status" 413
same "... with the error shape" "$(printf '%s' "$body" | jq -r .error.code)" \
    too_big
req POST /healthz -H 'Expect:' --data-binary "@$T/big"
same "... also when the client sends it without waiting for 100" \
    "$status" 413
req POST /healthz -H 'Transfer-Encoding: chunked' --data-binary "@$T/big"
same "... and when it comes chunked, with no Content-Length" "$status" 413
req GET /healthz
same "the server still answers afterwards" "$status" 200
head -c 10485760 /dev/zero >"$T/limit"
req POST /healthz -H 'Content-Type: application/octet-stream' \
    --data-binary "@$T/limit"
same "a body of exactly 10 MiB is taken (and the route then says 405)" \
    "$status" 405

# --- security headers on every response ------------------------------------------

for p in /healthz /nope; do
	req GET $p
	same "$p: Content-Security-Policy" "$(header Content-Security-Policy)" \
	    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
	same "$p: X-Content-Type-Options" "$(header X-Content-Type-Options)" \
	    nosniff
	same "$p: Referrer-Policy" "$(header Referrer-Policy)" same-origin
	same "$p: X-Frame-Options" "$(header X-Frame-Options)" DENY
done

contains "each request is logged with method, path and status" \
    "$(cat "$T/serve.err")" "GET /no/such/thing 404 "

# --- a busy port ---------------------------------------------------------------

fails 1 "a second server on the same port fails" \
    okrdesk serve --listen "127.0.0.1:$PORT"
contains "... saying the port is in use" "$err" \
    "127.0.0.1:$PORT is already in use"
fails 2 "a listen address without a port is a usage error" \
    okrdesk serve --listen 127.0.0.1

# --- graceful stop ---------------------------------------------------------------

# A slow upload (100 KB at 40 KB/s) is in flight when SIGTERM comes: it
# still gets its answer, and the server then exits 0.
head -c 100000 /dev/zero >"$T/slow"
curl -s -o /dev/null -w '%{http_code}' --limit-rate 40k \
    -H 'Content-Type: application/octet-stream' \
    --data-binary "@$T/slow" "$BASE/healthz" >"$T/slow.status" &
slow=$!
sleep 1
stop_server
wait $slow
same "a request in flight at SIGTERM gets its answer" \
    "$(cat "$T/slow.status")" 405
same "... and the server then exits 0" "$server_rc" 0
contains "... after saying it is finishing" "$(cat "$T/serve.err")" \
    "SIGTERM, finishing the requests in flight"
same "the port is closed after the stop" \
    "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")" 000

done_testing

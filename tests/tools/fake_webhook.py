#!/usr/bin/env python3
"""fake_webhook.py: an incoming-webhook receiver for the tests of
okrdesk remind.

Every POST is written to OUT/hook-N.json (the body as received) and
OUT/hook-N.txt (the request line and headers), before the reply goes
out, and answered with --status (200 by default) and the body "ok", as
Slack does.  Anything but POST gets 405.

Usage: fake_webhook.py --port P --ready FIFO --out DIR [--status CODE]

--ready gets one line once the port is bound, "ready P", or "busy P"
when it is taken (see fake_smtp.py).  Runs until SIGTERM.
"""
import argparse
import errno
import http.server
import os
import sys
import threading

_counter = 0
_lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass                            # the test reads the files instead

    def do_POST(self):
        global _counter
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n)
        with _lock:
            _counter += 1
            k = _counter
        base = os.path.join(self.server.out, "hook-%d" % k)
        with open(base + ".txt", "w") as f:
            f.write(self.requestline + "\n")
            for name, value in self.headers.items():
                f.write("%s: %s\n" % (name, value))
        with open(base + ".json.tmp", "wb") as f:
            f.write(body)
        os.rename(base + ".json.tmp", base + ".json")
        self.answer(self.server.status, b"ok")

    def do_GET(self):
        self.answer(405, b"method not allowed")

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--ready", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--status", type=int, default=200)
    a = ap.parse_args()
    try:
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    except OSError as e:
        with open(a.ready, "w") as f:
            f.write("%s %d\n" % ("busy" if e.errno == errno.EADDRINUSE
                                 else "error", a.port))
        return 1
    srv.out, srv.status = a.out, a.status
    with open(a.ready, "w") as f:
        f.write("ready %d\n" % a.port)
    srv.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""fake_smtp.py: a fake SMTP server for the tests of okrdesk remind.

It speaks just enough ESMTP (RFC 5321) for libcurl: a greeting, EHLO or
HELO, MAIL FROM, RCPT TO, DATA (with the dot-stuffing undone), RSET,
NOOP, QUIT.  It offers no STARTTLS and no AUTH.  Every message accepted
is written to OUT/mail-N.txt before the final 250 reply, so that when the
client has finished, the files are there:

    MAIL FROM:<sender>
    RCPT TO:<recipient>          (one line per recipient)
    <blank line>
    the message as received (headers, blank line, body; CRLF kept)

Usage: fake_smtp.py --port P --ready FIFO --out DIR [--fail rcpt|data]

--ready names a file (normally a FIFO the test made) that gets one line
once the port is bound, "ready P", or "busy P" when it is taken, so the
test waits without sleeping.  --fail rcpt refuses every recipient (550),
--fail data refuses every message after its data (554).  Runs until
SIGTERM.  Standard library only (no smtpd: it is deprecated and gone
from Python 3.12).
"""
import argparse
import errno
import os
import socket
import socketserver
import sys
import threading

_counter = 0
_lock = threading.Lock()


def _next_path(out):
    global _counter
    with _lock:
        _counter += 1
        return os.path.join(out, "mail-%d.txt" % _counter)


class Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode("ascii") + b"\r\n")
        self.wfile.flush()

    def handle(self):
        fail = self.server.fail
        sender, rcpts = None, []
        self.reply("220 fake.test ESMTP okrdesk test double")
        while True:
            raw = self.rfile.readline(65536)
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line[:4].upper()
            if verb == "EHLO":
                self.reply("250-fake.test")
                self.reply("250-8BITMIME")
                self.reply("250 SIZE 10485760")
            elif verb == "HELO":
                self.reply("250 fake.test")
            elif verb == "MAIL":
                sender, rcpts = line[10:].strip(), []
                self.reply("250 2.1.0 ok")
            elif verb == "RCPT":
                if fail == "rcpt":
                    self.reply("550 5.1.1 mailbox unavailable")
                else:
                    rcpts.append(line[8:].strip())
                    self.reply("250 2.1.5 ok")
            elif verb == "DATA":
                if sender is None or not rcpts:
                    self.reply("503 5.5.1 need MAIL and RCPT first")
                    continue
                self.reply("354 end with <CRLF>.<CRLF>")
                data = self.read_data()
                if data is None:
                    return
                if fail == "data":
                    self.reply("554 5.6.0 message refused")
                else:
                    self.store(sender, rcpts, data)
                    self.reply("250 2.0.0 queued")
                sender, rcpts = None, []
            elif verb == "RSET":
                sender, rcpts = None, []
                self.reply("250 2.0.0 ok")
            elif verb == "NOOP":
                self.reply("250 2.0.0 ok")
            elif verb == "QUIT":
                self.reply("221 2.0.0 bye")
                return
            else:
                self.reply("502 5.5.2 not implemented")

    def read_data(self):
        lines = []
        while True:
            raw = self.rfile.readline(1 << 20)
            if not raw:
                return None
            if raw in (b".\r\n", b".\n"):
                return b"".join(lines)
            if raw.startswith(b".."):
                raw = raw[1:]          # undo the dot-stuffing
            lines.append(raw)

    def store(self, sender, rcpts, data):
        path = _next_path(self.server.out)
        head = "MAIL FROM:%s\n" % sender
        head += "".join("RCPT TO:%s\n" % r for r in rcpts)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(head.encode("utf-8") + b"\n" + data)
        os.rename(tmp, path)


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--ready", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--fail", choices=("rcpt", "data"))
    a = ap.parse_args()
    try:
        srv = Server(("127.0.0.1", a.port), Handler)
    except OSError as e:
        with open(a.ready, "w") as f:
            f.write("%s %d\n" % ("busy" if e.errno == errno.EADDRINUSE
                                 else "error", a.port))
        return 1
    srv.out, srv.fail = a.out, a.fail
    with open(a.ready, "w") as f:
        f.write("ready %d\n" % a.port)
    srv.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""delayproxy.py: an HTTP proxy on 127.0.0.1 for the upload tests that
makes one request arrive late, as a request does that a client gave up
on (a timeout) while it was still on its way to the server.

Usage: delayproxy.py PORTFILE TARGET_PORT HOLD_S [LIFETIME_S]
Binds 127.0.0.1 on a free port, writes the port number to PORTFILE and
forwards every request to 127.0.0.1:TARGET_PORT, passing the answer back,
except the first request that carries credentials (an Authorization
header) and a body: that one gets no answer; HOLD_S seconds later, when
the client has timed out and gone, it is sent to the target all the
same.  Serves until killed, until its parent process is gone, or until
LIFETIME_S seconds (default 300) have passed.

GET /proxy-stats answers JSON {"requests": n, "bodies": [...],
"late": [status, ...]}: requests forwarded or held, the first 200 bytes
of the body of each, and the status the target gave each late request
(the list is empty until it has been sent).
"""
import http.client
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultserver import serve  # noqa: E402  (the same serving loop)

STATS = {"requests": 0, "bodies": [], "late": []}
LOCK = threading.Lock()
HELD = threading.Event()       # set once a request has been held
HOP = ("connection", "keep-alive", "transfer-encoding", "proxy-connection",
       "expect")


def forward(method, path, headers, body):
    """Sends the request to the target; returns (status, headers, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", TARGET, timeout=120)
    try:
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.getheaders(), resp.read()
    finally:
        conn.close()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def handle_any(self):
        if self.path == "/proxy-stats":
            with LOCK:
                body = json.dumps(STATS).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in HOP}
        with LOCK:
            STATS["requests"] += 1
            STATS["bodies"].append(body[:200].decode("utf-8", "replace"))
            hold = (body and "Authorization" in self.headers
                    and not HELD.is_set())
            if hold:
                HELD.set()
        if hold:
            time.sleep(HOLD)
            status = forward(self.command, self.path, headers, body)[0]
            with LOCK:
                STATS["late"].append(status)
            self.close_connection = True
            return
        status, rheaders, rbody = forward(self.command, self.path, headers, body)
        self.send_response(status)
        for k, v in rheaders:
            if k.lower() not in HOP + ("content-length",):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(rbody)))
        self.end_headers()
        self.wfile.write(rbody)

    do_GET = do_PUT = do_POST = do_DELETE = handle_any


def main():
    global TARGET, HOLD
    if len(sys.argv) not in (4, 5):
        sys.stderr.write("usage: delayproxy.py PORTFILE TARGET_PORT HOLD_S "
                         "[LIFETIME_S]\n")
        return 2
    TARGET = int(sys.argv[2])
    HOLD = float(sys.argv[3])
    serve(Handler, sys.argv[1], float(sys.argv[4]) if len(sys.argv) == 5 else 300.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())

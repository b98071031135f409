#!/usr/bin/python3
"""faultserver.py: a fault-injecting HTTP server on 127.0.0.1 for the
upload tests.  It stands in for a SPARQL endpoint that misbehaves, and
counts what it receives so the tests can check what a client really sent.

Usage: faultserver.py PORTFILE [LIFETIME_S]
Binds 127.0.0.1 on a free port, writes the port number to PORTFILE, and
serves until killed, until its parent process is gone, or until
LIFETIME_S seconds (default 300) have passed.

Paths (NAME is any word; each NAME has its own state):
  /flaky/NAME        answers 500, then 503, then 201 for every later request
  /retry-after/NAME  answers 503 with Retry-After: 1, then 201
  /status/CODE/NAME  always answers CODE with a 4-line text body
  /basic/NAME        needs Basic auth user:secret (401 with a challenge
                     otherwise), then 201
  /fail-after/N/NAME answers 201 to the first N requests, then 500
  /long/NAME         answers 400 with one line: "x" and 200 "ğ" (401 bytes)
  /form/NAME         answers 200 with an HTML page holding a form (as
                     Virtuoso's Graph Store endpoint answers a body it
                     does not take as a graph)
  /html-error/NAME   answers 500 with an HTML page as Virtuoso writes its
                     errors: title and heading, then the reason in <xmp>
  /redirect/NAME     answers 307 to http://localhost:PORT/flaky/NAME
  /hang              reads the request and never answers (closes after 30 s)
  /stats/NAME        GET: JSON {"requests": n, "stored": n, "body_lines":
                     [...], "bodies": [...], "chunked": n, "no_length": n,
                     "auth": [...]} for NAME
A request is "stored" when it carried a body and got a 2xx answer; the
bodies of stored requests are kept in "bodies", their numbers of line
feeds in "body_lines".
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATE = {}
FORM_PAGE = b"""<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">
<head>
    <title>Graph  Upload
      Form &amp; more</title>
<style type="text/css">
body { font-family: Arial; }
</style>
</head>
<body>
<h1>Upload</h1>
<form action="" method="post" enctype="multipart/form-data">
<input type="file" name="graph"/>
</form>
</body>
</html>
"""
ERROR_PAGE = b"""<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html>
  <head>
    <title>SPARQL Graph Protocol request failed</title>
  </head>
  <body>
    <h1>HTTP/1.1 500 Request Failed</h1>
    <h3>Error 22023</h3>
<xmp>The PUT request for graph <http://ex.org/g> is rejected: 5 < 6</xmp></body></html>
"""
LOCK = threading.Lock()


def state(name):
    with LOCK:
        return STATE.setdefault(name, {"requests": 0, "stored": 0,
                                       "body_lines": [], "bodies": [],
                                       "chunked": 0, "no_length": 0,
                                       "auth": []})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def read_body(self, st):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            st["chunked"] += 1
            data = b""
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        length = self.headers.get("Content-Length")
        if length is None:
            st["no_length"] += 1
            return b""
        return self.rfile.read(int(length))

    def answer(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        kind = parts[0]
        if kind == "hang":
            time.sleep(30)
            self.close_connection = True
            return
        name = parts[-1]
        st = state(name)
        if kind == "stats":
            self.answer(200, json.dumps(st).encode(),
                        [("Content-Type", "application/json")])
            return
        body = self.read_body(st)
        with LOCK:
            st["requests"] += 1
            n = st["requests"]
            st["auth"].append(self.headers.get("Authorization", ""))
        code, headers, text = 201, [], b""
        if kind == "flaky":
            code = {1: 500, 2: 503}.get(n, 201)
            if code != 201:
                text = b"<html><h1>Server Error</h1>\n<p>try again</p></html>\n"
        elif kind == "retry-after":
            if n == 1:
                code, headers = 503, [("Retry-After", "1")]
        elif kind == "fail-after":
            if n > int(parts[1]):
                code, text = 500, b"failing now\n"
        elif kind == "form":
            code, headers = 200, [("Content-Type", "text/html; charset=UTF-8")]
            text = FORM_PAGE
        elif kind == "html-error":
            code, headers = 500, [("Content-Type", "text/html; charset=UTF-8")]
            text = ERROR_PAGE
        elif kind == "long":
            code, text = 400, ("x" + "\u011f" * 200 + "\n").encode()
        elif kind == "status":
            code = int(parts[1])
            text = b"first line\nsecond line\n\nthird line\nfourth line\n"
        elif kind == "basic":
            if self.headers.get("Authorization") != "Basic dXNlcjpzZWNyZXQ=":
                code = 401
                headers = [("WWW-Authenticate", 'Basic realm="test"')]
        elif kind == "redirect":
            code = 307
            headers = [("Location", "http://localhost:%d/flaky/%s"
                        % (self.server.server_address[1], name))]
        if 200 <= code < 300 and self.command in ("PUT", "POST"):
            with LOCK:
                st["stored"] += 1
                st["bodies"].append(body.decode("utf-8", "replace"))
                st["body_lines"].append(body.count(b"\n"))
        self.answer(code, text, headers)

    do_GET = do_PUT = do_POST = do_DELETE = handle_any


class QuietServer(ThreadingHTTPServer):
    """Takes a client that hung up (after its timeout) in its stride."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(handler, portfile, lifetime):
    """Serves handler on 127.0.0.1 on a free port, written to portfile,
    until lifetime seconds have passed or the parent process is gone."""
    server = QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.rename(portfile + ".tmp", portfile)
    timer = threading.Timer(lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    parent = os.getppid()

    def watch_parent():
        while os.getppid() == parent:
            time.sleep(1)
        server.shutdown()
    threading.Thread(target=watch_parent, daemon=True).start()
    server.serve_forever()


def main():
    if len(sys.argv) not in (2, 3):
        sys.stderr.write("usage: faultserver.py PORTFILE [LIFETIME_S]\n")
        return 2
    serve(Handler, sys.argv[1], float(sys.argv[2]) if len(sys.argv) == 3 else 300.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())

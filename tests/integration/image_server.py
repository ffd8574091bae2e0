#!/usr/bin/python3
"""An image server on loopback for the virtual media tests: serves the files of a folder over
HTTP or HTTPS, with byte ranges (RFC 9110's Range, as an installer's on-demand reader asks),
Basic authentication for everything under /private/, and a throttled /slow/ path so a test can
stop a download half way. Prints the port it listens on as its first line."""

import argparse
import base64
import http.server
import os
import re
import ssl
import sys
import time


def make_handler(root, user, password, slow_rate):
    expected = "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode() if user else None

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            sys.stderr.write("image server: " + (fmt % args) + "\n")

        def do_HEAD(self):
            self.serve(body=False)

        def do_GET(self):
            self.serve(body=True)

        def serve(self, body):
            path = self.path.split("?", 1)[0]
            slow = False
            if path.startswith("/private/"):
                if self.headers.get("Authorization") != expected:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="images"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                path = path[len("/private"):]
            if path.startswith("/slow/"):
                slow = True
                path = path[len("/slow"):]
            name = os.path.basename(path)
            file_path = os.path.join(root, name)
            if not name or not os.path.isfile(file_path):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            size = os.path.getsize(file_path)
            start, end = 0, size - 1
            ranged = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
            if ranged and (ranged.group(1) or ranged.group(2)):
                if ranged.group(1):
                    start = int(ranged.group(1))
                    end = min(int(ranged.group(2)), size - 1) if ranged.group(2) else size - 1
                else:
                    start = max(0, size - int(ranged.group(2)))
                if start > end or start >= size:
                    self.send_response(416)
                    self.send_header("Content-Range", "bytes */%d" % size)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(206)
                self.send_header("Content-Range", "bytes %d-%d/%d" % (start, end, size))
            else:
                self.send_response(200)
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(end - start + 1))
            self.end_headers()
            if not body:
                return
            with open(file_path, "rb") as f:
                f.seek(start)
                left = end - start + 1
                chunk = 64 * 1024 if not slow else max(1, slow_rate // 10)
                try:
                    while left > 0:
                        data = f.read(min(chunk, left))
                        if not data:
                            break
                        self.wfile.write(data)
                        left -= len(data)
                        if slow:
                            time.sleep(0.1)
                except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                    pass

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password", default="")
    parser.add_argument("--slow-rate", type=int, default=64 * 1024, help="bytes per second under /slow/")
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             make_handler(args.root, args.user, args.password, args.slow_rate))
    server.daemon_threads = True
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""A client of qbmc's console screen WebSocket (wss://127.0.0.1:PORT/console0/screen) for the
integration tests, with Debian's python3-websockets. It keeps the screen as a page would, from the
"screen" messages, runs the steps of a JSON script and prints, as its last line, a JSON object: the
handshake's status and subprotocol, every message that is not a screen update ("messages"), the
number and sizes of the screen updates, what was wrong with them ("faults"), the screen's rows at
the end ("rows": their runs) and at each "snapshot" step, the close code, and an error if one ended
it early.

    console_screen.py PORT SCRIPT

SCRIPT: {"token": T, "subprotocols": [..], "basic": "user:password", "cookie": C, "origin": O,
         "path": "/console0/screen", "max_queue": N, "steps": [[step, args...], ...]}
Steps: ["say", text] prints a line; ["wait_stdin"] waits for a line on standard input;
["send", object] sends it as JSON text; ["send_raw", text]; ["send_binary", latin1];
["send_many", count, object]; ["expect_row", text, seconds] receives until a row contains
`text`; ["expect_line", text, seconds] until a row is `text` (trailing blanks aside);
["expect_message", object, seconds] until a message that is not a screen update has every member
of `object` (each is matched once); ["snapshot", name]; ["sleep", seconds]; ["drain", seconds]
receives whatever comes for that long;
["wait_close", seconds] receives until the server closes.
"""
import asyncio
import base64
import json
import ssl
import sys
import time
import unicodedata

import websockets
import websockets.exceptions

port = int(sys.argv[1])
script = json.loads(sys.argv[2])
result = {"status": None, "subprotocol": None, "close_code": None, "error": None, "messages": [],
          "screens": 0, "first_full": None, "full_after_first": 0, "largest": 0, "faults": [],
          "rows": [], "snapshots": {}, "screen_span": 0.0}
rows = []
columns = 0
matched_messages = 0
first_screen_time = None


def tls_context():
    # qbmc's certificate is self-signed.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def connect():
    headers = {}
    if "token" in script:
        headers["X-Auth-Token"] = script["token"]
    if "basic" in script:
        headers["Authorization"] = "Basic " + base64.b64encode(script["basic"].encode()).decode()
    if "cookie" in script:
        headers["Cookie"] = script["cookie"]
    return websockets.connect(
        "wss://127.0.0.1:%d%s" % (port, script.get("path", "/console0/screen")), ssl=tls_context(),
        extra_headers=headers, subprotocols=script.get("subprotocols"), origin=script.get("origin"),
        max_queue=script.get("max_queue", 32), max_size=None, ping_interval=None, open_timeout=30,
        close_timeout=10)


def cells(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def row_text(runs):
    return "".join(run["text"] for run in runs) if runs else ""


def take_screen(message, size):
    global rows, columns, first_screen_time
    now = time.monotonic()
    if first_screen_time is None:
        first_screen_time = now
        result["first_full"] = message["full"]
    elif message["full"]:
        result["full_after_first"] += 1
    result["screen_span"] = now - first_screen_time
    result["screens"] += 1
    result["largest"] = max(result["largest"], size)
    if message["full"]:
        rows = [None] * message["rows"]
        columns = message["columns"]
        if len(message["lines"]) != message["rows"]:
            result["faults"].append("a full screen without every row")
    for line in message["lines"]:
        rows[line["row"]] = line["runs"]
        if cells(row_text(line["runs"])) != columns:
            result["faults"].append("row %d covers %d columns" % (line["row"], cells(row_text(line["runs"]))))
    cursor = message["cursor"]
    if not (0 <= cursor["x"] <= columns and 0 <= cursor["y"] < len(rows)):
        result["faults"].append("cursor outside the screen")


async def receive_one(ws, seconds):
    message = await asyncio.wait_for(ws.recv(), seconds)
    if isinstance(message, bytes):
        result["faults"].append("a binary message")
        return
    parsed = json.loads(message)
    if parsed.get("type") == "screen":
        take_screen(parsed, len(message.encode()))
    else:
        result["messages"].append(parsed)


def rows_contain(text):
    return any(text in row_text(runs) for runs in rows)


def has_line(text):
    return any(row_text(runs).rstrip() == text for runs in rows)


def message_matches(wanted):
    global matched_messages
    for index in range(matched_messages, len(result["messages"])):
        message = result["messages"][index]
        if all(message.get(key) == value for key, value in wanted.items()):
            matched_messages = index + 1
            return True
    return False


async def receive_until(ws, seconds, done):
    deadline = asyncio.get_running_loop().time() + seconds
    while not done():
        await receive_one(ws, max(0.1, deadline - asyncio.get_running_loop().time()))


async def run_steps(ws):
    for step in script.get("steps", []):
        name, args = step[0], step[1:]
        if name == "say":
            print(args[0], flush=True)
        elif name == "wait_stdin":
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        elif name == "send":
            await ws.send(json.dumps(args[0]))
        elif name == "send_raw":
            await ws.send(args[0])
        elif name == "send_binary":
            await ws.send(args[0].encode("latin-1"))
        elif name == "send_many":
            for _ in range(args[0]):
                await ws.send(json.dumps(args[1]))
        elif name == "expect_row":
            await receive_until(ws, args[1], lambda: rows_contain(args[0]))
        elif name == "expect_line":
            await receive_until(ws, args[1], lambda: has_line(args[0]))
        elif name == "expect_message":
            await receive_until(ws, args[1], lambda: message_matches(args[0]))
        elif name == "snapshot":
            result["snapshots"][args[0]] = list(rows)
        elif name == "sleep":
            await asyncio.sleep(args[0])
        elif name == "drain":
            try:
                await receive_until(ws, args[0], lambda: False)
            except asyncio.TimeoutError:
                pass
        elif name == "wait_close":
            await receive_until(ws, args[0], lambda: False)
        else:
            raise ValueError("unknown step " + name)


async def one_client():
    try:
        async with connect() as ws:
            result["status"] = 101
            result["subprotocol"] = ws.subprotocol
            try:
                await run_steps(ws)
            finally:
                result["close_code"] = ws.close_code
    except websockets.exceptions.InvalidStatusCode as refused:
        result["status"] = refused.status_code
    except websockets.exceptions.ConnectionClosed as closed:
        result["close_code"] = closed.rcvd.code if closed.rcvd else 1006
    except Exception as problem:  # the test reads what happened
        result["error"] = "%s: %s" % (type(problem).__name__, problem)


asyncio.run(one_client())
result["rows"] = rows
print(json.dumps(result), flush=True)

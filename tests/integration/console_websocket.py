#!/usr/bin/python3
"""A client of qbmc's console WebSocket (wss://127.0.0.1:PORT/console0) for the integration tests,
with Debian's python3-websockets. Runs the steps of a JSON script and prints, as its last line, a
JSON object: the HTTP status of the handshake, the subprotocol the server selected, everything
received (Latin-1), the close code, and an error if one ended it early.

    console_websocket.py PORT SCRIPT

SCRIPT: {"token": T, "subprotocol": T, "subprotocols": [T, ...], "basic": "user:password",
         "cookie": "QBMC-SESSION=...; XSRF-TOKEN=...", "origin": O, "max_queue": N, "connections": N,
         "steps": [[step, args...], ...]}
Steps: ["say", text] prints a line; ["wait_stdin"] waits for a line on standard input;
["expect", text, seconds] receives until `text` has arrived; ["send_text", text];
["send_bytes", latin1]; ["send_big", bytes] one binary frame that large; ["send_invalid_utf8"]
a text frame that is not UTF-8; ["sleep", seconds]; ["wait_close", seconds] receives until the
server closes. With "connections" > 1, that many connect at once, run no steps, and the output
lists their statuses ("statuses").
"""
import asyncio
import base64
import json
import ssl
import sys

import websockets
import websockets.exceptions
import websockets.frames

port = int(sys.argv[1])
script = json.loads(sys.argv[2])
result = {"status": None, "subprotocol": None, "received": "", "close_code": None, "error": None}
received = bytearray()


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
    subprotocols = script.get("subprotocols")
    if "subprotocol" in script:
        subprotocols = [script["subprotocol"]]
    return websockets.connect(
        "wss://127.0.0.1:%d/console0" % port, ssl=tls_context(), extra_headers=headers,
        subprotocols=subprotocols,
        origin=script.get("origin"), max_queue=script.get("max_queue", 32), max_size=None,
        ping_interval=None, open_timeout=30, close_timeout=10)


async def receive_one(ws, seconds):
    message = await asyncio.wait_for(ws.recv(), seconds)
    received.extend(message if isinstance(message, bytes) else message.encode())


async def run_steps(ws):
    for step in script.get("steps", []):
        name, args = step[0], step[1:]
        if name == "say":
            print(args[0], flush=True)
        elif name == "wait_stdin":
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        elif name == "expect":
            deadline = asyncio.get_running_loop().time() + args[1]
            while args[0].encode("latin-1") not in received:
                await receive_one(ws, max(0.1, deadline - asyncio.get_running_loop().time()))
        elif name == "send_text":
            await ws.send(args[0])
        elif name == "send_bytes":
            await ws.send(args[0].encode("latin-1"))
        elif name == "send_big":
            await ws.send(bytes(args[0]))
        elif name == "send_invalid_utf8":
            await ws.write_frame(True, websockets.frames.Opcode.TEXT, b"ok \xff\xfe\xfd")
        elif name == "sleep":
            await asyncio.sleep(args[0])
        elif name == "wait_close":
            deadline = asyncio.get_running_loop().time() + args[0]
            while True:
                await receive_one(ws, max(0.1, deadline - asyncio.get_running_loop().time()))
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


async def many_clients(count):
    async def status():
        try:
            ws = await connect()
            return ws, 101
        except websockets.exceptions.InvalidStatusCode as refused:
            return None, refused.status_code
        except Exception as problem:
            return None, "%s: %s" % (type(problem).__name__, problem)

    outcomes = await asyncio.gather(*(status() for _ in range(count)))
    result["statuses"] = sorted(str(code) for _, code in outcomes)
    for ws, _ in outcomes:
        if ws is not None:
            await ws.close()


if script.get("connections", 1) > 1:
    asyncio.run(many_clients(script["connections"]))
else:
    asyncio.run(one_client())
result["received"] = received.decode("latin-1")
print(json.dumps(result), flush=True)

#!/usr/bin/python3
"""A bridge from a plain RFB client (vncsnapshot, TigerVNC) to qbmc's authenticated KVM WebSocket,
for the integration tests: it listens on a free loopback port, prints "port N" and then
"listening", takes one TCP connection, opens wss://127.0.0.1:PORT/kvm/0 with the script's
credentials (python3-websockets) and copies bytes both ways until either side closes. Its last
line is a JSON object: the handshake's HTTP status, the bytes carried each way, and an error if one
ended it early.

    kvm_bridge.py PORT SCRIPT

SCRIPT: {"token": T} or {"basic": "user:password"}
"""
import asyncio
import base64
import json
import ssl
import sys

import websockets
import websockets.exceptions

port = int(sys.argv[1])
script = json.loads(sys.argv[2])
result = {"status": None, "to_qbmc": 0, "from_qbmc": 0, "error": None}


def tls_context():
    # qbmc's certificate is self-signed.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


async def carry(reader, writer):
    headers = {}
    if "token" in script:
        headers["X-Auth-Token"] = script["token"]
    if "basic" in script:
        headers["Authorization"] = "Basic " + base64.b64encode(script["basic"].encode()).decode()
    try:
        async with websockets.connect(
                "wss://127.0.0.1:%d/kvm/0" % port, ssl=tls_context(), extra_headers=headers,
                max_size=None, ping_interval=None, open_timeout=30, close_timeout=5) as ws:
            result["status"] = 101

            async def to_qbmc():
                while data := await reader.read(65536):
                    result["to_qbmc"] += len(data)
                    await ws.send(data)

            async def from_qbmc():
                async for message in ws:
                    result["from_qbmc"] += len(message)
                    writer.write(message)
                    await writer.drain()

            tasks = [asyncio.create_task(to_qbmc()), asyncio.create_task(from_qbmc())]
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in tasks:
                task.cancel()
    except websockets.exceptions.InvalidStatusCode as error:
        result["status"] = error.status_code
    except (websockets.exceptions.ConnectionClosed, ConnectionError):
        pass
    except Exception as error:
        result["error"] = "%s: %s" % (type(error).__name__, error)
    finally:
        writer.close()
        done.set_result(None)


async def main():
    global done
    done = asyncio.get_running_loop().create_future()
    served = False

    async def accept(reader, writer):
        nonlocal served
        if served:  # one client only
            writer.close()
            return
        served = True
        await carry(reader, writer)

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    print("port %d" % server.sockets[0].getsockname()[1], flush=True)
    print("listening", flush=True)
    try:
        await asyncio.wait_for(done, 120)
    except asyncio.TimeoutError:
        result["error"] = "no client came and went within 120 s"
    server.close()


asyncio.run(main())
print(json.dumps(result), flush=True)

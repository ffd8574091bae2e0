#!/usr/bin/python3
"""The console WebSocket (wss://127.0.0.1:PORT/console0) of a running qbmc: sustained
host-to-client throughput and keystroke echo latency, with Debian's python3-websockets as the
client and the benchmark playing the host on the far end of a socat pair. Prints one Markdown table
row per measurement.

    websocket_console_bench.py PORT USER PASSWORD HOST_TTY [MIB] [KEYS]
"""
import asyncio
import base64
import os
import ssl
import statistics
import sys
import time

import websockets

port, user, password, host_tty = sys.argv[1:5]
mib = int(sys.argv[5]) if len(sys.argv) > 5 else 4
keys = int(sys.argv[6]) if len(sys.argv) > 6 else 300
host = os.open(host_tty, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)


def tls_context():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False  # qbmc's certificate is self-signed
    context.verify_mode = ssl.CERT_NONE
    return context


async def throughput(ws):
    # The host writes as fast as the line takes it; the client reads all it is sent. A client
    # slower than the host loses what the console history no longer holds, and is told so.
    loop = asyncio.get_running_loop()
    data = os.urandom(mib * 1024 * 1024)
    sent = 0
    done = loop.create_future()

    def write_host():
        nonlocal sent
        try:
            sent += os.write(host, data[sent:sent + 65536])
        except BlockingIOError:
            pass
        if sent >= len(data):
            loop.remove_writer(host)
            done.set_result(None)

    received = bytearray()
    began = time.monotonic()
    loop.add_writer(host, write_host)
    while len(received) < len(data):
        try:
            message = await asyncio.wait_for(ws.recv(), 5 if done.done() else 60)
        except asyncio.TimeoutError:
            break  # the host has finished and nothing more comes: some was skipped
        received.extend(message)
    elapsed = time.monotonic() - began
    intact = bytes(received) == data
    skipped = b"[qbmc]" in received and not intact
    print("| host to client throughput | %d MiB | %.0f bytes/s | %s |" % (
        mib, min(len(received), len(data)) / elapsed,
        "intact" if intact else ("client fell behind, told" if skipped else "CORRUPTED")), flush=True)


async def latency(ws):
    # A key sent by the client travels to the host, which echoes it at once.
    loop = asyncio.get_running_loop()

    def echo_host():
        try:
            os.write(host, os.read(host, 4096))
        except BlockingIOError:
            pass

    loop.add_reader(host, echo_host)
    samples = []
    for i in range(keys):
        key = bytes([ord("a") + i % 26])
        began = time.monotonic()
        await ws.send(key)
        echoed = bytearray()
        while key not in echoed:
            echoed.extend(await asyncio.wait_for(ws.recv(), 10))
        samples.append((time.monotonic() - began) * 1000)
    loop.remove_reader(host)
    samples.sort()
    print("| keystroke echo latency | %d keys | median %.3f ms | p99 %.3f ms |" % (
        keys, statistics.median(samples), samples[int(len(samples) * 0.99) - 1]), flush=True)


async def main():
    basic = base64.b64encode(("%s:%s" % (user, password)).encode()).decode()
    async with websockets.connect("wss://127.0.0.1:%s/console0" % port, ssl=tls_context(), max_size=None,
                                  extra_headers={"Authorization": "Basic " + basic}) as ws:
        await throughput(ws)
        # What is left of the burst first.
        while True:
            try:
                await asyncio.wait_for(ws.recv(), 1)
            except asyncio.TimeoutError:
                break
        await latency(ws)


asyncio.run(main())

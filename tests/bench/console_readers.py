#!/usr/bin/python3
"""COUNT clients of qbmc's console WebSocket that read everything they are sent until killed,
counting the bytes (printed every second as one number, the total), for the memory benchmark.

    console_readers.py PORT USER PASSWORD COUNT
"""
import asyncio
import base64
import ssl
import sys

import websockets

port, user, password, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
received = 0


async def reader():
    global received
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    tls.check_hostname = False  # qbmc's certificate is self-signed
    tls.verify_mode = ssl.CERT_NONE
    basic = base64.b64encode(("%s:%s" % (user, password)).encode()).decode()
    async with websockets.connect("wss://127.0.0.1:%s/console0" % port, ssl=tls, max_size=None,
                                  extra_headers={"Authorization": "Basic " + basic}) as ws:
        async for message in ws:
            received += len(message)


async def report():
    while True:
        await asyncio.sleep(1)
        print(received, flush=True)


async def main():
    await asyncio.gather(report(), *(reader() for _ in range(count)))

asyncio.run(main())

#!/usr/bin/python3
"""Clients that hang up on a TLS connection around the answer they asked for.

Each round opens a dozen connections that send a request (some with "Connection: close") and
then close at once, after a few milliseconds, or after the first bytes of the answer. Qt 6.4's
QSslSocket crashed the daemon when it was closed from inside its own bytesWritten signal while
such a client went away (see ConnectionGuard::onBytesWritten).

usage: tls_hangups.py PORT ROUNDS
"""
import asyncio
import random
import ssl
import sys

REQUESTS = [
    b"GET / HTTP/1.1\r\nHost: qbmc\r\nConnection: close\r\n\r\n",
    b"GET /redfish/v1 HTTP/1.1\r\nHost: qbmc\r\nConnection: close\r\n\r\n",
    b"GET /redfish/v1/Systems HTTP/1.1\r\nHost: qbmc\r\nConnection: close\r\n\r\n",
    b"GET /redfish/v1 HTTP/1.1\r\nHost: qbmc\r\n\r\n",
    b"POST /redfish/v1/SessionService/Sessions HTTP/1.1\r\nHost: qbmc\r\nContent-Length: 99999999\r\n\r\n{",
]


async def hang_up(port, context):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=context)
        writer.write(random.choice(REQUESTS))
        await writer.drain()
        way = random.randrange(3)
        if way == 1:
            await asyncio.sleep(random.random() * 0.05)
        elif way == 2:
            await reader.read(100)
        writer.close()
    except (OSError, ssl.SSLError, asyncio.IncompleteReadError):
        pass


async def main(port, rounds):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    for _ in range(rounds):
        await asyncio.gather(*(hang_up(port, context) for _ in range(12)))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))

#!/usr/bin/python3
"""Relays UDP between IPMI clients and a running qbmc and keeps every datagram a client sends
as a fuzz seed: real client packets, as ipmitool, freeipmi and pyghmi build them.

    capture-corpus.py LISTEN_PORT QBMC_PORT OUTPUT_DIR   (stop with Ctrl-C)
"""
import hashlib
import os
import select
import socket
import sys


def main():
    listen_port, qbmc_port, output = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    os.makedirs(output, exist_ok=True)
    front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    front.bind(("127.0.0.1", listen_port))
    upstream = {}  # client address -> socket towards qbmc
    while True:
        sockets = [front] + list(upstream.values())
        readable, _, _ = select.select(sockets, [], [], 1.0)
        for sock in readable:
            data, sender = sock.recvfrom(65535)
            if sock is front:
                name = hashlib.sha1(data).hexdigest()
                with open(os.path.join(output, name), "wb") as seed:
                    seed.write(data)
                if sender not in upstream:
                    upstream[sender] = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                upstream[sender].sendto(data, ("127.0.0.1", qbmc_port))
            else:
                client = next(address for address, s in upstream.items() if s is sock)
                front.sendto(data, client)


if __name__ == "__main__":
    main()

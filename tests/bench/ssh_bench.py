#!/usr/bin/python3
"""The SSH console through a running qbmc: sustained host-to-client throughput and keystroke echo
latency, with OpenSSH's ssh (through sshpass) as the client on a pseudo-terminal and the test
playing the host on the far end of a socat pair, as sol_bench.py does for SoL. Prints one
Markdown table row per measurement.

    ssh_bench.py PORT USER PASSWORD HOST_TTY [MIB] [KEYS]
"""
import os
import pty
import select
import statistics
import sys
import time

port, user, password, host_tty = sys.argv[1:5]
mib = int(sys.argv[5]) if len(sys.argv) > 5 else 16
keys = int(sys.argv[6]) if len(sys.argv) > 6 else 300

host = os.open(host_tty, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
pid, terminal = pty.fork()
if pid == 0:
    os.execvp("sshpass", ["sshpass", "-p", password, "ssh", "-F", "/dev/null", "-o", "UserKnownHostsFile=/dev/null",
                          "-o", "StrictHostKeyChecking=no", "-o", "LogLevel=ERROR", "-o",
                          "PubkeyAuthentication=no", "-p", port, user + "@127.0.0.1"])
os.set_blocking(terminal, False)
output = bytearray()


def read_terminal():
    try:
        output.extend(os.read(terminal, 1 << 20))
    except (BlockingIOError, OSError):
        pass


def wait_for(text, timeout=30):
    end = time.monotonic() + timeout
    while text not in output:
        if time.monotonic() > end:
            sys.exit("timed out waiting for %r; ssh said %r" % (text, bytes(output[-300:])))
        select.select([terminal], [], [], 0.05)
        read_terminal()


# Logged in once the host's words arrive.
for _ in range(100):
    os.write(host, b"ready\n")
    time.sleep(0.1)
    read_terminal()
    if b"ready" in output:
        break
wait_for(b"ready")
time.sleep(0.3)
read_terminal()

# Throughput: the host writes as fast as the line takes it.
data = os.urandom(mib * 1024 * 1024)
start = len(output)
sent = 0
began = time.monotonic()
while len(output) - start < len(data):
    writable = [host] if sent < len(data) else []
    readable, can_write, _ = select.select([terminal], writable, [], 1)
    if readable:
        read_terminal()
    if can_write:
        try:
            sent += os.write(host, data[sent:sent + 65536])
        except BlockingIOError:
            pass
    if time.monotonic() - began > 120:
        break
elapsed = time.monotonic() - began
received = bytes(output[start:start + len(data)])
intact = received == data
print("| host to client throughput | %d MiB | %.1f MB/s | %s |" % (
    mib, len(received) / elapsed / 1e6, "intact" if intact else "NOT INTACT (%d of %d bytes)" % (len(received), len(data))))

# Echo latency: a key typed into ssh travels to the host, which echoes it at once.
samples = []
for i in range(keys):
    key = bytes([ord("a") + i % 26])
    mark = len(output)
    began = time.monotonic()
    os.write(terminal, key)
    while output.find(key, mark) < 0:
        readable, _, _ = select.select([terminal, host], [], [], 1)
        if host in readable:
            try:
                os.write(host, os.read(host, 4096))
            except BlockingIOError:
                pass
        if terminal in readable:
            read_terminal()
    samples.append((time.monotonic() - began) * 1000)
samples.sort()
print("| keystroke echo latency | %d keys | median %.3f ms | p99 %.3f ms |" % (
    keys, statistics.median(samples), samples[int(len(samples) * 0.99) - 1]))

for key in b"\r~.":
    os.write(terminal, bytes([key]))
    time.sleep(0.01)
os.waitpid(pid, 0)

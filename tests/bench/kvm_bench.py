#!/usr/bin/python3
"""The KVM (wss://127.0.0.1:PORT/kvm/0) of a running qbmc with the simulated host's display:
update rate while the screen changes, key-to-screen latency, bandwidth per viewer, and qbmc's CPU
time and resident memory meanwhile. The viewers speak RFB 3.8 over Debian's python3-websockets,
like tests/integration/kvm_viewer.py: raw pixels (32-bit, 0x00RRGGBB), or Tight with noVNC's
encodings and settings, whose rectangles are walked (to count them) but not decoded. Every viewer
asks for the next incremental update as soon as one arrives. Prints one Markdown table row per
measurement.

    kvm_bench.py PORT USER PASSWORD QBMC_PID [KEYS] [SECONDS]

KEYS keystrokes for the latency, SECONDS of typing for each update rate and bandwidth. The host
must be off and have `host.sim.setup_wait` and `power_on_delay` short (a second or less).
"""
import asyncio
import base64
import http.client
import json
import os
import resource
import ssl
import statistics
import struct
import sys
import time

import websockets

port, user, password, qbmc_pid = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
keys = int(sys.argv[5]) if len(sys.argv) > 5 else 50
seconds = float(sys.argv[6]) if len(sys.argv) > 6 else 5
idle_seconds = 10
basic = base64.b64encode(("%s:%s" % (user, password)).encode()).decode()

ENCODING_RAW = 0
ENCODING_TIGHT = 7
ENCODING_DESKTOP_SIZE = -223
ENCODING_LAST_RECT = -224
ENCODING_QEMU_KEYS = -258
# What noVNC 1.3 (Debian 12) asks of a 24-bit server that has no CopyRect, TightPNG, Hextile or
# RRE to offer, in its order: Tight, then raw; JPEG quality 6, compression level 2.
TIGHT_ENCODINGS = [ENCODING_TIGHT, ENCODING_RAW, -32 + 6, -256 + 2, ENCODING_DESKTOP_SIZE, ENCODING_LAST_RECT,
                   ENCODING_QEMU_KEYS]
RAW_ENCODINGS = [ENCODING_RAW, ENCODING_DESKTOP_SIZE, ENCODING_QEMU_KEYS]
KEY_BACKSPACE = 0xFF08
LOGIN_LINE_ROOM = 40  # typed letters before they are erased again: the login line never wraps


def tls_context():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False  # qbmc's certificate is self-signed
    context.verify_mode = ssl.CERT_NONE
    return context


def cpu_seconds():
    """qbmc's user and system time so far."""
    with open("/proc/%d/stat" % qbmc_pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib():
    with open("/proc/%d/status" % qbmc_pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def own_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def reset(kind):
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=tls_context(), timeout=30)
    connection.request("POST", "/redfish/v1/Systems/system/Actions/ComputerSystem.Reset",
                       json.dumps({"ResetType": kind}),
                       {"Authorization": "Basic " + basic, "Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status not in (200, 202, 204):
        raise RuntimeError("%s: HTTP %d" % (kind, response.status))


class Viewer:
    """One RFB viewer; run() reads updates, counts them and asks for the next at once."""

    def __init__(self, ws, tight):
        self.ws = ws
        self.tight = tight
        self.buffer = bytearray()
        self.width = self.height = 0
        self.pixels = bytearray()
        self.bytes = 0            # RFB bytes received (WebSocket payloads)
        self.consumed = 0         # of those, the ones read
        self.first_screen_bytes = None  # the first update with pixels in it
        self.screen_bytes = 0     # the last update with pixels in it
        self.updates = 0          # FramebufferUpdate messages
        self.screens = 0          # those with pixels in them (not only pseudo-rectangles)
        self.screen_size = None   # the size of the screen the last of those showed
        self.last_update = 0.0    # when the last one arrived (time.monotonic)
        self.last_update_cpu = 0.0
        self.changed_at = None    # when an update last changed pixels (raw only)
        self.rects = {}           # Tight: rectangles by kind
        self.has_pixels = False
        self.updated = asyncio.Event()

    async def read(self, count):
        while len(self.buffer) < count:
            message = await self.ws.recv()
            self.bytes += len(message)
            self.buffer += message
        data = bytes(self.buffer[:count])
        del self.buffer[:count]
        self.consumed += count
        return data

    async def handshake(self):
        if not (await self.read(12)).startswith(b"RFB 003."):
            raise RuntimeError("not RFB")
        await self.ws.send(b"RFB 003.008\n")
        types = await self.read((await self.read(1))[0])
        if 1 not in types:
            raise RuntimeError("no security type None offered")
        await self.ws.send(bytes([1]))
        if struct.unpack(">I", await self.read(4))[0] != 0:
            raise RuntimeError("security handshake failed")
        await self.ws.send(bytes([1]))  # shared
        self.width, self.height = struct.unpack(">HH", await self.read(4))
        await self.read(16)
        await self.read(struct.unpack(">I", await self.read(4))[0])
        self.pixels = bytearray(self.width * self.height * 4)
        # 32 bits per pixel, depth 24, little-endian, true colour, 8 bits each, red at 16.
        await self.ws.send(struct.pack(">BxxxBBBBHHHBBBxxx", 0, 32, 24, 0, 1, 255, 255, 255, 16, 8, 0))
        encodings = TIGHT_ENCODINGS if self.tight else RAW_ENCODINGS
        await self.ws.send(struct.pack(">BxH", 2, len(encodings)) + b"".join(struct.pack(">i", e) for e in encodings))

    async def request(self, incremental):
        await self.ws.send(struct.pack(">BBHHHH", 3, 1 if incremental else 0, 0, 0, self.width, self.height))

    async def key(self, keysym):
        for down in (1, 0):
            await self.ws.send(struct.pack(">BBxxI", 4, down, keysym))

    async def compact_length(self):
        length = 0
        for shift in (0, 7, 14):
            byte = (await self.read(1))[0]
            length |= (byte & (0x7F if shift < 14 else 0xFF)) << shift
            if shift == 14 or not byte & 0x80:
                return length

    async def skip_tight(self, w, h):
        # Walks one Tight rectangle (RFB's community specification) without decoding it: with a
        # depth of 24 and 8 bits a colour, a pixel is 3 bytes (TPIXEL).
        control = (await self.read(1))[0] >> 4
        if control == 0x08:
            kind = "fill"
            await self.read(3)
            self.rects[kind] = self.rects.get(kind, 0) + 1
            return
        if control == 0x09:
            kind = "JPEG"
            await self.read(await self.compact_length())
            self.rects[kind] = self.rects.get(kind, 0) + 1
            return
        if control & 0x08 and control not in (0x0A, 0x0E):
            raise RuntimeError("unknown Tight compression 0x%x" % control)
        zlib = not control & 0x08
        filter_id = 0
        if (zlib and control & 0x04) or control == 0x0E:
            filter_id = (await self.read(1))[0]
        if filter_id == 1:
            colours = (await self.read(1))[0] + 1
            await self.read(colours * 3)
            size = (w + 7) // 8 * h if colours == 2 else w * h
            kind = "%s colours" % ("2" if colours == 2 else "3-256")
        elif filter_id in (0, 2):
            size = w * h * 3
            kind = "full colour"
        else:
            raise RuntimeError("unknown Tight filter %d" % filter_id)
        kind += ", zlib" if zlib else ""
        self.rects[kind] = self.rects.get(kind, 0) + 1
        await self.read(size if size < 12 else await self.compact_length())

    async def read_update(self):
        await self.read(1)
        (rects,) = struct.unpack(">H", await self.read(2))
        changed = False
        self.has_pixels = False
        remaining = rects
        while remaining:  # 0xffff: until a LastRect
            remaining = remaining - 1 if rects != 0xFFFF else remaining
            x, y, w, h, encoding = struct.unpack(">HHHHi", await self.read(12))
            if encoding == ENCODING_RAW:
                data = await self.read(w * h * 4)
                self.has_pixels = True
                row_bytes = w * 4
                for row in range(h):
                    start = ((y + row) * self.width + x) * 4
                    line = data[row * row_bytes:(row + 1) * row_bytes]
                    if self.pixels[start:start + row_bytes] != line:
                        changed = True
                        self.pixels[start:start + row_bytes] = line
            elif encoding == ENCODING_TIGHT:
                await self.skip_tight(w, h)
                self.has_pixels = changed = True
            elif encoding == ENCODING_DESKTOP_SIZE:
                self.width, self.height = w, h
                self.pixels = bytearray(w * h * 4)
                changed = True
            elif encoding == ENCODING_LAST_RECT:
                break
            elif encoding == ENCODING_QEMU_KEYS:
                pass
            else:
                raise RuntimeError("unexpected encoding %d" % encoding)
        return changed

    async def run(self):
        while True:
            began = self.consumed
            kind = (await self.read(1))[0]
            if kind == 0:
                changed = await self.read_update()
                self.updates += 1
                if self.has_pixels:
                    self.screens += 1
                    self.screen_size = (self.width, self.height)
                    self.screen_bytes = self.consumed - began
                    if self.first_screen_bytes is None:
                        self.first_screen_bytes = self.screen_bytes
                self.last_update = time.monotonic()
                self.last_update_cpu = cpu_seconds()
                if changed:
                    self.changed_at = self.last_update
                await self.request(True)
                self.updated.set()
            elif kind == 1:
                await self.read(3)
                await self.read(struct.unpack(">H", await self.read(2))[0] * 6)
            elif kind == 3:
                await self.read(3)
                await self.read(struct.unpack(">I", await self.read(4))[0])
            elif kind != 2:
                raise RuntimeError("unexpected server message %d" % kind)

    async def until(self, condition, limit):
        async def wait():
            while not condition():
                self.updated.clear()
                updated = asyncio.ensure_future(self.updated.wait())
                await asyncio.wait([updated, self.task], return_when=asyncio.FIRST_COMPLETED)
                updated.cancel()
                if self.task.done():
                    self.task.result()  # the reader's error, or the end of the connection
                    raise RuntimeError("the connection ended")
        await asyncio.wait_for(wait(), limit)

    def counters(self):
        return self.updates, self.bytes


async def connect(tight):
    ws = await websockets.connect("wss://127.0.0.1:%d/kvm/0" % port, ssl=tls_context(), max_size=None,
                                  ping_interval=None, open_timeout=30, close_timeout=10,
                                  extra_headers={"Authorization": "Basic " + basic})
    viewer = Viewer(ws, tight)
    await viewer.handshake()
    viewer.task = asyncio.create_task(viewer.run())
    await viewer.request(False)
    # The whole screen as it is (an update that only confirms QEMU key events comes first).
    await viewer.until(lambda: viewer.screens > 0, 30)
    return viewer


async def full_screen_bytes(viewer):
    """What an update of the whole screen as it is takes (for raw: a Tight viewer's zlib streams
    remember what they sent; its first update is the one to count)."""
    await asyncio.sleep(0.5)
    screens = viewer.screens
    await viewer.request(False)
    await viewer.until(lambda: viewer.screens > screens, 30)
    return viewer.screen_bytes


async def disconnect(viewer):
    viewer.task.cancel()
    await viewer.ws.close()


class Typist:
    """Types at the login prompt: LOGIN_LINE_ROOM letters, then as many backspaces, over and over;
    every key changes what the screen shows."""

    def __init__(self):
        self.typed = 0
        self.erasing = False
        self.next_letter = 0

    def next_key(self):
        if self.erasing and self.typed == 0:
            self.erasing = False
        elif not self.erasing and self.typed >= LOGIN_LINE_ROOM:
            self.erasing = True
        if self.erasing:
            self.typed -= 1
            return KEY_BACKSPACE
        self.typed += 1
        self.next_letter += 1
        return ord("a") + (self.next_letter - 1) % 26

    async def type_for(self, viewer, duration, interval=0.010):
        began = time.monotonic()
        count = 0
        while time.monotonic() - began < duration:
            await viewer.key(self.next_key())
            count += 1
            await asyncio.sleep(max(0.0, began + count * interval - time.monotonic()))
        return count


def row(*cells):
    print("| " + " | ".join(cells) + " |", flush=True)


async def measure(viewers, duration, action=None):
    """Counters of every viewer, and qbmc's and our CPU seconds, over `duration` (or the action)."""
    before = [v.counters() for v in viewers]
    cpu, own, began = cpu_seconds(), own_cpu_seconds(), time.monotonic()
    if action:
        await action
    else:
        await asyncio.sleep(duration)
    elapsed = time.monotonic() - began
    after = [v.counters() for v in viewers]
    return {"elapsed": elapsed, "cpu": (cpu_seconds() - cpu) / elapsed, "own": (own_cpu_seconds() - own) / elapsed,
            "updates": [(a[0] - b[0]) / elapsed for a, b in zip(after, before)],
            "bytes": [(a[1] - b[1]) / elapsed for a, b in zip(after, before)]}


def cpu(measured):
    return "CPU s/s: qbmc %.3f, viewers %.3f" % (measured["cpu"], measured["own"])


def rate(bytes_per_second):
    if bytes_per_second >= 1e6:
        return "%.2f MB/s" % (bytes_per_second / 1e6)
    if bytes_per_second >= 1e3:
        return "%.1f kB/s" % (bytes_per_second / 1e3)
    return "%.0f bytes/s" % bytes_per_second


async def main():
    typist = Typist()
    row("measurement", "conditions", "figure", "")
    row("---", "---", "---", "---")

    # Memory before any viewer, with the host off.
    rss_none = rss_mib()

    # The boot log, watched: power on and count updates from the switch to 1024x768 until the log
    # has stopped (the console prints a line every 40 ms, so 0.5 s of quiet is the end). The viewer
    # is there before the host is on: it is told of every change of the screen's size.
    raw = await connect(False)
    reset("On")
    await raw.until(lambda: (raw.width, raw.height) == (1024, 768), 30)
    began, cpu_began, updates_began = time.monotonic(), cpu_seconds(), raw.updates
    while time.monotonic() - raw.last_update < 0.5:
        await asyncio.sleep(0.05)
    elapsed = raw.last_update - began
    row("updates per second, boot log", "1 viewer, raw, 1024x768: %d updates in %.2f s" % (
        raw.updates - updates_began, elapsed), "%.1f /s" % ((raw.updates - updates_began) / elapsed),
        "CPU s/s: qbmc %.3f" % ((raw.last_update_cpu - cpu_began) / elapsed))

    # The login prompt, untouched: nothing changes, nothing should be sent.
    idle = await measure([raw], idle_seconds)
    row("bandwidth, static screen", "1 viewer, raw, login prompt idle %d s" % idle_seconds,
        "%s (%.1f updates/s)" % (rate(idle["bytes"][0]), idle["updates"][0]), cpu(idle))

    # Typing: a key every 10 ms, echoed on screen.
    typing = await measure([raw], 0, typist.type_for(raw, seconds))
    row("updates per second, typing", "1 viewer, raw, a key every 10 ms for %.0f s" % seconds,
        "%.1f /s" % typing["updates"][0], cpu(typing))
    row("bandwidth, changing screen", "1 viewer, raw, typing as above", rate(typing["bytes"][0]), cpu(typing))
    rss_one = rss_mib()

    # Latency: a letter, then the first update that changes pixels; the screen settles in between.
    while typist.typed > 0:
        await raw.key(KEY_BACKSPACE)
        typist.typed -= 1
        await asyncio.sleep(0.01)
    typist.erasing = False
    await asyncio.sleep(0.5)
    samples = []
    for i in range(keys):
        raw.changed_at = None
        sent = time.monotonic()
        await raw.key(ord("a") + i % 26)
        await raw.until(lambda: raw.changed_at is not None, 10)
        samples.append((raw.changed_at - sent) * 1000)
        await asyncio.sleep(0.05)
    for _ in range(keys):
        await raw.key(KEY_BACKSPACE)
        await asyncio.sleep(0.01)
    samples.sort()
    row("key to screen latency", "1 viewer, raw, %d letters at the login prompt" % keys,
        "median %.1f ms, p95 %.1f ms" % (statistics.median(samples),
                                         samples[max(0, int(len(samples) * 0.95 + 0.5) - 1)]),
        "min %.1f ms, max %.1f ms" % (samples[0], samples[-1]))
    raw_full = await full_screen_bytes(raw)
    await disconnect(raw)
    await asyncio.sleep(1)

    # What noVNC would be sent: Tight. The first screen, the static one, then typing.
    tight = await connect(True)
    idle = await measure([tight], idle_seconds)
    row("bandwidth, static screen", "1 viewer, Tight (JPEG quality 6, compression 2, as noVNC), idle %d s" %
        idle_seconds, "%s (%.1f updates/s)" % (rate(idle["bytes"][0]), idle["updates"][0]), cpu(idle))
    tight.rects.clear()
    typing = await measure([tight], 0, typist.type_for(tight, seconds))
    row("bandwidth, changing screen", "1 viewer, Tight as above, typing", "%s (%.1f updates/s)" % (
        rate(typing["bytes"][0]), typing["updates"][0]), cpu(typing))
    row("full screen update", "login prompt, 1024x768 (Tight: a new viewer's first)",
        "raw %.1f kB, Tight %.1f kB" % (raw_full / 1e3, tight.first_screen_bytes / 1e3),
        "Tight rectangles while typing: " + ", ".join("%d %s" % (n, kind) for kind, n in sorted(tight.rects.items())))
    await disconnect(tight)
    await asyncio.sleep(1)

    # Four viewers (the most by default), all receiving while the first types.
    viewers = [await connect(False) for _ in range(4)]
    typing = await measure(viewers, 0, typist.type_for(viewers[0], seconds))
    rss_four = rss_mib()
    row("updates per second, typing", "4 viewers, raw, a key every 10 ms for %.0f s" % seconds,
        "%.1f-%.1f /s per viewer, %s each" % (min(typing["updates"]), max(typing["updates"]),
                                              rate(statistics.mean(typing["bytes"]))), cpu(typing))
    for viewer in viewers:
        await disconnect(viewer)
    await asyncio.sleep(1.5)
    rss_after = rss_mib()
    row("resident memory (VmRSS)", "0 viewers, host off, before any viewer", "%.1f MiB" % rss_none, "")
    row("resident memory (VmRSS)", "1 viewer connected, after typing", "%.1f MiB" % rss_one,
        "%+.1f MiB" % (rss_one - rss_none))
    row("resident memory (VmRSS)", "4 viewers connected and receiving", "%.1f MiB" % rss_four,
        "%+.1f MiB" % (rss_four - rss_none))
    row("resident memory (VmRSS)", "0 viewers again (host at its login prompt), 1.5 s after they closed",
        "%.1f MiB" % rss_after,
        "%+.1f MiB" % (rss_after - rss_none))


asyncio.run(main())

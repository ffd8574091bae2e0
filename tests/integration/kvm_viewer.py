#!/usr/bin/python3
"""An RFB viewer of qbmc's KVM WebSocket (wss://127.0.0.1:PORT/kvm/0) for the integration tests,
with Debian's python3-websockets: the RFB 3.8 handshake, raw pixels in a known format (32-bit,
0x00RRGGBB), desktop resize, and QEMU's extended key events. Runs the steps of a JSON script and
prints, as its last line, a JSON object: the handshake's HTTP status, the desktop's name and size,
whether the server confirmed QEMU key events, the close code, and an error if one ended it early.

    kvm_viewer.py PORT SCRIPT

SCRIPT: {"token": T, "basic": "user:password", "subprotocol": T, "origin": O,
         "steps": [[step, args...], ...]}
Steps: ["say", text] prints a line; ["wait_stdin"] waits for a line on standard input;
["expect_pixel", x, y, "rrggbb", seconds] asks for updates until that pixel has that colour;
["expect_size", w, h, seconds]; ["key", keysym] a key press and release (RFB KeyEvent);
["qemu_key", keysym, xt_keycode] the same as a QEMU extended key event; ["pointer", x, y, mask];
["send_hex", hex] raw bytes into the RFB stream; ["stall", seconds] asks for full updates
without reading; ["sleep", seconds]; ["wait_close", seconds] reads until the server closes;
["save", path] writes the framebuffer as a PPM image.
"""
import asyncio
import base64
import json
import ssl
import struct
import sys

import websockets
import websockets.exceptions

port = int(sys.argv[1])
script = json.loads(sys.argv[2])
result = {"status": None, "name": None, "width": 0, "height": 0, "qemu_keys": False,
          "close_code": None, "error": None}

ENCODING_RAW = 0
ENCODING_DESKTOP_SIZE = -223
ENCODING_QEMU_KEYS = -258


class Viewer:
    def __init__(self, ws):
        self.ws = ws
        self.buffer = bytearray()
        self.width = 0
        self.height = 0
        self.pixels = bytearray()

    async def read(self, count):
        while len(self.buffer) < count:
            self.buffer += await self.ws.recv()
        data = bytes(self.buffer[:count])
        del self.buffer[:count]
        return data

    async def handshake(self):
        version = await self.read(12)
        if not version.startswith(b"RFB 003."):
            raise RuntimeError("not RFB: %r" % version)
        await self.ws.send(b"RFB 003.008\n")
        count = (await self.read(1))[0]
        types = await self.read(count)
        if 1 not in types:
            raise RuntimeError("no security type None offered: %r" % list(types))
        await self.ws.send(bytes([1]))
        if struct.unpack(">I", await self.read(4))[0] != 0:
            raise RuntimeError("security handshake failed")
        await self.ws.send(bytes([1]))  # shared
        self.width, self.height = struct.unpack(">HH", await self.read(4))
        await self.read(16)  # the server's pixel format
        name_length = struct.unpack(">I", await self.read(4))[0]
        result["name"] = (await self.read(name_length)).decode("latin-1")
        self.pixels = bytearray(self.width * self.height * 4)
        # 32 bits per pixel, depth 24, little-endian, true colour, 8 bits each, red at 16.
        await self.ws.send(struct.pack(">BxxxBBBBHHHBBBxxx", 0, 32, 24, 0, 1, 255, 255, 255, 16, 8, 0))
        encodings = [ENCODING_RAW, ENCODING_DESKTOP_SIZE, ENCODING_QEMU_KEYS]
        await self.ws.send(struct.pack(">BxH", 2, len(encodings)) + b"".join(struct.pack(">i", e) for e in encodings))

    async def request(self, incremental):
        await self.ws.send(struct.pack(">BBHHHH", 3, 1 if incremental else 0, 0, 0, self.width, self.height))

    async def read_message(self):
        kind = (await self.read(1))[0]
        if kind == 0:
            await self.read(1)
            (rects,) = struct.unpack(">H", await self.read(2))
            for _ in range(rects):
                x, y, w, h, encoding = struct.unpack(">HHHHi", await self.read(12))
                if encoding == ENCODING_RAW:
                    data = await self.read(w * h * 4)
                    for row in range(h):
                        start = ((y + row) * self.width + x) * 4
                        self.pixels[start:start + w * 4] = data[row * w * 4:(row + 1) * w * 4]
                elif encoding == ENCODING_DESKTOP_SIZE:
                    self.width, self.height = w, h
                    self.pixels = bytearray(w * h * 4)
                elif encoding == ENCODING_QEMU_KEYS:
                    result["qemu_keys"] = True
                else:
                    raise RuntimeError("unexpected encoding %d" % encoding)
            return "update"
        if kind == 1:
            await self.read(3)
            (count,) = struct.unpack(">H", await self.read(2))
            await self.read(count * 6)
        elif kind == 2:
            pass
        elif kind == 3:
            await self.read(3)
            (length,) = struct.unpack(">I", await self.read(4))
            await self.read(length)
        else:
            raise RuntimeError("unexpected server message %d" % kind)
        return "other"

    def pixel(self, x, y):
        if x >= self.width or y >= self.height:
            return None
        (value,) = struct.unpack_from("<I", self.pixels, (y * self.width + x) * 4)
        return "%06x" % (value & 0xFFFFFF)

    async def until(self, condition, seconds):
        async def loop():
            await self.request(False)
            while not condition():
                if await self.read_message() == "update" and not condition():
                    await self.request(True)
        await asyncio.wait_for(loop(), seconds)

    def save(self, path):
        with open(path, "wb") as image:
            image.write(b"P6 %d %d 255\n" % (self.width, self.height))
            for i in range(self.width * self.height):
                b, g, r = self.pixels[i * 4], self.pixels[i * 4 + 1], self.pixels[i * 4 + 2]
                image.write(bytes([r, g, b]))


def tls_context():
    # qbmc's certificate is self-signed.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


async def run_steps(viewer):
    for step in script.get("steps", []):
        name, args = step[0], step[1:]
        if name == "say":
            print(args[0], flush=True)
        elif name == "wait_stdin":
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        elif name == "expect_pixel":
            x, y, colour, seconds = args
            try:
                await viewer.until(lambda: viewer.pixel(x, y) == colour, seconds)
            except asyncio.TimeoutError:
                raise RuntimeError("pixel (%d, %d) is %s, not %s" % (x, y, viewer.pixel(x, y), colour))
        elif name == "expect_size":
            w, h, seconds = args
            try:
                await viewer.until(lambda: (viewer.width, viewer.height) == (w, h), seconds)
            except asyncio.TimeoutError:
                raise RuntimeError("size is %dx%d, not %dx%d" % (viewer.width, viewer.height, w, h))
        elif name == "key":
            for down in (1, 0):
                await viewer.ws.send(struct.pack(">BBxxI", 4, down, args[0]))
        elif name == "qemu_key":
            for down in (1, 0):
                await viewer.ws.send(struct.pack(">BBHII", 255, 0, down, args[0], args[1]))
        elif name == "pointer":
            await viewer.ws.send(struct.pack(">BBHH", 5, args[2], args[0], args[1]))
        elif name == "send_hex":
            await viewer.ws.send(bytes.fromhex(args[0]))
        elif name == "stall":
            # Full frames asked for, none read; the socket's buffers fill and then qbmc's.
            deadline = asyncio.get_running_loop().time() + args[0]
            try:
                while asyncio.get_running_loop().time() < deadline:
                    await viewer.request(False)
                    await asyncio.sleep(0.02)
            except websockets.exceptions.ConnectionClosed:
                pass
        elif name == "sleep":
            await asyncio.sleep(args[0])
        elif name == "wait_close":
            try:
                await asyncio.wait_for(viewer.ws.wait_closed(), args[0])
            except asyncio.TimeoutError:
                raise RuntimeError("the server did not close the connection")
        elif name == "save":
            viewer.save(args[0])
        else:
            raise RuntimeError("unknown step " + name)


async def main():
    headers = {}
    if "token" in script:
        headers["X-Auth-Token"] = script["token"]
    if "basic" in script:
        headers["Authorization"] = "Basic " + base64.b64encode(script["basic"].encode()).decode()
    subprotocols = [script["subprotocol"]] if "subprotocol" in script else None
    try:
        async with websockets.connect(
                "wss://127.0.0.1:%d/kvm/0" % port, ssl=tls_context(), extra_headers=headers,
                subprotocols=subprotocols, origin=script.get("origin"), max_size=None, max_queue=4,
                ping_interval=None, open_timeout=30, close_timeout=10) as ws:
            result["status"] = 101
            viewer = Viewer(ws)
            try:
                await viewer.handshake()
                result["width"], result["height"] = viewer.width, viewer.height
                await run_steps(viewer)
                result["width"], result["height"] = viewer.width, viewer.height
            except websockets.exceptions.ConnectionClosed:
                pass
            except Exception as error:  # the script's own failure, reported, not raised
                result["error"] = str(error)
            result["close_code"] = ws.close_code
    except websockets.exceptions.InvalidStatusCode as error:
        result["status"] = error.status_code
    except Exception as error:
        result["error"] = "%s: %s" % (type(error).__name__, error)


asyncio.run(main())
print(json.dumps(result), flush=True)

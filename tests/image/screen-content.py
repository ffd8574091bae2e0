#!/usr/bin/env python3
"""Says whether a screendump (binary PPM) shows something: more than a few colours, and more than
1% of the pixels away from the background. Exits 1 for a blank or single-colour screen."""
import collections
import sys


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields = []
    position = 0
    while len(fields) < 4:  # magic, width, height, maximum value
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position)
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    if fields[0] != b"P6":
        sys.exit(f"{path}: not a binary PPM")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[position + 1:position + 1 + width * height * 3]
    return width, height, pixels


def main():
    width, height, pixels = read_ppm(sys.argv[1])
    counts = collections.Counter(pixels[i:i + 3] for i in range(0, len(pixels), 3))
    background, background_count = counts.most_common(1)[0]
    drawn = 1 - background_count / (width * height)
    print(f"{sys.argv[1]}: {width}x{height}, {len(counts)} colours, {drawn:.1%} drawn over the background")
    sys.exit(0 if len(counts) >= 4 and drawn >= 0.01 else 1)


if __name__ == "__main__":
    main()

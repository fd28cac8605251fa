#!/usr/bin/python3
"""Generates the PNG decoder fixtures with encoders independent of NeuralPost.

Most files come from pypng. Files whose name contains _f (forced filters) or _multi are written by the
raw writer below: it filters every row itself, compresses with zlib and frames chunks with zlib.crc32,
because pypng cannot be told which filter to use.

The file name encodes what the file holds, and pixel values follow sample() and palette_index(), which
the C# tests recompute, so no expected pixels are stored:

    {gray|graya|rgb|rgba|pal}{bits}[_trns][_i][_f0.._f4|_fc][_multi].png

_trns: tRNS present (colour key = the pixel at (2, 3), or palette alpha); _i: Adam7;
_fK: every row uses filter K; _fc: row r (counted across passes) uses filter r % 5;
_multi: IDAT split into small chunks, with ancillary chunks before and after them.
Run from any directory: python3 make_png_fixtures.py
"""
import os
import struct
import zlib

import png

W, H = 13, 11
HERE = os.path.dirname(os.path.abspath(__file__))
CHANNELS = {"gray": 1, "graya": 2, "rgb": 3, "rgba": 4, "pal": 1}
COLOR_TYPE = {"gray": 0, "graya": 4, "rgb": 2, "rgba": 6, "pal": 3}
PALETTE_SIZE = {1: 2, 2: 4, 4: 11, 8: 200}
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def sample(x, y, c, bits):
    return (x * 1031 + y * 4099 + c * 12289 + x * y * 257 + 77) & ((1 << bits) - 1)


def palette_index(x, y, size):
    return (x * 1031 + y * 4099 + x * y * 257 + 77) % size


def palette_entry(i):
    return ((i * 37 + 11) % 256, (i * 91 + 5) % 256, (i * 53 + 200) % 256)


def palette_alpha_count(size):
    return size // 2 + 1


def palette_alpha(i):
    return (i * 67 + 3) % 256


def pixel(kind, bits, x, y):
    if kind == "pal":
        return [palette_index(x, y, PALETTE_SIZE[bits])]
    return [sample(x, y, c, bits) for c in range(CHANNELS[kind])]


def write_pypng(name, kind, bits, trns, interlace):
    rows = [[v for x in range(W) for v in pixel(kind, bits, x, y)] for y in range(H)]
    kwargs = dict(bitdepth=bits, interlace=interlace)
    if kind == "pal":
        size = PALETTE_SIZE[bits]
        if trns:
            alphas = palette_alpha_count(size)
            kwargs["palette"] = [palette_entry(i) + (palette_alpha(i),) for i in range(alphas)] + \
                [palette_entry(i) for i in range(alphas, size)]
        else:
            kwargs["palette"] = [palette_entry(i) for i in range(size)]
    else:
        kwargs["greyscale"] = kind in ("gray", "graya")
        kwargs["alpha"] = kind in ("graya", "rgba")
        if trns:
            key = pixel(kind, bits, 2, 3)
            kwargs["transparent"] = key[0] if kind == "gray" else tuple(key)
    with open(os.path.join(HERE, name), "wb") as f:
        png.Writer(W, H, **kwargs).write(f, rows)


def pack_row(values, bits):
    if bits == 16:
        return b"".join(struct.pack(">H", v) for v in values)
    if bits == 8:
        return bytes(values)
    out, acc, used = bytearray(), 0, 0
    for v in values:
        acc = (acc << bits) | v
        used += bits
        if used == 8:
            out.append(acc)
            acc, used = 0, 0
    if used:
        out.append(acc << (8 - used))
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_row(kind, raw, prev, bpp):
    out = bytearray()
    for i, v in enumerate(raw):
        a = raw[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
        out.append((v - pred) & 0xFF)
    return bytes([kind]) + bytes(out)


def chunk(ctype, data):
    return struct.pack(">I", len(data)) + ctype + data + struct.pack(">I", zlib.crc32(ctype + data) & 0xFFFFFFFF)


def write_raw(name, kind, bits, interlace, filt, multi):
    channels = CHANNELS[kind]
    bpp = max(1, channels * bits // 8)
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    stream, row_counter = bytearray(), 0
    for x0, y0, dx, dy in passes:
        xs, ys = range(x0, W, dx), range(y0, H, dy)
        if not xs or not ys:
            continue
        prev = bytes(len(pack_row([0] * (len(xs) * channels), bits)))
        for y in ys:
            raw = pack_row([v for x in xs for v in pixel(kind, bits, x, y)], bits)
            ftype = row_counter % 5 if filt == "c" else int(filt)
            stream += filter_row(ftype, raw, prev, bpp)
            prev, row_counter = raw, row_counter + 1
    compressed = zlib.compress(bytes(stream), 9)
    ihdr = struct.pack(">IIBBBBB", W, H, bits, COLOR_TYPE[kind], 0, 0, 1 if interlace else 0)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    if kind == "pal":
        out += chunk(b"PLTE", b"".join(bytes(palette_entry(i)) for i in range(PALETTE_SIZE[bits])))
    if multi:
        out += chunk(b"tEXt", b"Comment\x00split IDAT fixture")
        pieces = [compressed[i:i + 37] for i in range(0, len(compressed), 37)]
        out += b"".join(chunk(b"IDAT", p) for p in pieces) + chunk(b"prVt", b"private ancillary data")
    else:
        out += chunk(b"IDAT", compressed)
    out += chunk(b"IEND", b"")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(out)


def main():
    for old in os.listdir(HERE):
        if old.endswith(".png"):
            os.remove(os.path.join(HERE, old))
    plain = [("gray", b) for b in (1, 2, 4, 8, 16)] + [("graya", 8), ("graya", 16), ("rgb", 8), ("rgb", 16),
                                                       ("rgba", 8), ("rgba", 16)] + [("pal", b) for b in (1, 2, 4, 8)]
    for kind, bits in plain:
        write_pypng(f"{kind}{bits}.png", kind, bits, False, False)
    for kind, bits in [("pal", 1), ("pal", 2), ("pal", 4), ("pal", 8), ("gray", 1), ("gray", 4), ("gray", 8),
                       ("gray", 16), ("rgb", 8), ("rgb", 16)]:
        write_pypng(f"{kind}{bits}_trns.png", kind, bits, True, False)
    for kind, bits, trns in [("gray", 1, False), ("gray", 4, False), ("gray", 16, False), ("graya", 8, False),
                             ("rgb", 8, False), ("rgba", 16, False), ("pal", 4, False), ("pal", 8, True),
                             ("rgb", 16, True)]:
        write_pypng(f"{kind}{bits}{'_trns' if trns else ''}_i.png", kind, bits, trns, True)
    for kind, bits in [("rgb", 8), ("rgba", 16), ("gray", 2)]:
        for k in range(5):
            write_raw(f"{kind}{bits}_f{k}.png", kind, bits, False, str(k), False)
    for kind, bits in [("graya", 8), ("gray", 16), ("pal", 4)]:
        write_raw(f"{kind}{bits}_fc.png", kind, bits, False, "c", False)
    for kind, bits in [("rgb", 8), ("gray", 1), ("rgba", 16), ("pal", 2)]:
        write_raw(f"{kind}{bits}_i_fc.png", kind, bits, True, "c", False)
    write_raw("rgba8_fc_multi.png", "rgba", 8, False, "c", True)
    write_raw("rgb16_i_fc_multi.png", "rgb", 16, True, "c", True)


if __name__ == "__main__":
    main()

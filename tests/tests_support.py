"""Helpers shared by tests: PNG chunk surgery that keeps the C2PA chunk in place."""

from __future__ import annotations

import struct
import zlib


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    pos, chunks = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunks.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return chunks


def build_png(chunks: list[tuple[bytes, bytes]]) -> bytes:
    out = bytearray(b"\x89PNG\r\n\x1a\n")
    for kind, body in chunks:
        out += struct.pack(">I", len(body)) + kind + body
        out += struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return bytes(out)


def _with_idat(chunks: list[tuple[bytes, bytes]], idat: bytes) -> list[tuple[bytes, bytes]]:
    result, done = [], False
    for kind, body in chunks:
        if kind == b"IDAT":
            if not done:
                result.append((b"IDAT", idat))
                done = True
            continue
        result.append((kind, body))
    return result


def edit_png_pixels(data: bytes) -> bytes:
    """Change a run of pixel bytes inside IDAT; every other chunk stays."""
    chunks = png_chunks(data)
    raw = bytearray(zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT")))
    for offset in range(1000, 1060):
        raw[offset] = (raw[offset] + 97) % 256
    return build_png(_with_idat(chunks, zlib.compress(bytes(raw))))


def replace_idat(signed: bytes, donor: bytes) -> bytes:
    """The signed file's chunks (manifest included) around another same-size image's pixels."""
    donor_idat = b"".join(body for kind, body in png_chunks(donor) if kind == b"IDAT")
    return build_png(_with_idat(png_chunks(signed), donor_idat))

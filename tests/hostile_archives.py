"""Hostile Office files for `test_hostile_exports.py`: workbooks for `zhibiao import xlsx`
and reference templates for `--reference-docx`, generated from one valid file of each.

Every XML part of the valid file is given each document-type attack (external entities,
entity expansion, parameter entities, the same in UTF-16) and each kind of damage
(truncated, garbage, unclosed, not UTF-8, empty); the archive itself is given forged sizes,
a real compression bomb, too many members, broken directories and unknown compression.
`refused` cases must end in a usage error (exit 2); the others may also import (exit 0)
or report located problems (exit 1) — never an internal error.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class ArchiveCase:
    """One hostile archive and what must be said about it."""

    name: str
    data: bytes
    refused: bool = False
    expect_text: str = ""


XML_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
DTDS: dict[str, bytes] = {
    "xxe-file": b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    "xxe-http": b'<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>',
    "xxe-parameter": b'<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>',
    "external-dtd": b'<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">',
    "billion-laughs": b"<!DOCTYPE r ["
    + b'<!ENTITY a "lollollollollollollollollollol">'
    + b"".join(
        b"<!ENTITY " + bytes([c]) + b' "' + (b"&" + bytes([c - 1]) + b";") * 10 + b'">'
        for c in range(ord("b"), ord("k"))
    )
    + b"]>",
    "quadratic": b'<!DOCTYPE r [<!ENTITY a "' + b"x" * 50_000 + b'">]>',
    "doctype-in-comment-prolog": b"<!-- c --><!DOCTYPE r>",
}
DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda d: d[: len(d) // 2],
    "garbage": lambda d: b"\x00\xff garbage " * 20,
    "unclosed": lambda d: d.rstrip()[:-1] if d.rstrip().endswith(b">") else d + b"<x>",
    "not-utf8": lambda d: d.replace(b">", b">\xff\xfe", 1),
    "empty": lambda d: b"",
    "wrong-root": lambda d: XML_DECL + b"<html><body>x</body></html>",
    "control-char-ref": lambda d: d.replace(b"</", b"&#1;</", 1),
    "c1-char-ref": lambda d: d.replace(b"</", b"&#128;</", 1),
}


def _with_dtd(data: bytes, dtd: bytes, utf16: bool) -> bytes:
    if data.startswith(b"<?xml"):
        end = data.index(b"?>") + 2
        text = data[:end] + dtd + data[end:]
    else:
        text = dtd + data
    if utf16:
        body = text.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return b"\xff\xfe" + body.encode("utf-16-le")
    return text


def rewrite(base: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    """`base` with one member's bytes replaced by `change(bytes)`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                data = change(data)
            dst.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def xml_members(base: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        return [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]


def part_attacks(base: bytes, prefix: str) -> Iterator[ArchiveCase]:
    """Every XML part × every DTD attack (UTF-8 and UTF-16) and every kind of damage."""
    for member in xml_members(base):
        for attack, dtd in DTDS.items():
            for utf16 in (False, True):
                yield ArchiveCase(
                    f"{prefix}-{attack}{'-utf16' if utf16 else ''}-{member}",
                    rewrite(base, member, lambda d, dtd=dtd, u=utf16: _with_dtd(d, dtd, u)),
                    refused=True,
                    expect_text="文档类型定义",
                )
        for damage, change in DAMAGE.items():
            yield ArchiveCase(f"{prefix}-{damage}-{member}", rewrite(base, member, change))


def _forge_sizes(base: bytes, size: int) -> bytes:
    """Declare `size` as the uncompressed size of every member (central directory only)."""
    raw = bytearray(base)
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into("<I", raw, at + 24, size)
        at = raw.find(b"PK\x01\x02", at + 4)
    return bytes(raw)


def _forge_method(base: bytes, method: int) -> bytes:
    raw = bytearray(base)
    for signature, offset in ((b"PK\x01\x02", 10), (b"PK\x03\x04", 8)):
        at = raw.find(signature)
        while at >= 0:
            struct.pack_into("<H", raw, at + offset, method)
            at = raw.find(signature, at + 4)
    return bytes(raw)


def bomb_member(size: int) -> bytes:
    """A zip with one member of `size` zero bytes (about 1000 : 1)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w") as member,
    ):
        chunk = b"\x00" * (1 << 20)
        for _ in range(size >> 20):
            member.write(chunk)
    return out.getvalue()


def many_members(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for index in range(count):
            archive.writestr(f"m/{index}.xml", b"<a/>")
    return out.getvalue()


def archive_attacks(base: bytes, prefix: str) -> Iterator[ArchiveCase]:
    """Forged sizes, a real bomb, too many members, damaged directories (exit 2)."""
    bomb = "压缩炸弹"
    yield ArchiveCase(f"{prefix}-declares-16gb", _forge_sizes(base, 0xF0000000), True, bomb)
    yield ArchiveCase(f"{prefix}-declares-100mb-each", _forge_sizes(base, 100 << 20), True, bomb)
    yield ArchiveCase(f"{prefix}-ratio-bomb", bomb_member(48 << 20), True, bomb)
    yield ArchiveCase(f"{prefix}-too-many-members", many_members(3000), True, "成员过多")
    yield ArchiveCase(f"{prefix}-zip64-count", _zip64_count(base), True, "成员过多")
    yield ArchiveCase(f"{prefix}-not-a-zip", b"PK\x03\x04 not really" * 10, True)
    yield ArchiveCase(f"{prefix}-empty-file", b"", True)
    yield ArchiveCase(
        f"{prefix}-ole-document", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, True
    )
    yield ArchiveCase(f"{prefix}-truncated-zip", base[: len(base) // 2], True)
    yield ArchiveCase(f"{prefix}-no-directory", base[: base.rfind(b"PK\x01\x02")], True)
    yield ArchiveCase(f"{prefix}-unknown-method", _forge_method(base, 99), True)
    yield ArchiveCase(f"{prefix}-bad-crc", _flip_data(base), False)
    yield ArchiveCase(f"{prefix}-html-renamed", b"<html><body>x</body></html>", True)
    yield ArchiveCase(f"{prefix}-empty-zip", many_members(0), True)


def _zip64_count(base: bytes) -> bytes:
    raw = bytearray(base)
    at = raw.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", raw, at + 8, 0xFFFF, 0xFFFF)
    return bytes(raw)


def _flip_data(base: bytes) -> bytes:
    """Change one byte of the first member's compressed data (its CRC no longer matches)."""
    raw = bytearray(base)
    name_len, extra_len = struct.unpack_from("<HH", raw, 26)
    raw[30 + name_len + extra_len + 2] ^= 0x55
    return bytes(raw)

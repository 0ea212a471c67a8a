"""Fast, safe YAML reading: bytes → text → plain data, every failure a located problem.

Parsing uses libyaml's event parser and builds the data directly (`builder.read.yamlparse`),
because the round-trip parser of ruamel.yaml is an order of magnitude slower on a
national corpus. Files are measured before they are read (`read_limited`), positions
are recovered later, only for files that have diagnostics (`builder.read.locate`).
ruamel.yaml is used where comments must survive (`zhibiao fmt`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import yaml

from builder.read.yaml_messages import explain
from builder.read.yamlparse import MAX_DEPTH, YamlProblem, build

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "YamlProblem",
    "decode",
    "parse",
    "read_limited",
    "read_with_stat",
]

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Files larger than this are refused (ZB007): no real standard comes near it."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
)


def read_limited(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a file, refusing (ZB007) before reading when it is larger than `max_bytes`."""
    return read_with_stat(path, max_bytes=max_bytes)[0]


def read_with_stat(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> tuple[bytes, os.stat_result]:
    """`read_limited`, with the status of the opened file taken before its bytes.

    Only regular files are read: a FIFO or a device named `*.yaml` would otherwise block
    or never end (it is opened without blocking, then refused).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "不是普通文件（可能是管道、设备或目录）")
        if info.st_size > max_bytes:
            raise _too_large(info.st_size, max_bytes)
        raw = handle.read(max_bytes + 1)  # the file may grow between stat and read
    if len(raw) > max_bytes:
        raise _too_large(len(raw), max_bytes)
    return raw, info


def _too_large(size: int, max_bytes: int) -> YamlProblem:
    return YamlProblem(
        "ZB007",
        f"文件过大（{size / 1048576:.1f} MB），上限为 {max_bytes / 1048576:g} MB",
        hint="一份标准通常不超过 200 KB；请检查是否误提交了生成文件或数据文件。",
    )


def decode(raw: bytes, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Decode a standards file, which must be UTF-8 (a UTF-8 BOM is tolerated)."""
    if len(raw) > max_bytes:
        raise _too_large(len(raw), max_bytes)
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raise YamlProblem(
                "ZB002",
                f"文件编码为 {name}，须为 UTF-8",
                1,
                1,
                hint="在编辑器中以“UTF-8（无 BOM）”另存此文件。",
            )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8")) + 1
        guess = _guess_encoding(raw)
        if guess and guess.startswith("UTF-16"):
            line, column = 1, 1  # the whole file is in another encoding
        if guess == "binary":
            raise YamlProblem(
                "ZB002",
                "文件含有二进制数据，不是文本文件",
                line,
                column,
                hint="standards/ 下只放 YAML 文本；图片等附件请放到其他目录。",
            ) from None
        raise YamlProblem(
            "ZB002",
            f"文件不是有效的 UTF-8（疑似 {guess} 编码）" if guess else "文件不是有效的 UTF-8",
            line,
            column,
            hint="在编辑器中以“UTF-8（无 BOM）”另存此文件"
            + (f"，或用 iconv -f {guess.split('/')[0]} -t UTF-8 转换。" if guess else "。"),
        ) from None


def _guess_encoding(raw: bytes) -> str | None:
    """Name the likely encoding of bytes that are not UTF-8; "binary" for non-text data."""
    sample = raw[:4096]
    if b"\x00" in sample:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if odd > half * 0.3 and even < half * 0.05:
            return "UTF-16 LE"
        if even > half * 0.3 and odd < half * 0.05:
            return "UTF-16 BE"
        return "binary"
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        return "binary"
    return "GBK/GB18030"


def _too_deep(text: str, mark: Any) -> YamlProblem:
    """ZB008 for a file that libyaml itself refused as too deep (libyaml ≥ 0.2.6 limits
    nesting to 1,000 levels and its scanner may stop before our own limit is reached).

    The text before libyaml's mark is parsed again, so the problem is reported where our
    limit is crossed, as for a file that libyaml accepts.
    """
    if mark is not None:
        lines = text.split("\n", mark.line + 1)
        prefix = "\n".join([*lines[: mark.line], lines[mark.line][: mark.column]])
        try:
            build(prefix)
        except YamlProblem as problem:
            if problem.code == "ZB008":
                return problem
        except yaml.YAMLError:
            pass
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    return YamlProblem(
        "ZB008",
        "嵌套层级过深，YAML 解析器拒绝读取",
        line,
        column,
        hint="标准文件的结构不超过十几层；请检查缩进或括号。",
    )


def parse(text: str) -> Any:
    """Parse one YAML document into plain data; raise `YamlProblem` on any failure."""
    try:
        return build(text)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in (exc.problem or ""):
            raise _too_deep(text, exc.problem_mark) from None
        raise YamlProblem(*explain(exc, text)) from None
    except yaml.reader.ReaderError as exc:
        # libyaml reads UTF-8: the position is a byte offset into the encoded text.
        encoded = text.encode("utf-8")
        start = encoded.rfind(b"\n", 0, exc.position) + 1
        line = encoded.count(b"\n", 0, exc.position) + 1
        column = len(encoded[start : exc.position].decode("utf-8", errors="replace")) + 1
        raise YamlProblem(
            "ZB012",
            f"文件包含不允许的控制字符 U+{exc.character:04X}"
            if isinstance(exc.character, int)
            else "文件包含不允许的控制字符",
            line,
            column,
            hint="删除该位置的不可见字符（常见于从 Word 或网页复制的文本）。",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("ZB001", f"YAML 语法错误：{exc}") from None

"""Untrusted Office files (.xlsx workbooks, .docx reference templates), measured before they are read.

A workbook given to `zhibiao import xlsx` or a template given to `--reference-docx` may come
from anyone. Before a library opens it, `inspect_office` reads only the zip's end record and
central directory and refuses (a usage error, exit 2, with a Chinese message):

- more than `MAX_MEMBERS` members (counted from the end record, before the directory is read);
- a member larger than `MAX_MEMBER_BYTES` or all members together larger than
  `MAX_TOTAL_BYTES` once decompressed, or compressed more than `MAX_RATIO` : 1 (zip bombs);
- an XML part with a document type declaration (`<!DOCTYPE`, `<!ENTITY`): Office never writes
  one, and it is how external entities (XXE) and entity expansion ("billion laughs") work.

Decompression is bounded by the sizes declared in the directory (Python's zipfile stops at
them), so after this check a reader holds at most `MAX_TOTAL_BYTES` of XML.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

from builder.project import UsageError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM = 1024 * 1024
"""Members smaller than this are not held to `MAX_RATIO` (small XML compresses very well)."""
PROLOG_BYTES = 64 * 1024

_END = b"PK\x05\x06"
_ROOT = re.compile(r"<(?![?!])")


def _refuse(what: str, shown: str, problem: str, hint: str) -> UsageError:
    return UsageError(f"{what}：{shown}（{problem}）", hint=hint)


def inspect_office(path: Path, what: str, hint: str) -> None:
    """Raise `UsageError` unless `path` is a zip whose sizes and XML parts are safe to read.

    `what` starts the message (「无法读取工作簿」), `hint` says how to fix a
    file that is simply not an Office document.
    """
    shown = path.as_posix()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(
                what, shown, f"文件 {size / 1048576:.1f} MB，上限 {MAX_FILE_BYTES >> 20} MB", hint
            )
        with path.open("rb") as handle:
            handle.seek(max(0, size - 65_557))
            tail = handle.read()
        at = tail.rfind(_END)
        if at < 0 or len(tail) - at < 22:
            raise _refuse(what, shown, "不是 zip 格式的 Office 文件", hint)
        entries, directory = struct.unpack("<xxxxxxxxxxHI", tail[at : at + 16])
        if entries == 0xFFFF or directory == 0xFFFFFFFF or entries > MAX_MEMBERS:
            raise _refuse(what, shown, f"压缩包成员过多，上限 {MAX_MEMBERS} 个", hint)
        with zipfile.ZipFile(path) as archive:
            _check_sizes(archive, what, shown, hint)
            for info in archive.infolist():
                _check_prolog(archive, info, what, shown, hint)
    except UsageError:
        raise
    except (
        OSError,
        EOFError,
        zlib.error,
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        struct.error,
    ) as exc:
        detail = getattr(exc, "strerror", None) or "压缩包已损坏"
        raise _refuse(what, shown, str(detail), hint) from None
    except (NotImplementedError, RuntimeError):  # unknown compression, encrypted member
        raise _refuse(what, shown, "使用了不支持的压缩方式或已加密", hint) from None


def _check_sizes(archive: zipfile.ZipFile, what: str, shown: str, hint: str) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _refuse(what, shown, f"压缩包成员过多，上限 {MAX_MEMBERS} 个", hint)
    total = 0
    for info in members:
        total += info.file_size
        name = info.filename[:80]
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise _refuse(
                what,
                shown,
                f"解压后过大：{name} 等共 {total / 1048576:.0f} MB，"
                f"单个上限 {MAX_MEMBER_BYTES >> 20} MB、合计上限 {MAX_TOTAL_BYTES >> 20} MB；"
                "可能是压缩炸弹",
                "标准用的工作簿和模板通常不超过几 MB；请检查文件来源。",
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM and ratio > MAX_RATIO:
            raise _refuse(
                what,
                shown,
                f"成员 {name} 的压缩比为 {ratio:.0f} : 1，上限 {MAX_RATIO} : 1；可能是压缩炸弹",
                "请检查文件来源；正常的 Office 文件压缩比远低于此。",
            )


def _check_prolog(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str, shown: str, hint: str
) -> None:
    """Refuse an XML part whose prolog declares a document type (DTD, entities)."""
    with archive.open(info) as member:
        head = member.read(PROLOG_BYTES)
    text = _decode(head)
    if text is None:
        return  # not XML (an image, a font …)
    found = _ROOT.search(text)
    prolog = text[: found.start()] if found else text
    if "<!DOCTYPE" in prolog or "<!ENTITY" in prolog:
        raise _refuse(
            what,
            shown,
            f"{info.filename[:80]} 含有文档类型定义（DOCTYPE/实体声明），"
            "Office 文件不会有它，常见于外部实体（XXE）或实体膨胀攻击",
            "请用 Word、WPS 或 Excel 重新另存这个文件，不要使用来源不明的文件。",
        )
    if found is None and len(head) == PROLOG_BYTES:
        raise _refuse(what, shown, f"{info.filename[:80]} 的 XML 开头过长，找不到根元素", hint)


def _decode(head: bytes) -> str | None:
    """The start of an XML part as text (UTF-8 or UTF-16), None when it is not XML."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = head.decode("utf-16", errors="ignore")
    elif head[:2] in (b"<\x00", b"\x00<"):
        text = head.decode("utf-16-le" if head[0] else "utf-16-be", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore")
    text = text.lstrip("\ufeff \t\r\n")
    return text if text.startswith("<") else None

"""Reading a Word file into located paragraphs, as the drafter sees them.

The file is measured first (`builder.project.archive.inspect_office`: member count, sizes,
compression ratio, no DOCTYPE), then `word/document.xml` is parsed without entities or
network. Text is read as if every tracked change were accepted: inserted runs count,
deleted runs (`w:del`, `w:moveFrom`) and tracked-deleted table rows do not.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from builder.docx.marks import BOOKMARK_PREFIX
from builder.project.archive import inspect_office

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
_SKIPPED = {f"{W}{n}" for n in ("del", "moveFrom", "pPr", "rPr", "sdtPr", "instrText", "delText")}
_SKIPPED |= {f"{W}{n}" for n in ("trPr", "tcPr", "tblPr", "tblGrid", "commentReference")}
HINT = "请交回由 zhibiao export docx --editable 生成、在 Word、WPS 或 LibreOffice 中编辑保存的 .docx 文件。"


@dataclass(slots=True)
class Para:
    """One paragraph of the body or of a table cell.

    `segments` are the paragraph's text in pieces: (text, tag) for the text inside a content
    control, (text, None) outside one. `where` is the location shown to the drafter."""

    where: str
    table: int
    row: int
    column: int
    text: str = ""
    segments: list[tuple[str, str | None]] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    removed: bool = False
    style: str = ""
    element: Any = None

    @property
    def tags(self) -> list[str]:
        """The tags of the content controls in the paragraph, in order."""
        return [tag for _, tag in self.segments if tag is not None]


@dataclass(slots=True)
class WordFile:
    """A Word file read: its paragraphs in reading order and its `dc:description`."""

    paragraphs: list[Para]
    description: str
    tree: Any = None


def parse_xml(data: bytes) -> Any:
    """Parse an XML part with no entity expansion, no DTD, no network."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    return etree.fromstring(data, parser)


def read_word(path: Path) -> WordFile:
    """Read `path` safely; `UsageError` (exit 2) when it is not a readable .docx."""
    inspect_office(path, "无法读取填写稿", HINT)
    from builder.project import UsageError

    try:
        with zipfile.ZipFile(path) as archive:
            body = parse_xml(archive.read("word/document.xml"))
            names = set(archive.namelist())
            core = (
                parse_xml(archive.read("docProps/core.xml"))
                if "docProps/core.xml" in names
                else None
            )
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
        raise UsageError(
            f"无法读取填写稿：{path.as_posix()}（不是有效的 Word 文件）", hint=HINT
        ) from None
    return read_parts(body, core)


def read_bytes(document_xml: bytes, core_xml: bytes | None) -> WordFile:
    """`read_word` for parts already in memory (the reference rendering)."""
    return read_parts(parse_xml(document_xml), parse_xml(core_xml) if core_xml else None)


def read_parts(document: Any, core: Any) -> WordFile:
    """The located paragraphs of a parsed `word/document.xml`."""
    description = ""
    if core is not None:
        found = core.find(f"{DC}description")
        description = (found.text or "") if found is not None else ""
    body = document.find(f"{W}body")
    out: list[Para] = []
    if body is not None:
        _Walker(out).blocks(body)
    return WordFile(out, description, document)


class _Walker:
    """Walks the body: body paragraphs are 段1, 段2 …; tables 表1, 表2 … with rows and cells."""

    def __init__(self, out: list[Para]) -> None:
        self.out = out
        self.paragraphs = 0
        self.tables = 0

    def blocks(self, parent: Any) -> None:
        for child in parent:
            if child.tag == f"{W}p":
                self.paragraphs += 1
                self.out.append(_para(child, f"段{self.paragraphs}", 0, 0, 0))
            elif child.tag == f"{W}tbl":
                self.tables += 1
                self._table(child, self.tables)
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}ins", f"{W}moveTo"):
                self.blocks(child)

    def _table(self, table: Any, number: int) -> None:
        rows = [r for r in _children(table, "tr") if not _row_deleted(r)]
        for r, row in enumerate(rows, start=1):
            for c, cell in enumerate(_children(row, "tc"), start=1):
                for paragraph in _descendants(cell, "p"):
                    where = f"表{number}:行{r}:列{c}"
                    self.out.append(_para(paragraph, where, number, r, c))


def _children(parent: Any, name: str) -> list[Any]:
    """Direct children called `name`, looking through content controls and tracked insertions."""
    found: list[Any] = []
    for child in parent:
        if child.tag == f"{W}{name}":
            found.append(child)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins"):
            found.extend(_children(child, name))
    return found


def _descendants(cell: Any, name: str) -> list[Any]:
    """Paragraphs of a cell (those of a table nested in it included, in reading order)."""
    return list(cell.iter(f"{W}{name}"))


def _row_deleted(row: Any) -> bool:
    pr = row.find(f"{W}trPr")
    return pr is not None and pr.find(f"{W}del") is not None


def _para(p: Any, where: str, table: int, row: int, column: int) -> Para:
    para = Para(where, table, row, column, element=p)
    _collect(p, None, para)
    para.text = "".join(text for text, _ in para.segments)
    style = p.find(f"{W}pPr/{W}pStyle")
    para.style = (style.get(f"{W}val") or "") if style is not None else ""
    mark = p.find(f"{W}pPr/{W}rPr/{W}del")
    para.removed = mark is not None and not para.text.strip()
    return para


def _emit(para: Para, text: str, tag: str | None) -> None:
    if not text:
        return
    if para.segments and para.segments[-1][1] == tag:
        para.segments[-1] = (para.segments[-1][0] + text, tag)
    else:
        para.segments.append((text, tag))


def _collect(element: Any, tag: str | None, para: Para) -> None:
    for child in element:
        name = child.tag
        if not isinstance(name, str) or name in _SKIPPED:
            continue
        if name == f"{W}t":
            _emit(para, child.text or "", tag)
        elif name == f"{W}tab":
            _emit(para, "\t", tag)
        elif name in (f"{W}br", f"{W}cr"):
            _emit(para, "\n", tag)
        elif name == f"{W}noBreakHyphen":
            _emit(para, "-", tag)
        elif name == f"{W}bookmarkStart":
            bookmark = child.get(f"{W}name") or ""
            if bookmark.startswith(BOOKMARK_PREFIX):
                para.bookmarks.append(bookmark)
        elif name == f"{W}sdt":
            found = child.find(f"{W}sdtPr/{W}tag")
            inner = found.get(f"{W}val") if found is not None else None
            content = child.find(f"{W}sdtContent")
            if content is not None:
                _collect(content, inner or tag, para)
        elif name == f"{W}tbl":
            continue  # a nested table's paragraphs are read as paragraphs of the cell
        else:
            _collect(child, tag, para)

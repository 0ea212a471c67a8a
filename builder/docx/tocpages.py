"""Fill the 目次's page numbers from a LibreOffice layout pass.

The writer leaves each TOC line's page number as a PAGEREF field with an empty result and
asks Word to update fields on open. Word does; LibreOffice, WPS in some versions and every
PDF made from the file do not. Here the document is rendered once by LibreOffice, the page
on which each heading lands is read from the rendered text, and its printed number (the
footer: "— 3 —", "3" or "II") is written as the cached result of the PAGEREF field. The
fields stay fields (Word can still update them); the update-on-open request is dropped, so
Word opens the file without a prompt and every program shows the same numbers.

A heading is found by its text, page by page in document order, skipping the pages of the
目次 itself (lines with dot leaders); the bookmark each PAGEREF names leads to the heading
paragraph, so the TOC's own line text is not trusted.
"""

from __future__ import annotations

import copy
import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from builder.docx.office import page_texts, require, to_pdf
from builder.docx.recordpage import has_record, place_record

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
_PAGEREF = re.compile(r"^\s*PAGEREF\s+(\S+)")
_LEADER = re.compile(r"[.．·…]{8,}")
_FOOTER_NUMBER = re.compile(r"^[—\-–\s]*([0-9]+|[IVXLCDM]+)[—\-–\s]*$")
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _parse(xml: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(xml, parser)


def heading_texts(document: etree._Element) -> dict[str, str]:
    """Bookmark name → the text of the paragraph that holds the bookmark."""
    found: dict[str, str] = {}
    for start in document.iter(f"{{{W}}}bookmarkStart"):
        name = start.get(f"{{{W}}}name")
        paragraph = start.getparent()
        if name and paragraph is not None and paragraph.tag == f"{{{W}}}p":
            found[name] = "".join(paragraph.itertext())
    return found


def _pagerefs(document: etree._Element) -> list[tuple[str, etree._Element]]:
    """Each PAGEREF field: its bookmark and the `w:t` that holds its cached result (made,
    in a run right after the field's separate mark, when the result is empty)."""
    fields: list[tuple[str, etree._Element]] = []
    stack: list[_Field] = []
    for element in document.iter(f"{{{W}}}fldChar", f"{{{W}}}instrText", f"{{{W}}}t"):
        tag = etree.QName(element).localname
        if tag == "fldChar":
            kind = element.get(f"{{{W}}}fldCharType")
            if kind == "begin":
                stack.append(_Field())
            elif kind == "separate" and stack:
                stack[-1].separate = element.getparent()
            elif kind == "end" and stack:
                field = stack.pop()
                match = _PAGEREF.match(field.instruction)
                if match and field.separate is not None:
                    fields.append((match.group(1), field.result_text()))
        elif tag == "instrText" and stack:
            stack[-1].instruction += element.text or ""
        elif tag == "t" and stack and stack[-1].separate is not None:
            stack[-1].results.append(element)
    return fields


class _Field:
    """A complex field being read: instruction, the run of its separate mark, result texts."""

    def __init__(self) -> None:
        self.instruction = ""
        self.separate: etree._Element | None = None
        self.results: list[etree._Element] = []

    def result_text(self) -> etree._Element:
        """The one `w:t` that carries the result (others emptied; one made if none)."""
        for extra in self.results[1:]:
            extra.text = ""
        if self.results:
            return self.results[0]
        assert self.separate is not None
        run = etree.Element(f"{{{W}}}r")
        properties = self.separate.find("w:rPr", _NS)
        if properties is not None:
            run.append(copy.deepcopy(properties))
        text = etree.SubElement(run, f"{{{W}}}t")
        self.separate.addnext(run)
        return text


def printed_number(page: str, index: int) -> str:
    """The page number printed in the footer of `page` (else its 1-based `index`)."""
    for line in reversed(page.strip().splitlines()):
        text = line.strip()
        if not text:
            continue
        match = _FOOTER_NUMBER.match(text) or _FOOTER_NUMBER.match(text.split()[-1])
        if match:
            return match.group(1)
        break
    return str(index)


def locate(headings: Sequence[str], pages: Sequence[str]) -> list[int | None]:
    """The 0-based page of each heading, searched in document order after the 目次 pages."""
    squashed = [_squash(page) for page in pages]
    toc_pages = [i for i, page in enumerate(pages) if _LEADER.search(page)]
    start = toc_pages[-1] + 1 if toc_pages else 0
    found: list[int | None] = []
    for heading in headings:
        wanted = _squash(heading)
        hit = next((i for i in range(start, len(pages)) if wanted and wanted in squashed[i]), None)
        found.append(hit)
        if hit is not None:
            start = hit
    return found


def wanted(mode: str) -> bool:
    """Whether to fill page numbers for `docx.toc_pages` = `mode` (auto/always/never):
    `always` requires LibreOffice and poppler (a usage error naming them otherwise)."""
    if mode == "never":
        return False
    if mode == "always":
        require("soffice")
        require("pdftotext")
        return True
    return shutil.which("soffice") is not None and shutil.which("pdftotext") is not None


def _xml(element: etree._Element) -> bytes:
    return bytes(etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True))


def fill(data: bytes, pages: Sequence[str]) -> bytes | None:
    """`data` (.docx) with each PAGEREF result set from the rendered `pages`; None when the
    document has no PAGEREF or a heading could not be found (the file is left as it was)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    document = _parse(source.read("word/document.xml"))
    fields = _pagerefs(document)
    if not fields:
        return None
    texts = heading_texts(document)
    if any(name not in texts for name, _ in fields):
        return None
    located = locate([texts[name] for name, _ in fields], pages)
    if any(page is None for page in located):
        return None
    for (_, result), page in zip(fields, located, strict=True):
        assert page is not None
        result.text = printed_number(pages[page], page + 1)
    settings = _parse(source.read("word/settings.xml"))
    for flag in settings.findall("w:updateFields", _NS):
        settings.remove(flag)
    replaced = {"word/document.xml": _xml(document), "word/settings.xml": _xml(settings)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, replaced.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def fill_documents(documents: Sequence[tuple[str, bytes]]) -> list[bytes]:
    """The bytes of each (file name, .docx bytes) with its 目次 page numbers filled and its
    版记 on an even page (`builder.docx.recordpage`), from one LibreOffice run over the
    documents that have a 目次 or a 版记; the others are returned as given."""
    result = [data for _, data in documents]
    todo = [i for i, (_, data) in enumerate(documents) if _has_pageref(data) or has_record(data)]
    if not todo:
        return result
    with tempfile.TemporaryDirectory(prefix="zhibiao-toc-") as scratch:
        folder = Path(scratch)
        paths = []
        for index in todo:  # numbered names: the documents' own names may clash once shortened
            path = folder / f"{index:05d}.docx"
            path.write_bytes(documents[index][1])
            paths.append(path)
        pdfs = to_pdf(paths, folder / "pdf", archive=False)
        for index, pdf in zip(todo, pdfs, strict=True):
            pages = page_texts(pdf)
            filled = fill(documents[index][1], pages)
            result[index] = place_record(filled or documents[index][1], pages)
    return result


def _has_pageref(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"PAGEREF" in archive.read("word/document.xml")

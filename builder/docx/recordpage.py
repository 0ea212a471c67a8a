"""Put the 版记 of a GB/T 9704 document on an even page, from a LibreOffice layout pass.

The writer starts the 版记 section with an "even page" section break, which Word honours
but LibreOffice does not (it starts the section on the next page, whatever its parity).
After a layout pass the physical page the 版记 lands on is known: when it is odd, an empty
page of the 版记 section (unnumbered, as GB/T 9704 7.5 wants the blank page before the 版记
page) is put in front of it by a page break in a one-point paragraph, and the break becomes an ordinary "next page" one, so Word,
WPS, LibreOffice and the PDF put the 版记 on the same, even page.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
RECORD_MARK = "印发"


def record_section(document: etree._Element) -> tuple[etree._Element, etree._Element] | None:
    """(the section type element of the 版记 section, the paragraph that ends the section
    before it), or None when the document has no 版记 section (an evenPage section last)."""
    body = document.find("w:body", _NS)
    if body is None:
        return None
    last = body.find("w:sectPr", _NS)
    kind = None if last is None else last.find("w:type", _NS)
    if kind is None or kind.get(f"{{{W}}}val") != "evenPage":
        return None
    ends = [p for p in body.findall("w:p", _NS) if p.find("w:pPr/w:sectPr", _NS) is not None]
    return (kind, ends[-1]) if ends else None


def has_record(data: bytes) -> bool:
    """Whether the .docx ends with a 版记 section."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b'w:val="evenPage"' in archive.read("word/document.xml")


def place_record(data: bytes, pages: Sequence[str]) -> bytes:
    """`data` with the 版记 moved to an even page as laid out in `pages` (each page's text);
    unchanged when it has no 版记 section or the 版记 is not on the last page."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    document = etree.fromstring(source.read("word/document.xml"), parser)
    found = record_section(document)
    if found is None or not pages or RECORD_MARK not in pages[-1]:
        return data
    kind, before = found
    kind.set(f"{{{W}}}val", "nextPage")
    if len(pages) % 2 == 1:
        # a paragraph holding only the break, one point high, so that what is left of it
        # after the break does not push the 版记 off the foot of its page
        blank = etree.Element(f"{{{W}}}p")
        properties = etree.SubElement(blank, f"{{{W}}}pPr")
        etree.SubElement(properties, f"{{{W}}}snapToGrid").set(f"{{{W}}}val", "0")
        spacing = etree.SubElement(properties, f"{{{W}}}spacing")
        for key, value in (("before", "0"), ("after", "0"), ("line", "20"), ("lineRule", "exact")):
            spacing.set(f"{{{W}}}{key}", value)
        run = etree.SubElement(blank, f"{{{W}}}r")
        etree.SubElement(run, f"{{{W}}}br").set(f"{{{W}}}type", "page")
        before.addnext(blank)
    xml = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            replaced = xml if info.filename == "word/document.xml" else None
            target.writestr(info, replaced or source.read(info.filename))
    return out.getvalue()

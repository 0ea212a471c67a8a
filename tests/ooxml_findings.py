"""ECMA-376 validation of written files: openxml-audit findings minus a documented allow-list,
and an independent check that hand-written property elements are in schema order.

openxml-audit (PyPI) ports the Open XML SDK validator: schema particles and values, part
relationships, style/numbering references, plus Office app-compatibility notes (warnings).
Every finding counts, errors and warnings alike, unless `ALLOWED` names it with the clause
of ECMA-376 that allows what it reports. docs/docx.md (校验) lists the same entries.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from openxml_audit import FileFormat, OpenXmlValidator

from builder.docx.xmlorder import SEQUENCES


@dataclass(frozen=True)
class Allowed:
    """A validator finding judged not to apply: which files, what it says, and why."""

    suffix: str
    pattern: str
    where: str
    clause: str
    reason: str

    def matches(self, path: Path, description: str, where: str) -> bool:
        return (
            path.suffix == self.suffix
            and re.search(self.pattern, description) is not None
            and re.search(self.where, where) is not None
        )


ALLOWED = (
    Allowed(
        ".xlsx",
        r"^Worksheet sheet\d+\.xml has \d+ inline-string cell\(s\)",
        r"",
        'ECMA-376 Part 1 §18.3.1.4 (c) with t="inlineStr", §18.18.11 ST_CellType',
        "openpyxl writes text as inline strings, a cell type the standard defines; the warning "
        "says Excel moves them to a shared-strings part when it next saves the workbook, which "
        "is a rewrite on save, not a repair on open",
    ),
    Allowed(
        ".xlsx",
        r"^Unexpected element '(b|i|strike|condense|extend|outline|shadow|u|vertAlign|sz|color"
        r"|name|family|charset|scheme)' found$",
        r"^/xl/styles\.xml /styleSheet\[1\]/fonts\[1\]/font\[\d+\]$",
        "ECMA-376 Part 1 §18.8.22 (font): CT_Font in the schema (Annex A, sml.xsd) is "
        'an xsd:choice maxOccurs="unbounded"',
        "the children of a font may come in any order; the Open XML SDK, which the validator "
        "ports, models CT_Font as a sequence in Excel's own writing order and so rejects the "
        "order openpyxl writes (name, family, b, color, sz)",
    ),
)


def validator() -> OpenXmlValidator:
    """The Word/Excel 2019 profile, every finding reported."""
    return OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=0)


def findings(checker: OpenXmlValidator, path: Path) -> tuple[list[str], set[Allowed]]:
    """Findings of `path` not on the allow-list, and the allow-list entries that matched."""
    result = checker.validate(path)
    left: list[str] = []
    used: set[Allowed] = set()
    for error in result.errors:
        where = f"{error.part_uri or ''} {error.path or ''}".strip()
        allowed = next((a for a in ALLOWED if a.matches(path, error.description, where)), None)
        if allowed is None:
            left.append(f"{error.severity.value}: {error.description} [{where}]")
        else:
            used.add(allowed)
    return left, used


def misplaced(data: bytes) -> list[str]:
    """Property elements of a .docx (every XML part) whose children are out of schema
    order or repeated: a second, independent reading of `builder.docx.xmlorder.SEQUENCES`."""
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")) and name.startswith("word/"):
                root = etree.fromstring(archive.read(name))
                found.extend(f"{name}: {problem}" for problem in _misplaced(root))
    return found


_REPEATABLE = {
    tag.replace("w:", "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}")
    for tag in (
        "w:headerReference",
        "w:footerReference",
        "w:activeWritingStyle",
        "w:attachedSchema",
        "w:smartTagType",
        "w:tblStylePr",
    )
}


def _misplaced(root: Any) -> list[str]:
    found: list[str] = []
    for tag, ranks in SEQUENCES.items():
        for parent in root.iter(tag):
            last, tags = -1, set()
            for child in parent:
                rank = ranks.get(child.tag)
                if rank is None:
                    continue
                name = etree.QName(child).localname
                if rank < last:
                    found.append(f"<{name}> out of order in <{etree.QName(parent).localname}>")
                if child.tag in tags and child.tag not in _REPEATABLE:
                    found.append(f"second <{name}> in <{etree.QName(parent).localname}>")
                last = max(last, rank)
                tags.add(child.tag)
    return found


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_STYLE_REFS = ("pStyle", "rStyle", "tblStyle", "basedOn", "next", "link")


def undefined(data: bytes) -> list[str]:
    """References of a .docx that name nothing, in every XML part under word/: styles
    (pStyle, rStyle, tblStyle, and basedOn, next, link inside a style: ECMA-376 Part 1
    §17.3.1.27, §17.7.4), numbering instances (numId, 0 meaning "no numbering") and abstract
    numberings (§17.9), relationships (r:id, r:embed, r:link: Part 2 §9.3). openxml-audit
    reads style and numbering references only outside comments.xml, footnotes.xml,
    endnotes.xml and numbering.xml (whose levels may name a style, §17.9.24)."""
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        parts = {n: etree.fromstring(archive.read(n)) for n in names if n.endswith(".xml")}
        styles = _ids(parts.get("word/styles.xml"), "style", "styleId")
        numbers = _ids(parts.get("word/numbering.xml"), "num", "numId") | {"0"}
        abstract = _ids(parts.get("word/numbering.xml"), "abstractNum", "abstractNumId")
        for name, root in sorted(parts.items()):
            if not name.startswith("word/"):
                continue
            found += [
                f"{name}: <{tag}> names undefined style {value}"
                for tag in _STYLE_REFS
                for value in _values(root, tag)
                if value not in styles
            ]
            found += [
                f"{name}: <numId> names undefined numbering {value}"
                for value in _values(root, "numId")
                if value not in numbers
            ]
            found += [
                f"{name}: <abstractNumId> names undefined abstract numbering {value}"
                for value in _values(root, "abstractNumId")
                if value not in abstract
            ]
            folder, _, base = name.rpartition("/")
            rels = f"{folder}/_rels/{base}.rels"
            targets = (
                {r.get("Id") for r in etree.fromstring(archive.read(rels))}
                if rels in names
                else set()
            )
            found += [
                f"{name}: r:{attribute}={value} names no relationship"
                for element in root.iter()
                for attribute in ("id", "embed", "link")
                if (value := element.get(f"{_R}{attribute}")) is not None and value not in targets
            ]
    return found


def _ids(root: Any, tag: str, attribute: str) -> set[str | None]:
    return set() if root is None else {e.get(f"{_W}{attribute}") for e in root.iter(f"{_W}{tag}")}


def _values(root: Any, tag: str) -> list[str | None]:
    return [e.get(f"{_W}val") for e in root.iter(f"{_W}{tag}")]

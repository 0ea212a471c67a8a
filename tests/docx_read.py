"""Read exported .docx files back for assertions (python-docx + XPath)."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.oxml.ns import qn

HEADING_STYLES = {
    "公文一级标题",
    "公文二级标题",
    "公文三级标题",
    "公文四级标题",
    "标准章标题",
    "标准一级条标题",
    "标准二级条标题",
    "标准三级条标题",
    "标准附录标识",
}


def open_docx(data: bytes) -> Any:
    """A python-docx Document from bytes."""
    return docx.Document(io.BytesIO(data))


def headings(document: Any) -> list[str]:
    """Heading texts in document order (line breaks shown as spaces)."""
    return [
        p.text.replace("\n", " ") for p in document.paragraphs if p.style.name in HEADING_STYLES
    ]


def style_fonts(document: Any, name: str) -> dict[str, str]:
    """The rFonts attributes of a style (ascii, eastAsia, …), theme attributes included."""
    fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
    return {key.split("}")[1]: value for key, value in fonts.attrib.items()}


def instructions(element: Any) -> list[str]:
    """Field instructions below an element."""
    return [node.text.strip() for node in element.iter(qn("w:instrText"))]


def footer_texts(section: Any) -> list[str]:
    """Odd and even footer text of a section."""
    return [section.footer.paragraphs[0].text, section.even_page_footer.paragraphs[0].text]

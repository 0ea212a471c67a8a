"""Named styles of the reference template: one definition per style, applied by name.

The writer only ever refers to styles by name. The bundled template holds all of them;
a user's `--reference-docx` may redefine any of them, and styles it lacks are added
from these definitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from builder.docx import xmlorder
from builder.docx.fonts import FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG, set_fonts
from builder.docx.fonts import set_lang as _set_lang

Align = Literal["left", "center", "right", "both"]
_JC = {"left": "left", "center": "center", "right": "right", "both": "both"}


@dataclass(frozen=True, slots=True)
class StyleDef:
    """A paragraph style: fonts, size in points, paragraph layout."""

    name: str
    east_asia: str
    size: float
    latin: str = LATIN
    bold: bool = False
    color: str | None = None
    align: Align = "both"
    first_line_chars: int = 0
    """First-line indent in hundredths of a character (200 = 2 characters)."""
    left_chars: int = 0
    right_chars: int = 0
    line_exact: float | None = None
    """Exact line height in points; None means single spacing."""
    before: float = 0
    after: float = 0
    keep_next: bool = False
    outline: int | None = None
    page_break_before: bool = False
    grid: bool = True
    """False switches off the document grid (tables, footers) so lines keep their own height."""
    border: bool = False
    letter_spacing: float = 0
    """Extra space between characters in points."""


def _gongwen() -> list[StyleDef]:
    line = 28.95  # 225 mm / 22 lines
    body: dict[str, Any] = {"size": 16, "line_exact": line, "letter_spacing": -0.25}
    return [
        StyleDef("公文正文", FANGSONG, first_line_chars=200, **body),
        StyleDef("公文标题", XIAOBIAOSONG, 22, align="center", line_exact=36),
        StyleDef(
            "公文副标题", KAITI, 16, align="center", line_exact=line, before=line / 2, after=line
        ),
        StyleDef("公文一级标题", HEITI, first_line_chars=200, keep_next=True, outline=0, **body),
        StyleDef("公文二级标题", KAITI, first_line_chars=200, keep_next=True, outline=1, **body),
        StyleDef("公文三级标题", FANGSONG, first_line_chars=200, keep_next=True, outline=2, **body),
        StyleDef("公文四级标题", FANGSONG, first_line_chars=200, keep_next=True, outline=3, **body),
        StyleDef("公文列项", FANGSONG, first_line_chars=200, **body),
        StyleDef(
            "公文表题", HEITI, 14, align="center", keep_next=True, before=6, after=6, grid=False
        ),
        StyleDef("公文表格文字", FANGSONG, 12, align="left", grid=False),
        StyleDef("公文表头", HEITI, 12, align="center", grid=False),
        StyleDef("公文目录标题", HEITI, 16, align="center", line_exact=line, after=line),
        StyleDef("公文目录1", FANGSONG, align="left", **body),
        StyleDef("公文目录2", FANGSONG, align="left", left_chars=200, **body),
        StyleDef("公文署名", FANGSONG, align="right", right_chars=400, **body),
        StyleDef("公文主送机关", FANGSONG, align="left", **body),
        StyleDef("公文附件说明", FANGSONG, align="left", first_line_chars=200, **body),
        StyleDef("公文附件标识", HEITI, align="left", **body),
        StyleDef(
            "公文发文机关标志",
            XIAOBIAOSONG,
            36,
            align="center",
            color="E60012",
            line_exact=48,
            grid=False,
        ),
        StyleDef("公文发文字号", FANGSONG, align="center", before=line * 2, **body),
        StyleDef(
            "公文版记", FANGSONG, 14, align="left", left_chars=100, right_chars=100, grid=False
        ),
    ]


def _standard() -> list[StyleDef]:
    line = 15.75  # 1.5 × 五号
    return [
        StyleDef("标准正文", SONGTI, 10.5, first_line_chars=200, line_exact=line),
        StyleDef("标准名称", HEITI, 16, align="center", line_exact=24, before=12, after=24),
        StyleDef(
            "标准章标题", HEITI, 10.5, align="left", keep_next=True, outline=0, before=8, after=8
        ),
        StyleDef(
            "标准一级条标题",
            HEITI,
            10.5,
            align="left",
            keep_next=True,
            outline=1,
            before=4,
            after=4,
        ),
        StyleDef(
            "标准二级条标题",
            HEITI,
            10.5,
            align="left",
            keep_next=True,
            outline=2,
            before=4,
            after=4,
        ),
        StyleDef(
            "标准三级条标题",
            HEITI,
            10.5,
            align="left",
            keep_next=True,
            outline=3,
            before=4,
            after=4,
        ),
        StyleDef(
            "标准附录标识",
            HEITI,
            10.5,
            align="center",
            keep_next=True,
            outline=0,
            line_exact=18,
            after=12,
            page_break_before=True,
        ),
        StyleDef("标准列项", SONGTI, 10.5, left_chars=200, line_exact=line),
        StyleDef("标准表题", HEITI, 10.5, align="center", keep_next=True, before=6, after=6),
        StyleDef("标准表格文字", SONGTI, 9, align="left"),
        StyleDef("标准表头", HEITI, 9, align="center"),
        StyleDef(
            "标准目次前言标题",
            HEITI,
            16,
            align="center",
            line_exact=24,
            after=24,
            letter_spacing=16,
        ),
        StyleDef("标准目次1", SONGTI, 10.5, align="left", line_exact=line * 1.2),
        StyleDef("标准目次2", SONGTI, 10.5, align="left", left_chars=200, line_exact=line * 1.2),
        StyleDef("标准目次3", SONGTI, 10.5, align="left", left_chars=400, line_exact=line * 1.2),
        StyleDef("标准终结线", SONGTI, 10.5, align="center", before=12),
        StyleDef("封面类别", HEITI, 36, align="center", letter_spacing=12, line_exact=48),
        StyleDef("封面编号", HEITI, 14, align="right", line_exact=21),
        StyleDef("封面名称", HEITI, 26, align="center", line_exact=36, before=96, after=12),
        StyleDef("封面副题", SONGTI, 14, align="center", line_exact=24),
        StyleDef("封面状态", HEITI, 16, align="center", line_exact=28, before=24),
        StyleDef("封面说明", SONGTI, 10.5, align="center", line_exact=18, before=12),
        StyleDef("封面日期", HEITI, 14, align="left", line_exact=24),
        StyleDef("封面发布机构", HEITI, 16, align="center", line_exact=28, before=24),
    ]


def _shared() -> list[StyleDef]:
    return [
        StyleDef("提示框", HEITI, 12, align="left", border=True, before=6, after=6, grid=False),
        StyleDef("页码", SONGTI, 14, latin=SONGTI, align="right", grid=False),
        StyleDef("标准页码", SONGTI, 9, latin=SONGTI, align="right", grid=False),
        StyleDef("页眉", SONGTI, 10.5, latin=SONGTI, align="right", grid=False),
        StyleDef("稿本标记", HEITI, 14, align="right", grid=False),
        StyleDef("目录说明", KAITI, 10.5, align="center", after=12, grid=False),
    ]


STYLES: tuple[StyleDef, ...] = (*_gongwen(), *_standard(), *_shared())
"""Every named paragraph style the writer uses."""

STYLE_NAMES: frozenset[str] = frozenset(style.name for style in STYLES)
TABLE_STYLE = "职标表格"


def ensure_styles(document: Any, *, overwrite: bool) -> list[str]:
    """Add the named styles to `document`; with `overwrite`, redefine existing ones too.

    Returns the names that were added because the document lacked them.
    """
    styles = document.styles
    existing = {style.name for style in styles}
    added: list[str] = []
    for definition in STYLES:
        if definition.name in existing and not overwrite:
            continue
        if definition.name not in existing:
            added.append(definition.name)
            style = styles.add_style(definition.name, WD_STYLE_TYPE.PARAGRAPH)
        else:
            style = styles[definition.name]
        _define(style, definition)
    if TABLE_STYLE not in existing:
        added.append(TABLE_STYLE)
        _define_table(styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE))
    elif overwrite:
        _define_table(styles[TABLE_STYLE])
    return added


def _define(style: Any, spec: StyleDef) -> None:
    element = style.element
    for tag in ("w:pPr", "w:rPr"):
        old = element.find(qn(tag))
        if old is not None:
            element.remove(old)
    style.base_style = None
    style.quick_style = True
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold
    if spec.color:
        style.font.color.rgb = RGBColor.from_string(spec.color)
    rpr = element.get_or_add_rPr()
    set_fonts(rpr, spec.latin, spec.east_asia, hint=True)
    if spec.letter_spacing:
        xmlorder.insert(
            rpr, xmlorder.element("w:spacing", val=str(round(spec.letter_spacing * 20)))
        )
    _set_lang(rpr)
    xmlorder.sort(rpr)
    xmlorder.insert(element, _paragraph_properties(spec))
    xmlorder.sort(element)


def _paragraph_properties(spec: StyleDef) -> Any:
    ppr = OxmlElement("w:pPr")
    if spec.keep_next:
        xmlorder.insert(ppr, xmlorder.element("w:keepNext"))
    if spec.page_break_before:
        xmlorder.insert(ppr, xmlorder.element("w:pageBreakBefore"))
    if spec.border:
        borders = OxmlElement("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            xmlorder.insert(
                borders,
                xmlorder.element(f"w:{side}", val="single", sz="8", space="4", color="000000"),
            )
        xmlorder.insert(ppr, borders)
        xmlorder.insert(ppr, xmlorder.element("w:shd", val="clear", color="auto", fill="F2F2F2"))
    if not spec.grid:
        xmlorder.insert(ppr, xmlorder.element("w:snapToGrid", val="0"))
    spacing = xmlorder.element(
        "w:spacing", before=str(round(spec.before * 20)), after=str(round(spec.after * 20))
    )
    if spec.line_exact:
        spacing.set(qn("w:line"), str(round(spec.line_exact * 20)))
        spacing.set(qn("w:lineRule"), "exact")
    else:
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
    xmlorder.insert(ppr, spacing)
    indent = xmlorder.element("w:ind")
    size_twips = spec.size * 20
    if spec.first_line_chars:
        indent.set(qn("w:firstLineChars"), str(spec.first_line_chars))
        indent.set(qn("w:firstLine"), str(round(size_twips * spec.first_line_chars / 100)))
    if spec.left_chars:
        indent.set(qn("w:leftChars"), str(spec.left_chars))
        indent.set(qn("w:left"), str(round(size_twips * spec.left_chars / 100)))
    if spec.right_chars:
        indent.set(qn("w:rightChars"), str(spec.right_chars))
        indent.set(qn("w:right"), str(round(size_twips * spec.right_chars / 100)))
    if len(indent.attrib):
        xmlorder.insert(ppr, indent)
    xmlorder.insert(ppr, xmlorder.element("w:jc", val=_JC[spec.align]))
    if spec.outline is not None:
        xmlorder.insert(ppr, xmlorder.element("w:outlineLvl", val=str(spec.outline)))
    return ppr


def _define_table(style: Any) -> None:
    """A grid table: thin inner lines, heavier outer frame, compact cell margins."""
    element = style.element
    for old in element.findall(qn("w:tblPr")):
        element.remove(old)
    tblpr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for side, size in (
        ("top", "8"),
        ("left", "8"),
        ("bottom", "8"),
        ("right", "8"),
        ("insideH", "4"),
        ("insideV", "4"),
    ):
        xmlorder.insert(
            borders, xmlorder.element(f"w:{side}", val="single", sz=size, space="0", color="000000")
        )
    xmlorder.insert(tblpr, borders)
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", "28"), ("left", "85"), ("bottom", "28"), ("right", "85")):
        xmlorder.insert(margins, xmlorder.element(f"w:{side}", w=width, type="dxa"))
    xmlorder.insert(tblpr, margins)
    xmlorder.insert(element, tblpr)

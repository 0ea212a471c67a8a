"""Layout profiles: page geometry, text grid, page numbers and style roles per profile.

`gbt9704` follows GB/T 9704-2012 (公文): A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm,
3号仿宋 body on a 22 × 28 grid, headings 一、（一）1.（1）, page numbers "— 1 —" in
4号宋体 outside the text block (odd pages right, even pages left).

`gbt1.1` follows GB/T 1.1-2020 (标准): cover page, 目次, 前言, chapters 1 / 4.1 / 4.1.1,
五号宋体 body, 黑体 headings. Its margins are common practice of standard templates,
not a clause of the standard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ProfileName = Literal["gbt9704", "gbt1.1"]


@dataclass(frozen=True, slots=True)
class Geometry:
    """Page size and margins in millimetres; `footer` is the footer's distance from the edge."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header: float
    footer: float

    @property
    def text_width(self) -> float:
        """Width of the text block (版心) in millimetres."""
        return self.width - self.left - self.right


@dataclass(frozen=True, slots=True)
class Roles:
    """Which named style plays which role in a profile."""

    body: str
    title: str
    headings: tuple[str, ...]
    caption: str
    table_text: str
    table_head: str
    list_item: str
    notice: str
    front_title: str
    page_number: str
    header: str


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything the writer needs to lay out one document in a given style."""

    name: ProfileName
    label: str
    geometry: Geometry
    roles: Roles
    line_pitch: int | None
    """Line grid pitch in twips (the body line height); None for no document grid."""
    cover: bool
    page_number: str
    """Page-number text around the PAGE field, `{}` marks the field."""
    number_indent_pt: float
    """Page numbers sit this far in from the outer edge of the text block."""
    heading_style: Literal["gongwen", "standard"]
    roman_front_matter: bool


GBT9704 = Profile(
    name="gbt9704",
    label="GB/T 9704 公文格式",
    geometry=Geometry(
        width=210, height=297, top=37, bottom=35, left=28, right=26, header=20, footer=21
    ),
    roles=Roles(
        body="公文正文",
        title="公文标题",
        headings=("公文一级标题", "公文二级标题", "公文三级标题", "公文四级标题"),
        caption="公文表题",
        table_text="公文表格文字",
        table_head="公文表头",
        list_item="公文列项",
        notice="提示框",
        front_title="公文目录标题",
        page_number="页码",
        header="稿本标记",
    ),
    # 225 mm / 22 lines = 28.95 pt = 579 twips. The 28 characters per line come from the
    # body styles' −0.25 pt character spacing (28 × 15.75 pt ≤ 156 mm), not from a character
    # grid: LibreOffice sizes grid cells from the document default font and spreads 3号 text.
    line_pitch=579,
    cover=False,
    page_number="— {} —",
    number_indent_pt=14,
    heading_style="gongwen",
    roman_front_matter=False,
)

GBT11 = Profile(
    name="gbt1.1",
    label="GB/T 1.1 标准格式",
    geometry=Geometry(
        width=210, height=297, top=25, bottom=20, left=25, right=20, header=12, footer=10
    ),
    roles=Roles(
        body="标准正文",
        title="标准名称",
        headings=("标准章标题", "标准一级条标题", "标准二级条标题", "标准三级条标题"),
        caption="标准表题",
        table_text="标准表格文字",
        table_head="标准表头",
        list_item="标准列项",
        notice="提示框",
        front_title="标准目次前言标题",
        page_number="标准页码",
        header="页眉",
    ),
    line_pitch=None,
    cover=True,
    page_number="{}",
    number_indent_pt=0,
    heading_style="standard",
    roman_front_matter=True,
)

PROFILES: dict[str, Profile] = {GBT9704.name: GBT9704, GBT11.name: GBT11}


def profile_named(name: str) -> Profile:
    """The profile called `name` (`gbt9704` or `gbt1.1`)."""
    return PROFILES[name]

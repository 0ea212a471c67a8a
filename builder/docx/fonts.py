"""Font names, Chinese font sizes and run-level font helpers (East Asian slot included).

python-docx's `font.name` only writes `w:ascii`/`w:hAnsi`; Chinese text uses the
`w:eastAsia` slot, and theme attributes override explicit names (ECMA-376 §17.3.2.26),
so every font assignment goes through `set_fonts`.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from builder.docx import xmlorder

FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
SONGTI = "宋体"
XIAOBIAOSONG = "方正小标宋简体"
LATIN = "Times New Roman"

SIZES: dict[str, float] = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
    "小五": 9,
}
"""Chinese type sizes (号) in points."""

ALT_NAMES: dict[str, str] = {FANGSONG: "仿宋", KAITI: "楷体", XIAOBIAOSONG: "宋体"}
"""Fallback names Word uses when a GB2312-era font is not installed (fontTable altName)."""

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(rpr: Any, latin: str, east_asia: str, *, hint: bool = False) -> None:
    """Set Latin and East Asian font names on a `w:rPr`, dropping theme fonts."""
    fonts = xmlorder.get_or_insert(rpr, "w:rFonts")
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    if hint:
        fonts.set(qn("w:hint"), "eastAsia")


def set_lang(rpr: Any) -> None:
    """Mark text as Chinese for East Asian line breaking and glyph choice."""
    lang = xmlorder.get_or_insert(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def strip_theme_fonts(element: Any) -> None:
    """Remove theme-font attributes from every `w:rFonts` below `element`."""
    for fonts in element.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            fonts.attrib.pop(qn(attr), None)


def fit_size(text: str, width_pt: float, largest: float, smallest: float) -> tuple[float, int]:
    """Size (≤ `largest`, ≥ `smallest`) and horizontal scale in percent that fit one line.

    Long 发文机关标志 are narrowed (character scaling) rather than shrunk below `smallest`,
    as offices do.
    """
    count = max(1, len(text))
    size = max(smallest, min(largest, int(width_pt / count * 2) / 2))
    scale = min(100, int(width_pt / (count * size) * 100))
    return size, scale


def scale_run(run: Any, percent: int) -> None:
    """Narrow the characters of `run` to `percent` of their width (`w:w`)."""
    if percent >= 100:
        return
    xmlorder.replace(run._r.get_or_add_rPr(), xmlorder.element("w:w", val=str(percent)))

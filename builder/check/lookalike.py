"""Characters that look like ASCII in a code but are not (fullwidth, Cyrillic/Greek, invisible)."""

from __future__ import annotations

import unicodedata

INVISIBLE = {
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字",
    "\u200d": "零宽连字",
    "\u2060": "零宽不换行空格",
    "\ufeff": "零宽不换行空格（BOM）",
    "\u00ad": "软连字符",
    "\u00a0": "不换行空格",
    "\u3000": "全角空格",
}
LOOKALIKES = dict(
    zip(
        "АВЕКМНОРСТХаеорсухЅІЈѕіјΑΒΕΖΗΙΚΜΝΟΡΤΥΧον‐‑‒–—―−",
        "ABEKMHOPCTXaeopcyxSIJsijABEZHIKMNOPTYXov-------",
        strict=True,
    )
)


def problem(char: str) -> str | None:
    """What is wrong with `char` in a code, None when it is fine."""
    if char in INVISIBLE:
        return f"是{INVISIBLE[char]}（U+{ord(char):04X}），看不见"
    if char in LOOKALIKES:
        script = "西里尔" if "\u0400" <= char <= "\u04ff" else "希腊" if char < "\u2000" else ""
        what = f"{script}字母" if script else "破折号/减号"
        return f"是{what}「{char}」（U+{ord(char):04X}），形似「{LOOKALIKES[char]}」"
    if "\uff01" <= char <= "\uff5e" and unicodedata.normalize("NFKC", char).isalnum():
        return f"是全角字符「{char}」（U+{ord(char):04X}）"
    if char.isdigit() and not char.isascii():
        return f"是非 ASCII 数字「{char}」（U+{ord(char):04X}）"
    return None


def has_confusable(value: str) -> bool:
    """True when `value` holds a character ZB507 reports."""
    return not value.isascii() and any(problem(c) for c in value)


def ascii_code(value: str) -> str:
    """The code as meant: fullwidth folded, look-alikes replaced, invisible characters dropped."""
    out = []
    for char in value:
        if char in INVISIBLE:
            continue
        char = LOOKALIKES.get(char, char)
        if problem(char):
            char = unicodedata.normalize("NFKC", char)
            char = str(unicodedata.digit(char, char)) if not char.isascii() else char
        out.append(char)
    return "".join(out)

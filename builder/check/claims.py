"""What files that failed to load claim to be, so later checks do not pile up consequences.

A broken `specialty.yaml` must not turn every course of the specialty into "unknown
specialty" (ZB205), and a broken course standard must not make the competencies it
carries look uncovered (ZB301). Only the failed files are read again, so this costs
nothing on a clean corpus.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from builder.read.corpus import Corpus
from builder.read.yamlsource import YamlProblem, decode, parse, read_limited

_KIND = re.compile(r"^kind:[ \t]*[\"']?([A-Za-z_]+)", re.MULTILINE)
_CODE = re.compile(r"^(code|specialty):[ \t]*[\"']?([0-9A-Za-z]+)", re.MULTILINE)


def failed_claims(corpus: Corpus, base: Path) -> dict[str, frozenset[str]]:
    """Specialty code → kinds of the failed files that name it."""
    found: dict[str, set[str]] = defaultdict(set)
    for rel in sorted(corpus.failed):
        claim = _claim(base / rel) or _claim_by_place(rel)
        if claim is not None:
            found[claim[1]].add(claim[0])
    return {code: frozenset(kinds) for code, kinds in found.items()}


def _claim(path: Path) -> tuple[str, str] | None:
    """(kind, specialty code) of a file, read leniently; None when it names neither."""
    try:
        raw = read_limited(path)
    except (OSError, YamlProblem):
        return None
    try:
        data = parse(decode(raw))
    except YamlProblem:
        data = None
    if isinstance(data, dict):
        kind = data.get("kind")
        if kind == "plan":  # a school's plan: it belongs to no standard's package
            follows = data.get("follows")
            code = follows.get("code") if isinstance(follows, dict) else None
            return ("plan", str(code)) if isinstance(code, str | int) else ("plan", "")
        code = data.get("code") if kind == "specialty" else data.get("specialty")
        if isinstance(kind, str) and isinstance(code, str | int) and not isinstance(code, bool):
            return kind, str(code)
        return None
    # Unparseable: look for top-level `kind:` and `code:`/`specialty:` lines.
    text = _lenient_text(raw)
    kind_match = _KIND.search(text)
    if kind_match is None:
        return None
    kind = kind_match.group(1)
    if kind == "plan":
        return "plan", ""
    wanted = "code" if kind == "specialty" else "specialty"
    for match in _CODE.finditer(text):
        if match.group(1) == wanted:
            return kind, match.group(2)
    return None


_FOLDER = re.compile(r"^(\d{6})(?:-|$)")


def _claim_by_place(rel: str) -> tuple[str, str] | None:
    """(kind, specialty code) of a file whose content tells nothing (unreadable, a dangling
    link, another encoding): its specialty folder.

    Only the file's own place counts, not which specialty standard links it: the check
    cache judges a set by its own files, so a claim read from another set's links would
    make a cached check differ from a full one (`tests/test_cache.py`)."""
    parts = Path(rel).parts
    for part in reversed(parts[:-1]):
        found = _FOLDER.match(part)
        if found:
            kind = "specialty" if parts[-1] in ("specialty.yaml", "specialty.yml") else "unknown"
            return kind, found.group(1)
    return None


def _lenient_text(raw: bytes) -> str:
    """Text of a file in whatever encoding it most likely has (UTF-16 with BOM, UTF-8, GBK)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")

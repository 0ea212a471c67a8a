"""Suspect links (需复核): carriers of a competency whose text or level changed.

In the spirit of Doorstop's reviewed fingerprints: a competency's fingerprint is a short
hash of its description and required level. When `zhibiao check --base REF` sees that a
competency changed against the base, every place that carries it (course content,
internship task, room, 培养规格) is suspect until a reviewer records a confirmation with the
current fingerprint in the review record of that file (`zhibiao comments confirm`).
Schools' plans (`plans/`) that carry the competency are carriers too.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from builder.base.diagnostics import DataPath
from builder.check.context import SpecialtyIndex
from builder.model import Competency
from builder.read.corpus import Corpus, Loaded


def fingerprint(competency: Competency) -> str:
    """12 hex digits over the description (whitespace-normalised) and the required level."""
    text = " ".join(competency.text.split())
    digest = hashlib.blake2b(f"{text}\0{competency.level}".encode(), digest_size=6)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Suspect:
    """One place that carries a changed competency."""

    code: str
    specialty: str
    source: Loaded[Any]
    path: DataPath
    owner: str
    changes: tuple[str, ...]
    """What changed: "描述", "要求的学习水平 掌握 → 运用"."""
    fingerprint: str


def changes(old: Competency, new: Competency) -> tuple[str, ...]:
    """The differences that make carriers suspect (type and code changes do not)."""
    found: list[str] = []
    if " ".join(old.text.split()) != " ".join(new.text.split()):
        found.append("描述")
    if old.level != new.level:
        found.append(f"要求的学习水平 {old.level} → {new.level}")
    return tuple(found)


def carriers(
    corpus: Corpus, code: str, index: SpecialtyIndex, specialty: str
) -> Iterator[tuple[Loaded[Any], DataPath, str]]:
    """Every place of one specialty that carries competency `code`: (file, path, owner)."""
    for use in index.uses:
        if (use.key or use.ref.ref) == code:
            kind, owner = use.owner
            label = {"course": "课程", "internship": "实习任务", "room": "实训室"}[kind]
            yield use.source, (*use.path, "ref"), f"{label} {owner}"
    entry = corpus.specialties.get(specialty)
    if entry is None:
        return
    if entry.specialty is not None:
        for s, spec in enumerate(entry.specialty.doc.specs):
            for r, ref in enumerate(spec.competencies):
                if ref == code or index.resolve(ref)[0] == code:
                    yield entry.specialty, ("specs", s, "competencies", r), f"培养规格 {spec.code}"
    for plan in entry.plans:  # schools' plans carry the national list's competencies too
        for c, r, row, _ in plan.doc.carrying(code):
            yield plan, ("courses", c, "competencies", r, "ref"), plan.doc.row_label(row)


def find_suspects(
    corpus: Corpus,
    indexes: dict[str, SpecialtyIndex],
    baseline: Corpus,
    base_indexes: dict[str, SpecialtyIndex],
) -> list[Suspect]:
    """Carriers of competencies changed since the baseline (unconfirmed or not)."""
    found: list[Suspect] = []
    for code, index in indexes.items():
        before = base_indexes.get(code)
        if before is None:
            continue
        for competency_code, defined in index.competencies.items():
            old = before.competencies.get(competency_code)
            if old is None:
                continue
            what = changes(old.competency, defined.competency)
            if not what:
                continue
            mark = fingerprint(defined.competency)
            for source, path, owner in carriers(corpus, competency_code, index, code):
                found.append(Suspect(competency_code, code, source, path, owner, what, mark))
    return found


def summary_markdown(rows: list[tuple[str, int, str]]) -> str:
    """The 需复核 section of a step summary: one row per suspect place (file, line, message),
    every text escaped as a table cell."""
    lines = [f"### 需复核（{len(rows)} 处）", "", "| 位置 | 说明 |", "|---|---|"]
    for file, line, message in rows:
        lines.append(f"| {_cell(f'{file}:{line}')} | {_cell(message)} |")
    return "\n".join(lines) + "\n\n"


def _cell(text: str) -> str:
    flat = " ".join(text.split())
    return html.escape(flat, quote=False).replace("|", "\\|").replace("`", "&#96;")

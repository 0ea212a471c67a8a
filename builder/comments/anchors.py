"""The stable places a comment can point at: clause numbers and coded entries.

A 意见反馈表 is pre-filled with them, and imported comments are matched against them.
Clause numbers come from the composed document (the numbering the Word file and the
site show: "5.1", "三（一）"); coded entries from the model ("能力 1-2-3", "课程 ZJ02",
"实训室 R1", "实习任务 T2", "内容 M1-2"). "全文" points at the document as a whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from builder.compose.doctree import Heading
from builder.model import CompetencyList, Course, Internship, Specialty, TrainingBase
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded
from builder.view.anchors import (
    competency_anchor,
    internship_task_anchor,
    room_anchor,
)

WHOLE = "全文"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place in a standard: `key` is what forms and records carry, `text` its 原文,
    `fragment` the id of the place on the document's site page ("" when it has none)."""

    key: str
    text: str
    fragment: str = ""


def document_anchors(item: Loaded[Any], corpus: Corpus, config: ProjectConfig) -> list[Anchor]:
    """Every anchor of one standard, in reading order, keys unique."""
    found: dict[str, Anchor] = {WHOLE: Anchor(WHOLE, item.doc.meta.title)}
    for anchor in [*_clauses(item, corpus, config), *_coded(item.doc)]:
        found.setdefault(anchor.key, anchor)
    return list(found.values())


def _clauses(item: Loaded[Any], corpus: Corpus, config: ProjectConfig) -> list[Anchor]:
    from builder.compose import compose_document  # loaded only when anchors are listed

    tree = compose_document(item, corpus, config)
    numbers: dict[int, str] = {}
    anchors: list[Anchor] = []
    for block in tree.blocks:
        if not isinstance(block, Heading) or not block.number.strip():
            continue
        own = block.number.strip().rstrip("、.． ")
        numbers = {level: n for level, n in numbers.items() if level < block.level}
        full = own if "." in own or not numbers else numbers[max(numbers)] + own
        numbers[block.level] = full
        anchors.append(Anchor(full, block.title, block.anchor))
    return anchors


def _coded(doc: Any) -> list[Anchor]:
    anchors: list[Anchor] = []
    if isinstance(doc, CompetencyList):
        for domain in doc.domains:
            anchors.append(Anchor(f"领域 {domain.code}", domain.name))
            for task in domain.tasks:
                anchors.append(Anchor(f"任务 {task.code}", task.name))
                for c in task.competencies:
                    anchors.append(
                        Anchor(f"能力 {c.code}", c.text.strip(), competency_anchor(c.code))
                    )
    elif isinstance(doc, Specialty):
        anchors.extend(Anchor(f"规格 {s.code}", s.text.strip()) for s in doc.specs)
        anchors.extend(Anchor(f"课程 {c.code}", c.name) for c in doc.courses)
    elif isinstance(doc, Course):
        for module in doc.modules:
            anchors.append(Anchor(f"模块 {module.code}", module.name))
            anchors.extend(
                Anchor(f"内容 {i.code}", f"{i.name}：{i.requirements.strip()}")
                for i in module.items
            )
    elif isinstance(doc, Internship):
        anchors.extend(
            Anchor(f"实习任务 {t.code}", t.name, internship_task_anchor(t.code)) for t in doc.tasks
        )
    elif isinstance(doc, TrainingBase):
        anchors.extend(Anchor(f"实训室 {r.code}", r.name, room_anchor(r.code)) for r in doc.rooms)
    return anchors


_SPACE = re.compile(r"\s+")
_CLAUSE_WORDS = re.compile(r"^(第)?(.+?)(条|章|节|款)?$")


def normalise(text: str) -> str:
    """Compare anchors loosely: full-width forms, spaces, a leading 第 and trailing 条/章."""
    flat = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    flat = flat.replace("、", "").replace("(", "（").replace(")", "）")
    match = _CLAUSE_WORDS.match(flat)
    return match.group(2) if match else flat


class AnchorIndex:
    """Look up what a returned form wrote in its anchor column."""

    def __init__(self, anchors: list[Anchor]) -> None:
        self.anchors = anchors
        self._by_key = {normalise(a.key): a for a in anchors}
        codes: dict[str, list[Anchor]] = {}
        for anchor in anchors:
            _, _, code = anchor.key.partition(" ")
            if code:
                codes.setdefault(normalise(code), []).append(anchor)
        self._by_code = {code: found[0] for code, found in codes.items() if len(found) == 1}

    def resolve(self, written: str) -> Anchor | None:
        """The anchor a cell names: its key ("能力 1-2-3", "5.1") or an unambiguous bare
        code ("1-2-3"); None when it points nowhere."""
        key = normalise(written)
        if not key:
            return None
        return self._by_key.get(key) or self._by_code.get(key)

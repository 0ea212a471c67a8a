"""What one document tells the specialties of the level above it (中高本一体化).

The continuity rules (`builder.check.continuity`) compare a specialty with the specialties
one level below it. The incremental check loads only the sets it checks again, so what a
set may read of another is kept with every document's entry of the whole-tree index
(`builder.read.corpus.DocRef.facts`): computed once when the document is loaded, cached with the
file's meta, and read without loading the other set. Each fact is one short string, a
letter and its fields joined by `SEP`:

- ``c`` competency code, required level (职业能力清单);
- ``u`` a competency code carried by a course, an internship task or a room in force;
- ``t`` the digest of a content item's 内容与要求 (course items, internship tasks in force;
  names such as 「平台规则」 repeat innocently, the requirements do not);
- ``p`` the digest of a planned 专业核心课程's name;
- ``k`` the code of a 接续专业 (专业教学标准).

Texts are compared by digest of their normalised form (`normalise`), never pairwise.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from builder.model import CompetencyList, Course, Internship, Specialty, TrainingBase
from builder.model.meta import RETIRED_STATUSES

SEP = "\x1f"
"""Separator of a fact's fields; inside a field it is written `\\u` (and a backslash `\\\\`)."""
_ESCAPED = re.compile(r"\\([\\u])")
MIN_TEXT = 12
"""Shortest normalised content text compared (shorter texts repeat innocently)."""
COMPARED_NATURE = "专业核心"
"""The planned courses whose names are compared across levels: the 专业核心课程 define a
level (公共基础课程, 专业基础课程 and 实践 such as 岗位实习 recur at every level by design)."""


def normalise(text: str) -> str:
    """The text as compared: NFKC, lower case, without white space, punctuation or symbols
    (so 「能编写商品标题、设置类目属性。」 equals 「能编写商品标题，设置类目属性」)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def digest(text: str) -> str:
    """The digest of a normalised text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def text_digest(text: str) -> str | None:
    """The digest of a content text, None when it is too short to compare."""
    norm = normalise(text)
    return digest(norm) if len(norm) >= MIN_TEXT else None


def name_digest(name: str) -> str | None:
    """The digest of a course name, None when it has no letters or digits."""
    norm = normalise(name)
    return digest(norm) if norm else None


def _fact(*fields: str) -> str:
    """One fact: its fields escaped (a backslash and `SEP` inside a field) and joined."""
    return SEP.join(f.replace("\\", "\\\\").replace(SEP, "\\u") for f in fields)


def _fields(fact: str) -> list[str]:
    """The fields of a fact (the inverse of `_fact`)."""
    if "\\" not in fact:  # nothing escaped (almost every fact)
        return fact.split(SEP)
    return [_ESCAPED.sub(lambda m: "\\" if m.group(1) == "\\" else SEP, f) for f in fact.split(SEP)]


def _live(doc: Any) -> bool:
    return doc.meta.status not in RETIRED_STATUSES


def _facts(doc: Any) -> Iterator[str]:
    if isinstance(doc, CompetencyList):
        for domain in doc.domains:
            for task in domain.tasks:
                for comp in task.competencies:
                    yield _fact("c", comp.code, comp.level)
    elif isinstance(doc, Course) and _live(doc):
        for module in doc.modules:
            for item in module.items:
                yield from (_fact("u", ref.ref) for ref in item.competencies)
                if (found := text_digest(item.requirements)) is not None:
                    yield _fact("t", found)
    elif isinstance(doc, Internship) and _live(doc):
        for step in doc.tasks:
            yield from (_fact("u", ref.ref) for ref in step.competencies)
            if (found := text_digest(step.content)) is not None:
                yield _fact("t", found)
    elif isinstance(doc, TrainingBase) and _live(doc):
        for room in doc.rooms:
            yield from (_fact("u", ref.ref) for ref in room.competencies)
    elif isinstance(doc, Specialty):
        for course in doc.courses:
            if course.nature == COMPARED_NATURE and (found := name_digest(course.name)):
                yield _fact("p", found)
        yield from (_fact("k", follow.code) for follow in doc.continuation)


def facts_of(doc: Any) -> tuple[str, ...]:
    """The continuity facts of one document (see the module), without repeats, in order."""
    return tuple(dict.fromkeys(_facts(doc)))


@dataclass(slots=True)
class ChainFacts:
    """The continuity facts of one specialty set, gathered from its documents' facts."""

    levels: dict[str, str] = field(default_factory=dict)
    """Competency code → required level (the first definition)."""
    carried: set[str] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)
    courses: set[str] = field(default_factory=set)
    continuation: set[str] = field(default_factory=set)
    has_competencies: bool = False

    def add(self, kind: str, facts: Iterable[str]) -> None:
        """Fold in the facts of one document of kind `kind`."""
        if kind == "competencies":
            self.has_competencies = True
        for fact in facts:
            letter, *fields = _fields(fact)
            if letter == "c" and len(fields) == 2:
                self.levels.setdefault(fields[0], fields[1])
                continue
            rest = fields[0] if len(fields) == 1 else ""
            if letter == "u":
                self.carried.add(rest)
            elif letter == "t":
                self.texts.add(rest)
            elif letter == "p":
                self.courses.add(rest)
            elif letter == "k":
                self.continuation.add(rest)

    def summary(self) -> str:
        """A digest of every fact (the recorded answer of a lookup: equal facts, equal
        digest)."""
        parts = [
            "1" if self.has_competencies else "0",
            *(f"c{k}{SEP}{v}" for k, v in sorted(self.levels.items())),
            *(f"u{x}" for x in sorted(self.carried)),
            *(f"t{x}" for x in sorted(self.texts)),
            *(f"p{x}" for x in sorted(self.courses)),
            *(f"k{x}" for x in sorted(self.continuation)),
        ]
        return digest("\n".join(parts))

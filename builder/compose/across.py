"""What composing reads from other specialty sets, asked through the resolved view.

Each question is recorded under the asking set (`builder.view.CorpusView`) with a summary
of what the page uses of the answer; the split site keeps these records with a shard's
sources and reuses them only while every record replays to the same summary
(`builder.site.sourcekeys`). The summaries below are the whole list of facts one set's
pages read about another: a new one is added here, with its replay.
"""

from __future__ import annotations

from typing import Any

from builder.read.corpus import Corpus, Loaded, SpecialtySet
from builder.view import CorpusView
from builder.view.anchors import page_path
from builder.view.corpus import Answer, Lookup

KINDS = frozenset({"specialty", "number"})
"""The kinds of lookup composing makes (the checks make others on the same view)."""


def continuation_facts(entry: SpecialtySet) -> tuple[str, ...]:
    """What a link to a 接续专业 uses: its page and 专业大类 (which decides its shard)."""
    if entry.specialty is None:
        return ("",)
    major = entry.specialty.doc.career.major_category
    return (page_path(entry.specialty), major.code, major.name)


def successor_facts(item: Loaded[Any]) -> tuple[str, ...]:
    """What a 被代替 notice uses of the replacing document: its page and title."""
    return (page_path(item), str(item.doc.meta.title))


def continuation(corpus: Corpus, asker: str, code: str) -> SpecialtySet | None:
    """The set of a 接续专业 named by set `asker` (recorded)."""
    return CorpusView.of(corpus).other_set(asker, code, continuation_facts)


def successor(corpus: Corpus, asker: str, number: str) -> Loaded[Any] | None:
    """The document whose 标准编号 or 文号 is `number`, for set `asker` (recorded)."""
    return CorpusView.of(corpus).by_number(asker, number, successor_facts)


def replay(lookup: Lookup, corpus: Corpus) -> Answer | bool:
    """The summary `lookup` would record now (False, never matching, for another kind)."""
    if lookup.kind == "specialty":
        entry = corpus.specialties.get(lookup.query)
        return None if entry is None else continuation_facts(entry)
    if lookup.kind == "number":
        found = CorpusView.of(corpus).by_number("", lookup.query, successor_facts)
        return None if found is None else successor_facts(found)
    return False

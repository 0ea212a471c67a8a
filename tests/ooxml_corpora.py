"""Corpora and names shared by the ECMA-376 validation tests (tests/test_ooxml_valid.py,
tests/test_ooxml_writers.py): hostile text, a corpus full of it, the profile switch, and the
kinds of export the first one's fixture makes."""

from __future__ import annotations

from pathlib import Path

from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus, Loaded
from tests.kitchen_sink import (
    full_competencies,
    full_course,
    full_internship,
    full_specialty,
    full_training_base,
)

KINDS = (
    "examples-gbt9704",
    "examples-gbt1.1",
    "examples-editable",
    "notice+reference",
    "realworld-",
    "kitchen-sink-",
    "national-",
    "hostile-",
    "diff",
    "template",
    "xlsx",
)
"""The kinds of export tests/test_ooxml_valid.py's fixture makes (a trailing "-": a family)."""

HOSTILE = (
    "<w:p><w:r><w:t>]]>&amp;&lt;\"'</w:t></w:r></w:p>",
    "{{ x }} | --8<-- \\\t制表\n换行",
    "\u202e右到左\u200d零宽\ufeff😀",
    "Supercalifragilisticexpialidocious" * 4,
)


def with_profile(config: ProjectConfig, profile: str) -> ProjectConfig:
    """`config` with every document kind in the Word profile `profile`."""
    profiles = dict.fromkeys(config.docx.profiles, profile)
    return config.model_copy(update={"docx": config.docx.model_copy(update={"profiles": profiles})})


def hostile_corpus() -> Corpus:
    """The kitchen-sink 510209 set with hostile text in a course's fields."""
    loud = "".join(HOSTILE)
    docs = [
        (full_specialty(), "510209/specialty.yaml"),
        (full_competencies(), "510209/competencies.yaml"),
        (
            full_course(name=HOSTILE[0], description=loud, preface=HOSTILE[2], design=HOSTILE[3]),
            "510209/courses/zh01.yaml",
        ),
        (full_internship(), "510209/internship.yaml"),
        (full_training_base(), "510209/training-base.yaml"),
    ]
    corpus = Corpus(
        root=Path("standards"),
        documents=[Loaded(Path("standards") / rel, f"standards/{rel}", doc) for doc, rel in docs],
    )
    corpus.group()
    return corpus

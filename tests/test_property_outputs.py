"""Every document the model accepts goes through every output without an internal error.

Documents are generated from the pydantic models (tests/model_strategies.py): every optional
field absent or present, lists empty where allowed. Each example is written as YAML into a
throw-away project and run in-process through check, compose, the site Markdown, the Word
export and the open-data exports (dataset JSON, CASE, xlsx). An exception anywhere is what the
CLI reports as exit 3 ("内部错误"). The site part renders every page `zhibiao build` gives to
MkDocs (documents, specialty overviews, home page, navigation) without running MkDocs itself.
ZHIBIAO_DEEP_PROPERTIES=1 runs many more examples.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.checking.pipeline import run_check
from builder.compose import compose_corpus
from builder.docx.export import render_trees
from builder.opendata.case import specialty_packages
from builder.opendata.case_defs import Uris
from builder.opendata.dataset import build_dataset, render
from builder.opendata.xlsx_export import build_workbook, workbook_bytes
from builder.project.loading import open_project
from builder.read.corpus import validate
from builder.site.pages import SiteInfo
from builder.site.sources import site_sources
from tests.conftest import PROFILE, REPO
from tests.model_strategies import document

DEEP = os.environ.get("ZHIBIAO_DEEP_PROPERTIES") == "1" or PROFILE == "thorough"
EXAMPLES = 400 if DEEP else 30
SET_EXAMPLES = 200 if DEEP else 15
FILES = {
    "specialty": "specialty.yaml",
    "competencies": "competencies.yaml",
    "course": "courses/course.yaml",
    "internship": "internship.yaml",
    "training_base": "training-base.yaml",
    "plan": "plans/plan.yaml",
}
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _write(root: Path, docs: dict[str, dict[str, Any]]) -> None:
    shutil.copy(REPO / "zhibiao.yaml", root / "zhibiao.yaml")
    folder = root / "standards" / "510209-x"
    for kind, data in docs.items():
        target = folder / FILES[kind]
        target.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        target.write_text(text, "utf-8")


def _valid(data: dict[str, Any]) -> bool:
    doc, _ = validate(data, "x.yaml")
    return doc is not None


def _run_everything(docs: dict[str, dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _write(root, docs)
        project = open_project(root / "standards", root / "zhibiao.yaml")
        result = run_check(project, base=root)
        corpus = result.corpus
        assert len(corpus.documents) == len(docs), [d.message for d in result.diagnostics]
        trees = compose_corpus(corpus, project.config)
        sources = site_sources(corpus, project.config, trees, {}, SiteInfo("站点"))
        assert all(sources.pages.values())
        assert render_trees(trees, project.config)
        assert render(build_dataset(corpus, project.config))
        for entry in corpus.specialties.values():
            specialty_packages(entry, project.config, Uris(None))
            workbook_bytes(
                build_workbook(entry, project.config), dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
            )


@pytest.mark.parametrize("kind", list(FILES))
def test_one_document_of_each_kind(kind: str) -> None:
    """One document alone (a standalone standard, as real sources often are)."""

    @SETTINGS
    @given(document(kind, "510209").filter(_valid))
    def run(data: dict[str, Any]) -> None:
        _run_everything({kind: data})

    run()


@settings(SETTINGS, max_examples=SET_EXAMPLES)
@given(
    st.fixed_dictionaries(
        {kind: document(kind, "510209").filter(_valid) for kind in FILES},
    )
)
def test_a_whole_specialty_set(docs: dict[str, dict[str, Any]]) -> None:
    """All six kinds of one specialty together, so cross-references resolve sometimes."""
    _run_everything(docs)

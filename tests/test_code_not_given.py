"""A specialty code the source does not give (`specialty: 原文未给出`, issue 14 §2).

Standards named by their specialty only (a 实训教学条件建设标准 of 2017, a 2018 顶岗实习标准, a
school's course standard for "计算机应用技术等专业", a 国家职业技能标准) are grouped and
addressed by the name the source gives (`specialty_name`, else the occupation, else the
title): they never share a set with other name-only documents or with a coded specialty,
their pages and identity keys are distinct, and the text says the code is not given.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

from builder.checking.pipeline import run_check
from builder.compose import compose_corpus
from builder.diff.engine import diff_corpora
from builder.model import CompetencyList, TrainingBase
from builder.model.sourced import course_key, course_label, specialty_key
from builder.project.loading import open_project
from builder.site.markdown import render_document
from builder.view.anchors import page_path
from builder.view.identity import document_key
from tests.conftest import REPO, run_cli

CASE = REPO / "tests" / "cases" / "pass-specialty-not-given"
BASE_META = {"title": "标准", "version": "1", "status": "草案"}


def _corpus(folder: Path = CASE) -> tuple[object, object]:
    project = open_project(folder / "standards")
    return project, run_check(project, base=folder)


def test_each_name_is_its_own_set_and_nothing_is_reported() -> None:
    _, result = _corpus()
    corpus = result.corpus  # type: ignore[attr-defined]
    assert set(corpus.specialties) == {"510209", "智能交通技术运用", "电子商务"}
    assert result.diagnostics == []  # type: ignore[attr-defined]
    named = corpus.specialties["智能交通技术运用"]
    assert [item.kind for item in named.documents()] == ["training_base"]
    keys = {document_key(item.doc) for item in corpus.documents}
    assert len(keys) == len(corpus.documents)
    paths = {page_path(item) for item in corpus.documents}
    named_paths = {page_path(item) for item in named.documents()}
    assert named_paths.isdisjoint({page_path(i) for i in corpus.specialties["510209"].documents()})
    assert len(paths) == len(corpus.documents)


def test_the_text_says_the_code_is_not_given() -> None:
    project, result = _corpus()
    trees = compose_corpus(result.corpus, project.config)  # type: ignore[attr-defined,arg-type]
    pages = [render_document(tree) for tree in trees]
    (page,) = [text for text in pages if "智能交通技术运用（专业代码原文未给出）" in text]
    assert "适用专业：智能交通技术运用（专业代码原文未给出）" in page
    assert "原文未给出）（" not in page


def test_the_key_falls_back_to_the_occupation_then_the_title() -> None:
    listing = CompetencyList.model_validate(
        {
            "kind": "competencies",
            "meta": BASE_META,
            "specialty": "原文未给出",
            "occupation": {"title": "人工智能训练师国家职业技能标准", "name": "人工智能训练师"},
            "domains": "原文未给出",
        }
    )
    assert specialty_key(listing) == "人工智能训练师"
    base = {"kind": "training_base", "meta": BASE_META, "specialty": "原文未给出", "scope": "x"}
    base.update(rooms="原文未给出", management="原文未给出")
    training = TrainingBase.model_validate(base)
    assert specialty_key(training) == "标准"
    coded = SimpleNamespace(
        kind="internship", specialty="510209", specialty_name="人工智能技术应用"
    )
    assert specialty_key(coded) == "510209"  # a given code always wins over the name


def test_diff_pairs_a_name_only_document_with_itself(tmp_path: Path) -> None:
    """Editing a name-only document is a change of that document, not a removal and an addition."""
    shutil.copytree(CASE, tmp_path / "case")
    file = tmp_path / "case" / "standards" / "智能交通技术运用" / "training-base.yaml"
    file.write_text(
        file.read_text("utf-8").replace("校内实训基地的建设", "校内实训基地的建设与管理"), "utf-8"
    )
    _, old = _corpus()
    _, new = _corpus(tmp_path / "case")
    changes = diff_corpora(old.corpus, new.corpus).changes  # type: ignore[attr-defined]
    (change,) = changes
    assert change.field == "scope"
    assert change.document.file.endswith("智能交通技术运用/training-base.yaml")


COURSES = REPO / "tests" / "cases" / "pass-course-code-not-given"


def test_courses_without_a_code_are_told_apart_by_their_names() -> None:
    project, result = _corpus(COURSES)
    corpus = result.corpus  # type: ignore[attr-defined]
    assert result.diagnostics == []  # type: ignore[attr-defined]
    (entry,) = [e for code, e in corpus.specialties.items() if code == "计算机应用技术等专业"]
    assert sorted(course_key(c.doc) for c in entry.courses) == [
        "《数据采集与标注》",
        "《深度学习应用开发》",
    ]
    assert len({document_key(c.doc) for c in entry.courses}) == 2
    assert len({page_path(c) for c in entry.courses}) == 2
    assert sorted(course_label(c.doc) for c in entry.courses) == [
        "数据采集与标注",
        "深度学习应用开发",
    ]
    trees = compose_corpus(corpus, project.config)  # type: ignore[attr-defined]
    pages = [render_document(tree) for tree in trees]
    school = [text for text in pages if "计算机应用技术等专业（专业代码原文未给出）" in text]
    assert len(school) == 2
    for text in school:
        assert "| 课程代码 | （原文未给出） |" in text.replace("**", "")
        assert "| 课程代码 | 原文未给出 |" not in text.replace("**", "")


def test_a_name_with_path_characters_stays_inside_the_output(tmp_path: Path) -> None:
    """The name a set is keyed by is text from the YAML: exports never turn it into a path."""
    root = tmp_path / "case"
    shutil.copytree(COURSES, root)
    for file in (root / "standards" / "计算机应用技术").glob("*.yaml"):
        file.write_text(
            file.read_text("utf-8").replace("计算机应用技术等专业", "../../逃逸/专业"), "utf-8"
        )
    before = set(tmp_path.rglob("*"))
    for kind in ("case", "xlsx"):
        result = run_cli(["export", kind, "-o", f"out-{kind}"], root)
        assert result.exit_code == 0, result.stderr
    written = set(tmp_path.rglob("*")) - before
    assert written and all(
        p.is_relative_to(root / "out-case") or p.is_relative_to(root / "out-xlsx") for p in written
    ), sorted(map(str, written))
    assert len(list((root / "out-case").rglob("course-*.json"))) >= 4

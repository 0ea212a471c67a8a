"""The 人才培养方案 kind in the outputs: several schools' plans for one specialty code each get
their own page, nav entry and Word file, and say only what the plan gives."""

from __future__ import annotations

import json

from builder.base.diagnostics import Diagnostics
from builder.compose import compose_corpus
from builder.compose.doctree import DocTree
from builder.docx.export import render_trees
from builder.project import Project
from builder.project.loading import open_project
from builder.read.corpus import Corpus, load_corpus
from builder.site.pages import SiteInfo
from builder.site.sources import site_sources
from builder.view.identity import document_key
from tests.conftest import REPO
from tests.docx_read import headings, open_docx


def _examples() -> tuple[Project, Corpus, list[DocTree]]:
    project = open_project(REPO / "standards", REPO / "zhibiao.yaml")
    corpus = load_corpus(project.standards, REPO, Diagnostics())
    return project, corpus, compose_corpus(corpus, project.config)


def test_two_schools_plans_for_one_code_coexist() -> None:
    project, corpus, trees = _examples()
    entry = corpus.specialties["510209"]
    assert [p.doc.school for p in entry.plans] == [
        "示例海港职业学院（示例）",
        "示例江城职业技术学院（示例）",
    ]
    assert len({document_key(p.doc) for p in entry.plans}) == 2  # no duplicate identity
    plans = [t for t in trees if t.kind == "plan"]
    pages = [t.page for t in plans]
    assert len(set(pages)) == 2 and all(p.startswith("510209/plans/") for p in pages)
    sources = site_sources(corpus, project.config, trees, {}, SiteInfo("站点"))
    nav = json.dumps(sources.nav, ensure_ascii=False)
    for tree in plans:
        text = sources.pages[tree.page]
        assert "本方案依据[《高等职业教育专科人工智能技术应用专业教学标准》]" in text
        assert tree.cover.title in nav
    jiangcheng = sources.pages[next(p for p in pages if "jiangcheng" in p)]
    assert "对应国家标准课程" in jiangcheng and "人工智能模型部署与运维" in jiangcheng
    assert "| 地方化 |" in jiangcheng and "本校增补" in jiangcheng
    haigang = sources.pages[next(p for p in pages if "haigang" in p)]
    assert "本校增补" not in haigang  # the plan declares no additions: no chapter for them
    overview = sources.pages["510209/index.md"]
    assert overview.count("| 人才培养方案 |") == 2


def test_each_plan_exports_its_own_word_file() -> None:
    project, _, trees = _examples()
    plans = [t for t in trees if t.kind == "plan"]
    outputs = render_trees(plans, project.config)
    names = sorted(o.name for o in outputs)
    assert names == [
        "510209-人才培养方案-示例江城职业技术学院人工智能技术应用专业人才培养方案（2026级）.docx",
        "510209-人才培养方案-示例海港职业学院人工智能技术应用专业人才培养方案（2026级）.docx",
    ]
    for output in outputs:
        document = open_docx(output.data)
        titles = headings(document)
        assert any(t.endswith("课程设置及教学进程安排") for t in titles), titles
        cells = {c.text for table in document.tables for row in table.rows for c in row.cells}
        assert "ZH06" in cells or "ZH08" in cells

"""The published text equals the source (issue 14 §3): every tests/realworld/ document is
rendered as site Markdown and as Word, and compared with its YAML.

- the title is shown as written, never wrapped in a second pair of 书名号;
- clause numbers written in the YAML (实训室 4.1, 4.6) are the numbers printed;
- every list keeps its written order;
- no sentence is inserted: once the YAML's own values and the fixed labels below are taken
  out of a line, nothing but numbering, punctuation and spacing may remain.

`FIXED_LABELS` is the documented set of words the renderers add around the author's values
(chapter titles of the kind's structure, table headers, cover field names, the "not given"
labels); docs/transcribe.md lists the same states.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from builder.checking.pipeline import run_check
from builder.compose import compose_corpus
from builder.compose.doctree import DocTree
from builder.compose.meta import CODE_NOT_GIVEN
from builder.compose.text import join_lines, split_paragraphs
from builder.docx.export import render_trees
from builder.model.sourced import EXCERPT_LABEL, NOT_GIVEN_LABEL, NOT_LISTED_LABEL
from builder.project.loading import open_project
from builder.read.yamlsource import parse
from builder.site.markdown import render_document
from tests.docx_read import open_docx

REALWORLD = Path(__file__).resolve().parent / "realworld"
FOLDERS = sorted(p for p in REALWORLD.iterdir() if (p / "expected.txt").is_file())

FIXED_LABELS = (
    # the "not given" states
    NOT_GIVEN_LABEL,
    NOT_LISTED_LABEL,
    EXCERPT_LABEL,
    CODE_NOT_GIVEN,  # after the name of a specialty whose code the source does not give
    # the 国家职业技能标准 a competency list comes from, and the content × level tick table
    # (builder/compose/levels.py)
    "来源国家职业技能标准",
    "工作任务与职业能力分析",
    "职业概况",
    "标准名称",
    "职业名称",
    "职业编码",
    "职业定义",
    "职业技能等级",
    "培训参考学时",
    "申报条件",
    "来源网址",
    "权重表（%）",
    "权重表",
    "课程内容与水平",
    "由低到高依次为",
    "✓",
    # chapter and clause titles of each kind's structure
    "概述",
    "专业名称（专业代码）",
    "入学基本要求",
    "基本修业年限",
    "职业面向",
    "培养目标",
    "培养规格",
    "课程设置及学时安排",
    "课程设置",
    "学时安排",
    "师资队伍",
    "教学条件",
    "质量保障和毕业要求",
    "适用范围",
    "规范性引用文件",
    "基本要求",
    "校内实训室一览",
    "校内实训室",
    "校外实训基地",
    "实训教学管理与安全",
    "实习目标",
    "时间安排",
    "实习条件",
    "实习单位",
    "实习岗位",
    "指导教师",
    "实习内容与要求",
    "实习成果",
    "考核评价",
    "实习管理与安全",
    "前言",
    "课程基本信息",
    "课程性质与任务",
    "课程目标",
    "课程内容",
    "教学实施与保障",
    "制定人：",
    # chapter titles and facts of a school's plan (builder/compose/schoolplan.py)
    "专业名称及代码",
    "制订依据",
    "学校：",
    "适用年级：",
    "选修",
    "课程设置及教学进程安排",
    # table captions and headers
    "表",
    "项目",
    "内容",
    "所属专业大类（代码）",
    "所属专业类（代码）",
    "对应行业（代码）",
    "主要职业类别（代码）",
    "主要岗位（群）或技术领域",
    "职业类证书",
    "编号",
    "实训室",
    "类别",
    "建设要求",
    "实训类型",
    "实习类型",
    "课程名称",
    "课程代码",
    "课程性质",
    "课程",
    "学时",
    "学分",
    "开设学期",
    "所属专业",
    "适用对象",
    "先修课程",
    "后续课程",
    "考核项目",
    "考核方式与标准",
    "采光",
    "照明",
    # labels before the author's values
    "适用专业：",
    "实训类别：",
    "建设要求：",
    "主要设备：",
    "实训设备数量按每个教学班",
    "名学生配置",
    "注：专业名称和专业代码依据《职业教育专业目录（",
    "年）》",
    "年",
    "第",
    "学期",
    # cover and page furniture (site Markdown and Word)
    "状态",
    "版本",
    "发布日期",
    "编制时间",
    "本文件由",
    "于",
    "以",
    "公布",
    "本文件编制于",
    "月",
    "日",
    "目次",
    "目录",
    "前\u3000\u3000言",
    "目\u3000\u3000录",
    "目\u3000\u3000次",
    "版",
    "发\u2002布",
    "title",
    "发布",
    "实施",
    "发文字号",
    # the site's document facts (builder/site/markdown.py provenance_line)
    "发布单位",
    "提出单位",
    "归口单位",
    "起草单位",
    "主要起草人",
    "编制日期",
    "指导单位",
    "主持单位",
    "抄送",
    "印发",
    "原文网址",
    "本文件原文网址：",
    "专业教学标准",
    "课程标准",
    "职业能力清单",
    "岗位实习标准",
    "顶岗实习标准",
    "实训教学条件建设标准",
    "实训基地建设标准",
)
RESIDUE = re.compile(r"^[\s\d.、，。：:；（）()\-—–/|《》〈〉…一二三四五六七八九十]*$")
"""What may remain: numbering (4.1, 一、, （一）), punctuation and spacing."""


@cache
def _render(folder: Path) -> tuple[dict[str, Any], list[tuple[DocTree, str, list[str]]]]:
    project = open_project(folder / "standards", folder / "zhibiao.yaml")
    corpus = run_check(project, base=folder).corpus
    trees = compose_corpus(corpus, project.config)
    words = render_trees(trees, project.config)
    sources = {
        item.doc.meta.title: parse(item.path.read_text("utf-8")) for item in corpus.documents
    }
    for data in sources.values():  # the project's issuer stands in for a missing one
        data["config_issuer"] = project.config.issuer
    rendered = []
    for tree, output in zip(trees, words, strict=True):
        document = open_docx(output.data)
        lines = [p.text for p in document.paragraphs]
        lines += [c.text for t in document.tables for row in t.rows for c in row.cells]
        lines = [line.replace("\n", "") for line in lines]  # titles broken over two lines
        rendered.append((tree, render_document(tree), lines))
    return sources, rendered


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        yield from split_paragraphs(value)
        yield join_lines(value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield f"{value:g}"
    elif isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)


def _lists(value: object) -> Iterator[list[str]]:
    """Every list of the YAML as the texts that identify its items, in written order."""
    if isinstance(value, dict):
        for child in value.values():
            yield from _lists(child)
    elif isinstance(value, list):
        names = [
            item if isinstance(item, str) else str(item.get("name", ""))
            for item in value
            if isinstance(item, (str, dict))
        ]
        if len([n for n in names if n]) > 1:
            yield [n for n in names if n]
        for child in value:
            yield from _lists(child)


def _markdown_lines(markdown: str) -> list[str]:
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    lines = []
    for line in body.splitlines():
        line = re.sub(r"\{[:#][^}]*\}", "", line)  # attribute lists and anchors
        line = re.sub(r"<[^>]+>", "", line)  # inline HTML tags (the source URL's link)
        line = html.unescape(line.replace("**", "").lstrip("#").strip())  # &#58; in URLs
        if line and set(line) - set("-| "):
            lines.append(line)
    return lines


def _residue(line: str, values: list[str]) -> str:
    """The line without the YAML's values and the fixed labels, longest first (inner book
    marks 〈〉 are the nested form of 《》)."""
    line = line.replace("〈", "《").replace("〉", "》")
    for value in sorted({*values, *FIXED_LABELS}, key=len, reverse=True):
        if value:
            line = line.replace(value, " ")
    return line


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_nothing_is_inserted(folder: Path) -> None:
    sources, rendered = _render(folder)
    for tree, markdown, word in rendered:
        data = sources[tree.cover.title]
        values = sorted(set(_strings(data)), key=len, reverse=True)
        for where, lines in (("site", _markdown_lines(markdown)), ("docx", word)):
            for line in lines:
                left = _residue(line, values)
                assert RESIDUE.match(left), f"{folder.name} {where}: {line!r} → {left!r}"


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_titles_numbers_and_order_are_kept(folder: Path) -> None:
    sources, rendered = _render(folder)
    for tree, markdown, word in rendered:
        data = sources[tree.cover.title]
        title = data["meta"]["title"]
        text = re.sub(r"[ \t\u3000]+", " ", "\n".join(word))
        for output in (markdown, text):
            assert title in output and f"《{title}》" not in output
            for items in _lists(data):
                start = 0
                for item in items:
                    if item not in output:
                        continue  # an item of a table that renders it split (checked above)
                    found = output.find(item, start)
                    assert found >= 0, f"{folder.name}: {item} out of the order {items}"
                    start = found + len(item)
        for room in data.get("rooms", []) if isinstance(data.get("rooms"), list) else []:
            if re.fullmatch(r"\d+\.\d+", room["code"]):
                heading = f"{room['code']} {room['name']}"
                assert heading in markdown and heading in text, heading


def test_a_nested_title_is_not_wrapped_twice() -> None:
    from builder.compose.text import book_title

    assert book_title("《计算机网络技术基础》") == "《计算机网络技术基础》"
    assert book_title("关于公布第二批《职业学校专业顶岗实习标准》的通知") == (
        "《关于公布第二批〈职业学校专业顶岗实习标准〉的通知》"
    )
    assert book_title("《网络》与《安全》") == "《〈网络〉与〈安全〉》"

"""Which values of the model the editable Word copy (填写稿) lets the drafter change.

The audit reads every working copy the examples and the kitchen-sink corpus render to,
takes every value their YAML holds, and finds the values the document shows (their text
is in it) that no content control carries (no tag is their path or a list holding them).
Such a value is shown but cannot come back through `zhibiao import docx`.

The result must be the two documented lists below, no more and no less: `DERIVED` are
values the document prints only inside text it makes from them (so there is no run of
their own to edit), `NOT_YET` are the known gaps, listed in docs/drafting.md as 暂不能修改.
A new gap (a composer that prints a value without a `doctree.Field`) fails the test; so does
a gap that was closed and is still listed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest

from builder.compose import compose_corpus
from builder.docx.editable import Identity, render_editable
from builder.docx.marks import ROW_SUFFIX
from builder.docx.profiles import profile_named
from builder.drafting.wordread import WordFile, read_bytes
from builder.model.dates import chinese
from builder.opendata.loading import load_standards
from builder.project.loading import open_project
from builder.read.config import ProjectConfig
from builder.view.anchors import doc_id
from tests.conftest import REPO
from tests.kitchen_sink import full_corpus

DERIVED: dict[str, str] = {
    "*:kind": "文件类型：只决定版式和标题中的「专业教学标准」等字样",
    "*:specialty": "专业代码：印在由它生成的句子里（适用于……专业（510209））",
    "*:specialty_name": "专业名称：同上，印在适用范围的句子里",
    "*:meta.status": "「发布」「修订中」不印在封面上；「发布」二字是封面日期行的固定文字",
    "specialty:catalog": "专业目录版本：只用于生成说明句",
    "specialty:level": "层次：只用于生成标题和说明句",
    "plan:level": "层次：同上",
    "specialty:totals.hours": "总学时：印在由计算值和声明值生成的说明句中",
    "specialty:totals.credits": "总学分：同上",
    "plan:totals.hours": "总学时：同上",
    "plan:totals.credits": "总学分：同上",
}
"""Values printed only inside generated text."""

NOT_YET: dict[str, str] = {
    "*:meta.published_by.*": "公布通知：印成一句话（含中文日期）",
    "specialty:continuation[].*": "接续专业举例",
    "specialty:specs[].type": "培养规格的类型（分组标题）",
    "specialty:specs[].competencies[]": "培养规格对应的职业能力编码",
    "competencies:domains[].tasks[].competencies[].builds_on[].*": "能力的前后衔接",
    "course:prerequisites[]": "先修课程",
    "course:followups[]": "后续课程",
    "course:objectives[].type": "课程目标的类型（分组标题）",
    "course:signoff.*": "编写、审核、批准人",
    "course:applies_to.*": "共用课程标准的适用范围（层次、专业代码、说明）",
    "course:modules[].items[].competencies[].*": "学习内容对应的职业能力",
    "internship:tasks[].competencies[].*": "实习任务对应的职业能力",
    "training_base:rooms[].competencies[].*": "实训室对应的职业能力",
    "training_base:rooms[].courses[]": "实训室对应的课程",
    "training_base:class_size": "班额",
    "training_base:external[].name": "校外实训基地",
    "plan:*": "学校人才培养方案：填写稿暂未标出任何内容",
    "*:meta.copy_to[]": "公文版记的抄送机关",
    "*:meta.printed_by": "公文版记的印发机关",
    "course:meta.issuer": "公文格式文末的署名",
    "specialty:meta.replaced_by": "被代替提示中的新文件编号",
    "competencies:occupation.*": "国家职业技能标准部分",
    "competencies:levels": "学习水平说明",
    "course:levels": "学习水平说明",
    "course:level_table.*": "分级要求表",
    "competencies:domains[].scope": "领域的适用范围标注",
    "competencies:domains[].tasks[].competencies[].scope": "能力的适用范围标注",
    "specialty:courses[].content": "核心课程的主要教学内容",
    "specialty:courses[].domain": "核心课程对应的工作领域",
    "specialty:courses[].tasks": "核心课程对应的典型工作任务",
    "internship:schedule[].course": "时间安排的对应课程",
    "training_base:site_requirements[].title": "实训场所要求的标题",
    "course:meta.issued_on": "公文格式文末的成文日期（中文日期）",
    "course:meta.printed_on": "公文版记的印发日期",
}
"""Values shown but not editable yet (docs/drafting.md, 暂不能修改)."""


DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


def leaves(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) of every scalar in `data`, paths as the content controls write them."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, f"{path}[{index}]")
    elif data is not None and not isinstance(data, bool):
        yield path, data


def shown(value: Any, word: WordFile) -> bool:
    """The value's text is in the document: a text (its first paragraph) anywhere, a date also
    in its Chinese form, a number as a number of its own, a one-character value as a whole
    run or paragraph."""
    texts = {p.text.strip() for p in word.paragraphs}
    texts |= {t.strip() for p in word.paragraphs for t, _ in p.segments}
    whole = "\n".join(p.text for p in word.paragraphs)
    text = str(value).strip().split("\n\n")[0].strip()
    if isinstance(value, str) and DATE.fullmatch(text) and chinese(text) in whole:
        return True  # a date printed as 2026年3月18日
    if isinstance(value, int | float):
        if len(text) < 2:
            return text in texts
        return re.search(rf"(?<![\d.]){re.escape(text)}(?![\d.])", whole) is not None
    return text in texts if len(text) < 2 else text in whole


def gaps(word: WordFile, data: dict[str, Any]) -> set[str]:
    """The paths (list indexes as []) of the values shown but carried by no control."""
    tags = {t.removesuffix(ROW_SUFFIX) for p in word.paragraphs for t in p.tags}
    found: set[str] = set()
    for path, value in leaves(data):
        if any(path == t or path.startswith((t + "[", t + ".")) for t in tags):
            continue
        if shown(value, word):
            found.add(re.sub(r"\[\d+\]", "[]", path))
    return found


def listed(kind: str, path: str) -> str | None:
    """The `DERIVED` or `NOT_YET` key that covers `path` of a document of `kind`."""
    for key in (*DERIVED, *NOT_YET):
        scope, _, pattern = key.partition(":")
        if scope not in ("*", kind):
            continue
        if path == pattern or (pattern.endswith("*") and path.startswith(pattern[:-1])):
            return key
    return None


def _copies(corpus: Any, config: ProjectConfig) -> Iterator[tuple[str, str, WordFile, Any]]:
    items = {doc_id(item): item for item in corpus.documents}
    for tree in compose_corpus(corpus, config):
        item = items[tree.doc_id]
        profile = profile_named(config.docx.profiles.get(tree.kind, "gbt1.1"))  # type: ignore[call-overload]
        data = render_editable(tree, profile, Identity("standards/x.yaml", "0" * 64))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            word = read_bytes(archive.read("word/document.xml"), None)
        dumped = item.doc.model_dump(mode="json", exclude_unset=True)
        yield tree.doc_id, tree.kind, word, dumped


@pytest.fixture(scope="module")
def audit() -> dict[str, dict[str, set[str]]]:
    """kind → gap path → the documents showing it."""
    examples = open_project(REPO / "standards", REPO / "zhibiao.yaml")
    corpora = [(load_standards(examples, REPO), examples.config), (full_corpus(), ProjectConfig())]
    out: dict[str, dict[str, set[str]]] = {}
    for corpus, config in corpora:
        for name, kind, word, data in _copies(corpus, config):
            for path in gaps(word, data):
                out.setdefault(kind, {}).setdefault(path, set()).add(name)
    return out


def test_every_shown_value_is_editable_or_listed(audit: dict[str, dict[str, set[str]]]) -> None:
    unlisted = {
        f"{kind}:{path}": sorted(docs)[:3]
        for kind, found in audit.items()
        for path, docs in found.items()
        if listed(kind, path) is None
    }
    assert unlisted == {}


def test_no_listed_gap_is_stale(audit: dict[str, dict[str, set[str]]]) -> None:
    used = {listed(kind, path) for kind, found in audit.items() for path in found}
    assert sorted(set(NOT_YET) - used) == []


def test_the_audit_sees_a_value_that_is_not_marked() -> None:
    """The audit itself: a shown value without a control is found, a tagged one is not."""
    word = read_bytes(
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>\xe6\x80\xbb\xe5\xad\xa6\xe6\x97\xb6 2700</w:t></w:r></w:p>"
        b'<w:p><w:sdt><w:sdtPr><w:tag w:val="meta.title"/></w:sdtPr><w:sdtContent><w:r>'
        b"<w:t>\xe6\xa0\x87\xe9\xa2\x98</w:t></w:r></w:sdtContent></w:sdt></w:p></w:body></w:document>",
        None,
    )
    data = {"meta": {"title": "标题"}, "totals": {"hours": 2700, "credits": 150}}
    assert gaps(word, data) == {"totals.hours"}

"""`zhibiao import docx FILE --new OUT.yaml`: a published 专业教学标准 brought in as YAML.

The file is one Zhibiao did not write (no bookmarks, no content controls): a standard in the
national 2025 layout as an office typed it. Its chapters are found by numbering and wording
(`national_sections`), each element is read from its chapter (`national_fields`,
`national_career`, `national_courses`), and the result is written as a new specialty YAML
only when it is a valid standard and every required value was found: atomically, inside
the project, never through a symbolic link, never over an existing file without `force`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from builder.base.atomic import write_text
from builder.base.diagnostics import Diagnostic
from builder.drafting import national_rules as rules
from builder.drafting.changes import Problem, any_error, located
from builder.drafting.national_career import read_career
from builder.drafting.national_fields import (
    read_duration,
    read_front,
    read_name,
    read_plan,
    read_specs,
    read_text,
)
from builder.drafting.national_found import Found
from builder.drafting.national_quality import read_quality
from builder.drafting.national_sections import split_chapters
from builder.drafting.national_word import read_blocks
from builder.drafting.values import render_path
from builder.model.meta import Meta
from builder.model.specialty import Specialty
from builder.project import Project, UsageError
from builder.project.paths import confined
from builder.read.corpus import validate
from builder.read.yamlparse import is_plain_text

ORDER: tuple[str, ...] = (
    "kind", "meta", "code", "name", "level", "catalog", "overview", "admission", "duration",
    "career", "objectives", "specs", "courses", "totals", "hours_plan", "teachers", "conditions", "quality",
    "graduation", "continuation",
)  # fmt: skip
REQUIRED: tuple[tuple[str, str], ...] = (
    ("meta.title", "文件名称（标题中的「……专业教学标准」）"),
    ("meta.version", "版本（封面的「（2025年版）」，或用 --version 给出）"),
    ("meta.status", "状态（「发布」或「（送审稿）」等，或用 --status 给出）"),
    ("code", "专业代码（「专业名称（专业代码）」一章）"),
    ("name", "专业名称"),
    ("level", "层次（标题或概述中的「中等职业教育」「高等职业教育专科」「高等职业教育本科」）"),
    ("duration", "基本修业年限"),
    ("career.major_category", "所属专业大类（代码）"),
    ("career.major_class", "所属专业类（代码）"),
)


@dataclass(slots=True)
class NationalResult:
    """What the import found, the YAML text when it is valid, whether it was written."""

    docx: Path
    output: Path
    found: Found = field(default_factory=Found)
    text: str | None = None
    document_text: str = ""
    written: bool = False

    def failed(self) -> bool:
        return any_error(self.found.problems)

    def diagnostics(self, shown: str) -> list[Diagnostic]:
        """The problems as diagnostics whose file is ``FILE:表3:行5:列2`` (or ``FILE:段12``)."""
        return located(self.found.problems, shown)


def import_national(
    path: Path,
    output: Path,
    project: Project,
    *,
    write: bool = True,
    force: bool = False,
    given: dict[str, str] | None = None,
) -> NationalResult:
    """Read `path` and, unless `write` is false or there are errors, write `output`."""
    target = confined(output.absolute(), project.root, "输出文件")  # relative to the cwd
    if target.is_dir():
        raise UsageError(
            f"输出路径是目录：{output.as_posix()}", hint="--new 后写要生成的 YAML 文件。"
        )
    if target.exists() and not force:
        raise UsageError(
            f"文件已存在：{output.as_posix()}",
            hint="导入已发布的标准只生成新文件；确认要覆盖时加 --force。",
        )
    blocks, document_text = read_blocks(path)
    result = NationalResult(path, target, document_text=document_text)
    found = result.found
    read_all(blocks, found, given or {})
    _required(found)
    if result.failed():
        return result
    result.text = render(found.data, target, project.root, path.name, found.notes)
    _validate(result)
    if write and result.text is not None and not result.failed():
        write_text(target, result.text)
        result.written = True
    return result


def read_all(blocks: list[Any], found: Found, given: dict[str, str]) -> None:
    """Every element of the model, read from the blocks into `found` in the model's order."""
    layout = split_chapters(blocks)
    found.data["kind"] = "specialty"
    read_front(layout, found)
    meta = found.data["meta"]
    for key, title in (("version", "版本"), ("status", "状态")):
        if key not in meta and given.get(key):
            meta[key] = given[key]
            found.assigned[f"meta.{key}"] = given[key]
            found.read(f"meta.{key}", title, "", f"原文未给出，取自 --{key}")
        elif key not in meta:
            found.missing(f"meta.{key}", title)
    read_text(layout, "overview", found)
    read_name(layout, found)
    read_text(layout, "admission", found)
    read_duration(layout, found)
    read_career(layout.chapters["career"].blocks if "career" in layout.chapters else None, found)
    read_text(layout, "objectives", found)
    read_specs(layout, found)
    read_plan(layout, found)
    for key in ("teachers", "conditions"):
        read_text(layout, key, found)
    read_quality(layout, found)
    for paragraph in layout.repeated:
        found.problem(
            rules.IGNORED,
            f"「{paragraph.text[:20]}」是前面已有一章的标题（如目录中的一行），其后内容并入该章",
            paragraph.where,
        )
    _no_place(found)
    found.data = {key: found.data[key] for key in ORDER if key in found.data}


READ_META = frozenset(
    [
        "title",
        "version",
        "status",
        "issuer",
        "issued_on",
        "proposed_by",
        "administered_by",
        "drafting_units",
        "drafters",
    ]
)
NO_PLACE: tuple[tuple[str, str, str], ...] = (
    (
        "specs[].competencies",
        "培养规格对应的职业能力编码",
        "国家版式不列出，请在 YAML 中按职业能力清单补写",
    ),
    ("courses[].standard", "课程标准文件", "职标项目中的文件路径，原文没有"),
    ("competencies", "职业能力清单文件", "职标项目中的文件路径，原文没有"),
)


def _no_place(found: Found) -> None:
    """Report the model's fields the national layout has no place for (never read)."""
    for path, title, detail in NO_PLACE:
        found.no_place(path, title, detail)
    for name, info in Meta.model_fields.items():
        if name not in READ_META:
            found.no_place(f"meta.{name}", info.title or name, "国家版式中没有固定位置，未读取")


def _required(found: Found) -> None:
    for path, title in REQUIRED:
        value: Any = found.data
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            found.problem(
                rules.REQUIRED,
                f"原文中没有找到{title}，它是必填项，不能写为 原文未给出；未写入任何文件",
                "",
                hint="核对原文；版本和状态可用 --version、--status 给出。",
            )


def _validate(result: NationalResult) -> None:
    assert result.text is not None
    data = yaml.safe_load(result.text)
    doc, problems = validate(data, result.output.name)
    if doc is None or not isinstance(doc, Specialty):
        for diagnostic in problems:
            path = render_path(diagnostic.data_path) if diagnostic.data_path else ""
            message = f"{path}：{diagnostic.message}" if path else diagnostic.message
            result.found.problem(rules.INVALID, message, "", hint=diagnostic.hint)
        result.text = None


class _Dumper(yaml.SafeDumper):
    """Block style with indented lists, as the hand-written standards are."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value.rstrip("\n") and not any(c in value for c in "\r\x85\u2028\u2029\t"):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    style = None if is_plain_text(value) and "\n" not in value else '"'
    if style is None and not is_plain_text(value):
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


_BREAKS = re.compile("[\r\n\x85\u2028\u2029]+")


def _commented(body: str, notes: dict[str, list[str]]) -> str:
    """`body` with each note's lines as comments under its top-level key."""
    lines = body.split("\n")
    for key, note in notes.items():
        at = next((n for n, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if at is not None:
            lines[at + 1 : at + 1] = [f"# {_BREAKS.sub(' ', line)}" for line in note]
    return "\n".join(lines)


def render(
    data: dict[str, Any],
    output: Path,
    root: Path,
    source: str,
    notes: dict[str, list[str]] | None = None,
) -> str:
    """The YAML text: modeline, a provenance comment, then the document."""
    schema = root.resolve() / "schemas" / "specialty.schema.json"
    relative = Path(os.path.relpath(schema, output.resolve().parent)).as_posix()
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )
    body = _commented(body, notes or {})
    note = _BREAKS.sub(" ", source)
    return (
        f"# yaml-language-server: $schema={relative}\n"
        f"# 由 {note} 导入（zhibiao import docx --new）：原文没有的内容写为 原文未给出，"
        "自拟的编码见导入报告。\n"
        f"{body}"
    )


__all__ = ["NationalResult", "Problem", "import_national", "read_all", "render"]

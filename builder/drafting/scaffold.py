"""`zhibiao new KIND`: scaffold a standard document that loads and checks cleanly.

Every text an author still has to write is the placeholder 待补充 (reported by ZB605).
Numbers are the smallest valid ones unless they can be taken from the project:

- a course listed in the specialty's course plan copies the plan row (name, nature,
  hours, credits, semesters — those the row states) and is written to the plan row's
  `standard` path, so ZB206/ZB203 stay quiet; one module carries all the hours (ZB408);
  numbers nobody has stated yet are left out (they are optional in the model);
- a competency list contains exactly the codes that courses, internship tasks, rooms
  and 培养规格 already reference, at the highest level they reach (no ZB201/ZB302);
- internship tasks and rooms reference an existing competency at its required level;
  the internship lasts the middle of the configured range (ZB407).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from builder.base.diagnostics import Diagnostics
from builder.check.lifecycle import PLACEHOLDER
from builder.project import Project, UsageError
from builder.read.catalog import level_of, load_catalog
from builder.read.corpus import Corpus, SpecialtySet, load_corpus
from builder.view import specialty_view
from builder.yamlfmt import format_text, make_yaml

P = PLACEHOLDER
KINDS = {
    "specialty": "specialty",
    "competencies": "competencies",
    "course": "course",
    "internship": "internship",
    "training-base": "training_base",
}
"""Command-line kind → document kind."""
LEVEL_TITLES = {"中职": "中等职业学校", "高职专科": "高等职业教育专科", "职业本科": "职业教育本科"}
YEARS = {"中职": 3, "高职专科": 3, "职业本科": 4}
SPECIALTY_CODE = re.compile(r"^\d{6}$")


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked for (already prompted for)."""

    kind: str
    specialty: str
    code: str | None = None
    name: str | None = None
    level: str | None = None
    ask: Callable[[str], str] | None = None
    """Prompt for a value the project cannot supply (None: fail instead)."""


@dataclass(frozen=True, slots=True)
class Scaffold:
    """A document to write: where, its data, and the comment under the schema line."""

    path: Path
    kind: str
    data: dict[str, Any]
    comment: str


def _year() -> str:
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    if stamp and stamp.isdigit():
        return str(dt.datetime.fromtimestamp(int(stamp), tz=dt.UTC).year)
    return str(dt.date.today().year)


def _meta(title: str, version: str) -> dict[str, Any]:
    return {"title": title, "version": DoubleQuotedScalarString(version), "status": "草案"}


def build(project: Project, request: Request) -> Scaffold:
    """Work out the scaffold for `request` from the project's current standards."""
    corpus = load_corpus(project.standards, project.root, Diagnostics())
    if request.kind == "specialty":
        return _specialty(project, corpus, request)
    entry = corpus.specialties.get(request.specialty)
    if entry is None or entry.specialty is None:
        raise UsageError(
            f"标准目录中没有专业 {request.specialty} 的专业教学标准",
            hint=f"先运行 zhibiao new specialty --code {request.specialty} --name 专业名称",
        )
    builders = {
        "competencies": _competencies,
        "course": _course,
        "internship": _internship,
        "training_base": _training_base,
    }
    return builders[request.kind](project, entry, request)


def _specialty(project: Project, corpus: Corpus, request: Request) -> Scaffold:
    code, name = request.specialty, request.name or ""
    if not SPECIALTY_CODE.match(code):
        raise UsageError(f"专业代码「{code}」应为 6 位数字，如 510209")
    _file_name_part(name, "专业名称")
    if code in corpus.specialties and corpus.specialties[code].specialty is not None:
        existing = corpus.specialties[code].specialty
        assert existing is not None
        raise UsageError(f"专业 {code} 已有专业教学标准：{existing.rel}")
    level = request.level or level_of(code)
    if level not in LEVEL_TITLES:
        raise UsageError(
            f"无法由专业代码 {code} 判断层次", hint="用 --level 给出：中职、高职专科或职业本科"
        )
    catalog = load_catalog(project.config)
    category, klass = catalog.categories.get(code[:2]), catalog.classes.get(code[:4])
    data = {
        "kind": "specialty",
        "meta": _meta(f"{LEVEL_TITLES[level]}{name}专业教学标准", _year()),
        "code": code,
        "name": name,
        "level": level,
        "catalog": DoubleQuotedScalarString(project.config.catalogs.specialty),
        "overview": P,
        "admission": P,
        "duration": {"years": YEARS[level]},
        "career": {
            "major_category": {"code": code[:2], "name": category.name if category else P},
            "major_class": {"code": code[:4], "name": klass.name if klass else P},
            "industries": [{"code": P, "name": P}],
            "occupations": [{"code": P, "name": P}],
            "posts": [P],
        },
        "objectives": P,
        "specs": [{"code": "A1", "type": "能力", "text": P}],
        "courses": [{"code": P, "name": P, "nature": "专业核心"}],
        "teachers": P,
        "conditions": P,
        "quality": P,
    }
    path = project.standards / f"{code}-{name}" / "specialty.yaml"
    return Scaffold(path, "specialty", data, f"{name}专业教学标准（zhibiao new 生成）")


def _prefix(entry: SpecialtySet) -> tuple[str, str]:
    assert entry.specialty is not None
    spec = entry.specialty.doc
    return f"{LEVEL_TITLES.get(spec.level, '')}{spec.name}专业", spec.meta.version


def _folder(entry: SpecialtySet) -> Path:
    assert entry.specialty is not None
    return entry.specialty.path.parent


def _competencies(project: Project, entry: SpecialtySet, request: Request) -> Scaffold:
    levels = project.config.learning_levels
    index = specialty_view(entry)
    wanted: dict[str, str] = {}
    for use in index.uses:
        best = wanted.get(use.ref.ref)
        rank = project.config.level_rank(use.ref.level)
        if rank is not None and (best is None or rank > (project.config.level_rank(best) or -1)):
            wanted[use.ref.ref] = use.ref.level
    assert entry.specialty is not None
    for spec in entry.specialty.doc.specs:
        for code in spec.competencies:
            wanted.setdefault(code, levels[0])
    if not wanted:
        wanted = {"1-1-1": levels[0]}
    domains: dict[str, dict[str, Any]] = {}
    for code in sorted(wanted, key=_code_key):
        parts = code.split("-")
        domain_code = parts[0]
        task_code = "-".join(parts[:2]) if len(parts) > 2 else f"{domain_code}-1"
        domain = domains.setdefault(domain_code, {"code": domain_code, "name": P, "tasks": []})
        task = next((t for t in domain["tasks"] if t["code"] == task_code), None)
        if task is None:
            task = {"code": task_code, "name": P, "competencies": []}
            domain["tasks"].append(task)
        task["competencies"].append(
            {"code": code, "text": P, "type": "能力", "level": wanted[code]}
        )
    prefix, version = _prefix(entry)
    data = {
        "kind": "competencies",
        "meta": _meta(f"{prefix}职业能力清单", version),
        "specialty": entry.code,
        "domains": list(domains.values()),
    }
    return Scaffold(
        _folder(entry) / "competencies.yaml",
        "competencies",
        data,
        "工作领域 → 工作任务 → 职业能力（zhibiao new 生成，编码取自现有引用）",
    )


def _code_key(code: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in code.split("-"))


def _file_name_part(value: str, label: str) -> None:
    """Refuse a value that is part of the new file's path but would leave its folder."""
    if "/" in value or "\\" in value or value.startswith(".") or not value.isprintable():
        raise UsageError(
            f"{label}「{value}」不能用作文件名",
            hint="不能含有 / 或 \\、不可见字符，也不能以“.”开头。",
        )


def _course(project: Project, entry: SpecialtySet, request: Request) -> Scaffold:
    assert entry.specialty is not None and request.code is not None
    code = request.code
    _file_name_part(code, "课程代码")
    plan = {c.code: c for c in entry.specialty.doc.courses}
    row = plan.get(code)
    if row is not None:
        if request.name and request.name != row.name:
            raise UsageError(
                f"课程设置中 {code} 的名称是「{row.name}」，与 --name「{request.name}」不一致",
                hint="省略 --name 即沿用课程设置中的名称。",
            )
        credits = row.credits
        numbers: dict[str, Any] = {
            "name": row.name,
            "nature": row.nature,
            "hours": row.hours,
            "theory_hours": row.theory_hours,
            "practice_hours": row.practice_hours,
            "credits": int(credits) if credits is not None and credits.is_integer() else credits,
            "semesters": list(row.semesters) or None,
        }
        numbers = {k: v for k, v in numbers.items() if v is not None}
        target = (
            entry.specialty.path.parent / row.standard
            if row.standard
            else _folder(entry) / "courses" / f"{code.lower()}.yaml"
        )
    else:
        name = request.name or (request.ask("课程名称") if request.ask else None)
        if not name:
            raise UsageError(
                f"专业 {entry.code} 的课程设置中没有课程 {code}，须用 --name 给出课程名称"
            )
        numbers = {"name": name, "nature": "专业核心"}
        target = _folder(entry) / "courses" / f"{code.lower()}.yaml"
    _, version = _prefix(entry)
    data = {
        "kind": "course",
        "meta": _meta(f"《{numbers['name']}》课程标准", version),
        "specialty": entry.code,
        "code": code,
        **numbers,
        "description": P,
        "objectives": [{"type": t, "text": P} for t in ("素质", "知识", "能力")],
        "modules": [
            {
                "code": "M1",
                "name": P,
                **({"hours": numbers["hours"]} if "hours" in numbers else {}),
                "items": [{"code": "M1-1", "name": P, "requirements": P}],
            }
        ],
        "implementation": {"design": P, "resources": P, "teachers": P, "facilities": P},
        "assessment": [
            {"name": "过程性考核", "weight": 50, "method": P},
            {"name": "终结性考核", "weight": 50, "method": P},
        ],
    }
    return Scaffold(target, "course", data, f"{numbers['name']} 课程标准（zhibiao new 生成）")


def _reference(project: Project, entry: SpecialtySet) -> dict[str, str]:
    """A competency reference that resolves: the first competency of the list, if any."""
    for listing in entry.competencies:
        for domain in listing.doc.domains:
            for task in domain.tasks:
                for competency in task.competencies:
                    return {"ref": competency.code, "level": competency.level}
    return {"ref": P, "level": project.config.learning_levels[0]}


def _internship(project: Project, entry: SpecialtySet, request: Request) -> Scaffold:
    assert entry.specialty is not None
    rules = project.config.numeric_rules.levels.get(entry.specialty.doc.level)
    months = 6.0
    if rules is not None and rules.internship_months is not None:
        low, high = rules.internship_months.min, rules.internship_months.max
        months = (low + high) / 2 if low is not None and high is not None else (low or high or 6)
    semesters = YEARS.get(entry.specialty.doc.level, 3) * 2
    prefix, version = _prefix(entry)
    data = {
        "kind": "internship",
        "meta": _meta(f"{prefix}岗位实习标准", version),
        "specialty": entry.code,
        "scope": P,
        "objectives": [P],
        "schedule": [
            {
                "type": "岗位实习",
                "semesters": [semesters],
                "months": int(months) if months.is_integer() else months,
            }
        ],
        "conditions": {"enterprises": P, "posts": [P], "supervisors": P},
        "tasks": [
            {
                "code": "T1",
                "name": P,
                "content": P,
                "competencies": [_reference(project, entry)],
            }
        ],
        "outcomes": [P],
        "assessment": [
            {"name": "企业评价", "weight": 50, "method": P},
            {"name": "学校评价", "weight": 50, "method": P},
        ],
        "management": P,
    }
    return Scaffold(
        _folder(entry) / "internship.yaml", "internship", data, "岗位实习标准（zhibiao new 生成）"
    )


def _training_base(project: Project, entry: SpecialtySet, request: Request) -> Scaffold:
    assert entry.specialty is not None
    course = entry.specialty.doc.courses[0].code
    prefix, version = _prefix(entry)
    data = {
        "kind": "training_base",
        "meta": _meta(f"{prefix}实训教学条件建设标准", version),
        "specialty": entry.code,
        "scope": P,
        "class_size": 40,
        "rooms": [
            {
                "code": "R1",
                "name": P,
                "functions": P,
                "area": 1,
                "stations": 1,
                "courses": [course],
                "competencies": [_reference(project, entry)],
                "equipment": [{"name": P, "spec": P, "unit": "台", "quantity": 1}],
            }
        ],
        "management": P,
    }
    return Scaffold(
        _folder(entry) / "training-base.yaml",
        "training_base",
        data,
        "实训基地建设标准（zhibiao new 生成；面积、工位数和设备数量须按实际填写）",
    )


def render(scaffold: Scaffold, project: Project) -> str:
    """The scaffold as YAML text: schema line, comment, data in `zhibiao fmt` style."""
    schema = project.root.resolve() / "schemas" / f"{scaffold.kind}.schema.json"
    rel = Path(os.path.relpath(schema, scaffold.path.resolve().parent)).as_posix()
    buffer = io.StringIO()
    make_yaml().dump(scaffold.data, buffer)
    text = f"# yaml-language-server: $schema={rel}\n# {scaffold.comment}\n{buffer.getvalue()}"
    formatted = format_text(text, scaffold.path.as_posix())
    if formatted.text is None:  # pragma: no cover - the data above is always valid YAML
        raise UsageError(f"内部错误：骨架无法格式化：{formatted.diagnostics}")
    return formatted.text

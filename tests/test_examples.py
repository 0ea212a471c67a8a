"""The bundled example corpus (`standards/`) is clean, complete and valid against the schemas.

The examples are what colleges and reviewers read first, so they must pass every check with
no diagnostics at all, keep their size (a real competency list, real course standards), and
prove that the committed JSON Schemas accept real data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from builder.base.diagnostics import Diagnostics
from builder.read.corpus import Corpus, load_corpus
from builder.read.yamlsource import decode, parse
from tests.conftest import REPO, run_cli

STANDARDS = REPO / "standards"
SCHEMAS = REPO / "schemas"
AI = "510209"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?P<path>\S+)$")
EXAMPLE_FILES = sorted(p for p in STANDARDS.rglob("*.yaml") if p.is_file())


def _load() -> Corpus:
    sink = Diagnostics()
    corpus = load_corpus(STANDARDS, REPO, sink)
    assert not sink.items, [d.message for d in sink.items]
    return corpus


def _rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def test_example_project_checks_clean() -> None:
    result = run_cli(["check", "standards", "--format", "json"], REPO)
    assert "Traceback" not in result.stderr, result.stderr
    assert json.loads(result.stdout) == [], result.stdout
    assert result.exit_code == 0


def test_example_project_checks_clean_in_strict_text_mode() -> None:
    result = run_cli(["check", "standards", "--strict", "--format", "text"], REPO)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip().endswith("没有发现问题"), result.stdout


def test_example_corpus_size_and_levels() -> None:
    corpus = _load()
    ai = corpus.specialties[AI]
    assert ai.specialty is not None and ai.competencies and ai.internships and ai.training_bases
    codes = [
        c.code for d in ai.competencies[0].doc.domains for t in d.tasks for c in t.competencies
    ]
    assert len(codes) >= 36
    assert len(ai.competencies[0].doc.domains) >= 5
    assert len(ai.courses) >= 10
    levels = {s.specialty.doc.level for s in corpus.specialties.values() if s.specialty}
    assert {"高职专科", "中职"} <= levels
    published = [d for d in corpus.documents if d.doc.meta.status == "发布"]
    assert published and all(d.doc.meta.doc_no and d.doc.meta.issuer for d in published)


def test_every_core_course_of_510209_has_a_linked_standard() -> None:
    ai = _load().specialties[AI]
    assert ai.specialty is not None
    plan = ai.specialty.doc.courses
    core = [c for c in plan if c.nature == "专业核心"]
    assert 6 <= len(core) <= 8
    with_standard = {c.doc.code for c in ai.courses}
    for course in core:
        assert course.standard, f"{course.code} 没有链接课程标准"
        assert course.code in with_standard
    linked = {c.code for c in plan if c.standard}
    assert linked == with_standard


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[_rel(p) for p in EXAMPLE_FILES])
def test_file_starts_with_schema_modeline(path: Path) -> None:
    first = path.read_text("utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"{_rel(path)} 第一行不是 schema 声明：{first!r}"
    target = (path.parent / match["path"]).resolve()
    assert target.is_file(), f"{_rel(path)} 的 schema 路径不存在：{match['path']}"
    assert target.parent == SCHEMAS.resolve()
    kind = parse(decode(path.read_bytes()))["kind"]
    assert target.name == f"{kind}.schema.json"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[_rel(p) for p in EXAMPLE_FILES])
def test_file_validates_against_committed_schema(path: Path) -> None:
    data = parse(decode(path.read_bytes()))
    schema = json.loads((SCHEMAS / f"{data['kind']}.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_project_config_validates_against_committed_schema() -> None:
    data = parse(decode((REPO / "zhibiao.yaml").read_bytes()))
    schema = json.loads((SCHEMAS / "zhibiao.schema.json").read_text("utf-8"))
    assert not list(Draft202012Validator(schema).iter_errors(data))


def test_broken_competency_reference_is_located(example_project: Path) -> None:
    rel = "standards/510209-人工智能技术应用/courses/zh07.yaml"
    path = example_project / rel
    lines = path.read_text("utf-8").splitlines(keepends=True)
    line_no = next(i for i, line in enumerate(lines) if 'ref: "5-3-2"' in line)
    lines[line_no] = lines[line_no].replace('"5-3-2"', '"5-32"')
    path.write_text("".join(lines), "utf-8")
    column = lines[line_no].index('"5-32"') + 1

    result = run_cli(["check", "standards"], example_project)

    assert result.exit_code == 1, result.stdout + result.stderr
    out = result.stdout.splitlines()
    head = f"{rel}:{line_no + 1}:{column}: error[ZB201] "
    found = [i for i, line in enumerate(out) if line.startswith(head)]
    assert len(found) == 1, result.stdout
    assert "「5-32」" in out[found[0]]
    assert out[found[0] + 1].strip().startswith("提示：是否应为")
    assert "「5-3-2」" in out[found[0] + 1]
    assert sum("error[" in line for line in out) == 1, result.stdout

"""`zhibiao export json`: the normalised dataset, its committed schema and its stability."""

from __future__ import annotations

import uuid
from pathlib import Path

from jsonschema import Draft202012Validator

from builder import schema
from tests.conftest import REPO, run_cli
from tests.opendata_support import copy_fixture, load_json

NAMESPACE = uuid.UUID("12ff1401-47fb-51de-a2a9-482780a58202")


def test_committed_dataset_schema_matches_the_models() -> None:
    generated = schema.generate()["dataset.schema.json"]
    committed = (REPO / "schemas" / "dataset.schema.json").read_text("utf-8")
    assert committed == generated, "schemas/dataset.schema.json 已过期：运行 zhibiao schema"


def test_dataset_validates_and_joins_by_code(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    result = run_cli(["export", "json", "standards", "-o", "out/data.json"], root)
    assert result.exit_code == 0, result.stderr
    data = load_json(root / "out/data.json")
    beside = load_json(root / "out/dataset.schema.json")
    committed = load_json(REPO / "schemas" / "dataset.schema.json")
    assert beside == committed
    errors = [e.message for e in Draft202012Validator(committed).iter_errors(data)]
    assert errors == []
    assert data["$schema"] == "dataset.schema.json"
    assert data["learning_levels"] == ["了解", "理解", "掌握", "运用"]

    assert [s["code"] for s in data["specialties"]] == ["510209"]
    assert {d["kind"] for d in data["documents"]} == {"specialty", "competencies", "course"}
    competency = {c["code"]: c for c in data["competencies"]}
    assert competency["1-2-1"] == {
        "id": str(uuid.uuid5(NAMESPACE, "510209/competency/1-2-1")),
        "specialty": "510209",
        "domain": "1",
        "task": "1-2",
        "code": "1-2-1",
        "text": "理解图像分类、目标检测、语义分割和文本实体等标注任务的规范与质量要求。",
        "type": "知识",
        "level": "理解",
        "level_rank": 2,
        "position": 1,
    }
    tasks = {t["code"] for t in data["tasks"]}
    domains = {d["code"] for d in data["domains"]}
    assert all(c["task"] in tasks and c["domain"] in domains for c in data["competencies"])
    courses = {c["code"]: c for c in data["courses"]}
    assert courses["ZH03"]["credits"] == 4.5 and courses["ZH03"]["has_standard"] is True
    assert courses["ZT01"]["elective"] is True and courses["ZT01"]["has_standard"] is False
    pairs = {(p["prerequisite"], p["course"]) for p in data["prerequisites"]}
    assert pairs == {("ZJ01", "ZH01"), ("ZJ01", "ZH03"), ("ZH01", "ZH03"), ("ZH03", "ZH04")}
    matrix = {(r["course"], r["competency"]): r["level"] for r in data["course_competencies"]}
    assert matrix[("ZH01", "1-1-2")] == "运用"
    assert matrix[("ZH03", "1-1-2")] == "理解"
    assert len(data["competency_links"]) == 8
    assert {(r["spec"], r["competency"]) for r in data["spec_competencies"]} >= {("Q1", "3-1-1")}


def test_dataset_is_byte_stable_and_matches_case_ids(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    (root / "out").mkdir()
    for target in ("out", "again.json"):
        result = run_cli(["export", "json", "standards", "-o", target], root)
        assert result.exit_code == 0, result.stderr
    first = root / "out" / "zhibiao-dataset.json"
    assert first.read_bytes() == (root / "again.json").read_bytes()
    data = load_json(first)
    result = run_cli(["export", "case", "standards", "-o", "case"], root)
    assert result.exit_code == 0, result.stderr
    case = load_json(root / "case/510209/competencies.json")
    case_ids = {item["humanCodingScheme"]: item["identifier"] for item in case["CFItems"]}
    for row in data["competencies"] + data["tasks"] + data["domains"]:
        assert case_ids[row["code"]] == row["id"]

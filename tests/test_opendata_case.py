"""`zhibiao export case`: CASE 1.1 packages valid against the official schema, stable ids."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.opendata_support import SPECIALTY_DIR, case_errors, copy_fixture, load_json

NAMESPACE = uuid.UUID("12ff1401-47fb-51de-a2a9-482780a58202")


def _export(root: Path, out: str = "case", *extra: str, env: dict[str, str] | None = None) -> Path:
    result = run_cli(["export", "case", "standards", "-o", out, *extra], root, env)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return root / out


def _packages(out: Path) -> dict[str, Any]:
    return {p.name: load_json(p) for p in sorted((out / "510209").glob("*.json"))}


def _by_code(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["humanCodingScheme"]: item for item in package["CFItems"]}


def _uid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def test_every_package_validates_against_official_schema(tmp_path: Path) -> None:
    out = _export(copy_fixture(tmp_path))
    packages = _packages(out)
    assert sorted(packages) == [
        "competencies.json",
        "course-ZH01.json",
        "course-ZH03.json",
        "specialty.json",
    ]
    for name, package in packages.items():
        assert case_errors(package) == [], name
        assert package["CFDocument"]["caseVersion"] == "1.1"
    index = load_json(out / "index.json")
    assert {entry["file"] for entry in index["packages"]} == {f"510209/{n}" for n in packages}


def test_schema_rejects_what_case_forbids(tmp_path: Path) -> None:
    """The validator is live: the official schema refuses a broken package."""
    package = _packages(_export(copy_fixture(tmp_path)))["competencies.json"]
    del package["CFDocument"]["creator"]
    package["CFItems"][0]["identifier"] = "1-1-1"
    package["CFAssociations"][0]["associationType"] = "isParentOf"
    errors = case_errors(package)
    assert any("creator" in e for e in errors)
    assert any("is not a 'uuid'" in e for e in errors)
    assert any(e.startswith("CFAssociations/0/associationType") for e in errors)


def test_identifiers_are_uuid5_of_stable_keys_and_survive_rebuilds(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    first = _packages(_export(root, "one"))
    second = _packages(_export(root, "two", env={"SOURCE_DATE_EPOCH": "1767225600"}))
    competencies = _by_code(first["competencies.json"])
    assert competencies["1-2-3"]["identifier"] == _uid("510209/competency/1-2-3")
    assert competencies["1-2"]["identifier"] == _uid("510209/task/1-2")
    assert first["competencies.json"]["CFDocument"]["identifier"] == _uid(
        "510209/document/competencies"
    )

    def identifiers(packages: dict[str, Any]) -> list[str]:
        return sorted(
            row["identifier"]
            for p in packages.values()
            for row in [p["CFDocument"], *p["CFItems"], *p["CFAssociations"]]
        )

    assert identifiers(first) == identifiers(second)
    assert len(set(identifiers(first))) == len(identifiers(first))
    # ZH03 has no dates of its own: SOURCE_DATE_EPOCH (2026-01-01) replaces the version year.
    assert first["course-ZH03.json"]["CFDocument"]["lastChangeDateTime"] == (
        "2025-01-01T00:00:00+08:00"
    )
    assert second["course-ZH03.json"]["CFDocument"]["lastChangeDateTime"] == "2026-01-01T00:00:00Z"
    # Documents with an issue or sign-off date keep it whatever the environment says.
    for name, stamp in (
        ("specialty.json", "2025-06-30T00:00:00+08:00"),
        ("course-ZH01.json", "2025-05-20T00:00:00+08:00"),
    ):
        assert first[name]["CFDocument"]["lastChangeDateTime"] == stamp
        assert second[name]["CFDocument"]["lastChangeDateTime"] == stamp
    assert (root / "one/510209/specialty.json").read_bytes() == (
        root / "two/510209/specialty.json"
    ).read_bytes()


def test_items_and_associations_map_the_standards(tmp_path: Path) -> None:
    packages = _packages(_export(copy_fixture(tmp_path)))
    comp = _by_code(packages["competencies.json"])
    assert comp["1-1-2"]["CFItemType"] == "职业能力"
    assert comp["1-1-2"]["educationLevel"] == ["高职专科"]
    assert comp["1-2-1"]["extensions"]["outcomeType"] == "知识"
    assert comp["1-1-2"]["extensions"]["requiredLevel"] == "运用"
    assert comp["1-1-2"]["extensions"]["requiredLevelRank"] == 4
    assert comp["1"]["fullStatement"] == "数据采集与处理"

    every_item = {item["identifier"]: item for p in packages.values() for item in p["CFItems"]} | {
        p["CFDocument"]["identifier"]: p["CFDocument"] for p in packages.values()
    }
    links = [a for p in packages.values() for a in p["CFAssociations"]]
    for association in links:  # cross-document links resolve inside the export
        assert association["originNodeURI"]["identifier"] in every_item
        assert association["destinationNodeURI"]["identifier"] in every_item

    def find(kind: str, origin: str, destination: str) -> dict[str, Any]:
        matches = [
            a
            for a in links
            if a["associationType"] == kind
            and a["originNodeURI"]["identifier"] == _uid(origin)
            and a["destinationNodeURI"]["identifier"] == _uid(destination)
        ]
        assert len(matches) == 1, (kind, origin, destination)
        return matches[0]

    assert find("isChildOf", "510209/competency/1-2-3", "510209/task/1-2")["sequenceNumber"] == 3
    find("isChildOf", "510209/domain/2", "510209/document/competencies")
    find("precedes", "510209/course/ZJ01", "510209/course/ZH01")
    find("precedes", "510209/course/ZH01", "510209/course/ZH03")
    find("isPartOf", "510209/course/ZH03/module/M2", "510209/course/ZH03")
    find("isRelatedTo", "510209/spec/A1", "510209/competency/1-1-2")
    # the course reaches 1-1-2 at 掌握 (M2-1) and 运用 (M2-2): the course link carries the highest
    course = find("isRelatedTo", "510209/course/ZH01", "510209/competency/1-1-2")
    assert course["extensions"]["learningLevel"] == "运用"
    assert course["extensions"]["learningLevelRank"] == 4
    content = find("isRelatedTo", "510209/course/ZH01/content/M2-1", "510209/competency/1-1-2")
    assert content["extensions"]["learningLevel"] == "掌握"
    assert content["CFAssociationGroupingURI"]["title"] == "学习内容—职业能力对应"

    definitions = packages["course-ZH01.json"]["CFDefinitions"]
    assert [c["title"] for c in definitions["CFConcepts"]] == ["了解", "理解", "掌握", "运用"]
    assert {t["title"] for t in definitions["CFItemTypes"]} == {"教学模块", "学习内容"}
    assert [s["hierarchyCode"] for s in definitions["CFSubjects"]] == ["51", "5102", "510209"]
    document = packages["specialty.json"]["CFDocument"]
    assert document["adoptionStatus"] == "Adopted"
    assert document["extensions"]["standardNo"] == "T/CIE 101—2025"
    assert packages["course-ZH03.json"]["CFDocument"]["adoptionStatus"] == "Private Draft"


def test_uris_come_from_site_url_or_option(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    site = _packages(_export(root, "site"))["competencies.json"]
    identifier = site["CFItems"][0]["identifier"]
    assert site["CFItems"][0]["uri"] == (
        f"https://standards.example.org/ims/case/v1p1/CFItems/{identifier}"
    )
    given = _packages(_export(root, "given", "--base-uri", "https://data.example.cn/case/"))
    assert given["competencies.json"]["CFItems"][0]["uri"] == (
        f"https://data.example.cn/case/CFItems/{identifier}"
    )
    config = root / "zhibiao.yaml"
    config.write_text(
        config.read_text("utf-8").replace("  url: https://standards.example.org/\n", ""), "utf-8"
    )
    bare = _packages(_export(root, "bare"))["competencies.json"]
    assert bare["CFItems"][0]["uri"] == f"urn:uuid:{identifier}"
    assert case_errors(bare) == []


def test_dangling_reference_is_skipped_with_a_warning(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    course = root / "standards" / SPECIALTY_DIR / "courses" / "zh03.yaml"
    course.write_text(course.read_text("utf-8").replace('ref: "2-2-1"', 'ref: "9-9-9"'), "utf-8")
    result = run_cli(["export", "case", "standards", "-o", "case"], root)
    assert result.exit_code == 0, result.stderr
    assert "9-9-9" in result.stderr and "zhibiao check" in result.stderr
    package = load_json(root / "case/510209/course-ZH03.json")
    assert case_errors(package) == []
    targets = {a["destinationNodeURI"]["identifier"] for a in package["CFAssociations"]}
    assert _uid("510209/competency/9-9-9") not in targets


def test_invalid_standard_blocks_the_export(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    course = root / "standards" / SPECIALTY_DIR / "courses" / "zh01.yaml"
    course.write_text(
        course.read_text("utf-8").replace("hours: 64\n", "hours: 六十四\n", 1), "utf-8"
    )
    result = run_cli(["export", "case", "standards", "-o", "case"], root)
    assert result.exit_code == 1
    assert "zh01.yaml:" in result.stderr and "未导出任何内容" in result.stderr
    assert not (root / "case").exists()


@pytest.mark.parametrize("value", ["yesterday", "1.5"])
def test_bad_source_date_epoch_is_a_usage_error(tmp_path: Path, value: str) -> None:
    root = copy_fixture(tmp_path)
    result = run_cli(
        ["export", "case", "standards", "-o", "case"], root, {"SOURCE_DATE_EPOCH": value}
    )
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.stderr and "Traceback" not in result.stderr


def test_output_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    (root / "case").write_text("not a folder\n", "utf-8")
    for command in ("case", "xlsx"):
        result = run_cli(["export", command, "standards", "-o", "case"], root)
        assert result.exit_code == 2, result.stderr
        assert "输出路径不是目录" in result.stderr and "Traceback" not in result.stderr
    assert (root / "case").read_text("utf-8") == "not a folder\n"

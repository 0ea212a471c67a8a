"""The open-data exports on the bundled example corpus (`standards/`)."""

from __future__ import annotations

from pathlib import Path

from jsonschema import Draft202012Validator

from builder.model import CompetencyList
from builder.read.corpus import load_document
from tests.conftest import REPO, run_cli
from tests.opendata_support import case_errors, load_json


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.json"))
    }


def test_case_export_of_examples_is_valid_and_stable(example_project: Path) -> None:
    for out in ("one", "two"):
        result = run_cli(["export", "case", "-o", out], example_project)
        assert result.exit_code == 0, result.stderr
        assert "warning" not in result.stderr  # the examples have no dangling references
    first, second = _files(example_project / "one"), _files(example_project / "two")
    assert first == second
    specialties = {name.split("/")[0] for name in first if "/" in name}
    assert len(specialties) >= 2
    for name in first:
        if name == "index.json":
            continue
        package = load_json(example_project / "one" / name)
        assert case_errors(package) == [], name
        codes = [item["humanCodingScheme"] for item in package["CFItems"]]
        assert codes and all(codes)


def test_dataset_of_examples_validates(example_project: Path) -> None:
    result = run_cli(["export", "json", "-o", "data.json"], example_project)
    assert result.exit_code == 0, result.stderr
    schema = load_json(REPO / "schemas" / "dataset.schema.json")
    data = load_json(example_project / "data.json")
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert {s["code"] for s in data["specialties"]} >= {"510209", "730701"}
    assert data["course_competencies"]


def test_competency_sheets_of_examples_round_trip(example_project: Path) -> None:
    result = run_cli(["export", "xlsx", "-o", "xlsx"], example_project)
    assert result.exit_code == 0, result.stderr
    books = sorted((example_project / "xlsx").glob("*.xlsx"))
    assert len(books) >= 2
    for book in books:
        folder = next((example_project / "standards").glob(f"{book.stem.split('-')[0]}-*"))
        original = folder / "competencies.yaml"
        target = folder / "imported.yaml"
        result = run_cli(["import", "xlsx", str(book), "-o", str(target)], example_project)
        assert result.exit_code == 0, result.stderr
        before, _ = load_document(original, original.name, folder)
        after, problems = load_document(target, target.name, folder)
        assert problems == []
        assert isinstance(before, CompetencyList) and isinstance(after, CompetencyList)
        assert after.domains == before.domains, book.name
        assert (after.specialty, after.meta.title, after.meta.version, after.meta.status) == (
            before.specialty,
            before.meta.title,
            before.meta.version,
            before.meta.status,
        )

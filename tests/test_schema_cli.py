"""`zhibiao schema`: the committed JSON Schemas match the models, and drift is caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema

from builder import schema
from tests.conftest import CASES, REPO, run_cli

SCHEMAS = REPO / "schemas"


def test_committed_schemas_equal_the_generated_ones() -> None:
    generated = schema.generate()
    on_disk = {p.name: p.read_text("utf-8") for p in sorted(SCHEMAS.glob("*.json"))}
    assert sorted(on_disk) == sorted(generated), "run: python3 -m builder schema"
    for name, text in generated.items():
        assert on_disk[name] == text, f"schemas/{name} is stale: run python3 -m builder schema"


def test_check_passes_on_the_committed_schemas() -> None:
    result = run_cli(["schema", "--check"], REPO)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "与数据模型一致" in result.stdout


def test_check_names_the_altered_file(tmp_path: Path) -> None:
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    target = tmp_path / "schemas" / "course.schema.json"
    data = json.loads(target.read_text("utf-8"))
    data["properties"]["hours"]["maximum"] = 99999
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    result = run_cli(["schema", "--check"], tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "schemas/course.schema.json: 与数据模型不一致，请运行 zhibiao schema"
    ]


def test_check_names_a_missing_file_and_writing_repairs_it(tmp_path: Path) -> None:
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    (tmp_path / "schemas" / "internship.schema.json").unlink()
    result = run_cli(["schema", "--check"], tmp_path)
    assert result.exit_code == 1
    assert "schemas/internship.schema.json" in result.stdout
    assert run_cli(["schema"], tmp_path).exit_code == 0
    assert run_cli(["schema", "--check"], tmp_path).exit_code == 0


def test_the_clean_base_project_validates_against_the_schemas() -> None:
    """The editor schemas accept what the checker accepts (the clean base project)."""
    from builder.read.yamlsource import decode, parse

    names = {
        "specialty.yaml": "specialty",
        "competencies.yaml": "competencies",
        "internship.yaml": "internship",
        "training-base.yaml": "training_base",
    }
    for path in sorted((CASES / "clean-minimal" / "standards").rglob("*.yaml")):
        kind = names.get(path.name, "course")
        data = parse(decode(path.read_bytes()))
        document = json.loads(json.dumps(data, ensure_ascii=False))
        loaded = json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator(loaded).validate(document)


def test_from_a_project_subfolder_the_project_schemas_are_used(example_project: Path) -> None:
    """Run inside standards/: the project's schemas/ is checked and written, not a new one."""
    shutil.copytree(SCHEMAS, example_project / "schemas")
    inside = example_project / "standards" / "510209-人工智能技术应用"
    result = run_cli(["schema", "--check"], inside)
    assert result.exit_code == 0, result.stdout
    (example_project / "schemas" / "course.schema.json").unlink()
    missing = run_cli(["schema", "--check"], inside)
    assert missing.exit_code == 1
    assert missing.stdout.splitlines() == [
        "../../schemas/course.schema.json: 文件不存在，请运行 zhibiao schema"
    ]
    assert run_cli(["schema"], inside).exit_code == 0
    assert (example_project / "schemas" / "course.schema.json").is_file()
    assert not (inside / "schemas").exists()

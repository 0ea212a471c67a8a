"""Helpers shared by the open-data tests: the fixture project and the CASE schema validator."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
from pathlib import Path
from typing import Any

from jsonschema import Draft201909Validator, FormatChecker

DATA = Path(__file__).resolve().parent / "data"
FIXTURE = DATA / "opendata"
CASE_SCHEMA = DATA / "case" / "case_v1p1_cfpackage-jsonschema1.json"
SPECIALTY_DIR = "510209-人工智能技术应用"


def copy_fixture(tmp_path: Path) -> Path:
    """A throw-away copy of the open-data fixture project; returns its root."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


def _date_time(value: object) -> bool:
    """RFC 3339 date-time with an offset (checked here so no optional package is needed)."""
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return parsed.tzinfo is not None


def _uuid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def case_validator() -> Draft201909Validator:
    """Validator of the vendored official CASE 1.1 CFPackage schema, formats enforced."""
    schema = json.loads(CASE_SCHEMA.read_text("utf-8"))
    checker = FormatChecker()
    checker.checks("date-time")(_date_time)
    checker.checks("uuid")(_uuid)
    return Draft201909Validator(schema, format_checker=checker)


def case_errors(package: Any) -> list[str]:
    """Every schema violation of a package, as `path: message`."""
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in case_validator().iter_errors(package)
    ]


def load_json(path: Path) -> Any:
    """Parse a JSON file."""
    return json.loads(path.read_text("utf-8"))

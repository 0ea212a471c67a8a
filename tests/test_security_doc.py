"""docs/security.md keeps its promise that each guarantee names the test that proves it, and
the fresh-install guarantee (issue 12 §5) holds in the files a new user follows.

- Every row of a guarantee table names at least one test file or CI script; every test it
  names (`tests/x.py::name`, or `::name` after a file in the same cell) is defined there.
- The README creates a virtual environment before its first `pip install`; every
  `pip install` of this project in the README, CONTRIBUTING and `.ci/run` installs from
  `constraints.txt`; `constraints.txt` pins, with `==`, every dependency and test extra
  `pyproject.toml` names (so a fresh machine gets exactly what CI tested).
"""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO

DOC = REPO / "docs" / "security.md"
NAMED = re.compile(r"`((?:tests/[\w/]+\.py|\.ci/\w+)(?:::\w+)?|::\w+)(?:\[[^`]*\])?")


def _rows() -> list[str]:
    """The last cell of every body row of the tables headed 保证 | 证明…."""
    rows: list[str] = []
    in_table = False
    for line in DOC.read_text("utf-8").splitlines():
        if line.startswith("| 保证 |"):
            in_table = True
            continue
        if not line.startswith("|"):
            in_table = False
            continue
        if in_table and not line.startswith("|---"):
            rows.append(line.rstrip().rstrip("|").rsplit("|", 1)[1])
    return rows


def test_every_guarantee_names_tests_that_exist() -> None:
    rows = _rows()
    assert len(rows) >= 30, len(rows)
    missing: list[str] = []
    for cell in rows:
        names = NAMED.findall(cell)
        assert names, f"a guarantee without a test: {cell}"
        missing += [f"{bare} (which file?)" for bare in re.findall(r"`(test_\w+)", cell)]
        current = None
        for name in names:
            if name.startswith("::"):
                assert current is not None, f"{name} without a file before it: {cell}"
                path, test = current, name[2:]
            else:
                path, _, test = name.partition("::")
                current = path
            file = REPO / path
            if not file.is_file():
                missing.append(path)
            elif test and not re.search(rf"^def {test}\b", file.read_text("utf-8"), re.M):
                missing.append(f"{path}::{test}")
    assert not missing, missing


def _commands(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "pip install" in line]


def test_readme_creates_a_virtual_environment_before_installing() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    first_venv = readme.find("python3 -m venv")
    assert 0 <= first_venv < readme.find("pip install")
    assert ". .venv/bin/activate" in readme


def test_every_install_of_the_project_uses_the_constraints() -> None:
    for name in ("README.md", "CONTRIBUTING.md", ".ci/run"):
        lines = [
            line
            for line in _commands((REPO / name).read_text("utf-8"))
            if re.search(r"pip install[^|&;]* -e ", line) and "-U" not in line.split()
        ]
        assert lines, name
        for line in lines:
            for install in re.findall(r"pip install[^|&;]*", line):
                if " -e " in install:
                    assert "-c constraints.txt" in install, (name, line)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_constraints_pin_every_dependency() -> None:
    pins: dict[str, str] = {}
    for line in (REPO / "constraints.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep and version.strip(), f"not pinned with ==: {line}"
            pins[_normal(name)] = version
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    names = {_normal(re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0]) for spec in wanted}
    assert not names - set(pins), sorted(names - set(pins))

"""The Python the project declares (`requires-python`) can install every pinned package and
has every standard-library feature the code relies on: a fresh venv on an older Python
would otherwise fail in pip with a "conflict", or crash at run time."""

from __future__ import annotations

import re
import tarfile
import tomllib
from importlib import metadata

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from tests.conftest import REPO


def _floor() -> Version:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    found = re.fullmatch(r">=\s*([0-9.]+)", declared["requires-python"].strip())
    assert found, declared["requires-python"]
    return Version(found.group(1))


def test_every_pinned_package_installs_on_the_declared_python() -> None:
    floor = _floor()
    refused = []
    for line in (REPO / "constraints.txt").read_text("utf-8").splitlines():
        name, _, pinned = line.partition("==")
        if line.startswith("#") or not pinned:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an extra not installed here
        needs = dist.metadata.get("Requires-Python")
        if dist.version == pinned and needs and floor not in SpecifierSet(needs):
            refused.append(f"{name}=={pinned} requires Python {needs}")
    assert refused == []


def test_the_declared_python_has_tar_extraction_filters() -> None:
    """`builder.diff.gitref` and `builder.site.gitsource` unpack `git archive` output with
    `extractall(filter=…)` and `tarfile.data_filter`, new in Python 3.11.4."""
    assert _floor() >= Version("3.11.4")
    assert hasattr(tarfile, "data_filter")

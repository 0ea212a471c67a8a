"""ZB502: in the 2021 catalog the 2-digit 专业大类 code gives the level (21–39, 41–59, 61–79)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.generate import build_set, identities
from builder.checking.pipeline import run_check
from builder.project.loading import open_project
from builder.read.catalog import level_of


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("310203", "职业本科"),  # 软件工程技术
        ("210101", "职业本科"),
        ("460301", "高职专科"),  # 机电一体化技术: 46 装备制造大类
        ("510209", "高职专科"),
        ("590101", "高职专科"),
        ("610101", "中职"),
        ("730701", "中职"),  # 电子商务
        ("110101", None),
        ("400101", None),
        ("800101", None),
        ("5", None),
    ],
)
def test_level_of(code: str, level: str | None) -> None:
    assert level_of(code) == level


def test_real_46_code_is_higher_vocational_and_mislabelled_one_is_flagged(tmp_path: Path) -> None:
    ident = next(i for i in identities(200, 2025) if i.code.startswith("4"))
    files = build_set(ident, 2025, course_standards=2)
    folder = tmp_path / "standards" / ident.folder
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, "utf-8")
    (tmp_path / "zhibiao.yaml").write_text(
        f"catalog_extra: [{{code: '{ident.code}', name: {ident.name}, level: {ident.level}}}]\n",
        "utf-8",
    )
    assert ident.level == "高职专科"
    assert run_check(open_project(tmp_path / "standards"), base=tmp_path).diagnostics == []
    spec = folder / "specialty.yaml"
    spec.write_text(spec.read_text("utf-8").replace("level: 高职专科", "level: 中职", 1), "utf-8")
    codes = [
        d.code for d in run_check(open_project(tmp_path / "standards"), base=tmp_path).diagnostics
    ]
    assert "ZB502" in codes
    shutil.rmtree(tmp_path / "standards")

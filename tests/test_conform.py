"""`zhibiao conform` on the example plans: verdicts, formats, a new edition, bad input, and the
assessment's promise that a plan never passes while a competency is carried below level."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.base.diagnostics import Diagnostics
from builder.model import Plan
from builder.project.loading import open_project
from builder.read.corpus import load_corpus, validate
from builder.view import view_of
from builder.view.conformance import assess
from tests.conftest import REPO, examples, run_cli
from tests.docx_pdf import pdf_text, to_pdf, tools_missing

AI = "standards/510209-人工智能技术应用"
PLANS = f"{AI}/plans"
J = f"{PLANS}/jiangcheng-2026.yaml"
H = f"{PLANS}/haigang-2026.yaml"


def test_the_two_example_plans() -> None:
    both = run_cli(["conform", PLANS], REPO)
    assert both.exit_code == 1, both.stderr
    out = both.stdout
    assert "结论：符合（达到" in out and "结论：不符合：" in out
    assert f"✗ ZB905 专业核心课程 ZH06 智能语音应用开发：要求 开设，方案 未开设（{H}:" in out
    assert (
        f"✗ ZB907 总学时 课程设置合计：要求 ≥ 2500，且不低于国家标准的 2704，方案 2496（{H}:" in out
    )
    assert "✗ ZB908 学时占比 选修课学时占比：要求 ≥ 10%，方案 9.6%" in out
    assert "✗ ZB904 职业能力 4-3-1" in out and "要求 理解，方案 了解" in out
    assert "◇ ZB905 专业核心课程 ZH07 人工智能模型部署与运维" in out
    assert "汇总：" in out
    assert out.rstrip().endswith("审查了 2 份人才培养方案：1 份符合，1 份不符合")
    one = run_cli(["conform", J], REPO)
    assert one.exit_code == 0, one.stdout + one.stderr
    assert "汇总：" not in one.stdout  # one plan: no summary table
    assert one.stdout.rstrip().endswith("1 份符合，0 份不符合")


def test_check_reports_a_plan_in_force_and_leaves_a_draft_to_conform() -> None:
    clean = run_cli(["check", "standards", "--no-cache", "--strict"], REPO)
    assert clean.exit_code == 0 and "没有发现问题" in clean.stdout, clean.stdout


def test_markdown_fits_a_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run_cli(["conform", PLANS, "-f", "markdown", "--summary", str(summary)], REPO)
    assert result.exit_code == 1
    md = result.stdout
    assert md.startswith("## 人才培养方案符合性审查\n")
    assert "| 结论 | 学校 | 专业 | 依据版本 | 未达到 | 超出 | 地方化 | 文件 |" in md
    assert "| ❌ 不符合 | 示例海港职业学院（示例） |" in md
    assert "<details><summary>达到（" in md and md.count("</details>") == 2
    assert len(md.encode()) < 1024 * 1024  # GitHub's step summary limit
    assert summary.read_text("utf-8").strip() == md.strip()


def test_markdown_and_text_keep_plan_text_as_text(tmp_path: Path) -> None:
    project = _project(tmp_path)
    plan = project / PLANS / "jiangcheng-2026.yaml"
    text = plan.read_text("utf-8")
    hostile = "示例|学院<script>alert(1)</script>`x` **粗**"
    plan.write_text(
        text.replace("school: 示例江城职业技术学院（示例）", f'school: "{hostile}"'),
        "utf-8",
    )
    md = run_cli(["conform", str(plan), "-f", "markdown"], project)
    assert md.exit_code == 0, md.stdout + md.stderr
    assert "<script>" not in md.stdout and "**粗**" not in md.stdout
    assert "示例\\|学院&lt;script&gt;" in md.stdout
    plain = run_cli(["conform", str(plan)], project)
    assert f"学校：{hostile}" in plain.stdout  # plain text stays as written


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(REPO / AI, project / AI)
    shutil.copy(REPO / "zhibiao.yaml", project / "zhibiao.yaml")
    return project


def _new_edition(tmp_path: Path) -> Path:
    """The 510209 standard as a 2027 edition that asks 4-3-1 at 掌握 (it was 理解)."""
    folder = tmp_path / "new" / "510209-人工智能技术应用"
    shutil.copytree(REPO / AI, folder, ignore=shutil.ignore_patterns("plans"))
    spec = folder / "specialty.yaml"
    spec.write_text(
        spec.read_text("utf-8").replace('  version: "2026"', '  version: "2027"'), "utf-8"
    )
    comp = folder / "competencies.yaml"
    old = "语音识别和语音合成的基本原理。\n            type: 知识\n            level: 理解"
    text = comp.read_text("utf-8")
    assert text.count(old) == 1
    comp.write_text(text.replace(old, old.replace("理解", "掌握")), "utf-8")
    return folder


@pytest.mark.parametrize("how", ["folder", "file"])
def test_against_a_new_edition_lists_what_to_revise(tmp_path: Path, how: str) -> None:
    folder = _new_edition(tmp_path)
    target = folder if how == "folder" else folder / "specialty.yaml"
    result = run_cli(["conform", J, "--against", str(target)], REPO)
    assert result.exit_code == 1, result.stdout + result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    revise = [line for line in lines if line.startswith("须修订")]
    assert len(revise) == 2, lines
    assert revise[0].startswith("须修订（新版要求）：ZB902 依据标准 标准版本：要求 2027，方案 2026")
    assert revise[1].startswith("须修订（新版要求）：ZB904 职业能力 4-3-1")
    assert "要求 掌握，方案 理解" in revise[1]
    assert "结论：符合（" in result.stdout  # against the current edition it still conforms


def test_against_the_same_edition_needs_no_revision() -> None:
    result = run_cli(["conform", J, "--against", AI], REPO)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "无须修订。" in result.stdout


@pytest.mark.libreoffice
@pytest.mark.skipif(tools_missing() is not None, reason="LibreOffice/poppler missing")
def test_docx_review_file_renders_through_libreoffice(tmp_path: Path) -> None:
    out = tmp_path / "审查报告.docx"
    result = run_cli(
        ["conform", PLANS, "-f", "docx", "-o", str(out)], REPO, env={"SOURCE_DATE_EPOCH": "0"}
    )
    assert result.exit_code == 1, result.stderr
    assert "审查报告已写入" in result.stdout
    (pdf,) = to_pdf([out], tmp_path / "pdf", tmp_path / "profile")
    text = "".join("".join(page.split()) for page in pdf_text(pdf))
    for expected in (
        "人才培养方案符合性审查报告",
        "本次审查人才培养方案2份：1份符合，1份不符合。",
        "示例海港职业学院人工智能技术应用专业人才培养方案（2026级）",
        "未达到的项目（7项）",
        "ZB905",
        "结论：不符合：职业能力、专业核心课程、课程学时、总学时、学时占比、增补（",
        "地方化的项目（3项）",
    ):
        assert expected in text, expected
    again = tmp_path / "again.docx"
    run_cli(
        ["conform", PLANS, "-f", "docx", "-o", str(again)], REPO, env={"SOURCE_DATE_EPOCH": "0"}
    )
    assert again.read_bytes() == out.read_bytes()  # reproducible


def test_bad_input(tmp_path: Path) -> None:
    project = _project(tmp_path)
    wrong = run_cli(["conform", f"{AI}/specialty.yaml"], project)
    assert wrong.exit_code == 2 and "不是人才培养方案（kind: plan）" in wrong.stderr
    missing = run_cli(["conform", "nowhere.yaml"], project)
    assert missing.exit_code == 2 and "找不到 nowhere.yaml" in missing.stderr
    no_out = run_cli(["conform", PLANS, "-f", "docx"], project)
    assert no_out.exit_code == 2 and "需要用 -o 指定输出文件" in no_out.stderr
    empty = run_cli(["conform", f"{AI}/courses"], project)
    assert empty.exit_code == 2 and "中没有人才培养方案" in empty.stderr
    plan = project / J
    plan.write_text(plan.read_text("utf-8").replace("school: 示例", "schol: 示例"), "utf-8")
    broken = run_cli(["conform", PLANS], project)
    assert broken.exit_code == 1 and "Traceback" not in broken.stderr
    assert f"{J}:19:1: error[ZB" in broken.stdout, broken.stdout
    assert "1 个文件无法读取" in broken.stdout


@pytest.fixture(scope="module")
def example_set() -> Any:
    corpus = load_corpus(REPO / "standards", REPO, Diagnostics())
    project = open_project(REPO / "standards", REPO / "zhibiao.yaml")
    return corpus, corpus.specialties["510209"], project.config


def _plan_data() -> dict[str, Any]:
    data = yaml.safe_load((REPO / J).read_text("utf-8"))
    assert isinstance(data, dict)
    return data


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_lowering_one_level_never_passes_unnoticed(example_set: Any, data: st.DataObject) -> None:
    """Lower the level of any competency reference of the conforming plan: either another
    course still carries that competency at the required level, or the plan stops conforming
    with ZB904 on that competency (never a silent pass, never a false alarm elsewhere)."""
    _, entry, config = example_set
    plan = _plan_data()
    rows = [r for r in plan["courses"] if r.get("competencies")]
    row = data.draw(st.sampled_from(rows))
    ref = data.draw(st.sampled_from(row["competencies"]))
    levels = config.learning_levels
    lower = data.draw(st.sampled_from(levels[: levels.index(ref["level"]) + 1]))
    ref["level"] = lower
    doc, problems = validate(plan, "plan.yaml")
    assert isinstance(doc, Plan), problems
    result = assess(doc, entry, config)
    required = (
        view_of(entry).competencies[ref["ref"]].competency.level
        if ref["ref"] in view_of(entry).competencies
        else None
    )
    carriers = [
        r2["level"]
        for r in plan["courses"]
        for r2 in r.get("competencies", [])
        if r2["ref"] == ref["ref"]
    ]
    unmet = [f for f in result.findings if f.status == "not_met"]
    if required is None or max(levels.index(c) for c in carriers) >= levels.index(required):
        assert result.conforms, unmet
    else:
        assert [f.rule for f in unmet] == ["ZB904"]
        assert unmet[0].subject.startswith(f"{ref['ref']} ")


def test_an_excerpt_plan_is_undecided_not_failed(example_set: Any) -> None:
    """A plan transcribed in part ({节选: [...]}): what it does not list may still be taught,
    so absent courses and competencies are undecided, and the plan is no proof of conformance."""
    _, entry, config = example_set
    plan = _plan_data()
    plan["courses"] = {"节选": [r for r in plan["courses"] if r["nature"] == "专业核心"][:3]}
    plan.pop("totals")
    doc, problems = validate(plan, "plan.yaml")
    assert isinstance(doc, Plan), problems
    result = assess(doc, entry, config)
    assert [f for f in result.findings if f.status == "not_met"] == []
    undecided = {f.rule for f in result.findings if f.status == "undecided"}
    assert {"ZB903", "ZB905", "ZB907", "ZB908"} <= undecided
    assert not result.conforms and result.verdict().startswith("未能判定：")

"""The whole consultation loop on the example 专业教学标准, as a secretariat runs it.

Forms out → three units' forms back (one row points at an anchor the standard does not
have) → import → 送审稿 blocked while comments are undecided → dispositions → 送审稿
allowed → the 征求意见汇总处理表, rendered by LibreOffice and read back → the review vote
recorded and checked before 报批稿 and 发布, with the threshold from zhibiao.yaml.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from builder.comments.store import load_tree, save_tree
from tests.comments_support import FORMS, SPECIALTY_FORM, fill_docx, fill_xlsx
from tests.conftest import run_cli
from tests.docx_pdf import pdf_text, to_pdf, tools_missing
from tests.review_helpers import edit

AI = "standards/510209-人工智能技术应用"
RECORD = f"{AI}/specialty.review.yaml"

pytestmark = [pytest.mark.slow, pytest.mark.libreoffice]

DECISIONS = {
    # anchor → (disposition, response)
    "7.1": ("采纳", None),
    "课程 ZJ02": ("未采纳", "与教材名称无关"),
    "8.1": ("部分采纳", "列入拓展课"),
    "规格 A1": ("采纳", None),
    "全文": ("采纳", None),
}


def _codes(project: Path) -> set[str]:
    done = run_cli(["check", "--no-cache", "-f", "json"], project)
    return {d["code"] for d in json.loads(done.stdout) if d["severity"] == "error"}


def _decide(project: Path) -> None:
    """The drafting group's decisions, written into the record as a secretary would edit it."""
    path = project / RECORD
    tree = load_tree(path)
    for comment in tree["comments"]:
        anchor = str(comment["anchor"])
        if anchor == "能力 9-9-9":  # the row that pointed nowhere: meant as a general remark
            comment["anchor"] = "全文"
            anchor = "全文"
        disposition, response = DECISIONS[anchor]
        comment["disposition"] = disposition
        if response:
            comment["response"] = response
    save_tree(path, tree, project)


@pytest.mark.skipif(tools_missing() is not None, reason=f"{tools_missing()} not installed")
def test_consultation_loop(example_project: Path, tmp_path: Path) -> None:
    project = example_project
    # 1. forms out
    done = run_cli(["comments", "form", f"{AI}/specialty.yaml"], project)
    assert done.exit_code == 0, done.stderr
    source = project / FORMS / SPECIALTY_FORM
    # 2. three units' forms back
    fill_xlsx(
        source.with_suffix(".xlsx"),
        project / "甲学院.xlsx",
        "甲学院",
        {
            "7.1": ("增加数据标注质量意识", "岗位需要"),
            "能力 9-9-9": ("删除重复能力", "重复"),
        },
    )
    fill_docx(
        source.with_suffix(".docx"),
        project / "乙公司.docx",
        "乙公司",
        {"8.1": ("增加大模型应用开发", "技术发展"), "课程 ZJ02": ("改名", "与教材一致")},
    )
    fill_xlsx(
        source.with_suffix(".xlsx"),
        project / "丙协会.xlsx",
        "丙协会",
        {"规格 A1": ("补充数据安全", "法规要求")},
    )
    # 3. import: the row pointing nowhere is reported with file, sheet and row
    done = run_cli(["comments", "import", "甲学院.xlsx", "乙公司.docx", "丙协会.xlsx"], project)
    assert done.exit_code == 1
    assert re.search(
        r"甲学院\.xlsx: 工作表「意见反馈表」第 \d+ 行：章节号或编码「能力 9-9-9」", done.stderr
    )
    assert "导入 3 个单位的 5 条意见，1 条位置不存在" in done.stderr
    # 4. the lifecycle rule blocks 送审稿 while comments are undecided
    edit(project / AI / "specialty.yaml", "  status: 征求意见稿\n", "  status: 送审稿\n")
    assert "ZB703" in _codes(project)
    # 5. dispositions; then 送审稿 is allowed
    _decide(project)
    assert _codes(project) == set()
    # 6. the 汇总处理表, rendered by LibreOffice and read back
    done = run_cli(["comments", "report", f"{AI}/specialty.yaml"], project)
    assert done.exit_code == 0, done.stderr
    assert (
        "共收到 3 个单位的 5 条意见：采纳 3 条，部分采纳 1 条，未采纳 1 条，未处理 0 条"
        in done.stdout
    )
    report = project / "dist/征求意见汇总处理表/510209-specialty-征求意见汇总处理表.docx"
    [pdf] = to_pdf([report], tmp_path / "pdf", tmp_path / "lo-profile")
    text = "\n".join(pdf_text(pdf))
    for header in ("序号", "章节号", "原文", "修改后内容", "理由", "提出单位", "处理意见"):
        assert header in text  # each header on one line: the columns are wide enough
    raw = subprocess.run(  # -raw keeps each cell's lines together, in table order
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = re.sub(r"\s+", "", raw)
    for needle in ("增加数据标注质量意识", "未采纳。与教材名称无关", "部分采纳。列入拓展课",
                   "甲学院", "乙公司", "丙协会", "补充数据安全"):  # fmt: skip
        assert needle in flat, needle
    assert flat.index("增加数据标注质量意识") < flat.index("增加大模型应用开发")  # 序号 order
    total = re.search(r"合计\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", text)
    assert total is not None and total.groups() == ("5", "3", "1", "1", "0")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"(甲学院|乙公司|丙协会)\s+(\d+)", text)}
    assert rows == {"甲学院": "2", "乙公司": "2", "丙协会": "1"}
    # 7. the vote, checked before 报批稿
    edit(project / AI / "specialty.yaml", "  status: 送审稿\n", "  status: 报批稿\n")
    assert "ZB705" in _codes(project)
    record = project / RECORD
    record.write_text(
        record.read_text("utf-8")
        + "vote:\n  date: 2027-02-20\n  present: 21\n  approve: 15\n  against: 4\n  abstain: 2\n",
        "utf-8",
    )
    assert _codes(project) == {"ZB706"}  # 15 < 3/4 × 21
    edit(record, "  approve: 15\n  against: 4\n", "  approve: 16\n  against: 3\n")
    assert _codes(project) == set()
    # 8. 发布, with the organisation's own threshold from zhibiao.yaml (ZB601, the missing
    # standard number and date of issue, is the publisher's business, not the loop's)
    edit(project / AI / "specialty.yaml", "  status: 报批稿\n", "  status: 发布\n")
    assert _codes(project) - {"ZB601"} == set()
    config = project / "zhibiao.yaml"
    config.write_text(config.read_text("utf-8") + "review:\n  vote_threshold: 0.8\n", "utf-8")
    assert _codes(project) - {"ZB601"} == {"ZB706"}  # 16 < 0.8 × 21
    done = run_cli(["check", "--no-cache"], project)
    assert "未达到通过比例 0.8（至少 17 票）" in done.stdout

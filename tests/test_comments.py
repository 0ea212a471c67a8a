"""Consultation: forms out, returned forms in, the 汇总处理表, the review rules ZB701–ZB709."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from builder.comments.anchors import Anchor, AnchorIndex, normalise
from builder.comments.model import ReviewRecord
from builder.comments.report import report_docx
from tests.comments_support import FORMS, SPECIALTY_FORM, fill_docx, fill_xlsx
from tests.conftest import run_cli
from tests.review_helpers import edit, git, init_repo

AI = "standards/510209-人工智能技术应用"
RECORD = f"{AI}/specialty.review.yaml"


def _forms(project: Path) -> None:
    done = run_cli(["comments", "form", f"{AI}/specialty.yaml"], project)
    assert done.exit_code == 0, done.stderr


def test_form_prefills_clauses_and_codes(example_project: Path) -> None:
    _forms(example_project)
    book = load_workbook(example_project / FORMS / f"{SPECIALTY_FORM}.xlsx")
    sheet = book["意见反馈表"]
    cells = {(r[0].value, r[1].value) for r in sheet.iter_rows(max_col=2)}
    assert ("文件标识", "510209/specialty") in cells
    keys = [r[1].value for r in sheet.iter_rows(min_row=10, max_col=2)]
    for key in ("全文", "7.1", "8.1.2", "规格 A1", "课程 ZJ02"):
        assert key in keys
    assert sheet.data_validations.dataValidation  # the anchor column offers the list
    word = docx.Document(str(example_project / FORMS / f"{SPECIALTY_FORM}.docx"))
    header = [c.text for c in word.tables[1].rows[0].cells]
    assert header == ["序号", "章节号或编码", "原文", "修改建议", "理由"]
    assert any(r.cells[1].text == "课程 ZJ02" for r in word.tables[1].rows)


def test_form_for_a_folder_takes_the_drafts_under_consultation(example_project: Path) -> None:
    done = run_cli(["comments", "form", "standards/730701-电子商务"], example_project)
    assert done.exit_code == 2 and "没有状态为“征求意见稿”的标准" in done.stderr
    done = run_cli(["comments", "form"], example_project)
    assert done.exit_code == 0 and "14 份标准，28 个反馈表文件" in done.stdout


def test_form_cells_stay_text(example_project: Path) -> None:
    """A title that looks like a formula is written as text, never evaluated."""
    edit(
        example_project / AI / "specialty.yaml",
        "    name: Python程序设计\n",
        '    name: "=HYPERLINK(\\"http://x\\",\\"y\\")"\n',
    )
    _forms(example_project)
    sheet = load_workbook(example_project / FORMS / f"{SPECIALTY_FORM}.xlsx")["意见反馈表"]
    hostile = [c for r in sheet.iter_rows() for c in r if str(c.value).startswith("=HYPER")]
    assert hostile and all(c.data_type == "s" for c in hostile)


def _returned(project: Path) -> list[str]:
    source = project / FORMS / SPECIALTY_FORM
    fill_xlsx(
        source.with_suffix(".xlsx"),
        project / "甲.xlsx",
        "甲职业技术学院",
        {
            "7.1": ("增加“数据标注质量意识”", "岗位需要"),
            "课程 ZJ02": ("改为“Python 程序设计基础”", "与教材一致"),
            "能力 9-9-9": ("删除该能力", "与 1-2-1 重复"),
        },
    )
    fill_docx(
        source.with_suffix(".docx"),
        project / "乙.docx",
        "乙科技有限公司",
        {"8.1": ("专业核心课增加《大模型应用开发》", "技术发展")},
    )
    return ["甲.xlsx", "乙.docx"]


def test_import_collects_units_and_reports_rows_that_point_nowhere(example_project: Path) -> None:
    _forms(example_project)
    files = _returned(example_project)
    done = run_cli(["comments", "import", *files], example_project)
    assert done.exit_code == 1, done.stderr
    assert "甲.xlsx: 工作表「意见反馈表」第" in done.stderr
    assert "「能力 9-9-9」在标准中不存在" in done.stderr
    assert "导入 2 个单位的 4 条意见，1 条位置不存在" in done.stderr
    record = (example_project / RECORD).read_text("utf-8")
    assert record.startswith("# yaml-language-server: $schema=../../schemas/review.schema.json")
    data = ReviewRecord.model_validate_json(
        json.dumps(__import__("yaml").safe_load(record), ensure_ascii=False, default=str)
    )
    by_anchor = {c.anchor: c for c in data.comments}
    assert by_anchor["7.1"].unit == "甲职业技术学院" and by_anchor["7.1"].original == "素质"
    assert by_anchor["8.1"].unit == "乙科技有限公司" and "表 2" in (by_anchor["8.1"].source or "")
    assert by_anchor["课程 ZJ02"].original == "Python程序设计"
    assert [c.id for c in data.comments] == ["C001", "C002", "C003", "C004"]
    again = run_cli(["comments", "import", *files], example_project)
    assert "导入 2 个单位的 0 条意见，4 条已导入过" in again.stderr
    assert "不存在" not in again.stderr and again.exit_code == 0  # reported the first time
    assert (example_project / RECORD).read_text("utf-8") == record
    check = run_cli(["check", "--no-cache"], example_project)
    assert "ZB702" in check.stdout and "能力 9-9-9" in check.stdout
    # the secretary points the stray row at the whole text; a late re-import of the same
    # form does not bring the row back (it is known by its unit, source row and words)
    edit(example_project / RECORD, "anchor: 能力 9-9-9", "anchor: 全文")
    fixed = (example_project / RECORD).read_text("utf-8")
    late = run_cli(["comments", "import", "甲.xlsx"], example_project)
    assert "3 条已导入过" in late.stderr and late.exit_code == 0, late.stderr
    assert (example_project / RECORD).read_text("utf-8") == fixed


def test_import_refuses_forms_without_unit_or_identity(example_project: Path) -> None:
    _forms(example_project)
    source = example_project / FORMS / f"{SPECIALTY_FORM}.xlsx"
    fill_xlsx(source, example_project / "无单位.xlsx", "", {"7.1": ("改", "因")})
    fill_xlsx(source, example_project / "错标识.xlsx", "丁学院", {"7.2": ("改", "因")})
    book = load_workbook(example_project / "错标识.xlsx")
    for row in book["意见反馈表"].iter_rows():
        if row[0].value == "文件标识":
            row[1].value = "999999/specialty"
    book.save(example_project / "错标识.xlsx")
    (example_project / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    done = run_cli(["comments", "import", "无单位.xlsx", "错标识.xlsx", "旧.doc"], example_project)
    assert done.exit_code == 1
    assert "无单位.xlsx: 提出单位：没有填写提出单位" in done.stderr
    assert "错标识.xlsx: 文件标识：文件标识「999999/specialty」不是" in done.stderr
    assert "旧.doc: 只能导入 .xlsx 或 .docx" in done.stderr
    assert not (example_project / RECORD).exists()
    unit = run_cli(["comments", "import", "无单位.xlsx", "--unit", "丙协会"], example_project)
    assert unit.exit_code == 0, unit.stderr
    assert "丙协会" in (example_project / RECORD).read_text("utf-8")


def _record(project: Path, body: str, *, status: str | None = None) -> None:
    (project / RECORD).write_text("kind: review\nstandard: specialty.yaml\n" + body, "utf-8")
    if status is not None:
        edit(project / AI / "specialty.yaml", "  status: 征求意见稿\n", f"  status: {status}\n")


COMMENT = "comments:\n  - id: C001\n    unit: 甲学院\n    anchor: '7.1'\n    proposal: 改\n"


@pytest.mark.parametrize(
    ("status", "body", "codes"),
    [
        ("送审稿", COMMENT, {"ZB703"}),
        ("征求意见稿", COMMENT, set()),
        ("送审稿", COMMENT + "    disposition: 采纳\n", set()),
        ("送审稿", COMMENT + "    disposition: 未采纳\n", {"ZB704"}),
        ("报批稿", COMMENT + "    disposition: 采纳\n", {"ZB705"}),
        (
            "报批稿",
            COMMENT + "    disposition: 采纳\n"
            "vote: {date: 2026-12-20, present: 20, approve: 14, against: 4, abstain: 2}\n",
            {"ZB706"},
        ),
        (
            "发布",
            COMMENT + "    disposition: 采纳\n"
            "vote: {date: 2026-12-20, present: 20, approve: 15, against: 4, abstain: 1}\n",
            set(),
        ),
        (
            "送审稿",
            COMMENT + "    disposition: 采纳\n"
            "vote: {date: 2026-12-20, present: 20, approve: 18, against: 2, abstain: 1}\n",
            {"ZB707"},
        ),
        ("送审稿", "comments: []\nvote: 3\n", {"schema"}),
        (  # only reviewers' confirmations: no consultation, so no vote is asked for
            "报批稿",
            "confirmations:\n  - {ref: '1-1-1', fingerprint: 0123456789ab, by: 张三,"
            " on: 2026-12-01}\n",
            set(),
        ),
    ],
)
def test_review_rules(example_project: Path, status: str, body: str, codes: set[str]) -> None:
    _record(example_project, body, status=status)
    done = run_cli(["check", "--no-cache", "-f", "json"], example_project)
    found = {d["code"] for d in json.loads(done.stdout)} - {"ZB601"}
    if codes == {"schema"}:  # a malformed record: the schema rules report it, located
        assert found and all(c.startswith("ZB1") for c in found), found
        assert f"{RECORD}:4:" in run_cli(["check", "--no-cache"], example_project).stdout
        return
    assert found == codes, done.stdout


def test_vote_threshold_is_configurable(example_project: Path) -> None:
    _record(
        example_project,
        COMMENT + "    disposition: 采纳\n"
        "vote: {date: 2026-12-20, present: 20, approve: 14, against: 4, abstain: 2}\n",
        status="报批稿",
    )
    config = example_project / "zhibiao.yaml"
    config.write_text(config.read_text("utf-8") + "review:\n  vote_threshold: 0.66\n", "utf-8")
    done = run_cli(["check", "--no-cache", "-f", "json"], example_project)
    assert "ZB706" not in {d["code"] for d in json.loads(done.stdout)}


def test_orphan_and_broken_records(example_project: Path) -> None:
    (example_project / AI / "courses/zz99.review.yaml").write_text(
        "kind: review\nstandard: zz99.yaml\n", "utf-8"
    )
    (example_project / AI / "internship.review.yaml").write_text("- 不是映射\n", "utf-8")
    done = run_cli(["check", "--no-cache"], example_project)
    assert "courses/zz99.review.yaml:1:1: warning[ZB709]" in done.stdout
    assert "internship.review.yaml:1:1: error[ZB701]" in done.stdout
    assert done.exit_code == 1


def test_check_cache_sees_review_record_changes(example_project: Path) -> None:
    _record(example_project, COMMENT, status="送审稿")
    first = run_cli(["check"], example_project)
    assert "ZB703" in first.stdout
    edit(
        example_project / RECORD, "    proposal: 改\n", "    proposal: 改\n    disposition: 采纳\n"
    )
    second = run_cli(["check"], example_project)
    assert "ZB703" not in second.stdout, second.stdout


def test_suspect_links_until_confirmed(example_project: Path) -> None:
    init_repo(example_project)
    edit(
        example_project / AI / "competencies.yaml",
        "类型转换与合并。",
        "类型转换、合并与特征构造。",
    )
    summary = example_project / "summary.md"
    done = run_cli(
        ["check", "--base", "HEAD", "--format", "github", "--summary", str(summary)],
        example_project,
    )
    suspects = [line for line in done.stdout.splitlines() if "title=ZB708" in line]
    # 6 course items, 1 task, 1 room, 1 培养规格, and 5 course rows in each school's plan
    assert len(suspects) == 19, done.stdout
    text = summary.read_text("utf-8")
    assert "### 需复核（19 处）" in text and "实训室 R1 承载的职业能力 1-2-2 已修改（描述）" in text
    assert (
        f"| {AI}/plans/haigang-2026.yaml:180 | 需复核：示例海港职业学院（示例） 课程 ZJ02 "
        "Python程序设计 承载的职业能力 1-2-2 已修改（描述） |" in text
    )
    confirm = run_cli(
        ["comments", "confirm", "1-2-2", "--specialty", "510209", "--by", "张三", "--on", "2026-12-06",
         "--file", f"{AI}/training-base.yaml"],
        example_project,
    )  # fmt: skip
    assert confirm.exit_code == 0, confirm.stderr
    after = run_cli(["check", "--base", "HEAD", "-f", "json"], example_project)
    left = [d for d in json.loads(after.stdout) if d["code"] == "ZB708"]
    assert len(left) == 18 and all("training-base" not in d["file"] for d in left)
    run_cli(
        ["comments", "confirm", "1-2-2", "--specialty", "510209", "--by", "张三"], example_project
    )
    clean = run_cli(["check", "--base", "HEAD"], example_project)
    assert "ZB708" not in clean.stdout and clean.exit_code == 0
    assert "ZB709" not in clean.stdout  # the plans' records sit next to the plans
    assert (example_project / AI / "plans/haigang-2026.review.yaml").is_file()
    # a later change of the level makes them suspect again: the fingerprint no longer matches
    edit(
        example_project / AI / "competencies.yaml",
        "合并与特征构造。\n            type: 能力\n            level: 运用",
        "合并与特征构造。\n            type: 能力\n            level: 掌握",
    )
    again = run_cli(["check", "--base", "HEAD", "-f", "json"], example_project)
    messages = [d["message"] for d in json.loads(again.stdout) if d["code"] == "ZB708"]
    assert messages and all("要求的学习水平 运用 → 掌握" in m for m in messages)
    git(example_project, "status")


def test_anchor_matching_is_loose_but_not_vague() -> None:
    index = AnchorIndex(
        [
            Anchor("全文", "t"),
            Anchor("7.1", "素质"),
            Anchor("三（一）", "x"),
            Anchor("能力 1-2-3", "y"),
        ]
    )
    assert index.resolve("第7.1条") is index.resolve("７．１") is index.anchors[1]
    assert index.resolve("三(一)") is index.anchors[2]
    assert index.resolve("1-2-3") is index.anchors[3]
    assert index.resolve("能力1-2-3") is index.anchors[3]
    assert index.resolve("能力 1-2-4") is None and index.resolve("") is None
    assert normalise(" 第 5 章 ") == "5"


def test_report_docx_reads_back_and_is_reproducible() -> None:
    record = ReviewRecord.model_validate(
        {
            "kind": "review",
            "standard": "specialty.yaml",
            "comments": [
                {"id": "C001", "unit": "甲", "anchor": "7.1", "original": "原", "proposal": "<b>改</b>",
                 "reason": "因", "disposition": "部分采纳", "response": "只改前半句"},
                {"id": "C002", "unit": "乙", "anchor": "全文", "proposal": "=1+1"},
            ],
        }
    )  # fmt: skip
    data = report_docx("示例标准", record)
    assert data == report_docx("示例标准", record)
    from io import BytesIO

    document = docx.Document(BytesIO(data))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "序号", "章节号", "原文", "修改后内容", "理由", "提出单位", "处理意见",
    ]  # fmt: skip
    assert [c.text for c in table.rows[1].cells] == [
        "1", "7.1", "原", "<b>改</b>", "因", "甲", "部分采纳。只改前半句",
    ]  # fmt: skip
    assert table.rows[2].cells[6].text == "未处理"
    totals = [c.text for c in document.tables[1].rows[-1].cells]
    assert totals == ["合计", "2", "0", "1", "0", "1"]


def test_landscape_tables_span_the_turned_page(example_project: Path) -> None:
    """The 汇总处理表 and the Word form are landscape: their tables fill the turned text
    block, not the portrait width (which left a third of the page empty)."""
    from io import BytesIO

    from docx.oxml.ns import qn

    record = ReviewRecord.model_validate(
        {"kind": "review", "standard": "specialty.yaml",
         "comments": [{"id": "C001", "unit": "甲职业技术学院", "anchor": "7.1", "proposal": "改"}]}
    )  # fmt: skip
    assert run_cli(["comments", "form", f"{AI}/specialty.yaml"], example_project).exit_code == 0
    form = (example_project / FORMS / SPECIALTY_FORM).with_suffix(".docx").read_bytes()
    for data in (report_docx("示例标准", record), form):
        document = docx.Document(BytesIO(data))
        section = document.sections[0]
        assert section.page_width > section.page_height
        text_twips = (section.page_width - section.left_margin - section.right_margin) / 635
        assert text_twips > 13000  # about 240 mm: the turned A4 text block
        for table in document.tables:
            grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
            assert abs(sum(int(col.get(qn("w:w"))) for col in grid) - text_twips) < 30

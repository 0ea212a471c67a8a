"""Whatever a unit writes in a returned form reaches the review record unchanged, and the
record reads back as the same text (any Unicode, quotes, YAML and formula look-alikes)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from builder.comments.importer import read_xlsx
from builder.comments.store import load_review, save_tree, to_yaml_tree
from tests.conftest import examples

# openpyxl refuses control characters in cells; cell text is stripped when read
CELL = (
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(unit=CELL, anchor=CELL, proposal=CELL, reason=CELL)
def test_cell_text_survives_import_and_record(
    tmp_path: Path, unit: str, anchor: str, proposal: str, reason: str
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "意见反馈表"
    rows = [["文件标识", "510209/specialty"], ["提出单位", unit], [],
            ["序号", "章节号或编码", "原文", "修改建议", "理由"], ["1", anchor, "", proposal, reason]]  # fmt: skip
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"
    path = tmp_path / "form.xlsx"
    book.save(path)
    form = read_xlsx(path)
    assert form.unit == unit and form.doc_id == "510209/specialty"
    [row] = form.rows
    assert (row.anchor, row.proposal, row.reason) == (anchor, proposal, reason)
    record = tmp_path / "specialty.review.yaml"
    record.unlink(missing_ok=True)
    tree = to_yaml_tree(
        {
            "kind": "review",
            "standard": "specialty.yaml",
            "comments": [
                {
                    "id": "C001",
                    "unit": unit,
                    "anchor": anchor,
                    "proposal": proposal,
                    "reason": reason,
                }
            ],
        }
    )
    save_tree(record, tree, None)
    loaded = load_review(record, "specialty.review.yaml")
    assert loaded.record is not None, loaded.problems
    [comment] = loaded.record.comments
    assert (comment.unit, comment.anchor, comment.proposal, comment.reason) == (
        unit,
        anchor,
        proposal,
        reason,
    )

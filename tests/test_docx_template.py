"""The bundled reference template, user templates and the error paths of the exporter."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from builder.docx.export import export_trees, file_name, render_trees
from builder.docx.package import to_bytes
from builder.docx.profiles import GBT11
from builder.docx.styles import STYLE_NAMES, TABLE_STYLE
from builder.docx.template import TEMPLATE, build_reference, load_template
from builder.docx.writer import render
from builder.project import UsageError
from builder.read.config import ProjectConfig
from tests.docx_read import open_docx, style_fonts
from tests.docx_trees import course_tree, specialty_tree, training_base_tree


def test_committed_template_equals_a_fresh_build() -> None:
    assert TEMPLATE.read_bytes() == build_reference(), "run: python3 -m builder.docx.template"


def test_template_holds_every_named_style() -> None:
    document = docx.Document(str(TEMPLATE))
    names = {style.name for style in document.styles}
    assert STYLE_NAMES | {TABLE_STYLE} <= names
    section = document.sections[0]
    assert abs(section.page_width.mm - 210) < 0.1 and abs(section.page_height.mm - 297) < 0.1


def _user_template(tmp_path: Path, *, drop: str | None = None) -> Path:
    """A user's template: the bundled one with 标准正文 switched to 楷体 (and a style removed)."""
    document = docx.Document(str(TEMPLATE))
    style = document.styles["标准正文"]
    fonts = style.element.rPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts"
    )
    fonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "楷体")
    if drop:
        element = document.styles[drop].element
        element.getparent().remove(element)
    target = tmp_path / "mine.docx"
    document.save(str(target))
    return target


def test_user_reference_docx_restyles_output(tmp_path: Path) -> None:
    template = _user_template(tmp_path, drop="标准表题")
    document = open_docx(to_bytes(render(specialty_tree(), GBT11, template=template)))
    assert style_fonts(document, "标准正文")["eastAsia"] == "楷体"
    # a style the user template lacks is added from the bundled definitions
    assert style_fonts(document, "标准表题")["eastAsia"] == "黑体"
    captions = [p.text for p in document.paragraphs if p.style.name == "标准表题"]
    assert captions[0] == "表1 职业面向"
    _, added = load_template(template)
    assert added == ["标准表题"]


def test_missing_or_broken_template_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="参考模板不存在"):
        load_template(tmp_path / "none.docx")
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip", encoding="utf-8")
    with pytest.raises(UsageError, match=r"不是有效的 \.docx"):
        load_template(broken)


def test_bad_template_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(UsageError):
        export_trees(
            [specialty_tree()], ProjectConfig(), out, reference_docx=tmp_path / "missing.docx"
        )
    assert not out.exists()


def test_unwritable_output_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="输出目录"):
        export_trees([course_tree()], ProjectConfig(), blocker / "out")
    assert list(tmp_path.iterdir()) == [blocker]


def test_file_names_are_stable_and_safe() -> None:
    assert file_name(specialty_tree()) == "510209-专业教学标准.docx"
    assert file_name(course_tree()) == "510209-课程标准-ZH03-机器学习技术应用.docx"
    assert file_name(training_base_tree()) == "510209-实训基地建设标准.docx"


def test_profiles_follow_the_config() -> None:
    config = ProjectConfig.model_validate({"docx": {"profiles": {"course": "gbt1.1"}}})
    outputs = render_trees([course_tree()], config)
    document = open_docx(outputs[0].data)
    assert any(p.style.name == "标准章标题" for p in document.paragraphs)
    default = open_docx(render_trees([course_tree()], ProjectConfig())[0].data)
    assert any(p.style.name == "公文一级标题" for p in default.paragraphs)


def test_export_writes_each_document_once(tmp_path: Path) -> None:
    trees = [specialty_tree(), course_tree(), training_base_tree()]
    written = export_trees(trees, ProjectConfig(), tmp_path / "docx")
    assert [path.name for path in written] == [file_name(tree) for tree in trees]
    again = export_trees(trees, ProjectConfig(), tmp_path / "again")
    for first, second in zip(written, again, strict=True):
        assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in (tmp_path / "docx").iterdir()) == sorted(p.name for p in written)
    docx.Document(io.BytesIO(written[0].read_bytes()))


def test_project_issuer_fills_a_missing_cover_issuer() -> None:
    tree = course_tree()
    bare = replace(tree, cover=replace(tree.cover, issuer=None))
    config = ProjectConfig.model_validate({"issuer": "示例行业教学指导委员会"})
    outputs = render_trees([bare], config)
    assert open_docx(outputs[0].data).core_properties.author == "示例行业教学指导委员会"


def test_document_time_comes_from_partial_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    from builder.docx.package import fixed_time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert fixed_time("2026-06-30").isoformat() == "2026-06-30T00:00:00+00:00"
    assert fixed_time("2026-07").isoformat() == "2026-07-01T00:00:00+00:00"
    assert fixed_time("2026").isoformat() == "2026-01-01T00:00:00+00:00"
    assert fixed_time(None).year == 2000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert fixed_time(None).isoformat() == "2026-01-01T00:00:00+00:00"

"""Download providers: raw YAML always, the Word export plugged in through a seam."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from builder.base.outputs import Written
from builder.compose import compose_corpus
from builder.compose.doctree import DocTree
from builder.docx.export import export_written
from builder.read.config import ProjectConfig
from builder.read.corpus import Corpus
from builder.site.downloads import WordExport, YamlSources, default_providers
from tests.compose_models import CONFIG, small_corpus


def test_yaml_provider_maps_pages_to_source_files() -> None:
    corpus = small_corpus()
    trees = compose_corpus(corpus, CONFIG)
    found = YamlSources().collect(corpus, CONFIG, trees, Path("unused"))
    assert found["510209/courses/ZH01.md"] == Path("standards/510209/courses/zh01.yaml")
    assert len(found) == len(trees)


def test_word_export_files_are_linked_by_the_identity_the_exporter_returns(
    tmp_path: Path,
) -> None:
    corpus = small_corpus()
    trees = compose_corpus(corpus, CONFIG)
    course = next(t for t in trees if t.page == "510209/courses/ZH01.md")

    def export(
        corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], out_dir: Path
    ) -> list[Written]:
        out_dir.mkdir(parents=True)
        named_oddly = out_dir / "任意的名字.docx"
        named_oddly.write_bytes(b"not even a docx: it is never opened")
        notice = out_dir / "通知.docx"
        notice.write_bytes(b"")
        stray = out_dir / "stray.docx"
        stray.write_bytes(b"")
        return [
            Written(named_oddly, "docx", course.doc_id, course.page, course.cover.title),
            Written(notice, "docx"),  # no single document: linked to no page
            Written(stray, "docx", "x", "elsewhere/x.md", "不相关的文件"),
        ]

    found = WordExport(export).collect(corpus, CONFIG, trees, tmp_path)
    assert found == {"510209/courses/ZH01.md": tmp_path / "docx/任意的名字.docx"}


def test_the_word_export_names_each_file_s_document(tmp_path: Path) -> None:
    corpus = small_corpus()
    trees = compose_corpus(corpus, CONFIG)
    written = export_written(trees, CONFIG, tmp_path / "docx")
    assert [w.page for w in written] == [t.page for t in trees]
    assert [w.title for w in written] == [t.cover.title for t in trees]
    assert all(w.path.is_file() and w.format == "docx" for w in written)


def test_default_providers_offer_yaml_and_respect_no_docx() -> None:
    matrix = ["能力矩阵（Excel）", "能力矩阵（CSV）"]  # on 职业能力清单 pages only
    assert [p.label for p in default_providers(docx=False)] == ["YAML 源文件", *matrix]
    assert [p.label for p in default_providers()] == ["YAML 源文件", "Word 文档", *matrix]


def test_site_word_downloads_use_the_configured_reference_template(tmp_path: Path) -> None:
    """`docx.reference_docx` in zhibiao.yaml restyles the site's Word files as it does
    `zhibiao export docx`'s (the path is relative to the project root)."""
    from tests.docx_read import open_docx, style_fonts
    from tests.test_docx_template import _user_template

    _user_template(tmp_path)  # writes tmp_path/mine.docx with 标准正文 in 楷体
    corpus = small_corpus()
    trees = compose_corpus(corpus, CONFIG)
    config = CONFIG.model_copy(
        update={"docx": CONFIG.docx.model_copy(update={"reference_docx": "mine.docx"})}
    )
    providers = default_providers(docx=True, root=tmp_path)
    [words] = [p for p in providers if p.label == "Word 文档"]
    word = words.collect(corpus, config, trees, tmp_path / "work")
    assert word
    for path in word.values():
        document = open_docx(path.read_bytes())
        assert style_fonts(document, "标准正文")["eastAsia"] == "楷体"

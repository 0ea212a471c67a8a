"""Download providers: raw YAML always, the Word export plugged in through a seam."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx

from builder.compose import compose_corpus
from builder.config import ProjectConfig
from builder.corpus import Corpus
from builder.doctree import DocTree
from builder.site.downloads import WordExport, YamlSources, default_providers
from tests.compose_models import CONFIG, small_corpus


def test_yaml_provider_maps_pages_to_source_files() -> None:
    corpus = small_corpus()
    trees = compose_corpus(corpus, CONFIG)
    found = YamlSources().collect(corpus, CONFIG, trees, Path("unused"))
    assert found["510209/courses/ZH01.md"] == Path("standards/510209/courses/zh01.yaml")
    assert len(found) == len(trees)


def test_word_export_files_are_matched_by_title_or_path(tmp_path: Path) -> None:
    corpus = small_corpus()
    trees = compose_corpus(corpus, CONFIG)

    def export(
        corpus: Corpus, config: ProjectConfig, trees: Sequence[DocTree], out_dir: Path
    ) -> list[Path]:
        out_dir.mkdir(parents=True)
        by_title = docx.Document()
        by_title.core_properties.title = "数据采集与标注课程标准"
        by_title.save(str(out_dir / "课程-ZH01.docx"))
        (out_dir / "510209").mkdir()
        by_path = docx.Document()
        by_path.save(str(out_dir / "510209/specialty.docx"))
        stray = docx.Document()
        stray.core_properties.title = "不相关的文件"
        stray.save(str(out_dir / "stray.docx"))
        return sorted(out_dir.rglob("*.docx"))

    found = WordExport(export).collect(corpus, CONFIG, trees, tmp_path)
    assert found == {
        "510209/courses/ZH01.md": tmp_path / "docx/课程-ZH01.docx",
        "510209/specialty.md": tmp_path / "docx/510209/specialty.docx",
    }


def test_default_providers_offer_yaml_and_respect_no_docx() -> None:
    assert [p.label for p in default_providers(docx=False)] == ["YAML 源文件"]
    assert default_providers()[0].label == "YAML 源文件"


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
    word = providers[-1].collect(corpus, config, trees, tmp_path / "work")
    assert word
    for path in word.values():
        document = open_docx(path.read_bytes())
        assert style_fonts(document, "标准正文")["eastAsia"] == "楷体"

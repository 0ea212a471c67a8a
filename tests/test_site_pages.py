"""Home page, specialty overview, nav and the jieba dictionary (pure functions)."""

from __future__ import annotations

from pathlib import Path

from builder.compose import compose_corpus
from builder.read.corpus import Corpus
from builder.site.markdown import Download
from builder.site.pages import SiteInfo, grouped, home_page, specialty_page
from builder.site.searchdict import jieba_user_dict, search_terms
from builder.site.sources import changelog_page, published_name, site_sources
from tests.compose_models import CONFIG, loaded, meta, small_corpus, specialty


def _two_categories() -> Corpus:
    ecommerce = specialty(
        meta=meta("电子商务专业教学标准", status="送审稿"),
        code="730701",
        name="电子商务",
        level="中职",
        career={
            "major_category": {"code": "73", "name": "财经商贸大类"},
            "major_class": {"code": "7307", "name": "电子商务类"},
            "industries": [{"code": "51", "name": "批发业"}],
            "occupations": [{"code": "4-01-06-01", "name": "电子商务师"}],
            "posts": ["网店运营"],
        },
        courses=[
            {
                "code": "ZY01",
                "name": "网店运营",
                "nature": "专业核心",
                "hours": 64,
                "theory_hours": 32,
                "practice_hours": 32,
                "credits": 4,
                "semesters": [2],
            }
        ],
    )
    software = specialty(code="510203", name="软件技术", meta=meta("软件技术专业教学标准"))
    corpus = small_corpus()
    corpus.documents += [
        loaded(ecommerce, "../730701/specialty.yaml"),
        loaded(software, "../510203/specialty.yaml"),
    ]
    corpus.group()
    return corpus


def test_specialties_grouped_by_category_then_level_then_code() -> None:
    groups = grouped(_two_categories())
    assert [(cat, [(lv, [e.code for e in es]) for lv, es in levels]) for cat, levels in groups] == [
        (("51", "电子与信息大类"), [("高职专科", ["510203", "510209"])]),
        (("73", "财经商贸大类"), [("中职", ["730701"])]),
    ]


def test_home_page_lists_status_and_version_with_links() -> None:
    text = home_page(_two_categories(), SiteInfo("职业教育标准", "某行指委", "2025"))
    assert "## 电子与信息大类（51） {#cat-51}" in text and "### 中职 {#cat-73-zz}" in text
    assert "共 3 个专业" in text and "（2025 版）" in text
    row = next(line for line in text.splitlines() if line.startswith("| 510209"))
    assert "[人工智能技术应用](510209/index.md)" in row
    assert "[人工智能技术应用专业教学标准](510209/specialty.md)" in row
    assert "| 征求意见稿 | 2025 |" in row and "[职业能力清单](510209/competencies.md)" in row
    assert "| 送审稿 |" in next(line for line in text.splitlines() if line.startswith("| 730701"))


def test_specialty_page_lists_documents_downloads_and_coverage() -> None:
    corpus = small_corpus()
    downloads = {"510209/courses/ZH01.md": [Download("YAML 源文件", "ZH01.yaml")]}
    text = specialty_page(corpus.specialties["510209"], CONFIG, downloads, SiteInfo("站点"))
    assert "# 人工智能技术应用（510209） {#title}" in text
    assert (
        "[数据采集与标注课程标准](courses/ZH01.md) | 课程标准 | 征求意见稿 | 2025 | [YAML 源文件](courses/ZH01.yaml) |"
        in text
    )
    assert (
        "职业能力清单共 4 项职业能力，其中 4 项由 2 门课程、1 份岗位实习标准和 1 个实训室承载"
        in text
    )
    assert "(competencies.md#matrix)" in text


def test_site_sources_render_every_page_and_a_data_nav() -> None:
    corpus = small_corpus()
    trees = compose_corpus(corpus, CONFIG)
    source = Path("standards/510209/courses/zh01.yaml")
    sources = site_sources(
        corpus,
        CONFIG,
        trees,
        {"510209/courses/ZH01.md": [("YAML 源文件", source)]},
        SiteInfo("站点"),
        "本版新增课程。",
    )
    assert set(sources.pages) == {
        "index.md",
        "510209/index.md",
        "changelog.md",
        *(t.page for t in trees),
    }
    assert sources.copies == {"510209/courses/ZH01.yaml": source}
    assert "[YAML 源文件](ZH01.yaml)" in sources.pages["510209/courses/ZH01.md"]
    assert sources.nav[0] == {"首页": "index.md"}
    specialty_nav = sources.nav[1]["电子与信息大类"][0]["人工智能技术应用（510209）"]
    assert specialty_nav[:3] == [
        "510209/index.md",
        {"专业教学标准": "510209/specialty.md"},
        {"职业能力清单": "510209/competencies.md"},
    ]
    assert {
        "课程标准": [
            {"ZJ02 Python程序设计": "510209/courses/ZJ02.md"},
            {"ZH01 数据采集与标注": "510209/courses/ZH01.md"},
        ]
    } in specialty_nav
    assert sources.nav[-1] == {"修订说明": "changelog.md"}
    assert sources.pages["changelog.md"].startswith(
        '---\ntitle: "修订说明"\n---\n\n# 修订说明\n\n本版新增课程。'
    )


def test_changelog_keeps_its_own_title_and_published_names() -> None:
    assert "# 2025 版修订说明" in changelog_page("# 2025 版修订说明\n\n- 新增")
    assert "# 修订说明" not in changelog_page("# 2025 版修订说明")
    assert published_name("510209/courses/ZH01.md", ".docx") == "510209/courses/ZH01.docx"


def test_jieba_dictionary_holds_han_only_domain_terms() -> None:
    terms = search_terms(small_corpus().specialties.values())
    assert "数据采集与标注" in terms and "程序设计" in terms and "数据采集与标注实训室" in terms
    assert "数据采集与处理" in terms and "模型训练与评估" in terms
    assert not any(t.isascii() or "Python" in t for t in terms)
    assert terms == sorted(set(terms))
    assert jieba_user_dict(small_corpus().specialties.values()).splitlines() == terms

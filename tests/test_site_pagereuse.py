"""Pages kept from a shard's previous build (`builder.site.pagereuse`): whatever was edited,
the site built with reuse is byte for byte the site a clean build makes, and only pages
whose source changed are rendered again."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from builder.site import batch, pagereuse
from builder.site.engine import SiteJob
from builder.site.pagecache import PageCache

CONFIG = """\
site_name: 课程标准
docs_dir: docs
nav:
  - index.md
  - 课程:
      - 课程甲: courses/a.md
      - courses/b.md
theme:
  name: material
  language: zh
plugins:
  - search:
      jieba_dict_user: dict.txt
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
  - tables
validation:
  links:
    anchors: warn
"""
PAGES = {
    "index.md": "# 首页\n\n见[课程甲的教学目标](courses/a.md#goal)。\n",
    "courses/a.md": "# 课程甲\n\n## 教学目标 {#goal}\n\n掌握公差配合与测量。\n\n"
    "另见[课程乙](b.md#hours)。\n",
    "courses/b.md": "# 课程乙\n\n## 学时 {#hours}\n\n共 64 学时，其中实训 32 学时。\n",
}


@pytest.fixture(scope="module")
def worker() -> Iterator[tuple[Any, Any]]:
    """The batch worker's state: jieba loaded once, MkDocs' warnings collected."""
    log = batch._Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(log)
    jieba = batch._Jieba()
    pagereuse.install()
    yield jieba, log
    logger.removeHandler(log)


def _write(root: Path, pages: dict[str, str], config: str = CONFIG) -> Path:
    for rel, text in pages.items():
        (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / rel).write_text(text, "utf-8")
    (root / "dict.txt").write_text("公差配合\n教学目标\n", "utf-8")
    (root / "mkdocs.yml").write_text(config, "utf-8")
    return root / "mkdocs.yml"


class Builder:
    def __init__(self, tmp: Path, worker: tuple[Any, Any]) -> None:
        self.tmp, self.jieba, self.log = tmp, *worker
        self.count = 0

    def sources(self, pages: dict[str, str], config: str = CONFIG) -> Path:
        self.count += 1
        return _write(self.tmp / f"src{self.count}", pages, config)

    def build(
        self, config: Path, previous: dict[str, Any] | None = None
    ) -> tuple[Path, dict[str, Any]]:
        self.count += 1
        out = self.tmp / f"site{self.count}"
        before = (previous or {}).get("site")
        record = (previous or {}).get("pages")
        result = batch.build_one(config, out, self.jieba, self.log, before, record)
        result["site"] = out
        return out, result


@pytest.fixture
def builder(tmp_path: Path, worker: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch) -> Builder:
    monkeypatch.chdir(tmp_path)  # the worker changes into each site's folder
    return Builder(tmp_path, worker)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _same(a: Path, b: Path) -> None:
    left, right = _files(a), _files(b)
    assert sorted(left) == sorted(right)
    assert [k for k in left if left[k] != right[k]] == []


def _rebuilt(builder: Builder, pages: dict[str, str], config: str = CONFIG) -> dict[str, Any]:
    """Build the original pages, then `pages` with reuse and clean; the two must agree."""
    _, first = builder.build(builder.sources(PAGES))
    assert first["error"] == "" and first["warnings"] == []
    edited = builder.sources(pages, config)
    incremental, result = builder.build(edited, first)
    clean, fresh = builder.build(edited)
    assert result["warnings"] == fresh["warnings"]
    assert result["error"] == fresh["error"]
    if not result["error"] and not result["warnings"]:
        _same(incremental, clean)
        assert result["pages"]["pages"] == fresh["pages"]["pages"]
    result["previous"] = first["site"]
    return result


def test_nothing_changed_keeps_every_page(builder: Builder) -> None:
    result = _rebuilt(builder, PAGES)
    assert result["pages"]["kept"] == len(PAGES)
    for rel in ("index.html", "courses/a/index.html", "404.html"):  # linked, not rewritten
        assert (result["site"] / rel).stat().st_ino == (result["previous"] / rel).stat().st_ino


def test_an_edited_page_is_rendered_again_and_the_others_kept(builder: Builder) -> None:
    pages = {**PAGES, "courses/b.md": PAGES["courses/b.md"].replace("64", "72")}
    result = _rebuilt(builder, pages)
    assert result["pages"]["kept"] == len(PAGES) - 1
    page = (result["site"] / "courses/b/index.html").read_text("utf-8")
    assert "72 学时" in page
    index = json.loads((result["site"] / "search/search_index.json").read_text("utf-8"))
    assert any("72" in d["text"] for d in index["docs"])


def test_a_title_shown_in_the_navigation_renders_every_page(builder: Builder) -> None:
    """courses/b.md has no title in the nav: its H1 is shown on every page."""
    pages = {**PAGES, "courses/b.md": PAGES["courses/b.md"].replace("# 课程乙", "# 课程丙")}
    result = _rebuilt(builder, pages)
    assert result["pages"]["kept"] == 0
    assert "课程丙" in (result["site"] / "index.html").read_text("utf-8")


def test_a_config_or_a_new_file_renders_every_page(builder: Builder) -> None:
    renamed = _rebuilt(builder, PAGES, CONFIG.replace("site_name: 课程标准", "site_name: 新名称"))
    assert renamed["pages"]["kept"] == 0
    added = _rebuilt(builder, {**PAGES, "extra.md": "# 附录\n"})
    assert added["pages"]["kept"] == 0


def test_a_kept_page_still_has_its_links_checked(builder: Builder) -> None:
    """index.md (kept) links to #goal in courses/a.md; an edit removing it is a warning."""
    pages = {**PAGES, "courses/a.md": PAGES["courses/a.md"].replace(" {#goal}", "")}
    result = _rebuilt(builder, pages)
    assert any("goal" in w for w in result["warnings"])
    # and an edited page linking into a kept one finds the kept page's anchors
    pages = {**PAGES, "courses/a.md": PAGES["courses/a.md"] + "\n再次见[学时](b.md#hours)。\n"}
    assert _rebuilt(builder, pages)["warnings"] == []


def test_a_previous_output_unlike_its_record_is_not_kept(builder: Builder) -> None:
    _, first = builder.build(builder.sources(PAGES))
    page = first["site"] / "courses/b/index.html"
    page.write_text(page.read_text("utf-8") + "<!-- injected -->", "utf-8")
    index = first["site"] / "search/search_index.json"
    data = json.loads(index.read_text("utf-8"))
    for entry in data["docs"]:
        if entry["location"].startswith("courses/a/"):
            entry["text"] += "（篡改）"
    index.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    sources = builder.sources(PAGES)
    incremental, result = builder.build(sources, first)
    clean, _ = builder.build(sources)
    assert result["pages"]["kept"] == len(PAGES) - 2
    _same(incremental, clean)


def test_a_linked_previous_page_is_not_followed(builder: Builder, tmp_path: Path) -> None:
    """A previous page replaced by a link (here to the very same bytes) is rendered again,
    and the new site holds a plain file."""
    _, first = builder.build(builder.sources(PAGES))
    page = first["site"] / "courses/b/index.html"
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_bytes(page.read_bytes())
    page.unlink()
    page.symlink_to(elsewhere)
    sources = builder.sources(PAGES)
    incremental, result = builder.build(sources, first)
    clean, _ = builder.build(sources)
    assert result["pages"]["kept"] == len(PAGES) - 1
    assert not (incremental / "courses/b/index.html").is_symlink()
    _same(incremental, clean)


def test_a_record_from_another_context_keeps_nothing(builder: Builder) -> None:
    _, first = builder.build(builder.sources(PAGES))
    for change in ({"format": 0}, {"context": "0" * 32}):
        forged = {**first, "pages": {**first["pages"], **change}}
        _, result = builder.build(builder.sources(PAGES), forged)
        assert result["pages"]["kept"] == 0


@pytest.mark.parametrize(
    ("extra", "allowed"),
    [
        ("", True),
        ("hooks: [hook.py]\n", False),
        ("markdown_extensions: [toc, pymdownx.snippets]\n", False),
        ("plugins: [search, tags]\n", False),
    ],
)
def test_reuse_only_where_a_page_depends_on_its_own_source(
    tmp_path: Path, extra: str, allowed: bool
) -> None:
    base = "site_name: x\ntheme: {name: material}\n"
    (tmp_path / "docs").mkdir()
    (tmp_path / "hook.py").write_text("", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(base + extra, "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert pagereuse.reuse_allowed(config) is allowed


_WORDS = st.sampled_from(["课程", "教学目标", "学时", "实训", "公差配合", "测量", "PLC", "32"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=6).map("".join)
_EDITS = st.fixed_dictionaries(
    {
        "page": st.sampled_from(sorted(PAGES)),
        "body": st.one_of(st.none(), _TEXT),
        "title": st.one_of(st.none(), _TEXT),
        "drop_anchor": st.booleans(),
    }
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(_EDITS, min_size=1, max_size=3))
def test_any_edit_gives_the_clean_build(builder: Builder, edits: list[dict[str, Any]]) -> None:
    pages = dict(PAGES)
    for edit in edits:
        text = pages[edit["page"]]
        if edit["body"] is not None:
            text += f"\n{edit['body']}\n"
        if edit["title"] is not None:
            rest = text.partition("\n")[2]
            text = f"# {edit['title']}\n{rest}"
        if edit["drop_anchor"]:
            text = text.replace(" {#goal}", "").replace(" {#hours}", "")
        pages[edit["page"]] = text
    result = _rebuilt(builder, pages)  # compares warnings, or sites and records
    broken = "{#goal}" not in pages["courses/a.md"] or "{#hours}" not in pages["courses/b.md"]
    assert bool(result["warnings"]) == broken


def test_records_are_kept_signed_and_pruned(tmp_path: Path) -> None:
    cache = PageCache.open(tmp_path, scope="site")
    assert cache.enabled
    job = SiteJob(tmp_path / "mkdocs.yml", tmp_path / "out" / "730701")
    cache.keep({job.site_dir.resolve(): {"format": 1, "pages": {}}}, [job], {"730701": "k1"})
    previous = cache.with_previous(job, (tmp_path / "old", "k1"))
    assert previous.previous == tmp_path / "old" and previous.record == {"format": 1, "pages": {}}
    assert cache.with_previous(job, (tmp_path / "old", "other")) == job
    # a record edited in the cache folder does not verify: the shard is built whole
    entry = tmp_path / ".zhibiao/cache/pages" / f"{PageCache.entry('k1')}.json"
    entry.write_text('{"format": 1, "pages": {"x": 1}}', "utf-8")
    assert PageCache.open(tmp_path, scope="site").with_previous(job, (tmp_path, "k1")) == job
    # after a build, the records of shards no longer published go
    cache = PageCache.open(tmp_path, scope="site")
    cache.keep({job.site_dir.resolve(): {"format": 1}}, [job], {"730701": "k2"})
    cache.settle(["k2"])
    names = {p.name for p in (tmp_path / ".zhibiao/cache/pages").iterdir()}
    assert f"{PageCache.entry('k2')}.json" in names
    assert f"{PageCache.entry('k1')}.json" not in names


def test_compiled_templates_are_kept_signed(tmp_path: Path) -> None:
    import jinja2

    from builder.site.pagecache import TemplateCache

    (tmp_path / "t").mkdir()
    (tmp_path / "t/page.html").write_text("<h1>{{ title }}</h1>", "utf-8")

    def render(kept: TemplateCache) -> str:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(tmp_path / "t"),
            bytecode_cache=batch._CompiledTemplates(kept),
            autoescape=True,
        )
        return env.get_template("page.html").render(title="<课程>")

    first = TemplateCache.open(tmp_path, scope="site")
    assert render(first) == "<h1>&lt;课程&gt;</h1>" and first.stats.rendered == 1
    second = TemplateCache.open(tmp_path, scope="site")  # the next build: loaded, not compiled
    assert render(second) == "<h1>&lt;课程&gt;</h1>" and second.stats.hits == 1
    assert second.stats.rendered == 0
    for entry in (tmp_path / ".zhibiao/cache/templates").glob("*.bin"):
        entry.write_bytes(entry.read_bytes()[:-4] + b"\0\0\0\0")  # not what was signed
    third = TemplateCache.open(tmp_path, scope="site")
    assert render(third) == "<h1>&lt;课程&gt;</h1>" and third.stats.rejected == 1

"""jieba's dictionary looked up in a signed database (`builder.site.jiebadict`) cuts text
exactly as the loaded dictionary does, and a shard's search index is the same either way."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jieba
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.site import batch, jiebadict, pagereuse
from builder.site.jiebadict import JiebaCache
from tests.test_site_pagereuse import PAGES, _write

SAMPLES = (
    "职业教育专业教学标准电气自动化服务与管理",
    "掌握公差配合与测量的基本知识能够使用可编程控制器进行编程",
    "岗位实习标准实训基地建设标准职业能力清单学习水平",
    "液压与气动新技术工业机器人编程拓展智能产线调试案例分析",
    "劳动教育大学语文机械制图电工电子机械设计基础",
)
USER_WORDS = ("公差配合与测量", "智能产线调试", "电气自动化服务与管理综合应用", "实训")


@pytest.fixture(scope="module")
def dictionary(tmp_path_factory: pytest.TempPathFactory) -> jiebadict.Dictionary:
    found = jiebadict.open_dictionary(tmp_path_factory.mktemp("project"))
    assert found is not None
    return found


@pytest.fixture(scope="module")
def loaded() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.check_initialized()
    return tokenizer


def _pair(
    dictionary: jiebadict.Dictionary, loaded: jieba.Tokenizer, words: list[str]
) -> tuple[jieba.Tokenizer, jieba.Tokenizer]:
    full = jieba.Tokenizer()
    full.FREQ, full.total, full.initialized = dict(loaded.FREQ), loaded.total, True
    lazy = jieba.Tokenizer()
    lazy.FREQ, lazy.total, lazy.initialized = dictionary.freq(), dictionary.total, True
    for word in words:
        full.add_word(word)
        lazy.add_word(word)
    return full, lazy


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_PIECES = st.one_of(
    st.sampled_from(SAMPLES).flatmap(
        lambda s: st.tuples(st.integers(0, len(s)), st.integers(0, len(s))).map(
            lambda ij: s[min(ij) : max(ij)]
        )
    ),
    st.text(_HAN, min_size=1, max_size=8),
    st.sampled_from(["PLC", "，", "32 学时", "（1）"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(_PIECES, min_size=1, max_size=8).map("".join),
    words=st.lists(st.sampled_from(USER_WORDS), max_size=3, unique=True),
)
def test_cuts_equal_the_loaded_dictionary(
    dictionary: jiebadict.Dictionary, loaded: jieba.Tokenizer, text: str, words: list[str]
) -> None:
    full, lazy = _pair(dictionary, loaded, words)
    assert list(lazy.cut(text)) == list(full.cut(text))
    assert list(lazy.cut(text, HMM=False)) == list(full.cut(text, HMM=False))


def test_the_database_holds_jiebas_own_dictionary(
    dictionary: jiebadict.Dictionary, loaded: jieba.Tokenizer
) -> None:
    assert dictionary.total == loaded.total
    lookup = dictionary.freq()
    for word in ("教育", "教", "标准化", "自动化", "不存在的词语甲乙"):
        assert lookup.get(word) == loaded.FREQ.get(word)
        assert (word in lookup) == (word in loaded.FREQ)


def test_a_forged_database_is_made_again(tmp_path: Path) -> None:
    assert jiebadict.open_dictionary(tmp_path) is not None
    folder = tmp_path / ".zhibiao/cache" / JiebaCache.SUBDIR
    (entry,) = folder.glob("*.sqlite")
    forged = jiebadict.make_database({"教育": 1, "教": 0}, 1)
    entry.write_bytes(forged)
    again = jiebadict.open_dictionary(tmp_path)
    assert again is not None and again.total > 1_000_000
    assert entry.read_bytes() != forged
    assert jiebadict.open_dictionary(None) is None


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The three-page site of `test_site_pagereuse` (its user dictionary has 公差配合)."""
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, PAGES)
    log = batch._Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(log)
    pagereuse.install()
    yield tmp_path
    logger.removeHandler(log)


def _index(site: Path, jieba_state: Any, out: str) -> bytes:
    result = batch.build_one(site / "mkdocs.yml", site / out, jieba_state, batch._Collect())
    assert result["error"] == "" and result["warnings"] == []
    return (site / out / "search/search_index.json").read_bytes()


def test_a_search_index_is_the_same_with_the_database(site: Path) -> None:
    lookup = batch._Jieba(site)
    assert lookup.lookup is not None
    index = _index(site, lookup, "a")
    assert index == _index(site, batch._Jieba(None), "b")
    docs = json.loads(index)["docs"]
    assert any("\u200b公差配合\u200b" in d["text"] for d in docs)  # a user word kept whole
    # the next site starts from the default dictionary again: no user word carried over
    lookup.reset()
    assert "公差配合" not in lookup.tokenizer.FREQ
    assert _index(site, lookup, "c") == index

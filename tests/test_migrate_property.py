"""`zhibiao migrate` is a no-op on current files and idempotent on old ones (property tests).

Documents are generated from the models (tests/model_strategies.py). A current file, even
one with `# 原文未给出` comments where today's conventions put them (on a code that must stay
待补充, on a value the transcriber chose), is never changed by a single byte. The same
documents turned into old shapes (a text `待补充  # 原文未给出`, an optional number marked
原文未给出, a list of marked placeholders) migrate to files the model reads, where a second
run changes nothing.
"""

from __future__ import annotations

import io
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from builder.migrate import migrate_text
from builder.migrate.fields import (
    NAME_FIELDS,
    Site,
    accepts_marked_list,
    accepts_text,
    fields,
    is_text,
)
from builder.model import DOCUMENT_ADAPTER, KINDS
from builder.model.introspect import list_item_model
from builder.model.sourced import NOT_GIVEN
from builder.read.corpus import validate
from builder.read.yamlsource import parse
from builder.yamlfmt import make_yaml
from tests.conftest import examples
from tests.model_strategies import document

SETTINGS = settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
MARK = "# 原文未给出（副本缺失）"


def _valid(data: dict[str, Any]) -> bool:
    doc, _ = validate(data, "x.yaml")
    return doc is not None


def _text(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


DOCS = st.sampled_from(sorted(KINDS)).flatmap(lambda k: document(k, "510209").filter(_valid))


def _dump(tree: Any) -> str:
    out = io.StringIO()
    make_yaml().dump(tree, out)
    return out.getvalue()


def _sites(text: str) -> tuple[Any, list[Site]]:
    tree = make_yaml().load(text)
    return tree, list(fields(tree, KINDS[tree["kind"]]))


def _is_number(site: Site) -> bool:
    value = site.value
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@SETTINGS
@given(DOCS, st.data())
def test_current_files_change_no_byte(data: dict[str, Any], draw: st.DataObject) -> None:
    tree, sites = _sites(_text(data))
    for site in sites:  # comments as today's transcriptions write them
        value = site.value
        if isinstance(value, (CommentedMap, CommentedSeq)) or not draw.draw(st.booleans()):
            continue
        if _is_number(site):
            site.container.yaml_add_eol_comment("# 原文：按公布的数字", site.key)
        else:
            site.container.yaml_add_eol_comment(MARK, site.key)  # a chosen value, a code
    text = _dump(tree)
    done = migrate_text(text)
    assert done.changes == []
    assert done.text == text


@SETTINGS
@given(DOCS, st.data())
def test_old_shapes_migrate_once(data: dict[str, Any], draw: st.DataObject) -> None:
    tree, sites = _sites(_text(data))
    texts, numbers, lists = [], [], []
    for site in sites:
        if site.key not in site.container or not draw.draw(st.booleans()):
            continue
        hint = site.hint
        if (
            is_text(hint)
            and site.key not in NAME_FIELDS
            and isinstance(site.value, str)
            and accepts_text(site, "待补充")
        ):
            site.container[site.key] = "待补充"
            site.container.yaml_add_eol_comment(MARK, site.key)
            texts.append(site.path)
        elif _is_number(site) and not site.required:
            site.container.yaml_add_eol_comment(MARK, site.key)
            numbers.append(site.path)
        elif accepts_marked_list(hint) and list_item_model(hint) is None:
            row = CommentedSeq(["待补充"])
            site.container[site.key] = row
            row.yaml_add_eol_comment(MARK, 0)
            lists.append(site.path)
    old = _dump(tree)
    try:
        DOCUMENT_ADAPTER.validate_python(parse(old))
    except ValueError:
        assume(False)  # 待补充 where a date or pattern refuses it: not a file that existed
    once = migrate_text(old)
    assert once.text is not None, once.refused
    after = parse(once.text)
    DOCUMENT_ADAPTER.validate_python(after)
    for path in texts + lists:
        if not any(path[: len(p)] == p and path != p for p in lists):
            # the placeholder is 原文未给出 now, or the list holding it is, when every value of
            # its rows was a placeholder (migrate's placeholder-rows step)
            held = [path[:i] for i in range(len(path), 0, -1)]
            assert any(_at(after, p) == NOT_GIVEN for p in held), path
    for path in numbers:
        if not any(path[: len(p)] == p for p in lists):
            assert _at(after, path) is _MISSING, path
    twice = migrate_text(once.text)
    assert twice.changes == [] and twice.text == once.text


_MISSING: Any = object()


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return data

"""The generated mkdocs config merged over the user's root mkdocs.yml."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from builder.project import UsageError
from builder.site.config import (
    SiteSettings,
    Tagged,
    asset_paths,
    dump_config,
    load_root_config,
    site_config,
)
from builder.site.theme import THEME_DIR

SETTINGS = SiteSettings(
    "站点", "https://std.example.org/", [{"首页": "index.md"}], "docs", "jieba.txt"
)

ROOT = """\
site_name: 我的标准站
docs_dir: user-docs
site_dir: elsewhere
theme:
  name: material
  font:
    text: Roboto
  logo: assets/logo.png
  custom_dir: overrides
  palette: {primary: teal}
markdown_extensions:
  - toc:
      permalink: "#"
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search:
      separator: '[\\s\\u200b\\-]+'
  - tags
extra:
  analytics: !ENV [ANALYTICS, false]
extra_css:
  - assets/site.css
  - https://cdn.example.org/x.css
"""


def test_root_settings_kept_forced_keys_replaced(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(ROOT, "utf-8")
    root = load_root_config(tmp_path / "mkdocs.yml")
    config = site_config(root, SETTINGS, tmp_path)
    assert config["site_name"] == "我的标准站" and config["site_url"] == "https://std.example.org/"
    assert config["docs_dir"] == "docs" and "site_dir" not in config
    assert config["nav"] == [{"首页": "index.md"}]
    theme = config["theme"]
    assert (
        theme["font"] is False
        and theme["language"] == "zh"
        and theme["palette"] == {"primary": "teal"}
    )
    assert theme["custom_dir"] == THEME_DIR  # generated; it holds the user's folder too
    assert "navigation.prune" in theme["features"]
    assert config["plugins"][0] == {
        "search": {"separator": "[\\s\\u200b\\-]+", "jieba_dict_user": "jieba.txt"}
    }
    assert config["plugins"][1] == "tags"
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert names == ["toc", "pymdownx.emoji", "attr_list", "tables", "admonition", "md_in_html"]
    assert config["markdown_extensions"][0] == {
        "toc": {"permalink": "#", "permalink_title": "永久链接"}
    }
    assert config["extra_css"][:2] == ["assets/zhibiao.css", "assets/site.css"]
    assert config["validation"]["links"]["anchors"] == "warn"
    assert "version" not in config["extra"] and config["extra"]["generator"] is False


def test_tags_survive_the_round_trip(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(ROOT, "utf-8")
    text = dump_config(site_config(load_root_config(tmp_path / "mkdocs.yml"), SETTINGS, tmp_path))
    assert "!!python/name:material.extensions.emoji.twemoji" in text
    assert "!ENV" in text and "ANALYTICS" in text
    from mkdocs.utils.yaml import get_yaml_loader

    reread = yaml.load(text, Loader=get_yaml_loader())
    assert reread["extra"]["analytics"] is False
    assert callable(reread["markdown_extensions"][1]["pymdownx.emoji"]["emoji_index"])


def test_versioned_config_enables_the_selector() -> None:
    config = site_config(
        {}, SiteSettings("站点", None, [], "docs", "j.txt", versioned=True), Path()
    )
    assert config["extra"]["version"] == {"provider": "mike", "alias": True}
    assert config["theme"]["name"] == "material" and "site_url" not in config
    assert config["plugins"] == [{"search": {"jieba_dict_user": "j.txt"}}]


def test_asset_paths_skip_urls() -> None:
    root = load_root_config_from_text(ROOT)
    assert asset_paths(root) == ["assets/logo.png", "assets/site.css"]


def load_root_config_from_text(text: str) -> dict[str, object]:
    from builder.site.config import _Loader

    data: dict[str, object] = yaml.load(text, Loader=_Loader)
    return data


def test_bad_root_config_is_a_located_usage_error(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("theme:\n  name: [material\n", "utf-8")
    with pytest.raises(UsageError) as caught:
        load_root_config(tmp_path / "mkdocs.yml")
    assert caught.value.line == 3 and "mkdocs.yml" in caught.value.file
    (tmp_path / "mkdocs.yml").write_text("- a\n", "utf-8")
    with pytest.raises(UsageError):
        load_root_config(tmp_path / "mkdocs.yml")
    assert load_root_config(tmp_path / "absent.yml") == {}
    assert isinstance(load_root_config_from_text("x: !ENV A")["x"], Tagged)


def test_a_shard_publishes_under_its_folder_of_the_site_url(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(ROOT, "utf-8")
    root = load_root_config(tmp_path / "mkdocs.yml")
    shard = dataclasses.replace(SETTINGS, site_path="510209/", homepage="../")
    config = site_config(root, shard, tmp_path)
    assert config["site_url"] == "https://std.example.org/510209/"
    assert config["extra"]["homepage"] == "../"
    assert "homepage" not in site_config(root, SETTINGS, tmp_path)["extra"]

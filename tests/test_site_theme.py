"""The generated theme override: the Content-Security-Policy, Material's inline scripts moved
into files, the user's custom_dir merged in (regular files only)."""

from __future__ import annotations

import re
from pathlib import Path

from builder.site.config import SiteSettings, site_config
from builder.site.theme import (
    CSP_META,
    LIVERELOAD_SCRIPT,
    THEME_DIR,
    USER_MAIN,
    script_files,
    theme_files,
)

SETTINGS = SiteSettings("站点", None, [{"首页": "index.md"}], "docs", "jieba.txt")


def test_no_inline_script_is_left_in_the_override() -> None:
    files = theme_files()
    main = files["main.html"]
    assert isinstance(main, bytes) and CSP_META.encode() in main
    assert main.startswith(b'{% extends "base.html" %}')
    partials = {k: v for k, v in files.items() if k.startswith("partials/javascripts/")}
    assert {"partials/javascripts/base.html", "partials/javascripts/content.html"} <= set(partials)
    for name, content in partials.items():
        assert isinstance(content, bytes)
        assert not re.search(rb"<script(?![^>]*\bsrc=)", content), name
    scripts = script_files()
    assert LIVERELOAD_SCRIPT in scripts
    for name, body in scripts.items():
        assert b"{{" not in body and b"{%" not in body, name
    assert b"document.currentScript.dataset.scope" in scripts["assets/zhibiao/base-1.js"]


def test_the_users_custom_dir_is_merged_without_following_links(tmp_path: Path) -> None:
    user = tmp_path / "overrides"
    (user / "partials").mkdir(parents=True)
    (user / "main.html").write_text('{% extends "base.html" %}{% block announce %}x{% endblock %}')
    (user / "partials" / "footer.html").write_text("<footer>页脚</footer>")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    (user / "partials" / "leak.html").symlink_to(outside)
    (user / "linked-folder").symlink_to(tmp_path)
    files = theme_files([user])
    assert files["partials/footer.html"] == user / "partials" / "footer.html"
    assert files[USER_MAIN] == user / "main.html"
    main = files["main.html"]
    assert isinstance(main, bytes) and main.startswith(f'{{% extends "{USER_MAIN}" %}}'.encode())
    assert "partials/leak.html" not in files
    assert not any(k.startswith("linked-folder") for k in files)


def test_the_config_uses_the_override_and_serve_loads_live_reload() -> None:
    config = site_config({"theme": {"name": "material", "custom_dir": "mine"}}, SETTINGS, Path())
    assert config["theme"]["custom_dir"] == THEME_DIR
    assert "zhibiao_livereload" not in config["extra"]
    live = SiteSettings("站点", None, [], "docs", "jieba.txt", livereload=True)
    assert site_config({}, live, Path())["extra"]["zhibiao_livereload"] is True


def test_site_name_is_text() -> None:
    hostile = SiteSettings('职标<script>alert(1)</script>"', None, [], "docs", "jieba.txt")
    assert (
        site_config({}, hostile, Path())["site_name"]
        == "职标&lt;script&gt;alert(1)&lt;/script&gt;&quot;"
    )
    mine = site_config({"site_name": "A<b>"}, SETTINGS, Path())
    assert mine["site_name"] == "A&lt;b&gt;"

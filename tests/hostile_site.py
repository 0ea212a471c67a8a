"""A hostile corpus for the site: the example specialty 510209 with one course, every string
field carrying an HTML, Markdown or template payload, payloads in a file name and in
zhibiao.yaml, still checking clean. Committed to git twice (clean as `v1`, hostile as `v2`)
so `--changes-since` and `--from-git` have something to show.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.request
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from builder.base.diagnostics import Severity
from builder.checking.pipeline import run_check
from builder.project.loading import open_project
from builder.read.yamlsource import decode, parse

REPO = Path(__file__).resolve().parent.parent
SPECIALTY = "510209-人工智能技术应用"
COURSE = "zh01.yaml"
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    '{: onclick="alert(4)" }',
    "![](http://evil.example/x.png)",
    '"><svg onload=alert(5)>',
    "{{ config }}",
    "&lt;b&gt;",
    "**粗体** _斜体_ | 管道 |",
    "<a href='javascript:alert(6)'>点我</a>",
    '<iframe src="//evil.example/"></iframe>',
    "<style>body{background:url(http://evil.example/b.png)}</style>",
    "`code` ~~删除~~ ==标记== ^^上^^ :smile: $x$",
    "[缺页](../missing.md#x) <https://evil.example/a> [^1]",
)
HOSTILE_FILE = "ZH01 <img src=x onerror=alert(7)> [y](javascript:alert(8)).yaml"
SITE_TITLE = '职标<script>alert(9)</script>"><img src=x onerror=alert(10)>'
ISSUER = "[发布](javascript:alert(11)) <b onmouseover=alert(12)>机构</b>"
VERSION_TITLE = "2025<img src=x onerror=alert(13)>"
_KEEP = {"kind", "code", "ref", "specialty"}


def payload_for(text: str) -> str:
    """The payload a value gets: chosen by the value, so equal values stay equal."""
    return PAYLOADS[zlib.crc32(text.encode("utf-8")) % len(PAYLOADS)]


def _mutate(data: Any, key: str = "") -> Any:
    if isinstance(data, dict):
        return {k: _mutate(v, str(k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_mutate(v, key) for v in data]
    if isinstance(data, str) and key not in _KEEP:
        return f"{data} {payload_for(data)}"
    return data


def _restore(hostile: Any, clean: Any, path: tuple[Any, ...]) -> None:
    """Put the clean value back at `path` (or its deepest existing part)."""
    target, source = hostile, clean
    for part in path[:-1]:
        try:
            target, source = target[part], source[part]
        except (KeyError, IndexError, TypeError):
            return
    try:
        target[path[-1]] = source[path[-1]]
    except (KeyError, IndexError, TypeError):
        return


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def clean_project(root: Path) -> Path:
    """The example specialty with one course standard, its config and the root mkdocs.yml
    (the plan no longer names the other standards; competencies they carried are a warning)."""
    standards = root / "standards" / SPECIALTY
    shutil.copytree(REPO / "standards" / SPECIALTY, standards)
    for course in (standards / "courses").iterdir():
        if course.name != COURSE:
            course.unlink()
    specialty = parse(decode((standards / "specialty.yaml").read_bytes()))
    for row in specialty["courses"]:
        if row.get("standard") and row["standard"] != f"courses/{COURSE}":
            del row["standard"]
    _dump(standards / "specialty.yaml", specialty)
    config = yaml.safe_load((REPO / "zhibiao.yaml").read_text("utf-8"))
    config["severity"] = {"ZB301": "warning"}
    _dump(root / "zhibiao.yaml", config)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def make_hostile(root: Path, rounds: int = 8) -> None:
    """Put payloads into every string field that `check` lets through, rename the course
    file to a hostile name and set a hostile site title and issuer."""
    files = sorted((root / "standards").rglob("*.yaml"))
    clean = {f: parse(decode(f.read_bytes())) for f in files}
    hostile = {f: _mutate(data) for f, data in clean.items()}
    config = yaml.safe_load((root / "zhibiao.yaml").read_text("utf-8"))
    config["site"]["title"] = SITE_TITLE
    config["issuer"] = ISSUER
    _dump(root / "zhibiao.yaml", config)
    _until_clean(root, files, clean, hostile, rounds, "the hostile corpus")
    folder = root / "standards" / SPECIALTY
    (folder / "courses" / COURSE).rename(folder / "courses" / HOSTILE_FILE)
    specialty = hostile[folder / "specialty.yaml"]
    for row in specialty["courses"]:
        if row.get("standard") == f"courses/{COURSE}":
            row["standard"] = f"courses/{HOSTILE_FILE}"
    _dump(folder / "specialty.yaml", specialty)
    result = run_check(open_project(root / "standards", None))
    errors = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    assert not errors, errors


def hostile_repository(root: Path) -> Path:
    """A git repository: the clean corpus tagged `v1`, the hostile one tagged `v2` (and in
    the working tree)."""
    clean_project(root)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "clean")
    _git(root, "tag", "v1")
    make_hostile(root)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "hostile")
    _git(root, "tag", "v2")
    return root


SPY = """
window.__zb = {violations: [], dialogs: 0};
document.addEventListener("securitypolicyviolation", (e) => {
  window.__zb.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
HOVER = """() => {
  const hrefs = [];
  for (const a of document.querySelectorAll("a[href]")) {
    for (const type of ["pointerover", "pointerenter", "mouseover", "mouseenter", "mousemove"]) {
      a.dispatchEvent(new MouseEvent(type, {bubbles: type.endsWith("over"), view: window}));
    }
    hrefs.push([a.getAttribute("href"), a.href.split("#")[0]]);
  }
  return hrefs;
}"""
HANDLERS = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith("on") || (/^(href|src|action|formaction|xlink:href)$/.test(attr.name)
          && /^(javascript|data|vbscript):/.test(value.replace(/[\\s\\x00-\\x1f]/g, "")))) {
        found.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
      }
    }
  }
  return found;
}"""


@dataclass
class Visit:
    """What the browser saw on the pages of one site."""

    pages: int = 0
    clicks: int = 0
    text: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def html_pages(site: Path) -> list[str]:
    """Site-relative URLs of every HTML page of a built site (directory URLs)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        urls.append(rel.removesuffix("index.html"))
    return urls


def _evaluate(page: Any, script: str) -> Any:
    """`page.evaluate`, again after a navigation that was still under way (a redirect: the
    meta refresh starts after `load`, so the old document can still report itself loaded
    for a while on a busy machine; hence a pause before each new try, for up to 30 s)."""
    for _ in range(300):
        try:
            return page.evaluate(script)
        except Exception as error:  # playwright's Error; the page moved on meanwhile
            if "Execution context was destroyed" not in str(error):
                raise
            page.wait_for_timeout(100)
            page.wait_for_load_state("load")
    raise AssertionError(f"the page never settled: {page.url}")


def _download(href: str) -> bool:
    return (
        urlsplit(href)
        .path.lower()
        .endswith((".yaml", ".yml", ".json", ".xlsx", ".docx", ".csv", ".zip"))
    )


def visit(
    context: Any, base: str, urls: list[str], *, clicks: int = 2, serve: bool = False
) -> Visit:
    """Load every page, hover every link (mouse events on each), and click `clicks` links
    per page that no earlier page clicked; record dialogs, requests to other hosts, CSP
    violations, handler attributes and `javascript:` addresses, titles and the text shown."""
    seen = Visit()
    host = urlsplit(base).netloc
    page = context.new_page()
    page.add_init_script(SPY)
    page.on("dialog", lambda d: (seen.problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on(
        "request",
        lambda r: (
            seen.problems.append(f"request to another host: {r.url}")
            if urlsplit(r.url).scheme not in ("data", "blob") and urlsplit(r.url).netloc != host
            else None
        ),
    )
    page.on("pageerror", lambda e: seen.problems.append(f"page error: {e}"))

    def check(where: str) -> None:
        for found in _evaluate(page, HANDLERS):
            seen.problems.append(f"{where}: {found}")
        for violation in _evaluate(page, "() => window.__zb ? window.__zb.violations : []"):
            # `zhibiao serve`: MkDocs injects its live-reload script inline; blocked, as it must be
            if not (serve and violation.startswith("script-src-elem inline")):
                seen.problems.append(f"{where}: CSP violation {violation}")

    clicked: set[str] = set()
    for url in urls:
        start = f"{base}/{url}"
        with urllib.request.urlopen(start) as served:  # a redirect page: wait for its target
            redirects = b'http-equiv="refresh"' in served.read()
        page.goto(start)
        if redirects:
            page.wait_for_url(lambda now, left=start: now != left, wait_until="load", timeout=30000)
        page.wait_for_load_state("load")
        seen.pages += 1
        seen.text.append(_evaluate(page, "() => document.body ? document.body.innerText : ''"))
        seen.titles.append(page.title())
        check(url)
        targets: list[list[str]] = _evaluate(page, HOVER)
        check(url)
        fresh = [
            (href, absolute)
            for href, absolute in targets
            if absolute not in clicked and not href.startswith("#") and not _download(href)
        ]
        for href, absolute in list(dict(fresh).items())[:clicks]:
            clicked.add(absolute)
            target = page.locator(f"a[href={json.dumps(href)}]").first
            with page.expect_navigation(wait_until="load", timeout=15000):
                target.evaluate("a => a.click()")
            seen.clicks += 1
            check(f"{url} → {href}")
            page.goto(f"{base}/{url}")
    page.close()
    return seen


# ---- the whole example library ---------------------------------------------------------------

REVIEW_PAYLOAD = (
    "<script>alert(21)</script> [l](javascript:alert(22)) {: onclick=alert(23) } "
    "![](http://evil.example/r.png)"
)
LEVEL_LOW = "了解<b onmouseover=alert(24)>"
LEVEL_HIGH = "运用|<i>斜</i>"
HOSTILE_FOLDER = "330701-电子<img src=x onerror=alert(25)>[d](javascript:alert(26))"
HOSTILE_SHARED = "公共<svg onload=alert(27)>"
HOSTILE_PLAN = "jiangcheng <img src=x onerror=alert(28)>.yaml"
CONFIG_PAYLOADS = {
    "catalog_extra": [
        {"code": "510299", "name": "扩展<img src=x onerror=alert(29)>", "level": "高职专科"}
    ],
    "occupation_extra": [{"code": "4-04-05-99", "name": "职业<script>alert(30)</script>"}],
    "level_vocabularies": {"等级<b onclick=alert(31)>": ["五级<i>", "四级"]},
}
REVIEW_RECORD = f"""kind: review
standard: specialty.yaml
comments:
  - id: C001
    unit: "单位{REVIEW_PAYLOAD}"
    anchor: "7.1"
    original: "原文{REVIEW_PAYLOAD}"
    proposal: "建议{REVIEW_PAYLOAD}"
    reason: "理由{REVIEW_PAYLOAD}"
    source: "来源{REVIEW_PAYLOAD}"
    disposition: 部分采纳
    revised: "修改后{REVIEW_PAYLOAD}"
    response: "处理意见{REVIEW_PAYLOAD}"
  - id: C002
    unit: "乙{REVIEW_PAYLOAD}"
    anchor: 全文
    proposal: "增加{REVIEW_PAYLOAD}"
    disposition: 未采纳
    response: "不采纳{REVIEW_PAYLOAD}"
vote:
  date: 2026-12-01
  present: 9
  approve: 8
  against: 1
  abstain: 0
  conclusion: "通过{REVIEW_PAYLOAD}"
"""


def _errors(root: Path) -> list[Any]:
    result = run_check(open_project(root / "standards", None))
    return [d for d in result.diagnostics if d.severity == Severity.ERROR]


def _until_clean(
    root: Path,
    files: list[Path],
    clean: dict[Path, Any],
    hostile: dict[Path, Any],
    rounds: int,
    what: str,
) -> None:
    """Write the `hostile` data, then put back the clean value wherever `check` reports an
    error, until the corpus checks clean (at most `rounds` times)."""
    by_name = {f.resolve().as_posix(): f for f in files}
    for _ in range(rounds):
        for path, data in hostile.items():
            _dump(path, data)
        errors = _errors(root)
        if not errors:
            return
        for diagnostic in errors:
            found = by_name.get(Path(diagnostic.file).resolve().as_posix()) or next(
                (f for f in files if f.as_posix().endswith(diagnostic.file)), None
            )
            if found is None or not diagnostic.data_path:
                raise AssertionError(f"cannot place {diagnostic}")
            _restore(hostile[found], clean[found], tuple(diagnostic.data_path))
    raise AssertionError(f"{what} does not check clean: {errors}")


def hostile_examples(root: Path, rounds: int = 10) -> Path:
    """Every example standard (four specialties with their 中高本衔接 chain, plans, the shared
    公共基础课 standard) with payloads in every string field that `check` lets through, and
    in what the one-specialty corpus leaves out: the learning levels and other zhibiao.yaml
    fields, a decided review record (征求意见处理情况), a plan's file name, a specialty's
    and the shared standards' folder names. Checks clean."""
    shutil.copytree(REPO / "standards", root / "standards")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    config = yaml.safe_load((REPO / "zhibiao.yaml").read_text("utf-8"))
    config["site"]["title"] = SITE_TITLE
    config["issuer"] = ISSUER
    levels = config["learning_levels"]
    config["learning_levels"] = [LEVEL_LOW, *levels[1:-1], LEVEL_HIGH]
    config.update(CONFIG_PAYLOADS)
    config["severity"] = {"ZB301": "warning"}
    _dump(root / "zhibiao.yaml", config)
    files = sorted((root / "standards").rglob("*.yaml"))
    for path in files:
        text = path.read_text("utf-8")
        path.write_text(text.replace(levels[0], LEVEL_LOW).replace(levels[-1], LEVEL_HIGH))
    clean = {f: parse(decode(f.read_bytes())) for f in files}
    hostile = {f: _mutate(data) for f, data in clean.items()}
    _until_clean(root, files, clean, hostile, rounds, "the hostile examples")
    ai = root / "standards" / SPECIALTY
    specialty = ai / "specialty.yaml"
    text = specialty.read_text("utf-8")
    specialty.write_text(text.replace("status: 征求意见稿", "status: 送审稿", 1), "utf-8")
    (ai / "specialty.review.yaml").write_text(REVIEW_RECORD, "utf-8")
    (ai / "plans" / "jiangcheng-2026.yaml").rename(ai / "plans" / HOSTILE_PLAN)
    standards = root / "standards"
    (standards / "330701-电子商务").rename(standards / HOSTILE_FOLDER)
    (standards / "公共基础课").rename(standards / HOSTILE_SHARED)
    errors = _errors(root)
    assert not errors, errors
    return root

"""`python -m builder.site.batch JOBS.json`: build several MkDocs sites in one process.

A split build has hundreds of small sites. Starting `mkdocs build` for each costs about a
second of interpreter start, imports and jieba's dictionary load, more than rendering a
specialty's 30 pages, so a worker builds a list of sites in turn and prints one JSON result
per site on stdout. Between sites it restores jieba's dictionary to the state before any
user words were loaded: otherwise a site's search index would depend on which sites the
same worker built before it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from builder.project import UsageError
from builder.site import jiebadict, pagereuse
from builder.site.engine import compact_search_index
from builder.site.pagecache import TemplateCache


class _Collect(logging.Handler):
    """Keeps the WARNING and ERROR records MkDocs logs while one site builds."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


def _import_jieba() -> Any:
    """`import jieba` without `pkg_resources`, which jieba imports only to open its own word
    list (it falls back to a path next to its module) and which takes a tenth of the
    worker's start-up."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


class _Jieba:
    """jieba's global dictionary, restored before each site to the default one.

    With the project's cache, the dictionary is looked up in a database instead of loaded
    (`builder.site.jiebadict`); without, it is loaded once and a copy kept to restore."""

    def __init__(self, project: Path | None = None) -> None:
        jieba = _import_jieba()
        jieba.setLogLevel(logging.WARNING)
        self.tokenizer = jieba.dt
        self.dictionary = self.tokenizer.dictionary
        self.lookup = jiebadict.open_dictionary(project)
        self.freq: dict[str, int] = {}
        if self.lookup is None:
            if not isinstance(self.tokenizer.FREQ, dict):  # set by an earlier instance
                self.tokenizer.initialized = False
            self.tokenizer.check_initialized()
            self.freq = dict(self.tokenizer.FREQ)
            self.total = self.tokenizer.total
        else:
            self.total = self.lookup.total

    def reset(self) -> None:
        tokenizer = self.tokenizer
        with tokenizer.lock:
            tokenizer.dictionary = self.dictionary  # a site's `jieba_dict` changed it
            if self.lookup is not None:
                tokenizer.FREQ = self.lookup.freq()
                tokenizer.initialized = True
            else:
                tokenizer.FREQ = dict(self.freq)
            tokenizer.total = self.total
            tokenizer.user_word_tag_tab = {}


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates shared by every site the worker builds, and kept on disk
    for the next build when the project's cache can be written (`TemplateCache`).

    MkDocs makes a new Jinja environment per site and Material has ~40 templates: compiling
    them took a third of a small site's build, and most of a shard with one page to render.
    The bucket holds a checksum of the template source, so a site with its own theme
    overrides still gets its own templates."""

    def __init__(self, kept: TemplateCache | None = None) -> None:
        self.store: dict[str, bytes] = {}
        self.kept = kept

    @staticmethod
    def _key(bucket: jinja2.bccache.Bucket) -> str:
        return hashlib.blake2b(bucket.key.encode("utf-8"), digest_size=16).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is None and self.kept is not None:
            data = self.kept.load(self._key(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)  # rejected there if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store[bucket.key] = bucket.bytecode_to_string()
        if self.kept is not None:
            self.kept.store(self._key(bucket), data)


def _share_compiled_templates(project: Path | None = None) -> None:
    from mkdocs.theme import Theme

    try:  # the main process refuses a linked store before starting any worker
        kept = TemplateCache.open(project, scope="site") if project else None
    except UsageError:
        kept = None
    cache = _CompiledTemplates(kept)
    make_env = Theme.get_env

    def get_env(theme: Theme) -> jinja2.Environment:
        env = make_env(theme)
        env.bytecode_cache = cache
        return env

    Theme.get_env = get_env  # type: ignore[method-assign,assignment]


def build_one(
    config_file: Path,
    site_dir: Path,
    jieba: _Jieba,
    log: _Collect,
    previous: Path | None = None,
    record: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Build one site strictly, keeping the pages of its `previous` output that `record`
    (that output's page record) shows unchanged (`builder.site.pagereuse`); the result says
    whether it passed, what MkDocs warned, how many pages were kept and the new record."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    jieba.reset()
    log.records.clear()
    os.chdir(config_file.parent)  # the search plugin opens the jieba dictionary relative to it
    error = ""
    reuse = pagereuse.PageReuse(previous, record)
    config = None
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        pagereuse.attach(config, reuse)
        build(config)
    except MkDocsException as exc:
        error = str(exc)
    except Exception as exc:  # a plugin or theme crashed: report it for this site only
        error = f"{type(exc).__name__}: {exc}"
    finally:
        pagereuse.detach()
    result: dict[str, Any] = {"config": str(config_file), "site_dir": str(site_dir)}
    result["warnings"] = list(log.records)
    result["error"] = error
    if config is not None and not error and not log.records:
        compact_search_index(site_dir)
        result["pages"] = reuse.new_record(config)
    return result


def main(argv: list[str]) -> int:
    """Build every site listed in the JSON file `argv[0]` ({"sites": [{"config": …,
    "site_dir": …, "previous": …, "record": …}], "project": folder whose cache may keep
    compiled templates, or null})."""
    data = json.loads(Path(argv[0]).read_text("utf-8"))
    log = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(log)
    logger.propagate = False
    project = Path(data["project"]) if data.get("project") else None
    jieba = _Jieba(project)
    _share_compiled_templates(project)
    pagereuse.install()
    for job in data["sites"]:
        previous = Path(job["previous"]) if job.get("previous") else None
        where = Path(job["config"]), Path(job["site_dir"])
        result = build_one(*where, jieba, log, previous, job.get("record"))
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

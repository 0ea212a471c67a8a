"""`python -m builder.site.batch JOBS.json`: build several MkDocs sites in one process.

A split build has hundreds of small sites. Starting `mkdocs build` for each costs about a
second of interpreter start, imports and jieba's dictionary load, more than rendering a
specialty's 30 pages, so a worker builds a list of sites in turn and prints one JSON result
per site on stdout. Between sites it restores jieba's dictionary to the state before any
user words were loaded: otherwise a site's search index would depend on which sites the
same worker built before it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from builder.site.engine import compact_search_index


class _Collect(logging.Handler):
    """Keeps the WARNING and ERROR records MkDocs logs while one site builds."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


class _Jieba:
    """Snapshot of jieba's global dictionary, restored before each site."""

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.tokenizer = jieba.dt
        self.tokenizer.check_initialized()
        self.freq = dict(self.tokenizer.FREQ)
        self.total = self.tokenizer.total

    def reset(self) -> None:
        self.tokenizer.FREQ = dict(self.freq)
        self.tokenizer.total = self.total
        self.tokenizer.user_word_tag_tab = {}


def build_one(config_file: Path, site_dir: Path, jieba: _Jieba, log: _Collect) -> dict[str, Any]:
    """Build one site strictly; the result says whether it passed and what MkDocs warned."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    jieba.reset()
    log.records.clear()
    os.chdir(config_file.parent)  # the search plugin opens the jieba dictionary relative to it
    error = ""
    try:
        build(load_config(str(config_file), site_dir=str(site_dir), strict=True))
    except MkDocsException as exc:
        error = str(exc)
    except Exception as exc:  # a plugin or theme crashed: report it for this site only
        error = f"{type(exc).__name__}: {exc}"
    if not error and not log.records:
        compact_search_index(site_dir)
    return {"config": str(config_file), "warnings": list(log.records), "error": error}


def main(argv: list[str]) -> int:
    """Build every site listed in the JSON file `argv[0]` ([{"config": …, "site_dir": …}])."""
    jobs = json.loads(Path(argv[0]).read_text("utf-8"))
    log = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(log)
    logger.propagate = False
    jieba = _Jieba()
    for job in jobs:
        result = build_one(Path(job["config"]), Path(job["site_dir"]), jieba, log)
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`zhibiao build` with nothing to do, decided before any configuration is loaded.

The full build (`builder.site.run`) loads `zhibiao.yaml` into the data model, the rule set
and the root `mkdocs.yml` before it asks the build record whether anything changed; that
loading costs more than the question. Here the same question is asked first: the project's
folders are found as `builder.project.loading.open_project` finds them, the inputs are
planned from the facts the last build recorded about both configuration files
(`builder.site.noop.Facts`) and keyed exactly as the full build keys them. Both files are
inputs, so the key equals the recorded one only when the recorded facts are still true.

Anything else — no record, another engine than the default, a git ref, a generated or given
修订说明, any error — returns False, and the full build runs (and reports the error itself).
This module imports neither pydantic, YAML, the checks nor the site pipeline.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from builder import report
from builder.project import UsageError, default_standards
from builder.project.buildlock import exclusive
from builder.read.configfile import find_config
from builder.site.engine import DEFAULT_ENGINE
from builder.site.gitsource import build_date
from builder.site.noop import Facts, plan_inputs, record_file, unchanged
from builder.site.options import SOURCE_DIR, BuildOptions
from builder.site.outdir import guard_site_dir, site_target
from builder.site.record import read_record
from builder.site.rootconfig import ROOT_CONFIG
from builder.site.versions import VERSIONS_FILE, check_name


def nothing_to_do(
    path: Path | None,
    config_path: Path | None,
    site_dir: Path | None,
    options: BuildOptions,
    *,
    fmt: str,
    engine: str | None,
    say: Callable[[str], None],
) -> bool:
    """True when the last build into the same folder was made from these very inputs and its
    output is untouched: its check report has been printed again, as the full build prints
    it, and nothing else was done. False: run the full build."""
    try:
        return _reprint(path, config_path, site_dir, options, fmt=fmt, engine=engine, say=say)
    except (UsageError, OSError):  # the full build meets it again and reports it
        return False


def _reprint(
    path: Path | None,
    config_path: Path | None,
    site_dir: Path | None,
    options: BuildOptions,
    *,
    fmt: str,
    engine: str | None,
    say: Callable[[str], None],
) -> bool:
    if options.rebuild or options.changelog is not None or options.source_dir is not None:
        return False
    standards = path if path is not None else default_standards()
    if not standards.is_dir():
        return False
    if config_path is None:
        config_path = find_config(standards.resolve())
    elif not config_path.is_file():
        return False
    root = config_path.parent if config_path else standards.resolve().parent
    target = site_target(site_dir, root)
    options = replace(options, site_dir=target, source_date_epoch=build_date(root, None))
    guard_site_dir(options.site_dir, root, standards)
    if options.version is not None:
        check_name(options.version, "版本号")
    elif (options.site_dir / VERSIONS_FILE).is_file():
        return False
    source_dir = root / SOURCE_DIR
    with exclusive(source_dir.parent, [source_dir, options.site_dir]):
        where = record_file(root, options)
        last = read_record(where) if where is not None else None
        facts = Facts.from_json(last.facts) if last is not None else None
        if last is None or facts is None:
            return False
        if (engine or facts.engine or DEFAULT_ENGINE.name) != DEFAULT_ENGINE.name:
            return False  # the full build checks that the other engine is installed
        inputs = plan_inputs(
            (root, standards, config_path),
            facts,
            options,
            None,
            DEFAULT_ENGINE.name,
            root / ROOT_CONFIG,
            last,
        )
        if not unchanged(last, inputs, options.site_dir):
            return False
        if fmt == "sarif":  # its rule table reads the registry of every rule
            import builder.ruleset  # noqa: F401

        report.select(fmt)(last.diagnostics, last.checked, sys.stdout)
        sys.stdout.flush()
        say("输入与上次构建相同，站点已是最新，未重新构建")
    published = options.site_dir / options.version if options.version else options.site_dir
    if last.forced:
        say("警告：检查未通过，站点已强制发布，每页顶部显示警告横幅。")
    say(f"站点未改动：{published}（需要重新构建时加 --rebuild）")
    return True

"""Zensical, the successor of Material for MkDocs, as a second site engine (optional extra).

Zensical reads the same generated `mkdocs.yml` (theme overrides, nav, validation), but it
has no `--site-dir` option and refuses an output folder outside the config's folder. So each
site is built from a sibling config (`ZENSICAL_CONFIG`: the generated one with `site_dir`
set to a scratch folder next to it), then moved into place; its cache is cleaned first
(`--clean`, every build from scratch) and removed afterwards. Strict mode turns broken
links and anchors into a failed build, as `mkdocs build --strict` does; its warnings are
quoted with their `file:line:col`.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.project import UsageError
from builder.read.config import ENGINE_MISSING
from builder.site.engine import BuildLog, PageRecords, SiteBuildError, SiteJob, engine_env
from builder.site.engine_errors import explain

ZENSICAL_CONFIG = ".zensical.yml"
"""The generated config with `site_dir` set, written next to `mkdocs.yml`."""
SCRATCH_SITE = ".zensical-site"
CACHE_DIR = ".cache"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_WARNING = re.compile(r"^\s*(Warning|Error):\s*(.*)$")
_PLACE = re.compile(r"\[\s*([^\]\s][^\]]*?:\d+:\d+)\s*\]")
_BUILT = re.compile(r"Build finished in ([0-9.]+)(m?s)")


def available() -> bool:
    """True when the `zensical` package can be imported by this Python."""
    try:
        return importlib.util.find_spec("zensical") is not None
    except (ImportError, ValueError):  # hidden or half-installed: not usable either
        return False


def require() -> None:
    """Raise the ZB940 usage error when Zensical is not installed."""
    if not available():
        raise UsageError(
            "站点引擎 zensical 没有安装",
            code=ENGINE_MISSING.code,
            hint="用 pip install -c constraints.txt -e '.[zensical]' 安装，或去掉 --engine zensical "
            "（zhibiao.yaml 的 site.engine）改用默认的 mkdocs。",
        )


def strip_ansi(text: str) -> str:
    """The engine's output without terminal colours (it colours even into a pipe)."""
    return _ANSI.sub("", text)


def warnings_in(output: str) -> tuple[str, ...]:
    """Each `Warning:`/`Error:` of Zensical's report as `file:line:col: message` (the place
    is on the frame line after it), or the message alone when it names no place."""
    lines = strip_ansi(output).splitlines()
    found: list[str] = []
    for number, line in enumerate(lines):
        match = _WARNING.match(line)
        if not match:
            continue
        message = match.group(2).strip()
        place = next(
            (m.group(1) for m in map(_PLACE.search, lines[number + 1 : number + 3]) if m), None
        )
        found.append(f"{place}: {message}" if place else message)
    return tuple(found)


def built_in(output: str) -> float | None:
    """Seconds of Zensical's closing "Build finished in …" line, if any."""
    match = _BUILT.search(strip_ansi(output))
    if not match:
        return None
    value = float(match.group(1))
    return value / 1000 if match.group(2) == "ms" else value


def zensical_config(config_file: Path) -> Path:
    """Write the sibling config Zensical builds from: `mkdocs.yml` with its output folder
    set to the scratch folder next to it (Zensical refuses one outside its project)."""
    config = yaml.load(config_file.read_text("utf-8"), Loader=yaml.SafeLoader)
    config["site_dir"] = SCRATCH_SITE
    target = config_file.with_name(ZENSICAL_CONFIG)
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return target


def _place(built: Path, site_dir: Path) -> None:
    """Move the scratch output to `site_dir` (emptied first: a clean build)."""
    if site_dir.is_dir():
        for child in site_dir.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        for child in built.iterdir():
            shutil.move(str(child), site_dir / child.name)
        built.rmdir()
    else:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(built), site_dir)


@dataclass(frozen=True, slots=True)
class ZensicalEngine:
    """`zensical build --strict --clean` / `zensical serve`, as subprocesses of this Python."""

    name: str = "zensical"

    def build(self, config_file: Path, site_dir: Path, *, epoch: int | None = None) -> BuildLog:
        """Build strictly into `site_dir`; every warning (broken link, anchor) fails."""
        require()
        config_file, site_dir = config_file.resolve(), site_dir.resolve()
        folder = config_file.parent
        scratch = folder / SCRATCH_SITE
        shutil.rmtree(scratch, ignore_errors=True)
        derived = zensical_config(config_file)
        command = [sys.executable, "-m", "zensical", "build", "--strict", "--clean"]
        command += ["-f", str(derived)]
        env = {**engine_env(epoch), "NO_COLOR": "1"}
        try:
            done = subprocess.run(
                command,
                cwd=folder,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                env=env,
                check=False,
            )
            output = strip_ansi(done.stdout + done.stderr)
            warnings = warnings_in(output)
            if done.returncode != 0 or warnings or not (scratch / "index.html").is_file():
                message, hint = explain(output, warnings, engine=self.name)
                raise SiteBuildError(message, hint=hint)
            _place(scratch, site_dir)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
            shutil.rmtree(folder / CACHE_DIR, ignore_errors=True)
            derived.unlink(missing_ok=True)
        return BuildLog(output, warnings)

    def serve(self, config_file: Path, address: str) -> subprocess.Popen[bytes]:
        """Start `zensical serve` on `address` (host:port); it rebuilds on change. It reads
        the generated `mkdocs.yml` itself (rewritten when the nav changes), so its output
        goes to the default `site/` next to it, inside the preview's sources."""
        require()
        config_file = config_file.resolve()
        command = [sys.executable, "-m", "zensical", "serve", "-f", str(config_file), "-a", address]
        return subprocess.Popen(command, cwd=config_file.parent, env=engine_env())

    def build_many(
        self,
        sites: Sequence[SiteJob],
        *,
        epoch: int | None = None,
        workers: int = 1,
        on_done: Callable[[int, int], None] | None = None,
        project: Path | None = None,
    ) -> PageRecords:
        """Build `sites` (each its own Zensical process), up to `workers` at once, heaviest
        first; every failure is collected and reported together. Every page is built: no
        page records."""
        if not sites:
            return {}
        require()
        order = sorted(sites, key=lambda s: (-s.weight, str(s.config_file)))
        failures: list[str] = []
        done = 0
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(order)))) as pool:
            futures = {
                pool.submit(self.build, s.config_file, s.site_dir, epoch=epoch): s for s in order
            }
            for future in as_completed(futures):
                site = futures[future]
                try:
                    future.result()
                except SiteBuildError as exc:
                    failures.append(f"[{site.config_file.parent.name}] {exc.message}")
                done += 1
                if on_done is not None:
                    on_done(done, len(order))
        if failures:
            raise SiteBuildError(
                f"{self.name} 构建失败：\n" + "\n".join(failures[:50]),
                hint="每个分站点的警告见上；修正后重试。",
            )
        return {}

"""The root `mkdocs.yml`: its name and the theme override folder it may name, resolved
without reading YAML (the no-op build checks its inputs before loading any configuration)."""

from __future__ import annotations

from pathlib import Path

from builder.project.paths import confined

ROOT_CONFIG = "mkdocs.yml"


def custom_dir(value: str, root_dir: Path) -> Path:
    """The resolved `theme.custom_dir`: a folder inside the project (the folder of
    mkdocs.yml), reached without a symbolic link; anything else would publish outside
    files, so it is a usage error naming the value."""
    folder = confined(Path(value), root_dir, "mkdocs.yml 的 theme.custom_dir")
    return folder.resolve()

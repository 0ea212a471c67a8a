"""Where `zhibiao.yaml` is: its name and the search upwards from the standards folder
(without loading it, so a caller that only needs the path stays light)."""

from __future__ import annotations

from pathlib import Path

CONFIG_NAME = "zhibiao.yaml"


def find_config(start: Path) -> Path | None:
    """Look for `zhibiao.yaml` in `start` and its parents."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None

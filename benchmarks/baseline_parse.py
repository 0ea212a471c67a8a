"""Baseline: parse every YAML file of a standards tree with PyYAML's C loader, nothing else.

    python3 benchmarks/baseline_parse.py STANDARDS_DIR

This is the yardstick of `benchmarks/run.py`: `zhibiao check` is compared with the time a
plain script needs just to read the same files into Python data.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main() -> int:
    """Parse every file; print the count."""
    files = sorted(Path(sys.argv[1]).rglob("*.yaml"))
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    print(len(files))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
